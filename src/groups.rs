//! The Groups resource: its wire types, named as in Turso's OpenAPI
//! description, and its thirteen operations, each a declaration.

use std::fmt;

use serde::de::value::SeqAccessDeserializer;
use serde::de::{self, SeqAccess, Unexpected};
use serde::{Deserialize, Deserializer, Serialize};
use ts_rs::TS;

use crate::error::Error;
use crate::operation::{
    AnswerAt, BodyFields, Method, NoBody, Operation, Param, Spec, Validate, Visitor,
};
use crate::shared::{AuthToken, TokenClaims, TOKEN_AUTHORIZATION, TOKEN_EXPIRATION};
use crate::validate;

/// A group as the API returns it (`Group` in the OpenAPI description).
/// The optional fields, and those the API adds later, reach the caller as
/// sent.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(optional_fields)]
pub struct Group {
    pub name: String,
    pub uuid: String,
    /// The primary location key.
    #[serde(skip_deserializing)]
    pub primary: Option<String>,
    /// Deprecated by the API, still sent.
    #[serde(skip_deserializing)]
    pub locations: Option<Vec<String>>,
    /// Deprecated by the API, still sent.
    #[serde(skip_deserializing)]
    pub version: Option<String>,
    #[serde(skip_deserializing)]
    pub delete_protection: Option<bool>,
    /// Whether the group was archived for inactivity; in the API's examples,
    /// though not in its schema.
    #[serde(skip_deserializing)]
    pub archived: Option<bool>,
}

/// A SQLite extension a group can enable for its databases.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(
    rename_all = "lowercase",
    expecting = "one of vector, vec, crypto, fuzzy, math, stats, text, unicode, uuid, regexp"
)]
pub enum Extension {
    Vector,
    Vec,
    Crypto,
    Fuzzy,
    Math,
    Stats,
    Text,
    Unicode,
    Uuid,
    Regexp,
}

/// The `extensions` of a new group: `"all"`, or a list of distinct ones.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(untagged)]
pub enum Extensions {
    All(AllExtensions),
    Only(Vec<Extension>),
}

/// Read by its JSON type rather than `untagged`, which buffers the value
/// and reports a bad element as a fault of the whole list.
impl<'de> Deserialize<'de> for Extensions {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ExtensionsVisitor;

        impl<'de> de::Visitor<'de> for ExtensionsVisitor {
            type Value = Extensions;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("\"all\" or an array of distinct values from vector, vec, crypto, fuzzy, math, stats, text, unicode, uuid, regexp")
            }

            fn visit_str<E: de::Error>(self, value: &str) -> Result<Extensions, E> {
                match value {
                    "all" => Ok(Extensions::All(AllExtensions::All)),
                    _ => Err(E::invalid_value(Unexpected::Str(value), &self)),
                }
            }

            fn visit_seq<A: SeqAccess<'de>>(self, list: A) -> Result<Extensions, A::Error> {
                Vec::deserialize(SeqAccessDeserializer::new(list)).map(Extensions::Only)
            }
        }

        deserializer.deserialize_any(ExtensionsVisitor)
    }
}

/// The keyword `"all"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub enum AllExtensions {
    #[serde(rename = "all")]
    All,
}

/// The body of Create Group (`NewGroup` in the OpenAPI description).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(optional_fields = nullable)]
pub struct NewGroup {
    pub name: String,
    pub location: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extensions: Option<Extensions>,
}

impl Validate for NewGroup {
    fn validate(&self) -> Result<(), Error> {
        validate::segment("name", &self.name)?;
        validate::segment("location", &self.location)?;
        if let Some(Extensions::Only(list)) = &self.extensions {
            let repeated = (0..list.len()).find(|&index| {
                let (before, rest) = list.split_at(index);
                rest.first()
                    .is_some_and(|extension| before.contains(extension))
            });
            if let Some(index) = repeated {
                return Err(Error::invalid(
                    "extensions",
                    format!(
                        "extensions[{index}] repeats an extension listed before it; list each extension once"
                    ),
                ));
            }
        }
        Ok(())
    }
}

/// A group's configuration (`GroupConfigurationResponse`), also the body
/// that updates it (`GroupConfigurationInput`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(optional_fields = nullable)]
pub struct GroupConfiguration {
    /// Whether the group and its databases are protected from deletion.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delete_protection: Option<bool>,
}

impl Validate for GroupConfiguration {
    fn validate(&self) -> Result<(), Error> {
        validate::some_change(self, "delete_protection")
    }
}

/// The body of Transfer Group.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct GroupTransfer {
    /// The slug of the organization that receives the group.
    pub organization: String,
}

impl Validate for GroupTransfer {
    fn validate(&self) -> Result<(), Error> {
        validate::segment("organization", &self.organization)
    }
}

const GROUPS: &str = "/v1/organizations/{organizationSlug}/groups";
const GROUP: &str = "/v1/organizations/{organizationSlug}/groups/{groupName}";
const GROUP_NAME: Param = Param::path("groupName", "name", validate::segment);

/// `groups.list()`
pub struct List;
impl Operation for List {
    const DOC: &'static str = "Lists the organization's groups.";
    const SPEC: Spec = Spec {
        answer: AnswerAt::Member("groups"),
        ..Spec::new("listGroups", "groups.list", Method::Get, GROUPS)
    };
    type Body = NoBody;
    type Answer = Vec<Group>;
}

/// `groups.get(name)`
pub struct Get;
impl Operation for Get {
    const DOC: &'static str =
        "Gets a group; rejects with `not_found` when there is none of that name.";
    const SPEC: Spec = Spec {
        args: &["name"],
        params: &[GROUP_NAME],
        answer: AnswerAt::Member("group"),
        ..Spec::new("getGroup", "groups.get", Method::Get, GROUP)
    };
    type Body = NoBody;
    type Answer = Group;
}

/// `groups.create(name, { location, extensions? })`, or the shape of
/// `@tursodatabase/api`, `groups.create(name, location, { extensions? })`.
pub struct Create;
impl Operation for Create {
    const DOC: &'static str =
        "Creates a group in a location; rejects with `conflict` when the name is taken.";
    const SPEC: Spec = Spec {
        args: &["name", "location?"],
        body: BodyFields::Required(&["name", "location", "extensions"]),
        answer: AnswerAt::Member("group"),
        ..Spec::new("createGroup", "groups.create", Method::Post, GROUPS)
    };
    type Body = NewGroup;
    type Answer = Group;
}

/// `groups.delete(name)`: the API answers with the deleted group.
pub struct Delete;
impl Operation for Delete {
    const DOC: &'static str = "Deletes a group; resolves to the deleted group.";
    const SPEC: Spec = Spec {
        args: &["name"],
        params: &[GROUP_NAME],
        answer: AnswerAt::Member("group"),
        ..Spec::new("deleteGroup", "groups.delete", Method::Delete, GROUP)
    };
    type Body = NoBody;
    type Answer = Group;
}

const CONFIGURATION: &str = "/v1/organizations/{organizationSlug}/groups/{groupName}/configuration";

/// `groups.getConfiguration(name)`
pub struct GetConfiguration;
impl Operation for GetConfiguration {
    const DOC: &'static str = "Gets a group's configuration.";
    const SPEC: Spec = Spec {
        args: &["name"],
        params: &[GROUP_NAME],
        ..Spec::new(
            "getGroupConfiguration",
            "groups.getConfiguration",
            Method::Get,
            CONFIGURATION,
        )
    };
    type Body = NoBody;
    type Answer = GroupConfiguration;
}

/// `groups.updateConfiguration(name, { delete_protection })`
pub struct UpdateConfiguration;
impl Operation for UpdateConfiguration {
    const DOC: &'static str =
        "Protects a group and its databases from deletion, or stops protecting them.";
    const SPEC: Spec = Spec {
        args: &["name"],
        params: &[GROUP_NAME],
        body: BodyFields::Required(&["delete_protection"]),
        ..Spec::new(
            "updateGroupConfiguration",
            "groups.updateConfiguration",
            Method::Patch,
            CONFIGURATION,
        )
    };
    type Body = GroupConfiguration;
    type Answer = GroupConfiguration;
}

/// `groups.transfer(name, { organization })`: the API answers with the
/// group itself, not in an envelope.
pub struct Transfer;
impl Operation for Transfer {
    const DOC: &'static str = "Moves a group to another organization; resolves to the group.";
    const SPEC: Spec = Spec {
        args: &["name"],
        params: &[GROUP_NAME],
        body: BodyFields::Required(&["organization"]),
        ..Spec::new(
            "transferGroup",
            "groups.transfer",
            Method::Post,
            "/v1/organizations/{organizationSlug}/groups/{groupName}/transfer",
        )
    };
    type Body = GroupTransfer;
    type Answer = Group;
}

/// The body of Rename Group: the new name.
// turso-cli sends it as `Name` (a Go struct without a JSON tag,
// `internal/turso/groups.go`, `Rename`, at e149f69), and so does this;
// JavaScript gives it as `newName`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct GroupRename {
    #[serde(rename(serialize = "Name", deserialize = "newName"))]
    #[ts(rename = "newName")]
    pub new_name: String,
}

impl Validate for GroupRename {
    fn validate(&self) -> Result<(), Error> {
        validate::segment("newName", &self.new_name)
    }
}

/// `groups.rename(name, newName)`: turso-cli's `Rename`
/// (`internal/turso/groups.go` at e149f69); the description lacks it. The
/// API's answer is not read, as the CLI reads none.
pub struct Rename;
impl Operation for Rename {
    const DOC: &'static str = "Renames a group; its databases stay in it. Resolves to nothing.";
    const SPEC: Spec = Spec {
        args: &["name", "newName"],
        params: &[GROUP_NAME],
        body: BodyFields::Required(&["newName"]),
        answer: AnswerAt::Nothing,
        ..Spec::new(
            "renameGroup",
            "groups.rename",
            Method::Post,
            "/v1/organizations/{organizationSlug}/groups/{groupName}/rename",
        )
    };
    type Body = GroupRename;
    type Answer = ();
}

/// `groups.waitForLocation(name, location)`: turso-cli waits on this after
/// creating a group, before creating a database in it
/// (`internal/turso/groups.go`, `WaitLocation`, and
/// `internal/cmd/db_create.go`, `ensureGroup`, at e149f69).
pub struct WaitForLocation;
impl Operation for WaitForLocation {
    const DOC: &'static str = "Waits until a group is ready in a location, as before creating a database in a new group; resolves to nothing.";
    const SPEC: Spec = Spec {
        args: &["name", "location"],
        params: LOCATION_PARAMS,
        answer: AnswerAt::Nothing,
        ..Spec::new(
            "waitGroupLocation",
            "groups.waitForLocation",
            Method::Get,
            "/v1/organizations/{organizationSlug}/groups/{groupName}/locations/{location}/wait",
        )
    };
    type Body = NoBody;
    type Answer = ();
}

/// Where a group's move to AWS stands.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(optional_fields)]
pub struct AwsMigration {
    pub status: String,
    #[serde(skip_deserializing)]
    pub comment: Option<String>,
}

/// `groups.awsMigration(name)`: turso-cli's `GetAwsMigrationInfo`
/// (`internal/turso/groups.go` at e149f69).
pub struct GetAwsMigration;
impl Operation for GetAwsMigration {
    const DOC: &'static str = "Gets where the group's move to AWS stands.";
    const SPEC: Spec = Spec {
        args: &["name"],
        params: &[GROUP_NAME],
        ..Spec::new(
            "getGroupAwsMigration",
            "groups.awsMigration",
            Method::Get,
            "/v1/organizations/{organizationSlug}/groups/{groupName}/aws/migration/info",
        )
    };
    type Body = NoBody;
    type Answer = AwsMigration;
}

/// `groups.startAwsMigration(name)`: turso-cli's `StartAwsMigration`
/// (`internal/turso/groups.go` at e149f69).
pub struct StartAwsMigration;
impl Operation for StartAwsMigration {
    const DOC: &'static str = "Starts moving the group to AWS; resolves to nothing.";
    const SPEC: Spec = Spec {
        args: &["name"],
        params: &[GROUP_NAME],
        answer: AnswerAt::Nothing,
        ..Spec::new(
            "startGroupAwsMigration",
            "groups.startAwsMigration",
            Method::Post,
            "/v1/organizations/{organizationSlug}/groups/{groupName}/aws/migration/start",
        )
    };
    type Body = NoBody;
    type Answer = ();
}

/// `groups.abortAwsMigration(name)`: turso-cli's `AbortAwsMigration`
/// (`internal/turso/groups.go` at e149f69).
pub struct AbortAwsMigration;
impl Operation for AbortAwsMigration {
    const DOC: &'static str = "Stops moving the group to AWS; resolves to nothing.";
    const SPEC: Spec = Spec {
        args: &["name"],
        params: &[GROUP_NAME],
        answer: AnswerAt::Nothing,
        ..Spec::new(
            "abortGroupAwsMigration",
            "groups.abortAwsMigration",
            Method::Post,
            "/v1/organizations/{organizationSlug}/groups/{groupName}/aws/migration/abort",
        )
    };
    type Body = NoBody;
    type Answer = ();
}

/// `groups.unarchive(name)`
pub struct Unarchive;
impl Operation for Unarchive {
    const DOC: &'static str = "Wakes a group archived for inactivity.";
    const SPEC: Spec = Spec {
        args: &["name"],
        params: &[GROUP_NAME],
        answer: AnswerAt::Member("group"),
        ..Spec::new(
            "unarchiveGroup",
            "groups.unarchive",
            Method::Post,
            "/v1/organizations/{organizationSlug}/groups/{groupName}/unarchive",
        )
    };
    type Body = NoBody;
    type Answer = Group;
}

const LOCATION: &str =
    "/v1/organizations/{organizationSlug}/groups/{groupName}/locations/{location}";
const LOCATION_PARAMS: &[Param] = &[
    GROUP_NAME,
    Param::path("location", "location", validate::segment),
];

/// `groups.addLocation(name, location)`, deprecated by the API.
pub struct AddLocation;
impl Operation for AddLocation {
    const DOC: &'static str = "Adds a location to a group (deprecated by the API).";
    const SPEC: Spec = Spec {
        args: &["name", "location"],
        params: LOCATION_PARAMS,
        answer: AnswerAt::Member("group"),
        ..Spec::new(
            "addLocationToGroup",
            "groups.addLocation",
            Method::Post,
            LOCATION,
        )
    };
    type Body = NoBody;
    type Answer = Group;
}

/// `groups.removeLocation(name, location)`, deprecated by the API.
pub struct RemoveLocation;
impl Operation for RemoveLocation {
    const DOC: &'static str = "Removes a location from a group (deprecated by the API).";
    const SPEC: Spec = Spec {
        args: &["name", "location"],
        params: LOCATION_PARAMS,
        answer: AnswerAt::Member("group"),
        ..Spec::new(
            "removeLocationFromGroup",
            "groups.removeLocation",
            Method::Delete,
            LOCATION,
        )
    };
    type Body = NoBody;
    type Answer = Group;
}

/// `groups.updateDatabases(name)`: the API answers 200 with no body.
pub struct UpdateDatabases;
impl Operation for UpdateDatabases {
    const DOC: &'static str =
        "Updates every database of a group to the latest libSQL; resolves to nothing.";
    const SPEC: Spec = Spec {
        args: &["name"],
        params: &[GROUP_NAME],
        answer: AnswerAt::Nothing,
        ..Spec::new(
            "updateGroupDatabases",
            "groups.updateDatabases",
            Method::Post,
            "/v1/organizations/{organizationSlug}/groups/{groupName}/update",
        )
    };
    type Body = NoBody;
    type Answer = ();
}

/// `groups.createToken(name, { expiration?, authorization?, permissions?,
/// fine_grained_permissions? })`. The body is sent only with one of the
/// last two: an empty `permissions`, which the official SDK always sends, is
/// rejected by the API for new databases.
pub struct CreateToken;
impl Operation for CreateToken {
    const DOC: &'static str =
        "Mints a token for every database of a group; the token is never put in an error.";
    const SPEC: Spec = Spec {
        args: &["name"],
        params: &[GROUP_NAME, TOKEN_EXPIRATION, TOKEN_AUTHORIZATION],
        body: BodyFields::WhenGiven(&["permissions", "fine_grained_permissions"]),
        secret_answer: true,
        ..Spec::new(
            "createGroupToken",
            "groups.createToken",
            Method::Post,
            "/v1/organizations/{organizationSlug}/groups/{groupName}/auth/tokens",
        )
    };
    type Body = TokenClaims;
    type Answer = AuthToken;
}

/// `groups.rotateTokens(name)`: the API answers 200 with no body.
pub struct RotateTokens;
impl Operation for RotateTokens {
    const DOC: &'static str = "Invalidates every token of a group; resolves to nothing.";
    const SPEC: Spec = Spec {
        args: &["name"],
        params: &[GROUP_NAME],
        answer: AnswerAt::Nothing,
        ..Spec::new(
            "invalidateGroupTokens",
            "groups.rotateTokens",
            Method::Post,
            "/v1/organizations/{organizationSlug}/groups/{groupName}/auth/rotate",
        )
    };
    type Body = NoBody;
    type Answer = ();
}

/// Every operation of the resource.
pub fn operations(visitor: &mut impl Visitor) {
    visitor.visit::<List>();
    visitor.visit::<Get>();
    visitor.visit::<Create>();
    visitor.visit::<Delete>();
    visitor.visit::<GetConfiguration>();
    visitor.visit::<UpdateConfiguration>();
    visitor.visit::<Transfer>();
    visitor.visit::<Rename>();
    visitor.visit::<Unarchive>();
    visitor.visit::<AddLocation>();
    visitor.visit::<RemoveLocation>();
    visitor.visit::<UpdateDatabases>();
    visitor.visit::<CreateToken>();
    visitor.visit::<RotateTokens>();
    visitor.visit::<WaitForLocation>();
    visitor.visit::<GetAwsMigration>();
    visitor.visit::<StartAwsMigration>();
    visitor.visit::<AbortAwsMigration>();
}
