//! A residual panic, as a bug in this crate would cause, in its own test
//! binary because it poisons the instance: the panic surfaces as a
//! `TursoClientError` with code `internal` (not a bare `unreachable`), the
//! call in flight is rejected with it, and every later call fails at once.
#![cfg(target_arch = "wasm32")]

use js_sys::{Function, Object, Reflect};
use turso_platform_wasm::{create_client, create_group};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::wasm_bindgen_test;

const STANDIN_URL: &str = match option_env!("TURSO_STANDIN_URL") {
    Some(url) => url,
    None => "http://127.0.0.1:8787",
};

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &key.into()).expect("read a property")
}

fn slow_call_options() -> JsValue {
    let options = Object::new();
    Reflect::set(&options, &"baseUrl".into(), &STANDIN_URL.into()).unwrap();
    Reflect::set(&options, &"timeoutMs".into(), &JsValue::from(5_000)).unwrap();
    options.into()
}

fn assert_internal(error: &JsValue, says: &str) {
    assert_eq!(get(error, "name"), "TursoClientError");
    assert_eq!(get(error, "code"), "internal");
    let message = get(error, "message").as_string().unwrap();
    assert!(message.contains(says), "{message}");
}

#[wasm_bindgen_test]
async fn a_panic_becomes_an_internal_error_and_poisons_the_instance() {
    let in_flight = create_group(
        "fault-slow".into(),
        "standin-token".into(),
        "g".into(),
        "lhr".into(),
        JsValue::UNDEFINED,
        slow_call_options(),
    );

    let bug = Closure::<dyn FnMut()>::new(|| panic!("a deliberate bug"));
    let thrown = bug
        .as_ref()
        .unchecked_ref::<Function>()
        .call0(&JsValue::NULL)
        .expect_err("the panic must surface as a JS exception");
    assert_internal(&thrown, "a deliberate bug, at tests/panic.rs:");

    let rejected = JsFuture::from(in_flight)
        .await
        .expect_err("the call in flight is rejected");
    assert_internal(&rejected, "a deliberate bug");

    let later = create_group(
        "acme".into(),
        "standin-token".into(),
        "g".into(),
        "lhr".into(),
        JsValue::UNDEFINED,
        slow_call_options(),
    );
    let later = JsFuture::from(later)
        .await
        .expect_err("a poisoned instance refuses calls");
    assert_internal(&later, "can no longer be used");
    assert_eq!(get(&later, "attempts"), 0);

    let config = Object::new();
    Reflect::set(&config, &"org".into(), &"acme".into()).unwrap();
    Reflect::set(&config, &"token".into(), &"t".into()).unwrap();
    let Err(refused) = create_client(config.into()) else {
        panic!("createClient must refuse too");
    };
    assert_internal(&refused, "can no longer be used");
}
