//! The registry: every operation of every resource, in one list, and the
//! workflows made of them. It sits above the resources, which sit above the
//! vocabulary in [`crate::operation`].

use crate::operation::Visitor;

/// Calls `visitor` once for every operation of every resource: the boundary
/// builds its dispatch table this way, and the tests and the generator read
/// the declarations through it.
pub fn for_each(visitor: &mut impl Visitor) {
    crate::organizations::operations(visitor);
    crate::groups::operations(visitor);
    crate::databases::operations(visitor);
    crate::locations::operations(visitor);
    crate::members::operations(visitor);
    crate::invites::operations(visitor);
    crate::api_tokens::operations(visitor);
    crate::audit_logs::operations(visitor);
    crate::user::operations(visitor);
    crate::database_files::operations(visitor);
}

/// Every method of a client made of several operations in turn.
pub use crate::database_files::WORKFLOWS;
