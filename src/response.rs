//! Turning an HTTP status and body into a value or an [`Error`].

use std::borrow::Cow;

use serde::de::DeserializeOwned;
use serde::Deserialize;

use crate::error::{truncate_to_char_boundary, Error, ERROR_BODY_LIMIT};

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

/// Reads a JSON answer: a 2xx body becomes `T`, anything else an error that
/// keeps the status, the API's `error` text and the start of the raw body.
pub fn read_json<T: DeserializeOwned>(status: u16, body: Body<'_>) -> Result<T, Error> {
    let text = String::from_utf8_lossy(body.bytes);
    if !is_success(status) {
        return Err(Error::Http {
            status,
            message: api_error_message(&text)
                .unwrap_or_else(|| format!("the Turso API answered with HTTP {status}")),
            body: capped(&text),
        });
    }
    let decode_error = |why: String| Error::Decode {
        status,
        message: format!("the Turso API answered HTTP {status} with an unexpected body: {why}"),
        body: capped(&text),
    };
    if body.truncated {
        return Err(decode_error(format!(
            "it is larger than {SUCCESS_BODY_LIMIT} bytes"
        )));
    }
    if let Cow::Owned(_) = text {
        return Err(decode_error("it is not valid UTF-8".to_owned()));
    }
    serde_json::from_str(&text).map_err(|error| decode_error(error.to_string()))
}

/// The `error` text of an error body such as `{"error":"group already exists"}`.
fn api_error_message(body: &str) -> Option<String> {
    #[derive(Deserialize)]
    struct ApiErrorBody {
        error: String,
    }
    serde_json::from_str::<ApiErrorBody>(body)
        .ok()
        .map(|parsed| parsed.error)
        .filter(|message| !message.trim().is_empty())
}

fn capped(body: &str) -> String {
    truncate_to_char_boundary(body, ERROR_BODY_LIMIT).to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Deserialize, PartialEq)]
    struct Thing {
        id: u32,
    }

    fn whole(text: &str) -> Body<'_> {
        Body {
            bytes: text.as_bytes(),
            truncated: false,
        }
    }

    #[test]
    fn success_decodes() {
        assert_eq!(
            read_json::<Thing>(200, whole(r#"{"id":7}"#)),
            Ok(Thing { id: 7 })
        );
        assert_eq!(
            read_json::<Thing>(201, whole(r#"{"id":8}"#)),
            Ok(Thing { id: 8 })
        );
    }

    #[test]
    fn limits_follow_the_status() {
        assert_eq!(body_limit(200), SUCCESS_BODY_LIMIT);
        assert_eq!(body_limit(409), ERROR_BODY_LIMIT);
        assert_eq!(body_limit(500), ERROR_BODY_LIMIT);
    }

    #[test]
    fn a_truncated_success_is_a_decode_error() {
        let body = Body {
            bytes: br#"{"id":7}"#,
            truncated: true,
        };
        let error = read_json::<Thing>(200, body).unwrap_err();
        assert_eq!(error.code(), "decode_error");
        assert!(error
            .to_string()
            .ends_with("it is larger than 1048576 bytes"));
    }

    #[test]
    fn invalid_utf8_success_is_a_decode_error() {
        let body = Body {
            bytes: b"{\"id\":7,\"x\":\"\xff\"}",
            truncated: false,
        };
        let error = read_json::<Thing>(200, body).unwrap_err();
        assert!(error.to_string().ends_with("it is not valid UTF-8"));
        assert_eq!(error.body(), Some("{\"id\":7,\"x\":\"\u{fffd}\"}"));
    }

    #[test]
    fn a_truncated_error_keeps_its_status() {
        let body = Body {
            bytes: b"{\"error\":\"too many",
            truncated: true,
        };
        let error = read_json::<Thing>(429, body).unwrap_err();
        assert_eq!((error.code(), error.status()), ("rate_limited", Some(429)));
        assert_eq!(error.to_string(), "the Turso API answered with HTTP 429");
    }

    #[test]
    fn api_error_text_becomes_the_message() {
        let error =
            read_json::<Thing>(409, whole(r#"{"error":"group already exists"}"#)).unwrap_err();
        assert_eq!(error.code(), "conflict");
        assert_eq!(error.status(), Some(409));
        assert_eq!(error.to_string(), "group already exists");
        assert_eq!(error.body(), Some(r#"{"error":"group already exists"}"#));
    }

    #[test]
    fn non_json_error_keeps_its_status() {
        let html = "<html><body>Bad Gateway</body></html>";
        let error = read_json::<Thing>(502, whole(html)).unwrap_err();
        assert_eq!(error.code(), "server_error");
        assert_eq!(error.status(), Some(502));
        assert_eq!(error.to_string(), "the Turso API answered with HTTP 502");
        assert_eq!(error.body(), Some(html));
    }

    #[test]
    fn blank_or_mistyped_error_text_falls_back() {
        for body in [r#"{"error":""}"#, r#"{"error":42}"#, "", "null"] {
            let error = read_json::<Thing>(400, whole(body)).unwrap_err();
            assert_eq!(
                error.to_string(),
                "the Turso API answered with HTTP 400",
                "{body}"
            );
        }
    }

    #[test]
    fn bad_success_bodies_are_decode_errors() {
        for body in ["", "not json", r#"{"id":"#, r#"{"id":"seven"}"#, "[]"] {
            let error = read_json::<Thing>(200, whole(body)).unwrap_err();
            assert_eq!(error.code(), "decode_error", "{body}");
            assert_eq!(error.status(), Some(200));
        }
    }

    #[test]
    fn error_bodies_are_capped() {
        let body = "é".repeat(ERROR_BODY_LIMIT);
        let error = read_json::<Thing>(500, whole(&body)).unwrap_err();
        let kept = error.body().unwrap();
        assert!(kept.len() <= ERROR_BODY_LIMIT);
        assert!(kept.len() > ERROR_BODY_LIMIT - 2);
    }
}
