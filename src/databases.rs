//! The Databases resource: its wire types, named as in Turso's OpenAPI
//! description (`Name`, `DbId` and `Hostname` are capitalised on the wire),
//! and its twelve operations.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::Error;
use crate::operation::{
    AnswerAt, BodyFields, Input, Method, NoBody, Operation, Pages, Paging, Param, Spec, Validate,
    Visitor,
};
use crate::shared::{AuthToken, DatabaseUsage, TokenClaims, TOKEN_AUTHORIZATION, TOKEN_EXPIRATION};
use crate::validate;

/// A database as the API returns it (`Database`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(optional_fields)]
pub struct Database {
    #[serde(rename = "Name")]
    pub name: String,
    #[serde(rename = "DbId")]
    pub db_id: String,
    /// The host for libSQL and HTTP connections.
    #[serde(rename = "Hostname")]
    #[serde(skip_deserializing)]
    pub hostname: Option<String>,
    #[serde(skip_deserializing)]
    pub block_reads: Option<bool>,
    #[serde(skip_deserializing)]
    pub block_writes: Option<bool>,
    /// Deprecated by the API, still sent.
    #[serde(skip_deserializing)]
    pub regions: Option<Vec<String>>,
    #[serde(rename = "primaryRegion")]
    #[serde(skip_deserializing)]
    pub primary_region: Option<String>,
    /// The group it belongs to.
    #[serde(skip_deserializing)]
    pub group: Option<String>,
    #[serde(skip_deserializing)]
    pub delete_protection: Option<bool>,
    /// The database it was branched from; `null` for none.
    #[serde(skip_deserializing)]
    pub parent: Option<DatabaseParent>,
    /// What it runs on.
    // As `@tursodatabase/api` reads it (its PR #32).
    #[serde(skip_deserializing)]
    #[ts(optional, type = "\"libsql\" | \"tursodb\"")]
    pub database_type: Option<String>,
}

/// The database a branch was made from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(optional_fields)]
pub struct DatabaseParent {
    #[serde(skip_deserializing)]
    pub id: Option<String>,
    #[serde(skip_deserializing)]
    pub name: Option<String>,
    /// When it was branched, in RFC 3339.
    #[serde(skip_deserializing)]
    pub branched_at: Option<String>,
}

/// The body of Create Database (`CreateDatabaseInput`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(optional_fields = nullable)]
pub struct NewDatabase {
    pub name: String,
    /// The group to create it in, which must exist.
    pub group: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seed: Option<Seed>,
    /// Bytes, or a size with a unit such as `"256mb"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size_limit: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remote_encryption: Option<RemoteEncryption>,
    /// Create it as a TursoDB database rather than libSQL.
    // turso-cli's `use_tursodb` (`internal/turso/databases.go`,
    // `CreateDatabaseBody`, at e149f69), and `@tursodatabase/api`'s
    // `useTursoDb` (its PR #31).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub use_tursodb: Option<bool>,
}

/// What a new database starts from: a copy of a database, named, or a file
/// uploaded afterwards. [`Validate`] checks the name, and the TypeScript
/// says it; the time may be a `Date`, which is sent as its RFC 3339 text.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, TS)]
#[ts(
    type = "{ type: \"database\", name: string, timestamp?: Moment | null } | { type: \"database_upload\", name?: string | null, timestamp?: Moment | null }"
)]
pub struct Seed {
    #[serde(rename = "type")]
    pub kind: SeedKind,
    /// The database to copy, for `"database"`.
    #[serde(default)]
    pub name: Option<String>,
    /// The point in time to copy it at, in RFC 3339.
    #[serde(default)]
    pub timestamp: Option<String>,
}

/// The database to copy is sent twice, as `name` and as `value`. The
/// description, Turso's docs and `@tursodatabase/api` send `name`; turso-cli
/// sends `value` (`DBSeed`, `json:"value"`, since 420d3cf of 2023-09-13 and
/// still at e149f69). Which one the server reads is nowhere public. Both
/// clients work against it, so it takes a field it does not read without
/// complaint, and sending both is right whichever it reads.
impl Serialize for Seed {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut seed = serializer.serialize_struct("Seed", 4)?;
        seed.serialize_field("type", &self.kind)?;
        if let Some(name) = &self.name {
            seed.serialize_field("name", name)?;
            seed.serialize_field("value", name)?;
        }
        if let Some(timestamp) = &self.timestamp {
            seed.serialize_field("timestamp", timestamp)?;
        }
        seed.end()
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SeedKind {
    /// A copy of an existing database.
    Database,
    /// A SQLite file uploaded afterwards.
    DatabaseUpload,
}

/// How the database is encrypted at rest. Its `Debug` output hides the key.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RemoteEncryption {
    /// The key, in base64.
    pub encryption_key: String,
    pub encryption_cipher: Cipher,
}

impl std::fmt::Debug for RemoteEncryption {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RemoteEncryption")
            .field("encryption_key", &"[redacted]")
            .field("encryption_cipher", &self.encryption_cipher)
            .finish()
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Cipher {
    Aes256gcm,
    Aes128gcm,
    Chacha20poly1305,
    Aegis128l,
    Aegis128x2,
    Aegis128x4,
    Aegis256,
    Aegis256x2,
    Aegis256x4,
}

impl Validate for NewDatabase {
    fn validate(&self) -> Result<(), Error> {
        validate::database_name("name", &self.name)?;
        validate::segment("group", &self.group)?;
        if let Some(seed) = &self.seed {
            match (&seed.name, seed.kind) {
                (Some(name), _) => validate::database_name("seed", name)?,
                (None, SeedKind::Database) => {
                    return Err(Error::invalid(
                        "seed",
                        "seed.name is required when seed.type is \"database\"",
                    ))
                }
                (None, SeedKind::DatabaseUpload) => {}
            }
            if let Some(timestamp) = &seed.timestamp {
                validate::timestamp("seed", timestamp)?;
            }
        }
        if let Some(size_limit) = &self.size_limit {
            validate::size("size_limit", size_limit)?;
        }
        // The key is never quoted back: it is a secret.
        if self
            .remote_encryption
            .as_ref()
            .is_some_and(|encryption| encryption.encryption_key.is_empty())
        {
            return Err(Error::invalid(
                "remote_encryption",
                "remote_encryption.encryption_key must not be empty",
            ));
        }
        Ok(())
    }
}

/// A new database's names (`CreateDatabaseOutput`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CreatedDatabase {
    #[serde(rename = "DbId")]
    pub db_id: String,
    #[serde(rename = "Hostname")]
    pub hostname: String,
    #[serde(rename = "Name")]
    pub name: String,
}

/// A database's configuration (`DatabaseConfigurationResponse`), also the
/// body that updates it (`DatabaseConfigurationInput`), where a field left
/// out is left unchanged.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(optional_fields = nullable)]
pub struct DatabaseConfiguration {
    /// Bytes, or a size with a unit such as `"256mb"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size_limit: Option<String>,
    /// Deprecated by the API.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allow_attach: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub block_reads: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub block_writes: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delete_protection: Option<bool>,
    /// IP addresses and CIDR blocks allowed to connect; empty for any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allowed_ips: Option<Vec<String>>,
    /// AWS VPC endpoint IDs allowed to connect; empty for any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allowed_aws_vpc_ids: Option<Vec<String>>,
}

impl Validate for DatabaseConfiguration {
    fn validate(&self) -> Result<(), Error> {
        validate::some_change(self, "at least one field of DatabaseConfiguration")?;
        match &self.size_limit {
            Some(size_limit) => validate::size("size_limit", size_limit),
            None => Ok(()),
        }
    }
}

/// One instance of a database, in one location (`Instance`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(optional_fields)]
pub struct Instance {
    pub uuid: String,
    /// Its location code.
    pub name: String,
    #[serde(rename = "type")]
    #[serde(skip_deserializing)]
    #[ts(optional, type = "\"primary\" | \"replica\"")]
    pub kind: Option<String>,
    #[serde(skip_deserializing)]
    pub region: Option<String>,
    #[serde(skip_deserializing)]
    pub hostname: Option<String>,
}

/// A database's top queries (`DatabaseStatsOutput`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(optional_fields)]
pub struct QueryStats {
    pub query: String,
    #[serde(skip_deserializing)]
    pub rows_read: Option<u64>,
    #[serde(skip_deserializing)]
    pub rows_written: Option<u64>,
}

const DATABASES: &str = "/v1/organizations/{organizationSlug}/databases";
const DATABASE: &str = "/v1/organizations/{organizationSlug}/databases/{databaseName}";
const DATABASE_NAME: Param = Param::path("databaseName", "name", validate::database_name);
const INSTANCE_NAME: Param = Param::path("instanceName", "instance", validate::segment);

/// One page of databases, and where the next one starts.
// turso-cli's `ListResponse` (`internal/turso/databases.go` at e149f69).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(optional_fields)]
pub struct DatabasePage {
    pub databases: Vec<Database>,
    /// Absent, or without `next`, on the last page.
    // Typed, not passed as sent: the client follows it.
    #[serde(default)]
    pub pagination: Option<CursorPagination>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(optional_fields)]
pub struct CursorPagination {
    /// The `cursor` of the next page.
    #[serde(default)]
    pub next: Option<String>,
}

/// `databases.list({ group?, schema?, parent?, limit?, cursor? })`: every
/// database, page after page. The published description has no paging,
/// and its list stops at 1,000 databases (turso-cli PR #968); turso-cli
/// asks for `limit` and `cursor` and follows `pagination.next`
/// (`internal/turso/databases.go`, `DatabaseListOptions`, and
/// `internal/cmd/list_databases.go`, at e149f69).
pub struct List;
impl Operation for List {
    const DOC: &'static str = "Lists every database of the organization, by `group` or `parent` if given, following the pages (`limit` a page, 1000 unless given).";
    const SPEC: Spec = Spec {
        params: &[
            Param::query("group", validate::segment),
            Param::query("schema", validate::database_name),
            Param::query("parent", validate::segment),
            Param::query("limit", validate::positive_integer).taking(Input::Integer),
            Param::query("cursor", validate::any),
        ],
        pages: Some(Pages {
            items: "databases",
            by: Paging::Cursor,
        }),
        ..Spec::new("listDatabases", "databases.list", Method::Get, DATABASES)
    };
    type Body = NoBody;
    type Answer = DatabasePage;
}

/// `databases.get(name)`
pub struct Get;
impl Operation for Get {
    const DOC: &'static str =
        "Gets a database; rejects with `not_found` when there is none of that name.";
    const SPEC: Spec = Spec {
        args: &["name"],
        params: &[DATABASE_NAME],
        answer: AnswerAt::Member("database"),
        ..Spec::new("getDatabase", "databases.get", Method::Get, DATABASE)
    };
    type Body = NoBody;
    type Answer = Database;
}

/// `databases.create(name, { group, seed?, size_limit?, remote_encryption? })`
pub struct Create;
impl Operation for Create {
    const DOC: &'static str =
        "Creates a database in a group; rejects with `conflict` when the name is taken.";
    const SPEC: Spec = Spec {
        args: &["name"],
        body: BodyFields::Required(&[
            "name",
            "group",
            "seed",
            "size_limit",
            "remote_encryption",
            "use_tursodb",
        ]),
        answer: AnswerAt::Member("database"),
        ..Spec::new(
            "createDatabase",
            "databases.create",
            Method::Post,
            DATABASES,
        )
    };
    type Body = NewDatabase;
    type Answer = CreatedDatabase;
}

/// `databases.delete(name)`: resolves to the deleted database's name.
pub struct Delete;
impl Operation for Delete {
    const DOC: &'static str = "Deletes a database; resolves to its name.";
    const SPEC: Spec = Spec {
        args: &["name"],
        params: &[DATABASE_NAME],
        answer: AnswerAt::Member("database"),
        ..Spec::new(
            "deleteDatabase",
            "databases.delete",
            Method::Delete,
            DATABASE,
        )
    };
    type Body = NoBody;
    type Answer = String;
}

const CONFIGURATION: &str =
    "/v1/organizations/{organizationSlug}/databases/{databaseName}/configuration";

/// `databases.getConfiguration(name)`
pub struct GetConfiguration;
impl Operation for GetConfiguration {
    const DOC: &'static str = "Gets a database's configuration.";
    const SPEC: Spec = Spec {
        args: &["name"],
        params: &[DATABASE_NAME],
        ..Spec::new(
            "getDatabaseConfiguration",
            "databases.getConfiguration",
            Method::Get,
            CONFIGURATION,
        )
    };
    type Body = NoBody;
    type Answer = DatabaseConfiguration;
}

/// `databases.updateConfiguration(name, { size_limit?, allow_attach?, … })`
pub struct UpdateConfiguration;
impl Operation for UpdateConfiguration {
    const DOC: &'static str =
        "Changes a database's configuration; what is left out is left unchanged.";
    const SPEC: Spec = Spec {
        args: &["name"],
        params: &[DATABASE_NAME],
        body: BodyFields::Required(&[
            "size_limit",
            "allow_attach",
            "block_reads",
            "block_writes",
            "delete_protection",
            "allowed_ips",
            "allowed_aws_vpc_ids",
        ]),
        ..Spec::new(
            "updateDatabaseConfiguration",
            "databases.updateConfiguration",
            Method::Patch,
            CONFIGURATION,
        )
    };
    type Body = DatabaseConfiguration;
    type Answer = DatabaseConfiguration;
}

/// `databases.listInstances(name)`
pub struct ListInstances;
impl Operation for ListInstances {
    const DOC: &'static str = "Lists a database's instances, one per location.";
    const SPEC: Spec = Spec {
        args: &["name"],
        params: &[DATABASE_NAME],
        answer: AnswerAt::Member("instances"),
        ..Spec::new(
            "listDatabaseInstances",
            "databases.listInstances",
            Method::Get,
            "/v1/organizations/{organizationSlug}/databases/{databaseName}/instances",
        )
    };
    type Body = NoBody;
    type Answer = Vec<Instance>;
}

/// `databases.getInstance(name, instance)`: `instance` is a location code.
pub struct GetInstance;
impl Operation for GetInstance {
    const DOC: &'static str = "Gets a database's instance in one location.";
    const SPEC: Spec = Spec {
        args: &["name", "instance"],
        params: &[
            DATABASE_NAME,
            INSTANCE_NAME,
        ],
        answer: AnswerAt::Member("instance"),
        ..Spec::new(
            "getDatabaseInstance",
            "databases.getInstance",
            Method::Get,
            "/v1/organizations/{organizationSlug}/databases/{databaseName}/instances/{instanceName}",
        )
    };
    type Body = NoBody;
    type Answer = Instance;
}

/// `databases.createToken(name, { expiration?, authorization?, permissions?,
/// fine_grained_permissions? })`, with the body sent only with one of the
/// last two, as `groups.createToken`.
pub struct CreateToken;
impl Operation for CreateToken {
    const DOC: &'static str = "Mints a token for a database; the token is never put in an error.";
    const SPEC: Spec = Spec {
        args: &["name"],
        params: &[DATABASE_NAME, TOKEN_EXPIRATION, TOKEN_AUTHORIZATION],
        body: BodyFields::WhenGiven(&["permissions", "fine_grained_permissions"]),
        secret_answer: true,
        ..Spec::new(
            "createDatabaseToken",
            "databases.createToken",
            Method::Post,
            "/v1/organizations/{organizationSlug}/databases/{databaseName}/auth/tokens",
        )
    };
    type Body = TokenClaims;
    type Answer = AuthToken;
}

/// `databases.rotateTokens(name)`: the API answers 200 with no body.
pub struct RotateTokens;
impl Operation for RotateTokens {
    const DOC: &'static str = "Invalidates every token of a database; resolves to nothing.";
    const SPEC: Spec = Spec {
        args: &["name"],
        params: &[DATABASE_NAME],
        answer: AnswerAt::Nothing,
        ..Spec::new(
            "invalidateDatabaseTokens",
            "databases.rotateTokens",
            Method::Post,
            "/v1/organizations/{organizationSlug}/databases/{databaseName}/auth/rotate",
        )
    };
    type Body = NoBody;
    type Answer = ();
}

/// `databases.wakeup(name)`. Not in the published description; the wire is
/// turso-cli's (`internal/turso/databases.go`, `Wakeup`, at e149f69): a
/// `POST` with no body, done on 200, whose answer the CLI does not read.
pub struct Wakeup;
impl Operation for Wakeup {
    const DOC: &'static str =
        "Wakes a database that was put to sleep for inactivity; resolves to nothing.";
    const SPEC: Spec = Spec {
        args: &["name"],
        params: &[DATABASE_NAME],
        answer: AnswerAt::Nothing,
        ..Spec::new(
            "wakeupDatabase",
            "databases.wakeup",
            Method::Post,
            "/v1/organizations/{organizationSlug}/databases/{databaseName}/wakeup",
        )
    };
    type Body = NoBody;
    type Answer = ();
}

/// The body of Transfer Database: the organization that receives it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DatabaseTransfer {
    /// The slug of the organization that receives the database.
    pub org: String,
}

impl Validate for DatabaseTransfer {
    fn validate(&self) -> Result<(), Error> {
        validate::segment("org", &self.org)
    }
}

/// `databases.transfer(name, { org })`: turso-cli's `Transfer`
/// (`internal/turso/databases.go` at e149f69, body `{"org": …}`); the
/// description lacks it. The API's answer is not read, as the CLI reads none.
pub struct Transfer;
impl Operation for Transfer {
    const DOC: &'static str = "Moves a database to another organization; resolves to nothing.";
    const SPEC: Spec = Spec {
        args: &["name"],
        params: &[DATABASE_NAME],
        body: BodyFields::Required(&["org"]),
        answer: AnswerAt::Nothing,
        ..Spec::new(
            "transferDatabase",
            "databases.transfer",
            Method::Post,
            "/v1/organizations/{organizationSlug}/databases/{databaseName}/transfer",
        )
    };
    type Body = DatabaseTransfer;
    type Answer = ();
}

/// `databases.waitForInstance(name, instance)`: turso-cli's `Wait`
/// (`internal/turso/instances.go` at e149f69); the description lacks it.
pub struct WaitForInstance;
impl Operation for WaitForInstance {
    const DOC: &'static str =
        "Waits until a database's instance in a location is ready; resolves to nothing.";
    const SPEC: Spec = Spec {
        args: &["name", "instance"],
        params: &[DATABASE_NAME, INSTANCE_NAME],
        answer: AnswerAt::Nothing,
        ..Spec::new(
            "waitDatabaseInstance",
            "databases.waitForInstance",
            Method::Get,
            "/v1/organizations/{organizationSlug}/databases/{databaseName}/instances/{instanceName}/wait",
        )
    };
    type Body = NoBody;
    type Answer = ();
}

/// `databases.usage(name, { from?, to? })`, each a `Date` or RFC 3339 text.
pub struct GetUsage;
impl Operation for GetUsage {
    const DOC: &'static str =
        "Gets a database's usage, this month unless `from` and `to` say otherwise.";
    const SPEC: Spec = Spec {
        args: &["name"],
        params: &[
            DATABASE_NAME,
            Param::query("from", validate::timestamp).taking(Input::Time),
            Param::query("to", validate::timestamp).taking(Input::Time),
        ],
        answer: AnswerAt::Member("database"),
        ..Spec::new(
            "getDatabaseUsage",
            "databases.usage",
            Method::Get,
            "/v1/organizations/{organizationSlug}/databases/{databaseName}/usage",
        )
    };
    type Body = NoBody;
    type Answer = DatabaseUsage;
}

/// `databases.stats(name)`: the top queries, or `null` when there are none.
pub struct GetStats;
impl Operation for GetStats {
    const DOC: &'static str =
        "Gets a database's top queries; resolves to `null` when there are none.";
    const SPEC: Spec = Spec {
        args: &["name"],
        params: &[DATABASE_NAME],
        answer: AnswerAt::Member("top_queries"),
        ..Spec::new(
            "getDatabaseStats",
            "databases.stats",
            Method::Get,
            "/v1/organizations/{organizationSlug}/databases/{databaseName}/stats",
        )
    };
    type Body = NoBody;
    type Answer = Option<Vec<QueryStats>>;
}

/// Every operation of the resource.
pub fn operations(visitor: &mut impl Visitor) {
    visitor.visit::<List>();
    visitor.visit::<Get>();
    visitor.visit::<Create>();
    visitor.visit::<Delete>();
    visitor.visit::<GetConfiguration>();
    visitor.visit::<UpdateConfiguration>();
    visitor.visit::<ListInstances>();
    visitor.visit::<GetInstance>();
    visitor.visit::<CreateToken>();
    visitor.visit::<RotateTokens>();
    visitor.visit::<Wakeup>();
    visitor.visit::<Transfer>();
    visitor.visit::<WaitForInstance>();
    visitor.visit::<GetUsage>();
    visitor.visit::<GetStats>();
}
