//! Response decoding over arbitrary input: two bytes of status, one byte of
//! "truncated", and the rest as the body. It must never panic, a success
//! must agree with serde_json's reading of the same bytes, and a failure must
//! keep the status.
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
            let sent: serde_json::Value = match serde_json::from_slice(bytes) {
                Ok(sent) => sent,
                // Numbers beyond f64 are left to JSON.parse; serde_json refuses them.
                Err(error) if error.to_string().starts_with("number out of range") => return,
                Err(error) => panic!("decoded a group serde_json rejects: {error}"),
            };
            let sent = &sent["group"];
            assert_eq!(sent["name"].as_str(), Some(group.name.as_str()));
            assert_eq!(sent["uuid"].as_str(), Some(group.uuid.as_str()));
            // A repeated key's last value is the one that counts.
            let mut seen = std::collections::HashSet::new();
            for (key, raw) in group.other.iter().rev().filter(|(key, _)| seen.insert(key)) {
                let kept: serde_json::Value = serde_json::from_str(raw.as_str()).expect("raw is JSON");
                assert_eq!(&sent[key.as_str()], &kept);
            }
        }
        Err(error) => assert_eq!(error.status(), Some(status)),
    }
});
