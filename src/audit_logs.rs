//! The Audit Logs resource: what was done in the organization, a page at a
//! time.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::operation::{Input, Method, NoBody, Operation, Pages, Paging, Param, Spec, Visitor};
use crate::validate;

/// One action taken in the organization (`AuditLog`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
#[ts(optional_fields)]
pub struct AuditLog {
    /// What was done, such as `"db-create"`.
    pub code: String,
    #[serde(skip_deserializing)]
    pub message: Option<String>,
    /// `"cli"` or `"web"`.
    #[serde(skip_deserializing)]
    pub origin: Option<String>,
    /// The username of who did it.
    #[serde(skip_deserializing)]
    pub author: Option<String>,
    /// In RFC 3339.
    #[serde(skip_deserializing)]
    pub created_at: Option<String>,
    /// What the action carried; any JSON object.
    // Declared for the types: the caller gets it as sent.
    #[serde(skip_deserializing, skip_serializing)]
    #[ts(optional, type = "Record<string, unknown>")]
    pub data: Option<serde::de::IgnoredAny>,
}

/// One page of audit logs, and where it is among the pages.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct AuditLogPage {
    pub audit_logs: Vec<AuditLog>,
    pub pagination: Pagination,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Pagination {
    pub page: u32,
    pub page_size: u32,
    pub total_pages: u32,
    pub total_rows: u64,
}

/// `auditLogs.list({ pageSize?, page? })`: one page; `auditLogs.all()`
/// walks them all.
pub struct List;
impl Operation for List {
    const DOC: &'static str = "Gets one page of the organization's audit log, newest first.";
    const SPEC: Spec = Spec {
        params: &[
            Param::query("page_size", validate::positive_integer)
                .from_arg("pageSize")
                .taking(Input::Integer),
            Param::query("page", validate::positive_integer).taking(Input::Integer),
        ],
        pages: Some(Pages {
            items: "audit_logs",
            by: Paging::Numbered,
        }),
        ..Spec::new(
            "listOrganizationAuditLogs",
            "auditLogs.list",
            Method::Get,
            "/v1/organizations/{organizationSlug}/audit-logs",
        )
    };
    type Body = NoBody;
    type Answer = AuditLogPage;
}

/// Every operation of the resource.
pub fn operations(visitor: &mut impl Visitor) {
    visitor.visit::<List>();
}
