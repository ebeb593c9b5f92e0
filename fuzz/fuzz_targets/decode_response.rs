//! Response decoding over arbitrary input: two bytes of status, one byte of
//! "truncated", and the rest as the body. It must never panic, a success
//! must round-trip to JSON, and a failure must keep the status.
#![no_main]

use libfuzzer_sys::fuzz_target;
use turso_platform_wasm::groups::read_create_response;
use turso_platform_wasm::response::Body;

fuzz_target!(|data: &[u8]| {
    let [high, low, flags, bytes @ ..] = data else {
        return;
    };
    let status = u16::from_be_bytes([*high, *low]) % 1000;
    let body = Body {
        bytes,
        truncated: flags & 1 == 1,
    };
    match read_create_response(status, body) {
        Ok(group) => {
            assert!((200..300).contains(&status));
            serde_json::to_string(&group).expect("a decoded group serializes");
        }
        Err(error) => assert_eq!(error.status(), Some(status)),
    }
});
