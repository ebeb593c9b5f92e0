//! Spec parity: every declared operation against Turso's OpenAPI description
//! in `tests/spec/`, with the supplement of what Turso's own tools use
//! beyond it merged over it: its method, path template, path and query parameters,
//! body fields (the spec's required ones among them) and where its answer
//! sits. Every operation of the spec must be declared.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;

use serde_json::Value;
use turso_platform_wasm::api;
use turso_platform_wasm::operation::{self, AnswerAt, Operation, Place, Visitor};

/// The published description with the supplement merged over it: each of
/// the supplement's operations is added, or replaces the published one of
/// the same path and method.
fn openapi() -> Value {
    let published = include_str!("spec/turso-platform-openapi.json");
    let mut spec: Value = serde_json::from_str(published).expect("the spec is JSON");
    let supplement = include_str!("spec/supplement.openapi.json");
    let supplement: Value = serde_json::from_str(supplement).expect("the supplement is JSON");
    for (path, item) in supplement["paths"].as_object().expect("paths") {
        for (method, operation) in item.as_object().expect("a path item") {
            if method == "servers" {
                spec["paths"][path][method] = operation.clone();
                continue;
            }
            assert!(
                operation["x-source"].is_string(),
                "{method} {path} says where its wire format comes from"
            );
            spec["paths"][path][method] = operation.clone();
        }
    }
    spec
}

/// Follows `$ref`s and merges `allOf`, so a schema's own properties show.
fn resolve<'a>(spec: &'a Value, schema: &'a Value) -> Value {
    if let Some(reference) = schema["$ref"].as_str() {
        let pointer = reference.trim_start_matches('#');
        return resolve(spec, spec.pointer(pointer).expect("a $ref that resolves"));
    }
    if let Some(parts) = schema["allOf"].as_array() {
        let mut merged = serde_json::json!({ "type": "object", "properties": {} });
        for part in parts {
            let part = resolve(spec, part);
            if let Some(properties) = part["properties"].as_object() {
                for (key, value) in properties {
                    merged["properties"][key] = value.clone();
                }
            }
        }
        return merged;
    }
    schema.clone()
}

/// The spec's operations as (operationId, method, path, operation).
fn spec_operations(spec: &Value) -> Vec<(String, String, String, Value)> {
    let mut found = Vec::new();
    for (path, item) in spec["paths"].as_object().expect("paths") {
        for (method, operation) in item.as_object().expect("a path item") {
            if let Some(id) = operation["operationId"].as_str() {
                found.push((
                    id.to_owned(),
                    method.to_uppercase(),
                    path.clone(),
                    operation.clone(),
                ));
            }
        }
    }
    found
}

/// Operations the crate has that the spec does not describe, and why.
const OUTSIDE_THE_SPEC: &[&str] = &[
    // `locations.closest()` asks region.turso.io, a service of its own that
    // the Platform API's description does not cover; `@tursodatabase/api`
    // has it too.
    "closestLocation",
];

/// Required body fields the spec names wrongly, by operationId, and why.
const WRONGLY_REQUIRED: &[(&str, &str)] = &[
    // Add Member requires `email` but defines only `username` and `role`;
    // Turso's docs and `@tursodatabase/api` send `username`, and Prism's
    // refusal of the body without `email` is tested in prism.test.mjs.
    ("addOrganizationMember", "email"),
];

/// Body fields sent under another name than the argument that gives them,
/// by operationId: (argument, name on the wire).
const SENT_AS: &[(&str, &str, &str)] = &[
    // turso-cli sends the new name as `Name` (a Go struct without a JSON
    // tag); JavaScript gives it as `newName` (`src/groups.rs`, `GroupRename`).
    ("renameGroup", "newName", "Name"),
];

#[derive(Default)]
struct Declared {
    checked: Vec<&'static str>,
    problems: Vec<String>,
    calls: BTreeSet<&'static str>,
}

impl Visitor for Declared {
    fn visit<O: Operation>(&mut self) {
        let ours = &O::SPEC;
        // The steps of one workflow share its name.
        if ours.base != operation::Base::Database && !self.calls.insert(ours.call) {
            self.problems
                .push(format!("{} is declared twice", ours.call));
        }
        if OUTSIDE_THE_SPEC.contains(&ours.id) {
            return;
        }
        let spec = openapi();
        let Some((_, method, path, operation)) = spec_operations(&spec)
            .into_iter()
            .find(|(id, ..)| id == ours.id)
        else {
            self.problems
                .push(format!("{} is not an operationId of the spec", ours.id));
            return;
        };
        let mut problem = |what: String| self.problems.push(format!("{}: {what}", ours.id));
        if method != ours.method.as_str() {
            problem(format!(
                "method {} but the spec says {method}",
                ours.method.as_str()
            ));
        }
        if path != ours.path {
            problem(format!("path {} but the spec says {path}", ours.path));
        }

        let params = operation["parameters"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        let names_in = |place: &str| -> BTreeSet<String> {
            params
                .iter()
                .map(|param| resolve(&spec, param))
                .filter(|param| param["in"] == place)
                .filter_map(|param| param["name"].as_str().map(str::to_owned))
                .filter(|name| name != "organizationSlug")
                .collect()
        };
        let declared_in = |place: Place| -> BTreeSet<String> {
            ours.params
                .iter()
                .filter(|param| param.place == place)
                .map(|param| param.name.to_owned())
                .collect()
        };
        if names_in("path") != declared_in(Place::Path) {
            problem(format!(
                "path parameters {:?} but the spec has {:?}",
                declared_in(Place::Path),
                names_in("path")
            ));
        }
        if names_in("query") != declared_in(Place::Query) {
            problem(format!(
                "query parameters {:?} but the spec has {:?}",
                declared_in(Place::Query),
                names_in("query")
            ));
        }

        if names_in("header") != declared_in(Place::Header) {
            problem(format!(
                "headers {:?} but the spec has {:?}",
                declared_in(Place::Header),
                names_in("header")
            ));
        }
        let sends_bytes = matches!(ours.body, operation::BodyFields::Bytes(_));
        let described_bytes =
            !operation["requestBody"]["content"]["application/octet-stream"].is_null();
        if sends_bytes != described_bytes {
            problem(format!(
                "sends bytes: {sends_bytes}, but the spec says {described_bytes}"
            ));
        }

        let body_schema = &operation["requestBody"]["content"]["application/json"]["schema"];
        let fields: BTreeSet<String> = ours
            .body
            .fields()
            .iter()
            .map(|field| {
                SENT_AS
                    .iter()
                    .find(|(id, argument, _)| *id == ours.id && argument == field)
                    .map_or(*field, |(.., wire)| wire)
                    .to_owned()
            })
            .collect();
        if body_schema.is_null() {
            if !fields.is_empty() {
                problem("sends a body the spec does not describe".to_owned());
            }
        } else {
            let body = resolve(&spec, body_schema);
            let properties: BTreeSet<String> = body["properties"]
                .as_object()
                .map(|properties| properties.keys().cloned().collect())
                .unwrap_or_default();
            if fields != properties {
                problem(format!(
                    "body fields {fields:?} but the spec has {properties:?}"
                ));
            }
            let required: BTreeSet<String> = body["required"]
                .as_array()
                .map(|required| {
                    required
                        .iter()
                        .filter_map(|name| name.as_str().map(str::to_owned))
                        .filter(|name| !WRONGLY_REQUIRED.contains(&(ours.id, name.as_str())))
                        .collect()
                })
                .unwrap_or_default();
            if !required.is_subset(&fields) {
                problem(format!("the spec requires body fields {required:?}"));
            }
            let body_required = operation["requestBody"]["required"] == true;
            let we_require = matches!(ours.body, operation::BodyFields::Required(_));
            if body_required != we_require {
                problem(format!(
                    "the spec says the body is required: {body_required}"
                ));
            }
        }

        let success = &operation["responses"]["200"];
        let answer_schema = &success["content"]["application/json"]["schema"];
        match ours.answer {
            AnswerAt::Nothing if !answer_schema.is_null() => {
                problem("expects no answer, but the spec describes one".to_owned())
            }
            AnswerAt::Whole if answer_schema.is_null() => {
                problem("expects an answer the spec does not describe".to_owned())
            }
            AnswerAt::Stream if success["content"]["application/octet-stream"].is_null() => {
                problem("expects bytes, but the spec describes none".to_owned())
            }
            AnswerAt::Member(key) | AnswerAt::Reshaped(key) => {
                let answer = resolve(&spec, answer_schema);
                if answer["properties"][key].is_null() {
                    problem(format!(
                        "expects its answer under {key:?}, which the spec lacks"
                    ));
                }
            }
            _ => {}
        }
        self.checked.push(ours.id);
    }
}

#[test]
fn every_declared_operation_matches_the_spec() {
    let mut declared = Declared::default();
    api::for_each(&mut declared);
    assert!(
        declared.problems.is_empty(),
        "{}",
        declared.problems.join("\n")
    );
    let spec = openapi();
    let undeclared: Vec<String> = spec_operations(&spec)
        .into_iter()
        .filter(|(id, ..)| !declared.checked.contains(&id.as_str()))
        .map(|(id, method, path, _)| format!("  {id}: {method} {path}"))
        .collect();
    assert!(
        undeclared.is_empty(),
        "{} of the spec's operations are not declared:\n{}",
        undeclared.len(),
        undeclared.join("\n")
    );
    assert_eq!(declared.checked.len(), spec_operations(&spec).len());
}

#[test]
fn the_parity_check_can_fail() {
    // A declaration with a wrong path, method, parameter and body field.
    struct Wrong;
    impl Operation for Wrong {
        const DOC: &'static str = "A declaration that the spec contradicts.";
        const SPEC: operation::Spec = operation::Spec {
            params: &[operation::Param::query("expiry", |_, _| Ok(()))],
            body: operation::BodyFields::Required(&["name"]),
            ..operation::Spec::new(
                "createGroupToken",
                "groups.wrong",
                turso_platform_wasm::Method::Get,
                "/v1/organizations/{organizationSlug}/groups/{name}/auth/tokens",
            )
        };
        type Body = operation::NoBody;
        type Answer = ();
    }
    let mut declared = Declared::default();
    declared.visit::<Wrong>();
    let found = declared.problems.join("\n");
    for expected in [
        "method GET",
        "path /v1/organizations/{organizationSlug}/groups/{name}/auth/tokens",
        "path parameters",
        "query parameters",
        "body fields",
        "body is required",
    ] {
        assert!(found.contains(expected), "{expected} in:\n{found}");
    }
}
