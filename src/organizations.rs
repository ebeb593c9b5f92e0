//! The Organizations resource: the client's organization, its plan,
//! billing and usage, and the organizations its token can reach.

use serde::{Deserialize, Serialize};

use crate::databases::DatabaseUsage;
use crate::operation::{Answer, NoBody, Operation, Param, Payload, Spec, Validate, Visitor};
use crate::request::Method;
use crate::validate;

/// An organization, or a user's personal account (`Organization`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Organization {
    pub name: String,
    pub slug: String,
    /// `"personal"` or `"team"`.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub overages: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub require_mfa: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub blocked_reads: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub blocked_writes: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan_timeline: Option<String>,
    /// The platform that manages it, such as `"vercel"`; empty for Turso.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub platform: Option<String>,
}

/// The body of Update Organization: what to change.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrganizationUpdate {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub overages: Option<bool>,
    /// Require multi-factor authentication of every member.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub require_mfa: Option<bool>,
}

impl Validate for OrganizationUpdate {}

/// A plan the organization can be on (`OrganizationPlan`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plan {
    pub name: String,
    /// The monthly price.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub price: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prices: Option<Vec<PlanPrice>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quotas: Option<PlanQuotas>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanPrice {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// Such as `"monthly"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeline: Option<String>,
}

/// What a plan allows (`PlanQuotas`), named as on the wire.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PlanQuotas {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rows_read: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rows_written: Option<u64>,
    /// `null` for no limit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub databases: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locations: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub storage: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub groups: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bytes_synced: Option<u64>,
}

/// An invoice.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Invoice {
    pub invoice_number: String,
    /// The amount in USD, formatted, such as `"10.29"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount_due: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due_date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paid_at: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment_failed_at: Option<String>,
    /// Where to download it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invoice_pdf: Option<String>,
}

/// The organization's current subscription.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Subscription {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub overages: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan: Option<String>,
    /// `"monthly"` or `"yearly"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeline: Option<String>,
}

/// The organization's usage this period, in all and per database.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrganizationUsage {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uuid: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub usage: Option<UsageTotals>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub databases: Option<Vec<DatabaseUsage>>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UsageTotals {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rows_read: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rows_written: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub databases: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locations: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub storage_bytes: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub groups: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bytes_synced: Option<u64>,
}

const ORGANIZATION: &str = "/v1/organizations/{organizationSlug}";

/// `organizations.list()`: every organization the token can reach.
pub struct List;
impl Operation for List {
    const SPEC: Spec = Spec::new(
        "listOrganizations",
        "organizations.list",
        Method::Get,
        "/v1/organizations",
    );
    type Body = NoBody;
    type Answer = Vec<Organization>;
}

/// `organizations.get()`: the client's organization.
pub struct Get;
impl Operation for Get {
    const SPEC: Spec = Spec {
        answer: Answer::Member("organization"),
        ..Spec::new(
            "getOrganization",
            "organizations.get",
            Method::Get,
            ORGANIZATION,
        )
    };
    type Body = NoBody;
    type Answer = Organization;
}

/// `organizations.update({ overages?, require_mfa? })`
pub struct Update;
impl Operation for Update {
    const SPEC: Spec = Spec {
        body: Payload::Required(&["overages", "require_mfa"]),
        answer: Answer::Member("organization"),
        ..Spec::new(
            "updateOrganization",
            "organizations.update",
            Method::Patch,
            ORGANIZATION,
        )
    };
    type Body = OrganizationUpdate;
    type Answer = Organization;
}

/// `organizations.plans()`
pub struct Plans;
impl Operation for Plans {
    const SPEC: Spec = Spec {
        answer: Answer::Member("plans"),
        ..Spec::new(
            "listOrganizationPlans",
            "organizations.plans",
            Method::Get,
            "/v1/organizations/{organizationSlug}/plans",
        )
    };
    type Body = NoBody;
    type Answer = Vec<Plan>;
}

/// `organizations.invoices({ type? })`
pub struct Invoices;
impl Operation for Invoices {
    const SPEC: Spec = Spec {
        params: &[Param::query("type", validate::invoice_type)],
        answer: Answer::Member("invoices"),
        ..Spec::new(
            "listOrganizationInvoices",
            "organizations.invoices",
            Method::Get,
            "/v1/organizations/{organizationSlug}/invoices",
        )
    };
    type Body = NoBody;
    type Answer = Vec<Invoice>;
}

/// `organizations.subscription()`
pub struct GetSubscription;
impl Operation for GetSubscription {
    const SPEC: Spec = Spec {
        answer: Answer::Member("subscription"),
        ..Spec::new(
            "getOrganizationSubscription",
            "organizations.subscription",
            Method::Get,
            "/v1/organizations/{organizationSlug}/subscription",
        )
    };
    type Body = NoBody;
    type Answer = Subscription;
}

/// `organizations.usage()`
pub struct GetUsage;
impl Operation for GetUsage {
    const SPEC: Spec = Spec {
        answer: Answer::Member("organization"),
        ..Spec::new(
            "getOrganizationUsage",
            "organizations.usage",
            Method::Get,
            "/v1/organizations/{organizationSlug}/usage",
        )
    };
    type Body = NoBody;
    type Answer = OrganizationUsage;
}

/// Every operation of the resource.
pub fn operations(visitor: &mut impl Visitor) {
    visitor.visit::<List>();
    visitor.visit::<Get>();
    visitor.visit::<Update>();
    visitor.visit::<Plans>();
    visitor.visit::<Invoices>();
    visitor.visit::<GetSubscription>();
    visitor.visit::<GetUsage>();
}
