//! The Members resource: the users of the client's organization, and
//! their roles.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::Error;
use crate::operation::{
    AnswerAt, BodyFields, Method, NoBody, Operation, Param, Spec, Validate, Visitor,
};
use crate::shared::Role;
use crate::validate;

/// A member of the organization (`Member`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(optional_fields)]
pub struct Member {
    pub username: String,
    /// `"owner"`, `"admin"`, `"member"` or `"viewer"`.
    #[serde(skip_deserializing)]
    #[ts(optional, type = "\"owner\" | Role")]
    pub role: Option<String>,
    #[serde(skip_deserializing)]
    pub email: Option<String>,
}

/// The body of Add Member.
///
/// The OpenAPI description marks `email` as required here, yet defines only
/// `username` and `role`, and its Prism mock refuses a body without
/// `email`. Turso's docs (`turso org members add <username>`) and
/// `@tursodatabase/api` send `username`, and the answer names the member
/// by username: `username` is right, and the `required` is a fault of the
/// description (inviting by email is `invites.create`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(optional_fields = nullable)]
pub struct NewMember {
    /// An existing Turso user.
    pub username: String,
    /// Default `"member"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<Role>,
}

impl Validate for NewMember {
    fn validate(&self) -> Result<(), Error> {
        validate::segment("username", &self.username)
    }
}

/// Who was added, and as what.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(optional_fields)]
pub struct AddedMember {
    /// The username.
    pub member: String,
    #[serde(skip_deserializing)]
    #[ts(as = "Option<Role>")]
    pub role: Option<String>,
}

/// The body of Update Member Role.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RoleChange {
    pub role: Role,
}

impl Validate for RoleChange {}

const MEMBERS: &str = "/v1/organizations/{organizationSlug}/members";
const MEMBER: &str = "/v1/organizations/{organizationSlug}/members/{username}";
const USERNAME: Param = Param::path("username", "username", validate::segment);

/// `members.list()`
pub struct List;
impl Operation for List {
    const DOC: &'static str = "Lists the organization's members.";
    const SPEC: Spec = Spec {
        answer: AnswerAt::Member("members"),
        ..Spec::new(
            "listOrganizationMembers",
            "members.list",
            Method::Get,
            MEMBERS,
        )
    };
    type Body = NoBody;
    type Answer = Vec<Member>;
}

/// `members.get(username)`
pub struct Get;
impl Operation for Get {
    const DOC: &'static str = "Gets one member of the organization.";
    const SPEC: Spec = Spec {
        args: &["username"],
        params: &[USERNAME],
        answer: AnswerAt::Member("member"),
        ..Spec::new("getOrganizationMember", "members.get", Method::Get, MEMBER)
    };
    type Body = NoBody;
    type Answer = Member;
}

/// `members.add({ username, role? })`
pub struct Add;
impl Operation for Add {
    const DOC: &'static str = "Adds an existing Turso user to the organization.";
    const SPEC: Spec = Spec {
        body: BodyFields::Required(&["username", "role"]),
        ..Spec::new(
            "addOrganizationMember",
            "members.add",
            Method::Post,
            MEMBERS,
        )
    };
    type Body = NewMember;
    type Answer = AddedMember;
}

/// `members.updateRole(username, role)`
pub struct UpdateRole;
impl Operation for UpdateRole {
    const DOC: &'static str = "Changes a member's role.";
    const SPEC: Spec = Spec {
        args: &["username", "role"],
        params: &[USERNAME],
        body: BodyFields::Required(&["role"]),
        answer: AnswerAt::Member("member"),
        ..Spec::new(
            "updateMemberRole",
            "members.updateRole",
            Method::Patch,
            MEMBER,
        )
    };
    type Body = RoleChange;
    type Answer = Member;
}

/// `members.remove(username)`: resolves to the removed member's username.
pub struct Remove;
impl Operation for Remove {
    const DOC: &'static str = "Removes a member from the organization; resolves to the username.";
    const SPEC: Spec = Spec {
        args: &["username"],
        params: &[USERNAME],
        answer: AnswerAt::Member("member"),
        ..Spec::new(
            "removeOrganizationMember",
            "members.remove",
            Method::Delete,
            MEMBER,
        )
    };
    type Body = NoBody;
    type Answer = String;
}

/// Every operation of the resource.
pub fn operations(visitor: &mut impl Visitor) {
    visitor.visit::<List>();
    visitor.visit::<Get>();
    visitor.visit::<Add>();
    visitor.visit::<UpdateRole>();
    visitor.visit::<Remove>();
}
