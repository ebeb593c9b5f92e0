//! The types and parameters that more than one resource uses: minted
//! tokens (groups' and databases'), a member's role (members' and
//! invites'), and a database's usage (databases' and the organization's).

use std::fmt;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::Error;
use crate::operation::{Param, Validate};
use crate::validate;

/// A minted token's lifetime, a query parameter of every Create Token.
pub const TOKEN_EXPIRATION: Param = Param::query("expiration", validate::expiration);
/// A minted token's access, a query parameter of every Create Token.
pub const TOKEN_AUTHORIZATION: Param = Param::choice("authorization", validate::AUTHORIZATIONS);

/// The optional body of every Create Token (`CreateTokenInput`): sent only
/// when `permissions` or `fine_grained_permissions` is given, so a caller
/// may leave it out.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(optional_fields = nullable)]
pub struct TokenClaims {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub permissions: Option<TokenPermissions>,
    /// What the token may do, table by table.
    // turso-cli's `fine_grained_permissions` (`internal/turso/groups.go`,
    // `GroupTokenRequest`, and `internal/flags/fine_grained_permissions.go`,
    // at e149f69); the description lacks it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fine_grained_permissions: Option<Vec<FineGrainedPermission>>,
}

/// The actions one rule allows on some tables, or on all.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FineGrainedPermission {
    /// The tables; `null` for every table, as turso-cli sends `all`.
    #[serde(default)]
    #[ts(optional = nullable)]
    pub t: Option<Vec<String>>,
    /// The actions, such as `"data_read"`, `"data_add"`, `"data_update"`,
    /// `"data_delete"`, `"schema_add"`, `"schema_update"` and
    /// `"schema_delete"` (Turso's docs, `sdk/authorization/fine-grained-permissions.mdx`).
    pub a: Vec<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(optional_fields)]
pub struct TokenPermissions {
    /// Read `ATTACH` permission on other databases.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub read_attach: Option<ReadAttach>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(optional_fields)]
pub struct ReadAttach {
    #[serde(default)]
    #[ts(as = "Option<Vec<String>>")]
    pub databases: Vec<String>,
}

impl Validate for TokenClaims {
    fn validate(&self) -> Result<(), Error> {
        let mut databases = self
            .permissions
            .iter()
            .flat_map(|permissions| &permissions.read_attach)
            .flat_map(|read_attach| &read_attach.databases);
        databases.try_for_each(|database| validate::database_name("permissions", database))
    }
}

/// A minted token. Its `Debug` output hides the token.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AuthToken {
    pub jwt: String,
}

impl fmt::Debug for AuthToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AuthToken")
            .field("jwt", &"[redacted]")
            .finish()
    }
}

/// A role that can be given: every role but the owner's.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Admin,
    Member,
    Viewer,
}

/// A database's usage over a period (`DatabaseUsageOutput`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(optional_fields)]
pub struct DatabaseUsage {
    #[serde(skip_deserializing)]
    pub uuid: Option<String>,
    #[serde(skip_deserializing)]
    pub instances: Option<Vec<InstanceUsage>>,
    #[serde(skip_deserializing)]
    pub total: Option<Usage>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(optional_fields)]
pub struct InstanceUsage {
    #[serde(skip_deserializing)]
    pub uuid: Option<String>,
    #[serde(skip_deserializing)]
    pub usage: Option<Usage>,
}

/// Counts over a period (`DatabaseUsageObject`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(optional_fields)]
pub struct Usage {
    #[serde(skip_deserializing)]
    pub rows_read: Option<u64>,
    #[serde(skip_deserializing)]
    pub rows_written: Option<u64>,
    #[serde(skip_deserializing)]
    pub storage_bytes: Option<u64>,
    #[serde(skip_deserializing)]
    pub bytes_synced: Option<u64>,
}
