//! The API Tokens resource: the Platform API tokens of the user, and of the
//! client's organization.

use std::fmt;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::Error;
use crate::operation::{
    AnswerAt, BodyFields, Method, NoBody, Operation, Param, Spec, Validate, Visitor,
};
use crate::validate;

/// A Platform API token, without its secret (`APIToken`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(optional_fields)]
pub struct ApiToken {
    pub name: String,
    pub id: String,
    /// The organization it is restricted to, if any.
    #[serde(skip_deserializing)]
    pub organization: Option<String>,
    /// The group it is pinned to, for a group-scoped token.
    #[serde(skip_deserializing)]
    pub group: Option<String>,
    /// The scopes of a group-scoped token, presets expanded.
    #[serde(skip_deserializing)]
    pub scopes: Option<Vec<String>>,
    /// Who minted it; in the organization's list, for admins and owners.
    #[serde(skip_deserializing)]
    pub owner: Option<TokenOwner>,
    /// `YYYY-MM-DD`.
    #[serde(skip_deserializing)]
    pub created_at: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(optional_fields)]
pub struct TokenOwner {
    #[serde(skip_deserializing)]
    pub username: Option<String>,
    #[serde(skip_deserializing)]
    pub email: Option<String>,
}

/// The optional body of Create API Token: no body for an unrestricted
/// token, `organization` alone for one organization, and `organization`,
/// `group` and `scopes` for one group, which [`Validate`] checks and the
/// TypeScript says.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(
    type = "{ organization?: string, group?: never, scopes?: never } | { organization: string, group: string, scopes: readonly [Scope, ...Scope[]] }"
)]
pub struct TokenRestriction {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scopes: Option<Vec<Scope>>,
}

/// What a group-scoped token may do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub enum Scope {
    #[serde(rename = "read")]
    Read,
    #[serde(rename = "db:create")]
    DbCreate,
    #[serde(rename = "db:delete")]
    DbDelete,
    #[serde(rename = "db:configure")]
    DbConfigure,
    #[serde(rename = "db:mint-token")]
    DbMintToken,
    #[serde(rename = "db:rotate-creds")]
    DbRotateCreds,
    #[serde(rename = "group:configure")]
    GroupConfigure,
    #[serde(rename = "group:mint-token")]
    GroupMintToken,
    #[serde(rename = "group:rotate-creds")]
    GroupRotateCreds,
    /// A preset: `read`.
    #[serde(rename = "read-only")]
    ReadOnly,
    /// A preset: every scope.
    #[serde(rename = "full-access")]
    FullAccess,
}

impl Validate for TokenRestriction {
    fn validate(&self) -> Result<(), Error> {
        if let Some(organization) = &self.organization {
            validate::segment("organization", organization)?;
        }
        let Some(group) = &self.group else {
            return match self.scopes {
                Some(_) => Err(Error::invalid(
                    "group",
                    "scopes need a group: give group too",
                )),
                None => Ok(()),
            };
        };
        validate::segment("group", group)?;
        if self.organization.is_none() {
            return Err(Error::invalid(
                "organization",
                "organization is required with group",
            ));
        }
        if self.scopes.as_ref().is_none_or(Vec::is_empty) {
            return Err(Error::invalid(
                "scopes",
                "scopes must list at least one scope when group is given",
            ));
        }
        Ok(())
    }
}

/// A minted API token. Its `Debug` output hides the token, which the API
/// shows only this once.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CreatedApiToken {
    pub name: String,
    pub id: String,
    /// The token, a JWT, for `Authorization: Bearer`.
    pub token: String,
}

impl fmt::Debug for CreatedApiToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CreatedApiToken")
            .field("name", &self.name)
            .field("id", &self.id)
            .field("token", &"[redacted]")
            .finish()
    }
}

/// When the client's own token expires.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TokenValidity {
    /// Unix seconds, or `-1` for never.
    pub exp: i64,
}

const TOKEN_NAME: Param = Param::path("tokenName", "name", validate::segment);
const TOKEN: &str = "/v1/auth/api-tokens/{tokenName}";

/// `apiTokens.list()`: the user's tokens.
pub struct List;
impl Operation for List {
    const DOC: &'static str = "Lists the user's Platform API tokens, without their secrets.";
    const SPEC: Spec = Spec {
        answer: AnswerAt::Member("tokens"),
        ..Spec::new(
            "listAPITokens",
            "apiTokens.list",
            Method::Get,
            "/v1/auth/api-tokens",
        )
    };
    type Body = NoBody;
    type Answer = Vec<ApiToken>;
}

/// `apiTokens.create(name, { organization?, group?, scopes? })`: the body
/// is sent only when a restriction is given.
pub struct Create;
impl Operation for Create {
    const DOC: &'static str = "Mints a Platform API token; the API shows it only this once, and it is never put in an error.";
    const SPEC: Spec = Spec {
        args: &["name"],
        params: &[TOKEN_NAME],
        body: BodyFields::WhenGiven(&["organization", "group", "scopes"]),
        secret_answer: true,
        ..Spec::new("createAPIToken", "apiTokens.create", Method::Post, TOKEN)
    };
    type Body = TokenRestriction;
    type Answer = CreatedApiToken;
}

/// `apiTokens.revoke(name)`: resolves to the revoked token's name.
pub struct Revoke;
impl Operation for Revoke {
    const DOC: &'static str = "Revokes one of the user's API tokens; resolves to its name.";
    const SPEC: Spec = Spec {
        args: &["name"],
        params: &[TOKEN_NAME],
        answer: AnswerAt::Member("token"),
        ..Spec::new("revokeAPIToken", "apiTokens.revoke", Method::Delete, TOKEN)
    };
    type Body = NoBody;
    type Answer = String;
}

/// `apiTokens.listForOrganization()`: every token restricted to the
/// client's organization, with who minted it.
pub struct ListForOrganization;
impl Operation for ListForOrganization {
    const DOC: &'static str = "Lists the API tokens restricted to the client's organization.";
    const SPEC: Spec = Spec {
        answer: AnswerAt::Member("tokens"),
        ..Spec::new(
            "listOrganizationAPITokens",
            "apiTokens.listForOrganization",
            Method::Get,
            "/v1/organizations/{organizationSlug}/api-tokens",
        )
    };
    type Body = NoBody;
    type Answer = Vec<ApiToken>;
}

/// `apiTokens.revokeForOrganization(id)`: resolves to the revoked token's ID.
pub struct RevokeForOrganization;
impl Operation for RevokeForOrganization {
    const DOC: &'static str = "Revokes an API token of the organization; resolves to its ID.";
    const SPEC: Spec = Spec {
        args: &["id"],
        params: &[Param::path("tokenId", "id", validate::segment)],
        answer: AnswerAt::Member("token"),
        ..Spec::new(
            "revokeOrganizationAPIToken",
            "apiTokens.revokeForOrganization",
            Method::Delete,
            "/v1/organizations/{organizationSlug}/api-tokens/{tokenId}",
        )
    };
    type Body = NoBody;
    type Answer = String;
}

/// `apiTokens.validate()`: whether the client's token is valid, and until
/// when. `GET /v1/auth/validate`, which `@tursodatabase/api` does not call.
pub struct ValidateToken;
impl Operation for ValidateToken {
    const DOC: &'static str = "Tells whether the client's own token is valid, and until when.";
    const SPEC: Spec = Spec::new(
        "validateAPIToken",
        "apiTokens.validate",
        Method::Get,
        "/v1/auth/validate",
    );
    type Body = NoBody;
    type Answer = TokenValidity;
}

/// Every operation of the resource.
pub fn operations(visitor: &mut impl Visitor) {
    visitor.visit::<List>();
    visitor.visit::<Create>();
    visitor.visit::<Revoke>();
    visitor.visit::<ListForOrganization>();
    visitor.visit::<RevokeForOrganization>();
    visitor.visit::<ValidateToken>();
}
