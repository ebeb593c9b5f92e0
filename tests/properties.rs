//! Property tests of the native core: validation against independent
//! oracles, requests whose path no argument can change, and answers decoded
//! over arbitrary bytes. No input may panic, and every rejection names its
//! field and says why. About 155,000 generated cases in all, in every
//! `cargo test`.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use turso_platform_wasm::api;
use turso_platform_wasm::groups::{self, NewGroup};
use turso_platform_wasm::json::SerdeJson;
use turso_platform_wasm::operation::{Operation, Validate, Visitor};
use turso_platform_wasm::request::{self, percent_encode_segment};
use turso_platform_wasm::response::{self, Body};
use turso_platform_wasm::{validate, ClientConfig, Error};

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Strings near the rules' edges, and anything at all.
fn candidates() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z0-9-]{0,70}",
        "[a-zA-Z0-9._-]{0,70}",
        "[a-z0-9 /?#%.\\-_]{0,10}",
        "\\PC{0,80}",
        any::<String>(),
    ]
}

fn rejected_by(result: Result<(), Error>, field: &str) -> bool {
    match result {
        Ok(()) => false,
        Err(error) => {
            assert_eq!(error.code(), "invalid_argument");
            assert_eq!(error.field(), Some(field));
            assert!(error.to_string().starts_with(field), "{error}");
            true
        }
    }
}

/// The rule the spec states for a database's name.
fn database_name_oracle(s: &str) -> bool {
    (1..=64).contains(&s.len()) && s.chars().all(|c| matches!(c, 'a'..='z' | '0'..='9' | '-'))
}

/// What would change a path: an empty segment or a dot segment.
fn segment_oracle(s: &str) -> bool {
    !s.is_empty() && s != "." && s != ".."
}

/// The path and query parameter rules of every declared operation.
#[derive(Default)]
struct ParamRules(Vec<(&'static str, validate::Check)>);

impl Visitor for ParamRules {
    fn visit<O: Operation>(&mut self) {
        self.0
            .extend(O::SPEC.params.iter().map(|param| (param.arg, param.check)));
    }
}

fn token_oracle(s: &str) -> bool {
    !s.is_empty()
        && s.chars().all(|c| ('!'..='~').contains(&c))
        && !s.to_ascii_lowercase().starts_with("bearer ")
}

proptest! {
    #![proptest_config(config(20_000))]

    #[test]
    fn database_names_follow_the_spec(name in candidates()) {
        prop_assert_eq!(!rejected_by(validate::database_name("name", &name), "name"), database_name_oracle(&name));
    }

    #[test]
    fn a_segment_is_refused_only_where_it_would_change_the_path(value in candidates()) {
        prop_assert_eq!(!rejected_by(validate::segment("name", &value), "name"), segment_oracle(&value));
    }

    #[test]
    fn orgs_follow_the_segment_rule(org in candidates()) {
        prop_assert_eq!(!rejected_by(validate::org(&org), "org"), segment_oracle(&org));
    }

    #[test]
    fn tokens_follow_the_documented_rule(token in prop_oneof!["(Bearer |bearer )?[!-~]{0,40}", candidates()]) {
        let accepted = !rejected_by(validate::token(&token), "token");
        prop_assert_eq!(accepted, token_oracle(&token));
        if let Err(error) = validate::token(&token) {
            // The message is one of a few fixed texts: the token is never in it.
            let other_token = if token == "x" { "y" } else { "x" };
            let fixed = [String::new(), format!("Bearer {other_token}"), format!("{other_token} {other_token}")]
                .iter()
                .filter_map(|other| validate::token(other).err())
                .any(|other| other.to_string() == error.to_string());
            prop_assert!(fixed, "{}", error);
        }
    }

    #[test]
    fn every_parameter_rule_answers_without_panicking(
        value in prop_oneof![
            candidates(),
            "[0-9T:.+zZ -]{0,30}[é€😀]{0,2}[0-9:+-]{0,6}",
            "[a-z.+]{0,10}@[a-zé.-]{0,12}",
        ],
    ) {
        // Every rule of every declared operation: it accepts, or names its argument.
        let mut rules = ParamRules::default();
        api::for_each(&mut rules);
        for (arg, check) in rules.0 {
            if let Err(error) = check(arg, &value) {
                prop_assert_eq!(error.field(), Some(arg));
            }
        }
    }

    #[test]
    fn percent_encoding_is_safe_and_reversible(segment in candidates()) {
        let encoded = percent_encode_segment(&segment);
        prop_assert!(encoded.bytes().all(|b| b.is_ascii_alphanumeric() || b"-._~%".contains(&b)));
        let mut decoded = Vec::new();
        let mut bytes = encoded.bytes();
        while let Some(b) = bytes.next() {
            if b == b'%' {
                let hex: String = [bytes.next().unwrap(), bytes.next().unwrap()].iter().map(|&b| b as char).collect();
                decoded.push(u8::from_str_radix(&hex, 16).unwrap());
            } else {
                decoded.push(b);
            }
        }
        prop_assert_eq!(decoded, segment.as_bytes());
    }
}

proptest! {
    #![proptest_config(config(10_000))]

    #[test]
    fn base_urls_never_panic_and_accept_only_safe_urls(url in prop_oneof![
        "(https?|HTTP|ftp)://[a-z0-9.:\\[\\]@-]{0,30}(/[a-z0-9./%-]{0,12}){0,3}",
        candidates(),
    ]) {
        match validate::base_url("baseUrl", &url, validate::parse_url) {
            Ok(base) => {
                prop_assert!(base.starts_with("https://") || base.starts_with("http://"), "{}", base);
                prop_assert!(!base.ends_with('/'));
                prop_assert!(!base.contains("/../") && !base.contains("/./") && !base.contains('%') && !base.contains('@'));
                if let Some(rest) = base.strip_prefix("http://") {
                    let host = rest.split(['/', ':']).next().unwrap_or("");
                    prop_assert!(host == "localhost" || host.starts_with("127.") || base.starts_with("http://[::1]"), "{}", base);
                }
            }
            Err(error) => prop_assert_eq!(error.field(), Some("baseUrl")),
        }
    }

    #[test]
    fn extension_lists_are_accepted_exactly_when_known_and_distinct(
        names in prop::collection::vec(prop_oneof![
            prop::sample::select(vec!["vector", "vec", "crypto", "fuzzy", "math", "stats", "text", "unicode", "uuid", "regexp"]).prop_map(Some),
            Just(None),
            Just(Some("postgis")),
        ], 0..12)
    ) {
        let known_and_distinct = names.iter().all(|n| n.is_some_and(|n| n != "postgis"))
            && names.iter().enumerate().all(|(i, n)| !names[..i].contains(n));
        let body = serde_json::json!({ "name": "g", "location": "lhr", "extensions": names });
        let accepted = serde_json::from_value::<NewGroup>(body).is_ok_and(|group| {
            match group.validate() {
                Ok(()) => true,
                Err(error) => {
                    assert_eq!(error.field(), Some("extensions"));
                    assert!(error.to_string().starts_with("extensions"), "{error}");
                    false
                }
            }
        });
        prop_assert_eq!(accepted, known_and_distinct);
    }
}

/// JSON that is often a group, sometimes nearly one.
fn group_like_json() -> impl Strategy<Value = Vec<u8>> {
    let value = prop_oneof![
        Just("null".to_owned()),
        Just("\"lhr\"".to_owned()),
        Just("[\"lhr\"]".to_owned()),
        Just("false".to_owned()),
        Just("9007199254740993".to_owned()),
        Just("-1.5e300".to_owned()),
        "\"\\PC{0,12}\"".prop_map(|s| s),
    ];
    let field = prop::sample::select(vec![
        "name",
        "uuid",
        "primary",
        "locations",
        "version",
        "delete_protection",
        "extra",
    ]);
    prop::collection::vec((field, value), 0..8).prop_map(|fields| {
        let inner: Vec<String> = fields.iter().map(|(k, v)| format!("\"{k}\":{v}")).collect();
        format!("{{\"group\":{{{}}}}}", inner.join(",")).into_bytes()
    })
}

proptest! {
    #![proptest_config(config(15_000))]

    #[test]
    fn decoding_never_panics_and_keeps_the_status(
        status in prop_oneof![Just(200u16), Just(201), Just(409), Just(429), Just(500), 100u16..600],
        bytes in prop_oneof![group_like_json(), prop::collection::vec(any::<u8>(), 0..300)],
        truncated in any::<bool>(),
    ) {
        let body = Body { bytes: &bytes, truncated };
        match response::answer::<SerdeJson, _>(&groups::Create::SPEC, status, body, response::typed::<groups::Group, SerdeJson>) {
            Ok((group, sent)) => {
                prop_assert!((200..300).contains(&status) && !truncated);
                prop_assert!(std::str::from_utf8(&bytes).is_ok());
                let parsed: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
                prop_assert_eq!(&parsed["group"], &sent);
                prop_assert_eq!(sent["name"].as_str(), Some(group.name.as_str()));
                prop_assert_eq!(sent["uuid"].as_str(), Some(group.uuid.as_str()));
            }
            Err(error) => {
                prop_assert_eq!(error.status(), Some(status));
                prop_assert!(error.body().is_some_and(|b| b.len() <= 4096));
                prop_assert!(!error.to_string().is_empty());
                let expected = if (200..300).contains(&status) { "decode_error" } else { error.code() };
                prop_assert_eq!(error.code(), expected);
            }
        }
    }
}

proptest! {
    #![proptest_config(config(20_000))]

    /// Whatever the arguments, a request that is built goes to the path its
    /// template names: one percent-encoded segment per parameter.
    #[test]
    fn no_argument_changes_the_path(name in candidates(), location in candidates(), expiration in candidates()) {
        let config = ClientConfig::new("acme", "tok", Some("https://api.turso.tech/base")).unwrap();
        let params = [("name", name.as_str()), ("location", location.as_str())];
        if let Ok(request) = request::build::<groups::AddLocation, SerdeJson>(&config, &params, None) {
            let expected = format!(
                "https://api.turso.tech/base/v1/organizations/acme/groups/{}/locations/{}",
                percent_encode_segment(&name),
                percent_encode_segment(&location)
            );
            prop_assert_eq!(request.url, expected);
        }
        let params = [("name", name.as_str()), ("expiration", expiration.as_str())];
        match request::build::<groups::CreateToken, SerdeJson>(&config, &params, None) {
            Ok(request) => {
                let (path, query) = request.url.split_once('?').unwrap();
                let expected = format!(
                    "https://api.turso.tech/base/v1/organizations/acme/groups/{}/auth/tokens",
                    percent_encode_segment(&name)
                );
                prop_assert_eq!(path, expected);
                prop_assert_eq!(query, format!("expiration={}", percent_encode_segment(&expiration)));
            }
            Err(error) => prop_assert!(matches!(error.field(), Some("name" | "expiration"))),
        }
    }
}
