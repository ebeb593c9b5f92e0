//! Locations: where groups can be placed, and which is closest to the caller.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::operation::{AnswerAt, Base, Method, NoBody, Operation, Spec, Visitor};

/// A location where databases can be placed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Location {
    /// Its key, such as `"aws-us-east-1"`.
    pub code: String,
    /// Its name, such as `"AWS US East (Virginia)"`.
    pub description: String,
}

/// Every location: sent as a map from code to name, handed over as a list
/// sorted by code, as `@tursodatabase/api` hands it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(from = "BTreeMap<String, String>")]
pub struct Locations(pub Vec<Location>);

impl From<BTreeMap<String, String>> for Locations {
    fn from(map: BTreeMap<String, String>) -> Self {
        Locations(
            map.into_iter()
                .map(|(code, description)| Location { code, description })
                .collect(),
        )
    }
}

/// A location the organization may use, and whose cloud it is in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct OrganizationLocation {
    /// Its key, such as `"aws-us-east-1"`.
    pub code: String,
    /// Its name, such as `"AWS US East (Virginia)"`.
    pub description: String,
    /// Its cloud, such as `"aws"`.
    pub provider: String,
}

/// The organization's locations: sent as a map from provider to a map from
/// code to name, handed over as one list sorted by code.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(from = "BTreeMap<String, BTreeMap<String, String>>")]
pub struct OrganizationLocations(pub Vec<OrganizationLocation>);

impl From<BTreeMap<String, BTreeMap<String, String>>> for OrganizationLocations {
    fn from(providers: BTreeMap<String, BTreeMap<String, String>>) -> Self {
        // Keyed by code, so the list comes out sorted by code.
        let mut by_code = BTreeMap::new();
        for (provider, locations) in providers {
            for (code, description) in locations {
                let location = OrganizationLocation {
                    code: code.clone(),
                    description,
                    provider: provider.clone(),
                };
                by_code.insert(code, location);
            }
        }
        OrganizationLocations(by_code.into_values().collect())
    }
}

/// The location closest to the caller, as the region finder sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ClosestLocation {
    /// The location that answered.
    pub server: String,
    /// The location closest to the caller.
    pub client: String,
}

/// `locations.list()`
pub struct List;
impl Operation for List {
    const DOC: &'static str = "Lists the locations databases can be placed in, sorted by code.";
    const SPEC: Spec = Spec {
        answer: AnswerAt::Reshaped("locations"),
        ..Spec::new(
            "listLocations",
            "locations.list",
            Method::Get,
            "/v1/locations",
        )
    };
    type Body = NoBody;
    type Answer = Locations;
}

/// `locations.closest()`: not part of the Platform API, so it goes to
/// `regionUrl` and carries no token.
pub struct Closest;
impl Operation for Closest {
    const DOC: &'static str =
        "Asks the region finder (no token sent) which location is closest to the caller.";
    const SPEC: Spec = Spec {
        base: Base::Region,
        ..Spec::new("closestLocation", "locations.closest", Method::Get, "/")
    };
    type Body = NoBody;
    type Answer = ClosestLocation;
}

/// `locations.listForOrganization()`: turso-cli lists these, not the global
/// list, for what an organization may use (`internal/turso/organizations.go`,
/// `Locations`, at e149f69); the description lacks it.
pub struct ListForOrganization;
impl Operation for ListForOrganization {
    const DOC: &'static str =
        "Lists the locations this organization may use, with their cloud, sorted by code.";
    const SPEC: Spec = Spec {
        answer: AnswerAt::Reshaped("locations"),
        ..Spec::new(
            "listOrganizationLocations",
            "locations.listForOrganization",
            Method::Get,
            "/v2/organizations/{organizationSlug}/locations",
        )
    };
    type Body = NoBody;
    type Answer = OrganizationLocations;
}

/// Every operation of the resource.
pub fn operations(visitor: &mut impl Visitor) {
    visitor.visit::<List>();
    visitor.visit::<ListForOrganization>();
    visitor.visit::<Closest>();
}
