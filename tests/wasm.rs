//! `createGroup` and `createClient` called through the wasm boundary, in Node
//! and in headless Chromium, against the stand-in API on 127.0.0.1.
//!
//! `scripts/test.sh` starts the stand-in and passes its URL at compile time
//! in `TURSO_STANDIN_URL`.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Object, Promise, Reflect};
use turso_platform_wasm::{create_client, create_group};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::wasm_bindgen_test;

const STANDIN_URL: &str = match option_env!("TURSO_STANDIN_URL") {
    Some(url) => url,
    None => "http://127.0.0.1:8787",
};
const TOKEN: &str = "standin-token";

/// An organization no other test or run uses, so the stand-in's state is ours.
fn fresh_org(label: &str) -> String {
    let n = (js_sys::Math::random() * 1e12) as u64;
    format!("wasm-{label}-{n}")
}

fn options(extra: &[(&str, JsValue)]) -> JsValue {
    let object = Object::new();
    set(&object, "baseUrl", STANDIN_URL.into());
    for (key, value) in extra {
        set(&object, key, value.clone());
    }
    object.into()
}

fn set(object: &Object, key: &str, value: JsValue) {
    Reflect::set(object, &key.into(), &value).expect("set a property");
}

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &key.into()).expect("read a property")
}

fn strings(items: &[&str]) -> JsValue {
    items
        .iter()
        .map(|s| JsValue::from_str(s))
        .collect::<Array>()
        .into()
}

fn create(org: &str, token: &str, name: &str, extensions: JsValue, opts: JsValue) -> Promise {
    create_group(
        org.into(),
        token.into(),
        name.into(),
        "lhr".into(),
        extensions,
        opts,
    )
}

async fn resolved(promise: Promise) -> JsValue {
    match JsFuture::from(promise).await {
        Ok(value) => value,
        Err(error) => panic!("expected success, got {error:?}"),
    }
}

/// Awaits a rejection and checks it is a real `TursoClientError`.
async fn rejected(promise: Promise, code: &str) -> JsValue {
    let error = match JsFuture::from(promise).await {
        Ok(value) => panic!("expected {code}, got {value:?}"),
        Err(error) => error,
    };
    assert!(error.is_instance_of::<js_sys::Error>(), "{error:?}");
    assert_eq!(get(&error, "name"), "TursoClientError");
    let constructor = get(&error, "constructor");
    assert_eq!(get(&constructor, "name"), "TursoClientError");
    assert_eq!(get(&error, "code"), code, "{error:?}");
    error
}

async fn requests_seen_for(org: &str) -> u32 {
    let url = format!("{STANDIN_URL}/__standin/requests?org={org}");
    let response = gloo_net::http::Request::get(&url)
        .send()
        .await
        .expect("stand-in answers");
    let recorded: Vec<serde_json::Value> =
        serde_json::from_str(&response.text().await.expect("a body")).expect("JSON");
    recorded.len() as u32
}

#[wasm_bindgen_test]
async fn creates_a_group_as_a_plain_object() {
    let org = fresh_org("create");
    let group = resolved(create(
        &org,
        TOKEN,
        "new-group",
        strings(&["vector", "uuid"]),
        options(&[]),
    ))
    .await;
    assert_eq!(
        Object::get_prototype_of(&group),
        Object::get_prototype_of(&Object::new())
    );
    assert_eq!(get(&group, "name"), "new-group");
    assert_eq!(get(&group, "primary"), "lhr");
    assert_eq!(get(&group, "delete_protection"), JsValue::FALSE);
    assert!(get(&group, "uuid").is_string());
    assert_eq!(
        get(&group, "archived"),
        JsValue::FALSE,
        "unknown fields pass through"
    );
    assert_eq!(requests_seen_for(&org).await, 1);
}

#[wasm_bindgen_test]
async fn a_second_create_is_a_conflict_and_the_module_still_works() {
    let org = fresh_org("conflict");
    resolved(create(
        &org,
        TOKEN,
        "twice",
        JsValue::UNDEFINED,
        options(&[]),
    ))
    .await;
    let error = rejected(
        create(&org, TOKEN, "twice", JsValue::UNDEFINED, options(&[])),
        "conflict",
    )
    .await;
    assert_eq!(get(&error, "status"), 409);
    assert_eq!(
        get(&error, "message"),
        format!("groups.create: POST /v1/organizations/{org}/groups answered HTTP 409: group already exists")
    );
    resolved(create(
        &org,
        TOKEN,
        "after-error",
        JsValue::UNDEFINED,
        options(&[]),
    ))
    .await;
}

#[wasm_bindgen_test]
async fn a_bad_token_is_unauthorized_and_never_shown() {
    let error = rejected(
        create(
            &fresh_org("auth"),
            "wrong-token-xyz",
            "g",
            JsValue::UNDEFINED,
            options(&[]),
        ),
        "unauthorized",
    )
    .await;
    assert_eq!(get(&error, "status"), 401);
    let shown = format!("{:?} {:?}", get(&error, "message"), get(&error, "stack"));
    assert!(!shown.contains("wrong-token-xyz"), "{shown}");
}

#[wasm_bindgen_test]
async fn invalid_arguments_are_rejected_before_sending() {
    let org = fresh_org("invalid");
    let cases: Vec<(Promise, &str)> = vec![
        (
            create(&org, TOKEN, "..", JsValue::UNDEFINED, options(&[])),
            "name",
        ),
        (
            create(&org, "Bearer x", "g", JsValue::UNDEFINED, options(&[])),
            "token",
        ),
        (
            create(&org, TOKEN, "g", strings(&["postgis"]), options(&[])),
            "extensions",
        ),
        (
            create(&org, TOKEN, "g", JsValue::from(7), options(&[])),
            "extensions",
        ),
        (
            create_group(
                JsValue::from(42),
                TOKEN.into(),
                "g".into(),
                "lhr".into(),
                JsValue::UNDEFINED,
                options(&[]),
            ),
            "org",
        ),
        (
            create_group(
                org.as_str().into(),
                TOKEN.into(),
                "g".into(),
                JsValue::NULL,
                JsValue::UNDEFINED,
                options(&[]),
            ),
            "location",
        ),
        (
            create(
                &org,
                TOKEN,
                "g",
                JsValue::UNDEFINED,
                options(&[("baseUrl", "http://example.com".into())]),
            ),
            "baseUrl",
        ),
        (
            create(
                &org,
                TOKEN,
                "g",
                JsValue::UNDEFINED,
                options(&[("timeoutMs", JsValue::from(-5))]),
            ),
            "timeoutMs",
        ),
        (
            create(
                &org,
                TOKEN,
                "g",
                JsValue::UNDEFINED,
                options(&[("signal", "stop".into())]),
            ),
            "signal",
        ),
    ];
    for (promise, field) in cases {
        let error = rejected(promise, "invalid_argument").await;
        assert_eq!(get(&error, "field"), field);
        assert!(get(&error, "status").is_undefined());
    }
    assert_eq!(
        requests_seen_for(&org).await,
        0,
        "nothing may reach the server"
    );
}

#[wasm_bindgen_test]
async fn a_non_json_error_keeps_its_status() {
    let error = rejected(
        create(
            "fault-html-500",
            TOKEN,
            "g",
            JsValue::UNDEFINED,
            options(&[]),
        ),
        "server_error",
    )
    .await;
    assert_eq!(get(&error, "status"), 500);
    assert!(get(&error, "body")
        .as_string()
        .unwrap()
        .starts_with("<html>"));
}

#[wasm_bindgen_test]
async fn a_success_of_the_wrong_shape_is_a_decode_error() {
    for org in ["fault-wrong-shape", "fault-truncated-json"] {
        let error = rejected(
            create(org, TOKEN, "g", JsValue::UNDEFINED, options(&[])),
            "decode_error",
        )
        .await;
        assert_eq!(get(&error, "status"), 200);
    }
}

#[wasm_bindgen_test]
async fn a_slow_answer_times_out() {
    let opts = options(&[("timeoutMs", JsValue::from(150))]);
    let error = rejected(
        create("fault-slow", TOKEN, "g", JsValue::UNDEFINED, opts),
        "timeout",
    )
    .await;
    assert!(get(&error, "message")
        .as_string()
        .unwrap()
        .contains("150 ms"));
}

#[wasm_bindgen_test]
async fn an_abort_signal_cancels_the_call() {
    let controller = web_sys::AbortController::new().unwrap();
    let opts = options(&[("signal", controller.signal().into())]);
    let promise = create("fault-slow", TOKEN, "g", JsValue::UNDEFINED, opts);
    controller.abort();
    rejected(promise, "aborted").await;
}

#[wasm_bindgen_test]
async fn the_client_takes_both_create_shapes() {
    let client = standin_client(&fresh_org("client"));
    let groups = get(&client, "groups");
    let create = |name: &str, second: JsValue, third: JsValue| {
        let method: js_sys::Function = Reflect::get(&groups, &"create".into())
            .expect("groups.create")
            .dyn_into()
            .expect("a function");
        method
            .call3(&groups, &name.into(), &second, &third)
            .expect("create returns")
            .dyn_into::<Promise>()
            .expect("a promise")
    };

    let docs_shape = Object::new();
    set(&docs_shape, "location", "lhr".into());
    set(&docs_shape, "extensions", strings(&["vector", "uuid"]));
    let first = resolved(create("docs-shape", docs_shape.into(), JsValue::UNDEFINED)).await;
    assert_eq!(get(&first, "name"), "docs-shape");

    let v2_options = Object::new();
    set(&v2_options, "extensions", "all".into());
    let second = resolved(create("v2-shape", "ams".into(), v2_options.into())).await;
    assert_eq!(get(&second, "primary"), "ams");
}

/// A client of `org` on the stand-in, which also finds the closest region.
fn standin_client(org: &str) -> JsValue {
    let config = Object::new();
    set(&config, "org", org.into());
    set(&config, "token", TOKEN.into());
    set(&config, "baseUrl", STANDIN_URL.into());
    set(&config, "regionUrl", format!("{STANDIN_URL}/region").into());
    create_client(config.into()).expect("a valid config")
}

/// Calls `client.resource.method(...args)`, named `"resource.method"`, and
/// returns its promise.
fn call(client: &JsValue, name: &str, args: &[JsValue]) -> Promise {
    let (resource, method) = name.split_once('.').expect("resource.method");
    let target = get(client, resource);
    let method: js_sys::Function = get(&target, method).dyn_into().expect("a function");
    method
        .apply(&target, &args.iter().collect::<Array>())
        .expect("a call returns")
        .dyn_into()
        .expect("a promise")
}

#[wasm_bindgen_test]
async fn every_groups_call_works_through_the_generic_boundary() {
    let client = standin_client(&fresh_org("groups"));
    let name = JsValue::from_str("console");

    let created = resolved(call(
        &client,
        "groups.create",
        &[name.clone(), "lhr".into()],
    ))
    .await;
    assert_eq!(get(&created, "name"), "console");
    let listed = resolved(call(&client, "groups.list", &[])).await;
    assert_eq!(Array::from(&listed).length(), 1);
    let got = resolved(call(&client, "groups.get", std::slice::from_ref(&name))).await;
    assert_eq!(get(&got, "uuid"), get(&created, "uuid"));

    let protect = Object::new();
    set(&protect, "delete_protection", JsValue::TRUE);
    let configured = resolved(call(
        &client,
        "groups.updateConfiguration",
        &[name.clone(), protect.into()],
    ))
    .await;
    assert_eq!(get(&configured, "delete_protection"), JsValue::TRUE);
    let read_back = resolved(call(
        &client,
        "groups.getConfiguration",
        std::slice::from_ref(&name),
    ))
    .await;
    assert_eq!(get(&read_back, "delete_protection"), JsValue::TRUE);

    let read_only = Object::new();
    set(&read_only, "authorization", "read-only".into());
    let token = resolved(call(
        &client,
        "groups.createToken",
        &[name.clone(), read_only.into()],
    ))
    .await;
    assert_eq!(
        get(&token, "jwt").as_string().unwrap().split('.').count(),
        3
    );
    let rotated = resolved(call(
        &client,
        "groups.rotateTokens",
        std::slice::from_ref(&name),
    ))
    .await;
    assert!(rotated.is_undefined());

    let added = resolved(call(
        &client,
        "groups.addLocation",
        &[name.clone(), "ams".into()],
    ))
    .await;
    let locations = js_sys::JSON::stringify(&get(&added, "locations")).unwrap();
    assert_eq!(String::from(locations), r#"["lhr","ams"]"#);

    let locations = resolved(call(&client, "locations.list", &[])).await;
    let first = Array::from(&locations).get(0);
    assert_eq!(get(&first, "code"), "ams");
    let closest = resolved(call(&client, "locations.closest", &[])).await;
    assert_eq!(get(&closest, "client"), "lhr");

    let bad = call(&client, "groups.get", &["..".into()]);
    let error = rejected(bad, "invalid_argument").await;
    assert_eq!(get(&error, "field"), "name");
}

/// In Node the 3xx itself arrives; in Chromium an opaque redirect, status 0.
#[wasm_bindgen_test]
async fn a_redirect_is_not_followed() {
    for org in ["fault-redirect-same", "fault-redirect-cross-origin"] {
        let promise = create(org, TOKEN, "g", JsValue::UNDEFINED, options(&[]));
        let error = rejected(promise, "http_error").await;
        let status = get(&error, "status").as_f64().expect("a status");
        assert!(
            status == 0.0 || (307.0..=308.0).contains(&status),
            "{status}"
        );
        assert_eq!(get(&error, "attempts"), 1);
    }
}

#[wasm_bindgen_test]
fn create_client_throws_on_a_bad_config() {
    let config = Object::new();
    set(&config, "org", "acme".into());
    let Err(error) = create_client(config.into()) else {
        panic!("a config without a token must be refused");
    };
    assert_eq!(get(&error, "code"), "invalid_argument");
    assert_eq!(get(&error, "field"), "token");
}

/// One failing call of each kind, picked by `round`, and the code it must give.
fn failing_call(round: u32) -> (Promise, &'static str) {
    let invalid = |org: &str| create(org, TOKEN, "..", JsValue::UNDEFINED, options(&[]));
    let fault = |org: &str, extra: &[(&str, JsValue)]| {
        create(org, TOKEN, "g", JsValue::UNDEFINED, options(extra))
    };
    match round % 12 {
        0 => (invalid("health"), "invalid_argument"),
        1 => (
            create("health", "Bearer x", "g", JsValue::UNDEFINED, options(&[])),
            "invalid_argument",
        ),
        2 => (fault("fault-409-retry-after", &[]), "conflict"),
        3 => (
            create(
                "health",
                "wrong-token",
                "g",
                JsValue::UNDEFINED,
                options(&[]),
            ),
            "unauthorized",
        ),
        4 => (fault("fault-html-500", &[]), "server_error"),
        5 => (fault("fault-no-such-org", &[]), "not_found"),
        6 => (fault("fault-wrong-shape", &[]), "decode_error"),
        7 => (fault("fault-truncated-json", &[]), "decode_error"),
        8 => (
            fault("fault-429-always", &[("maxRetries", JsValue::from(0))]),
            "rate_limited",
        ),
        9 => (
            fault("fault-slow", &[("timeoutMs", JsValue::from(5))]),
            "timeout",
        ),
        10 => {
            let controller = web_sys::AbortController::new().unwrap();
            let promise = fault("fault-slow", &[("signal", controller.signal().into())]);
            controller.abort();
            (promise, "aborted")
        }
        _ => {
            let unreachable_api = options(&[("baseUrl", "http://127.0.0.1:1".into())]);
            (
                create("health", TOKEN, "g", JsValue::UNDEFINED, unreachable_api),
                "network_error",
            )
        }
    }
}

#[wasm_bindgen_test]
async fn after_a_thousand_failures_of_every_kind_a_call_still_works() {
    for round in 0..1_000 {
        let (promise, code) = failing_call(round);
        let error = rejected(promise, code).await;
        assert!(get(&error, "attempts").as_f64().is_some());
    }
    let org = fresh_org("healthy");
    let group = resolved(create(
        &org,
        TOKEN,
        "after-failures",
        JsValue::UNDEFINED,
        options(&[]),
    ))
    .await;
    assert_eq!(get(&group, "name"), "after-failures");
}

/// A page is told as little of a request that CORS refused as of a refused
/// connection, so there a `network_error` says that it may be either; in
/// Node, where there is no CORS, it does not. Either way it names the call
/// and its request.
#[wasm_bindgen_test]
async fn a_network_error_in_a_page_says_that_cors_may_be_why() {
    let unreachable_api = options(&[("baseUrl", "http://127.0.0.1:1".into())]);
    let error = rejected(
        create("cors", TOKEN, "g", JsValue::UNDEFINED, unreachable_api),
        "network_error",
    )
    .await;
    let message = get(&error, "message").as_string().unwrap();
    assert!(
        message.starts_with("groups.create: POST /v1/organizations/cors/groups got no answer: "),
        "{message}"
    );
    assert_eq!(
        get(&error, "operation").as_string().as_deref(),
        Some("groups.create")
    );
    let in_page = Reflect::has(&js_sys::global(), &"document".into()).unwrap();
    assert_eq!(message.contains("cross-origin"), in_page, "{message}");
}
