//! The Invites resource (`/v2`): invitations to join the organization,
//! keyed by email.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::Error;
use crate::operation::{
    AnswerAt, BodyFields, Method, NoBody, Operation, Param, Spec, Validate, Visitor,
};
use crate::shared::Role;
use crate::validate;

/// A pending invitation (`InviteV2`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(optional_fields)]
pub struct Invite {
    pub email: String,
    #[serde(skip_deserializing)]
    pub id: Option<u64>,
    #[serde(skip_deserializing)]
    #[ts(as = "Option<Role>")]
    pub role: Option<String>,
    /// When it was sent, in RFC 3339.
    #[serde(skip_deserializing)]
    pub created_at: Option<String>,
}

/// The body of Invite Organization Member: exactly one of `email` and
/// `username`, which [`Validate`] checks and the TypeScript says.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(
    type = "{ role?: Role | null } & ({ email: string, username?: never } | { username: string, email?: never })"
)]
pub struct NewInvite {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// An existing Turso user, instead of an email.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub username: Option<String>,
    /// Default `"member"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<Role>,
}

impl Validate for NewInvite {
    fn validate(&self) -> Result<(), Error> {
        match (&self.email, &self.username) {
            (Some(email), None) => validate::email("email", email),
            (None, Some(username)) => validate::segment("username", username),
            (None, None) => Err(Error::invalid("email", "email is required")),
            (Some(_), Some(_)) => Err(Error::invalid(
                "username",
                "give email or username, not both",
            )),
        }
    }
}

/// The invitation that was sent (`InviteCreatedV2`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(optional_fields)]
pub struct CreatedInvite {
    #[serde(skip_deserializing)]
    pub email: Option<String>,
    #[serde(skip_deserializing)]
    #[ts(as = "Option<Role>")]
    pub role: Option<String>,
    #[serde(skip_deserializing)]
    pub organization: Option<String>,
}

const INVITES: &str = "/v2/organizations/{organizationSlug}/invites";

/// `invites.list()`
pub struct List;
impl Operation for List {
    const DOC: &'static str = "Lists the organization's pending invitations.";
    const SPEC: Spec = Spec {
        answer: AnswerAt::Member("invites"),
        ..Spec::new(
            "listOrganizationInvitesV2",
            "invites.list",
            Method::Get,
            INVITES,
        )
    };
    type Body = NoBody;
    type Answer = Vec<Invite>;
}

/// `invites.create({ email, role? })`, or `{ username, role? }`.
pub struct Create;
impl Operation for Create {
    const DOC: &'static str = "Invites someone to the organization, by email or username.";
    const SPEC: Spec = Spec {
        body: BodyFields::Required(&["email", "username", "role"]),
        answer: AnswerAt::Member("invited"),
        ..Spec::new(
            "inviteOrganizationMemberV2",
            "invites.create",
            Method::Post,
            INVITES,
        )
    };
    type Body = NewInvite;
    type Answer = CreatedInvite;
}

/// `invites.delete(email)`: the email is one path segment, percent-encoded.
pub struct Delete;
impl Operation for Delete {
    const DOC: &'static str = "Withdraws an invitation; resolves to nothing.";
    const SPEC: Spec = Spec {
        args: &["email"],
        params: &[Param::path("email", "email", validate::email)],
        answer: AnswerAt::Nothing,
        ..Spec::new(
            "deleteOrganizationInviteByEmailV2",
            "invites.delete",
            Method::Delete,
            "/v2/organizations/{organizationSlug}/invites/{email}",
        )
    };
    type Body = NoBody;
    type Answer = ();
}

/// Every operation of the resource.
pub fn operations(visitor: &mut impl Visitor) {
    visitor.visit::<List>();
    visitor.visit::<Create>();
    visitor.visit::<Delete>();
}
