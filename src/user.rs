//! The User resource: whose token the client holds.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::operation::{AnswerAt, Method, NoBody, Operation, Spec, Visitor};

/// The user the token belongs to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(optional_fields)]
pub struct User {
    pub username: String,
    /// The display name.
    #[serde(skip_deserializing)]
    pub name: Option<String>,
    #[serde(skip_deserializing)]
    pub email: Option<String>,
    #[serde(rename = "avatarUrl")]
    #[serde(skip_deserializing)]
    pub avatar_url: Option<String>,
    #[serde(skip_deserializing)]
    pub plan: Option<String>,
    /// Whether multi-factor authentication is on.
    #[serde(skip_deserializing)]
    pub mfa: Option<bool>,
    #[serde(skip_deserializing)]
    pub has_pending_invites: Option<bool>,
}

/// `user.get()`
pub struct Get;
impl Operation for Get {
    const DOC: &'static str = "Gets the user the token belongs to.";
    const SPEC: Spec = Spec {
        answer: AnswerAt::Member("user"),
        ..Spec::new("getCurrentUser", "user.get", Method::Get, "/v1/user")
    };
    type Body = NoBody;
    type Answer = User;
}

/// Every operation of the resource.
pub fn operations(visitor: &mut impl Visitor) {
    visitor.visit::<Get>();
}
