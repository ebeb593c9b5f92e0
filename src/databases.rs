//! The Databases resource: its wire types, named as in Turso's OpenAPI
//! description (`Name`, `DbId` and `Hostname` are capitalised on the wire),
//! and its twelve operations.

use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::groups::{AuthToken, TokenClaims, TOKEN_AUTHORIZATION, TOKEN_EXPIRATION};
use crate::operation::{Answer, Input, NoBody, Operation, Param, Payload, Spec, Validate, Visitor};
use crate::request::Method;
use crate::validate;

/// A database as the API returns it (`Database`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Database {
    #[serde(rename = "Name")]
    pub name: String,
    #[serde(rename = "DbId")]
    pub db_id: String,
    /// The host for libSQL and HTTP connections.
    #[serde(rename = "Hostname")]
    #[cfg_attr(target_arch = "wasm32", serde(skip_deserializing))]
    pub hostname: Option<String>,
    #[cfg_attr(target_arch = "wasm32", serde(skip_deserializing))]
    pub block_reads: Option<bool>,
    #[cfg_attr(target_arch = "wasm32", serde(skip_deserializing))]
    pub block_writes: Option<bool>,
    /// Deprecated by the API, still sent.
    #[cfg_attr(target_arch = "wasm32", serde(skip_deserializing))]
    pub regions: Option<Vec<String>>,
    #[serde(rename = "primaryRegion")]
    #[cfg_attr(target_arch = "wasm32", serde(skip_deserializing))]
    pub primary_region: Option<String>,
    /// The group it belongs to.
    #[cfg_attr(target_arch = "wasm32", serde(skip_deserializing))]
    pub group: Option<String>,
    #[cfg_attr(target_arch = "wasm32", serde(skip_deserializing))]
    pub delete_protection: Option<bool>,
    /// The database it was branched from; `null` for none.
    #[cfg_attr(target_arch = "wasm32", serde(skip_deserializing))]
    pub parent: Option<DatabaseParent>,
}

/// The database a branch was made from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DatabaseParent {
    #[cfg_attr(target_arch = "wasm32", serde(skip_deserializing))]
    pub id: Option<String>,
    #[cfg_attr(target_arch = "wasm32", serde(skip_deserializing))]
    pub name: Option<String>,
    /// When it was branched, in RFC 3339.
    #[cfg_attr(target_arch = "wasm32", serde(skip_deserializing))]
    pub branched_at: Option<String>,
}

/// The body of Create Database (`CreateDatabaseInput`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
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
}

/// What a new database starts from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Seed {
    #[serde(rename = "type")]
    pub kind: SeedKind,
    /// The database to copy, for `"database"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The point in time to copy it at, in RFC 3339.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SeedKind {
    /// A copy of an existing database.
    Database,
    /// A SQLite file uploaded afterwards.
    DatabaseUpload,
}

/// How the database is encrypted at rest. Its `Debug` output hides the key.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
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

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
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
        validate::name("name", &self.name)?;
        validate::name("group", &self.group)?;
        if let Some(seed) = &self.seed {
            match (&seed.name, seed.kind) {
                (Some(name), _) => validate::name("seed", name)?,
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
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
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
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
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
        match &self.size_limit {
            Some(size_limit) => validate::size("size_limit", size_limit),
            None => Ok(()),
        }
    }
}

/// One instance of a database, in one location (`Instance`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Instance {
    pub uuid: String,
    /// Its location code.
    pub name: String,
    /// `"primary"` or `"replica"`.
    #[serde(rename = "type")]
    #[cfg_attr(target_arch = "wasm32", serde(skip_deserializing))]
    pub kind: Option<String>,
    #[cfg_attr(target_arch = "wasm32", serde(skip_deserializing))]
    pub region: Option<String>,
    #[cfg_attr(target_arch = "wasm32", serde(skip_deserializing))]
    pub hostname: Option<String>,
}

/// A database's usage over a period (`DatabaseUsageOutput`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DatabaseUsage {
    #[cfg_attr(target_arch = "wasm32", serde(skip_deserializing))]
    pub uuid: Option<String>,
    #[cfg_attr(target_arch = "wasm32", serde(skip_deserializing))]
    pub instances: Option<Vec<InstanceUsage>>,
    #[cfg_attr(target_arch = "wasm32", serde(skip_deserializing))]
    pub total: Option<Usage>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InstanceUsage {
    #[cfg_attr(target_arch = "wasm32", serde(skip_deserializing))]
    pub uuid: Option<String>,
    #[cfg_attr(target_arch = "wasm32", serde(skip_deserializing))]
    pub usage: Option<Usage>,
}

/// Counts over a period (`DatabaseUsageObject`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Usage {
    #[cfg_attr(target_arch = "wasm32", serde(skip_deserializing))]
    pub rows_read: Option<u64>,
    #[cfg_attr(target_arch = "wasm32", serde(skip_deserializing))]
    pub rows_written: Option<u64>,
    #[cfg_attr(target_arch = "wasm32", serde(skip_deserializing))]
    pub storage_bytes: Option<u64>,
    #[cfg_attr(target_arch = "wasm32", serde(skip_deserializing))]
    pub bytes_synced: Option<u64>,
}

/// A database's top queries (`DatabaseStatsOutput`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueryStats {
    pub query: String,
    #[cfg_attr(target_arch = "wasm32", serde(skip_deserializing))]
    pub rows_read: Option<u64>,
    #[cfg_attr(target_arch = "wasm32", serde(skip_deserializing))]
    pub rows_written: Option<u64>,
}

const DATABASES: &str = "/v1/organizations/{organizationSlug}/databases";
const DATABASE: &str = "/v1/organizations/{organizationSlug}/databases/{databaseName}";
const DATABASE_NAME: Param = Param::path("databaseName", "name", validate::name);

/// `databases.list({ group?, schema?, parent? })`
pub struct List;
impl Operation for List {
    const SPEC: Spec = Spec {
        params: &[
            Param::query("group", validate::name),
            Param::query("schema", validate::name),
            Param::query("parent", validate::slug),
        ],
        answer: Answer::Member("databases"),
        ..Spec::new("listDatabases", "databases.list", Method::Get, DATABASES)
    };
    type Body = NoBody;
    type Answer = Vec<Database>;
}

/// `databases.get(name)`
pub struct Get;
impl Operation for Get {
    const SPEC: Spec = Spec {
        args: &["name"],
        params: &[DATABASE_NAME],
        answer: Answer::Member("database"),
        ..Spec::new("getDatabase", "databases.get", Method::Get, DATABASE)
    };
    type Body = NoBody;
    type Answer = Database;
}

/// `databases.create(name, { group, seed?, size_limit?, remote_encryption? })`
pub struct Create;
impl Operation for Create {
    const SPEC: Spec = Spec {
        args: &["name"],
        body: Payload::Required(&["name", "group", "seed", "size_limit", "remote_encryption"]),
        answer: Answer::Member("database"),
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
    const SPEC: Spec = Spec {
        args: &["name"],
        params: &[DATABASE_NAME],
        answer: Answer::Member("database"),
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
    const SPEC: Spec = Spec {
        args: &["name"],
        params: &[DATABASE_NAME],
        body: Payload::Required(&[
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
    const SPEC: Spec = Spec {
        args: &["name"],
        params: &[DATABASE_NAME],
        answer: Answer::Member("instances"),
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
    const SPEC: Spec = Spec {
        args: &["name", "instance"],
        params: &[
            DATABASE_NAME,
            Param::path("instanceName", "instance", validate::location),
        ],
        answer: Answer::Member("instance"),
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

/// `databases.createToken(name, { expiration?, authorization?, permissions? })`,
/// with the body sent only with `permissions`, as `groups.createToken`.
pub struct CreateToken;
impl Operation for CreateToken {
    const SPEC: Spec = Spec {
        args: &["name"],
        params: &[DATABASE_NAME, TOKEN_EXPIRATION, TOKEN_AUTHORIZATION],
        body: Payload::WhenGiven(&["permissions"]),
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
    const SPEC: Spec = Spec {
        args: &["name"],
        params: &[DATABASE_NAME],
        answer: Answer::Nothing,
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

/// `databases.usage(name, { from?, to? })`, each a `Date` or RFC 3339 text.
pub struct GetUsage;
impl Operation for GetUsage {
    const SPEC: Spec = Spec {
        args: &["name"],
        params: &[
            DATABASE_NAME,
            Param::query("from", validate::timestamp).taking(Input::Time),
            Param::query("to", validate::timestamp).taking(Input::Time),
        ],
        answer: Answer::Member("database"),
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
    const SPEC: Spec = Spec {
        args: &["name"],
        params: &[DATABASE_NAME],
        answer: Answer::Member("top_queries"),
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
    visitor.visit::<GetUsage>();
    visitor.visit::<GetStats>();
}
