//! The Organizations resource: the client's organization, its plan,
//! billing and usage, and the organizations its token can reach.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::Error;
use crate::operation::{
    AnswerAt, BodyFields, Method, NoBody, Operation, Param, Spec, Validate, Visitor,
};
use crate::shared::DatabaseUsage;
use crate::validate;

/// An organization, or a user's personal account (`Organization`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(optional_fields)]
pub struct Organization {
    pub name: String,
    pub slug: String,
    #[serde(rename = "type")]
    #[serde(skip_deserializing)]
    #[ts(optional, type = "\"personal\" | \"team\"")]
    pub kind: Option<String>,
    #[serde(skip_deserializing)]
    pub overages: Option<bool>,
    #[serde(skip_deserializing)]
    pub require_mfa: Option<bool>,
    #[serde(skip_deserializing)]
    pub blocked_reads: Option<bool>,
    #[serde(skip_deserializing)]
    pub blocked_writes: Option<bool>,
    #[serde(skip_deserializing)]
    pub plan_id: Option<String>,
    #[serde(skip_deserializing)]
    pub plan_timeline: Option<String>,
    /// The platform that manages it, such as `"vercel"`; empty for Turso.
    #[serde(skip_deserializing)]
    pub platform: Option<String>,
}

/// The body of Update Organization: what to change.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(optional_fields = nullable)]
pub struct OrganizationUpdate {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub overages: Option<bool>,
    /// Require multi-factor authentication of every member.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub require_mfa: Option<bool>,
}

impl Validate for OrganizationUpdate {
    fn validate(&self) -> Result<(), Error> {
        validate::some_change(self, "overages or require_mfa")
    }
}

/// A plan the organization can be on (`OrganizationPlan`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(optional_fields)]
pub struct Plan {
    pub name: String,
    /// The monthly price.
    #[serde(skip_deserializing)]
    pub price: Option<String>,
    #[serde(skip_deserializing)]
    pub prices: Option<Vec<PlanPrice>>,
    #[serde(skip_deserializing)]
    pub quotas: Option<PlanQuotas>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(optional_fields)]
pub struct PlanPrice {
    #[serde(skip_deserializing)]
    pub value: Option<String>,
    /// Such as `"monthly"`.
    #[serde(skip_deserializing)]
    pub timeline: Option<String>,
}

/// What a plan allows (`PlanQuotas`), named as on the wire.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(optional_fields)]
#[serde(rename_all = "camelCase")]
pub struct PlanQuotas {
    #[serde(skip_deserializing)]
    pub rows_read: Option<u64>,
    #[serde(skip_deserializing)]
    pub rows_written: Option<u64>,
    /// `null` for no limit.
    #[serde(skip_deserializing)]
    pub databases: Option<u64>,
    #[serde(skip_deserializing)]
    pub locations: Option<u64>,
    #[serde(skip_deserializing)]
    pub storage: Option<u64>,
    #[serde(skip_deserializing)]
    pub groups: Option<u64>,
    #[serde(skip_deserializing)]
    pub bytes_synced: Option<u64>,
}

/// An invoice.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(optional_fields)]
pub struct Invoice {
    pub invoice_number: String,
    /// The amount in USD, formatted, such as `"10.29"`.
    #[serde(skip_deserializing)]
    pub amount_due: Option<String>,
    #[serde(skip_deserializing)]
    pub due_date: Option<String>,
    #[serde(skip_deserializing)]
    pub paid_at: Option<String>,
    #[serde(skip_deserializing)]
    pub payment_failed_at: Option<String>,
    /// Where to download it.
    #[serde(skip_deserializing)]
    pub invoice_pdf: Option<String>,
}

/// The organization's current subscription.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(optional_fields)]
pub struct Subscription {
    #[serde(skip_deserializing)]
    pub name: Option<String>,
    #[serde(skip_deserializing)]
    pub overages: Option<bool>,
    #[serde(skip_deserializing)]
    pub plan: Option<String>,
    /// `"monthly"` or `"yearly"`.
    #[serde(skip_deserializing)]
    pub timeline: Option<String>,
}

/// The organization's usage this period, in all and per database.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(optional_fields)]
pub struct OrganizationUsage {
    #[serde(skip_deserializing)]
    pub uuid: Option<String>,
    #[serde(skip_deserializing)]
    pub usage: Option<UsageTotals>,
    #[serde(skip_deserializing)]
    pub databases: Option<Vec<DatabaseUsage>>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(optional_fields)]
pub struct UsageTotals {
    #[serde(skip_deserializing)]
    pub rows_read: Option<u64>,
    #[serde(skip_deserializing)]
    pub rows_written: Option<u64>,
    #[serde(skip_deserializing)]
    pub databases: Option<u64>,
    #[serde(skip_deserializing)]
    pub locations: Option<u64>,
    #[serde(skip_deserializing)]
    pub storage_bytes: Option<u64>,
    #[serde(skip_deserializing)]
    pub groups: Option<u64>,
    #[serde(skip_deserializing)]
    pub bytes_synced: Option<u64>,
}

const ORGANIZATION: &str = "/v1/organizations/{organizationSlug}";

/// `organizations.list()`: every organization the token can reach.
pub struct List;
impl Operation for List {
    const DOC: &'static str = "Lists every organization the token can reach.";
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
    const DOC: &'static str = "Gets the client's organization.";
    const SPEC: Spec = Spec {
        answer: AnswerAt::Member("organization"),
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
    const DOC: &'static str =
        "Changes the organization's settings; resolves to the organization as updated.";
    const SPEC: Spec = Spec {
        body: BodyFields::Required(&["overages", "require_mfa"]),
        answer: AnswerAt::Member("organization"),
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
    const DOC: &'static str = "Lists the plans the organization can be on.";
    const SPEC: Spec = Spec {
        answer: AnswerAt::Member("plans"),
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
    const DOC: &'static str = "Lists the organization's invoices, all of them or by `type`.";
    const SPEC: Spec = Spec {
        params: &[Param::choice("type", validate::INVOICE_TYPES)],
        answer: AnswerAt::Member("invoices"),
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
    const DOC: &'static str = "Gets the organization's current subscription.";
    const SPEC: Spec = Spec {
        answer: AnswerAt::Member("subscription"),
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
    const DOC: &'static str = "Gets the organization's usage this period, in all and per database.";
    const SPEC: Spec = Spec {
        answer: AnswerAt::Member("organization"),
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
