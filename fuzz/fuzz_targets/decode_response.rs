//! Answer decoding over arbitrary input: two bytes of status, one byte of
//! "truncated", and the rest as the body, read as Create Group's answer. It
//! must never panic, a success must be what serde_json reads from the same
//! bytes, and a failure must keep the status.
#![no_main]

use libfuzzer_sys::fuzz_target;
use turso_platform_wasm::groups::{Create, Group};
use turso_platform_wasm::json::SerdeJson;
use turso_platform_wasm::response::{answer, typed, Body};
use turso_platform_wasm::Operation;

fuzz_target!(|data: &[u8]| {
    let [high, low, flags, bytes @ ..] = data else {
        return;
    };
    let status = u16::from_be_bytes([*high, *low]) % 1000;
    let body = Body {
        bytes,
        truncated: flags & 1 == 1,
    };
    match answer::<SerdeJson, _>(&Create::SPEC, status, body, typed::<Group, SerdeJson>) {
        Ok((group, sent)) => {
            assert!((200..300).contains(&status));
            let parsed: serde_json::Value =
                serde_json::from_slice(bytes).expect("a decoded answer is JSON");
            assert_eq!(parsed["group"], sent);
            assert_eq!(sent["name"].as_str(), Some(group.name.as_str()));
            assert_eq!(sent["uuid"].as_str(), Some(group.uuid.as_str()));
        }
        Err(error) => assert_eq!(error.status(), Some(status)),
    }
});
