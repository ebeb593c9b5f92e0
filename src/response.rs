//! Turning an HTTP status and body into an operation's answer or an [`Error`].

use serde::de::DeserializeOwned;
use serde::Deserialize;

use crate::error::{truncate_to_char_boundary, Error, ERROR_BODY_LIMIT};
use crate::json::{DecodeError, Json};
use crate::operation::{AnswerAt, Spec};

/// The largest successful answer read; a larger one is a `decode_error`
/// rather than unbounded memory.
pub const SUCCESS_BODY_LIMIT: usize = 1024 * 1024;

/// An answer's body as read, at most [`body_limit`] bytes of it.
#[derive(Clone, Copy, Debug)]
pub struct Body<'a> {
    pub bytes: &'a [u8],
    /// The server sent more than `bytes`; the rest was not read.
    pub truncated: bool,
}

/// How many bytes of a body with this status are worth reading: a success
/// must be read whole to be decoded, an error only as far as it is kept.
pub fn body_limit(status: u16) -> usize {
    if is_success(status) {
        SUCCESS_BODY_LIMIT
    } else {
        ERROR_BODY_LIMIT
    }
}

fn is_success(status: u16) -> bool {
    (200..=299).contains(&status)
}

/// Reads the answer of the operation `spec`: a 2xx becomes what `shape`
/// makes of the value `J` parsed (for [`AnswerAt::Nothing`], `J`'s null); any
/// other status an error that keeps the status, the API's `error` text and
/// `code`, and the start of the raw body. Only `shape` is generic over an
/// answer's type; the rest is [`sent`], once for every operation.
pub fn answer<J: Json, T>(
    spec: &Spec,
    status: u16,
    body: Body<'_>,
    shape: impl FnOnce(&J::Value) -> Result<T, DecodeError>,
) -> Result<T, Error> {
    let sent = sent::<J>(spec, status, body)?;
    shape(&sent.value).map_err(|error| sent.decode_error(&error.describe(sent.key)))
}

/// A `shape` for [`answer`]: the answer typed as `A`, with the value as `J`
/// parsed it.
pub fn typed<A: DeserializeOwned, J: Json>(value: &J::Value) -> Result<(A, J::Value), DecodeError> {
    Ok((J::decode_answer(value)?, value.clone()))
}

/// A successful answer, parsed but not yet typed.
struct Sent<V> {
    /// Where the answer sat: its envelope's key, or `""`.
    key: &'static str,
    value: V,
    status: u16,
    /// What a decode error keeps of the body.
    kept_body: String,
    /// The answer carries a credential.
    secret: bool,
}

impl<V> Sent<V> {
    fn decode_error(&self, why: &str) -> Error {
        decode_error(self.status, why, self.secret, self.kept_body.clone())
    }
}

/// A `decode_error` that says why, unless the answer carries a credential:
/// a parser or serde quotes what it found, which could be the secret.
fn decode_error(status: u16, why: &str, secret: bool, body: String) -> Error {
    let why = if secret {
        "it is not the answer's shape (the details are withheld: this answer carries a credential)"
    } else {
        why
    };
    Error::Decode {
        status,
        why: why.to_owned(),
        body,
    }
}

/// What [`answer`] does before the answer's type matters.
fn sent<J: Json>(spec: &Spec, status: u16, body: Body<'_>) -> Result<Sent<J::Value>, Error> {
    let text = String::from_utf8_lossy(body.bytes);
    if !is_success(status) {
        return Err(api_error::<J>(status, &text));
    }
    let kept_body = if spec.secret_answer {
        "[redacted: this answer carries a credential]".to_owned()
    } else {
        capped(&text)
    };
    let fail = |why: &str| decode_error(status, why, spec.secret_answer, kept_body.clone());
    let (key, value) = match spec.answer {
        // A stream is handed on unread by the transport, which reads only
        // the body of an error.
        AnswerAt::Nothing | AnswerAt::Stream => ("", J::null()),
        _ if body.truncated => {
            return Err(fail(&format!(
                "it is larger than {SUCCESS_BODY_LIMIT} bytes"
            )))
        }
        _ if text.len() != body.bytes.len() => return Err(fail("it is not valid UTF-8")),
        AnswerAt::Whole => ("", J::parse(&text).map_err(|why| fail(&why))?),
        AnswerAt::Member(key) | AnswerAt::Reshaped(key) => {
            let whole = J::parse(&text).map_err(|why| fail(&why))?;
            let member = J::member(&whole, key);
            (
                key,
                member.ok_or_else(|| fail(&format!("{key} is missing")))?,
            )
        }
    };
    Ok(Sent {
        key,
        value,
        status,
        kept_body,
        secret: spec.secret_answer,
    })
}

/// What the API's error bodies hold: `{"error": "…"}`, with a `code` in some.
#[derive(Deserialize)]
struct ApiErrorBody {
    error: String,
    code: Option<String>,
}

fn api_error<J: Json>(status: u16, text: &str) -> Error {
    let sent = J::parse(text)
        .ok()
        .and_then(|value| J::decode::<ApiErrorBody>(&value).ok());
    let (api_message, api_code) = match sent {
        Some(ApiErrorBody { error, code }) if !error.trim().is_empty() => (error, code),
        Some(ApiErrorBody { code, .. }) => (String::new(), code),
        None => (String::new(), None),
    };
    Error::Http {
        status,
        api_message,
        body: capped(text),
        api_code,
    }
}

fn capped(body: &str) -> String {
    truncate_to_char_boundary(body, ERROR_BODY_LIMIT).to_owned()
}

// serde_json is the native side of the `Json` seam.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::groups::{self, Group};
    use crate::json::SerdeJson;
    use crate::locations::{self, Location};
    use crate::operation::Operation;

    fn whole(text: &str) -> Body<'_> {
        Body {
            bytes: text.as_bytes(),
            truncated: false,
        }
    }

    fn read<O: Operation>(status: u16, text: &str) -> Result<O::Answer, Error> {
        read_body::<O>(status, whole(text))
    }

    fn read_body<O: Operation>(status: u16, body: Body<'_>) -> Result<O::Answer, Error> {
        answer::<SerdeJson, _>(&O::SPEC, status, body, SerdeJson::decode_answer)
    }

    #[test]
    fn limits_follow_the_status() {
        assert_eq!(body_limit(200), SUCCESS_BODY_LIMIT);
        assert_eq!(body_limit(409), ERROR_BODY_LIMIT);
        assert_eq!(body_limit(500), ERROR_BODY_LIMIT);
    }

    #[test]
    fn an_array_is_no_object_even_where_every_field_is_optional() {
        fn refused<O: Operation>(text: &str) {
            let error = read::<O>(200, text).map(drop).unwrap_err();
            assert_eq!(error.code(), "decode_error", "{}: {text}", O::SPEC.call);
            assert!(
                error
                    .message()
                    .ends_with("it is an array, where an object belongs"),
                "{}",
                error.message()
            );
        }
        for text in ["[]", "[true]"] {
            refused::<groups::GetConfiguration>(text);
            refused::<crate::databases::GetConfiguration>(text);
            refused::<crate::organizations::GetSubscription>(&format!(
                "{{\"subscription\":{text}}}"
            ));
            refused::<crate::databases::GetUsage>(&format!("{{\"database\":{text}}}"));
        }
        // A list is still read from an array, and an object is still an object.
        assert!(read::<groups::List>(200, r#"{"groups":[]}"#).is_ok());
        assert!(read::<groups::GetConfiguration>(200, "{}").is_ok());
    }

    #[test]
    fn a_member_is_unwrapped_and_typed() {
        let body = r#"{"group":{"name":"new-group","uuid":"0a28102d","primary":"lhr",
            "locations":["lhr"],"version":"v0.23.7","delete_protection":false,
            "archived":false,"limits":{"max":9007199254740993}}}"#;
        let (group, sent) = answer::<SerdeJson, _>(
            &groups::Get::SPEC,
            200,
            whole(body),
            typed::<Group, SerdeJson>,
        )
        .unwrap();
        assert_eq!(
            (group.name.as_str(), group.uuid.as_str()),
            ("new-group", "0a28102d")
        );
        // The fields an answer may leave out, and those the API adds later,
        // are handed on as sent.
        assert_eq!(sent["primary"], "lhr");
        assert_eq!(sent["locations"], serde_json::json!(["lhr"]));
        assert_eq!(sent["delete_protection"], false);
        assert_eq!(
            sent["limits"]["max"],
            serde_json::json!(9007199254740993u64)
        );
        let list = read::<groups::List>(200, r#"{"groups":[{"name":"a","uuid":"u"}]}"#).unwrap();
        assert_eq!(list.len(), 1);
    }

    #[test]
    fn a_whole_body_is_the_answer() {
        let config = read::<groups::GetConfiguration>(200, r#"{"delete_protection":true}"#);
        assert_eq!(config.unwrap().delete_protection, Some(true));
        let moved = read::<groups::Transfer>(200, r#"{"name":"g","uuid":"u"}"#).unwrap();
        assert_eq!(moved.name, "g");
    }

    #[test]
    fn no_body_is_expected_where_the_api_sends_none() {
        assert_eq!(read::<groups::RotateTokens>(200, ""), Ok(()));
        assert_eq!(read::<groups::UpdateDatabases>(200, "anything"), Ok(()));
        let missing = read::<groups::RotateTokens>(404, r#"{"error":"group not found"}"#);
        assert_eq!(missing.unwrap_err().code(), "not_found");
    }

    #[test]
    fn locations_become_a_list_sorted_by_code() {
        let body = r#"{"locations":{"lhr":"London","aws-us-east-1":"Virginia"}}"#;
        let list = read::<locations::List>(200, body).unwrap().0;
        assert_eq!(
            list,
            [
                Location {
                    code: "aws-us-east-1".into(),
                    description: "Virginia".into()
                },
                Location {
                    code: "lhr".into(),
                    description: "London".into()
                },
            ]
        );
        let serialized = serde_json::to_string(&locations::Locations(list)).unwrap();
        assert!(
            serialized.starts_with(r#"[{"code":"aws-us-east-1""#),
            "{serialized}"
        );
    }

    #[test]
    fn the_organizations_locations_become_one_list_sorted_by_code() {
        let body = r#"{"locations":{"fly":{"lhr":"London"},"aws":{"aws-us-east-1":"Virginia","aws-eu-west-1":"Ireland"}}}"#;
        let list = read::<locations::ListForOrganization>(200, body).unwrap().0;
        let codes: Vec<(&str, &str)> = list
            .iter()
            .map(|location| (location.code.as_str(), location.provider.as_str()))
            .collect();
        assert_eq!(
            codes,
            [
                ("aws-eu-west-1", "aws"),
                ("aws-us-east-1", "aws"),
                ("lhr", "fly")
            ]
        );
    }

    #[test]
    fn wrong_shapes_are_decode_errors_that_say_where() {
        for (body, why) in [
            ("", "EOF while parsing a value at line 1 column 0"),
            ("not json", "expected ident at line 1 column 2"),
            ("{}", "group is missing"),
            ("[]", "group is missing"),
            (
                r#"{"group":null}"#,
                "group: invalid type: null, expected struct Group",
            ),
            (
                r#"{"group":{"name":1,"uuid":"u"}}"#,
                "group.name: invalid type: integer `1`, expected a string",
            ),
            (r#"{"group":{"name":"g"}}"#, "group: missing field `uuid`"),
            (
                r#"{"group":{"name":"g","uuid":"u"}}{}"#,
                "trailing characters at line 1 column 34",
            ),
        ] {
            let error = read::<groups::Get>(200, body).unwrap_err();
            assert_eq!(error.code(), "decode_error", "{body}");
            assert_eq!(error.status(), Some(200));
            assert!(error.to_string().ends_with(why), "{body}: {error}");
            assert_eq!(error.body(), Some(body));
        }
        let list =
            read::<groups::List>(200, r#"{"groups":[{"name":"a","uuid":"u"},{"uuid":"v"}]}"#);
        assert!(list
            .unwrap_err()
            .to_string()
            .ends_with("groups[1]: missing field `name`"));
    }

    #[test]
    fn a_truncated_or_invalid_success_is_a_decode_error() {
        let truncated = Body {
            bytes: br#"{"group":{}}"#,
            truncated: true,
        };
        let error = read_body::<groups::Get>(200, truncated).unwrap_err();
        assert!(error
            .to_string()
            .ends_with("it is larger than 1048576 bytes"));
        let invalid = Body {
            bytes: b"{\"group\":{\"name\":\"\xff\",\"uuid\":\"u\"}}",
            truncated: false,
        };
        let error = read_body::<groups::Get>(200, invalid).unwrap_err();
        assert!(error.to_string().ends_with("it is not valid UTF-8"));
        assert_eq!(
            error.body(),
            Some("{\"group\":{\"name\":\"\u{fffd}\",\"uuid\":\"u\"}}")
        );
    }

    #[test]
    fn a_minted_token_never_stays_in_a_decode_error() {
        let error =
            read::<groups::CreateToken>(200, r#"{"jwt":42,"secret":"eyJhbGci.x.y"}"#).unwrap_err();
        assert_eq!(error.code(), "decode_error");
        assert!(!format!("{error:?}").contains("eyJ"), "{error:?}");
        let token = read::<groups::CreateToken>(200, r#"{"jwt":"eyJhbGci.x.y"}"#).unwrap();
        assert_eq!(token.jwt, "eyJhbGci.x.y");
        assert!(!format!("{token:?}").contains("eyJ"));
    }

    #[test]
    fn api_errors_keep_status_text_and_code() {
        let error = read::<groups::Create>(409, r#"{"error":"group already exists"}"#).unwrap_err();
        assert_eq!((error.code(), error.status()), ("conflict", Some(409)));
        assert_eq!(
            error.to_string(),
            "the Turso API answered HTTP 409: group already exists"
        );
        assert_eq!(error.api_code(), None);
        let coded =
            read::<groups::Get>(404, r#"{"error":"no such group","code":"GROUP_NOT_FOUND"}"#)
                .unwrap_err();
        assert_eq!(coded.api_code(), Some("GROUP_NOT_FOUND"));
        let html = "<html><body>Bad Gateway</body></html>";
        let error = read::<groups::Get>(502, html).unwrap_err();
        assert_eq!((error.code(), error.status()), ("server_error", Some(502)));
        assert_eq!(error.to_string(), "the Turso API answered HTTP 502");
        assert_eq!(error.body(), Some(html));
        for body in [r#"{"error":""}"#, r#"{"error":42}"#, "", "null"] {
            let error = read::<groups::Get>(400, body).unwrap_err();
            assert_eq!(
                error.to_string(),
                "the Turso API answered HTTP 400",
                "{body}"
            );
        }
    }

    #[test]
    fn a_redirect_is_an_error_that_says_so() {
        for status in [0, 301, 307, 308] {
            let error = read::<groups::Create>(status, "").unwrap_err();
            assert_eq!((error.code(), error.status()), ("http_error", Some(status)));
            assert!(error.to_string().contains("a redirect"), "{error}");
        }
    }

    #[test]
    fn error_bodies_are_capped() {
        let body = "é".repeat(ERROR_BODY_LIMIT);
        let error = read::<groups::Get>(500, &body).unwrap_err();
        let kept = error.body().unwrap();
        assert!(kept.len() <= ERROR_BODY_LIMIT);
        assert!(kept.len() > ERROR_BODY_LIMIT - 2);
    }

    #[test]
    fn the_typed_answer_serializes_with_the_wire_names() {
        let group: Group =
            read::<groups::Get>(200, r#"{"group":{"name":"g","uuid":"u"}}"#).unwrap();
        assert_eq!(
            serde_json::to_string(&group).unwrap(),
            r#"{"name":"g","uuid":"u","primary":null,"locations":null,"version":null,"delete_protection":null,"archived":null}"#
        );
        let database: crate::databases::Database = read::<crate::databases::Get>(
            200,
            r#"{"database":{"Name":"d","DbId":"i","primaryRegion":"lhr"}}"#,
        )
        .unwrap();
        let written = serde_json::to_value(&database).unwrap();
        assert_eq!(
            (&written["Name"], &written["DbId"]),
            (&"d".into(), &"i".into())
        );
    }

    #[test]
    fn optional_answer_fields_pass_as_sent_in_both_targets() {
        // The one decoder: an optional field is not checked, here as in
        // wasm, and the caller gets it exactly as the server sent it.
        let body =
            r#"{"group":{"name":"g","uuid":"u","delete_protection":"yes","locations":"lhr"}}"#;
        let (group, sent) = answer::<SerdeJson, _>(
            &groups::Get::SPEC,
            200,
            whole(body),
            typed::<Group, SerdeJson>,
        )
        .unwrap();
        assert_eq!(group.delete_protection, None);
        assert_eq!(sent["delete_protection"], "yes");
        assert_eq!(sent["locations"], "lhr");
    }
}
