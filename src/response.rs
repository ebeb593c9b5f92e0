//! Turning an HTTP status and body into a value or an [`Error`].

use serde::de::DeserializeOwned;
use serde::Deserialize;

use crate::error::{truncate_to_char_boundary, Error, ERROR_BODY_LIMIT};

/// Reads a JSON answer: a 2xx body becomes `T`, anything else an error that
/// keeps the status, the API's `error` text and the start of the raw body.
pub fn read_json<T: DeserializeOwned>(status: u16, body: &str) -> Result<T, Error> {
    if !(200..=299).contains(&status) {
        return Err(Error::Http {
            status,
            message: api_error_message(body)
                .unwrap_or_else(|| format!("the Turso API answered with HTTP {status}")),
            body: capped(body),
        });
    }
    serde_json::from_str(body).map_err(|error| Error::Decode {
        status,
        message: format!("the Turso API answered HTTP {status} with an unexpected body: {error}"),
        body: capped(body),
    })
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

    #[test]
    fn success_decodes() {
        assert_eq!(read_json::<Thing>(200, r#"{"id":7}"#), Ok(Thing { id: 7 }));
        assert_eq!(read_json::<Thing>(201, r#"{"id":8}"#), Ok(Thing { id: 8 }));
    }

    #[test]
    fn api_error_text_becomes_the_message() {
        let error = read_json::<Thing>(409, r#"{"error":"group already exists"}"#).unwrap_err();
        assert_eq!(error.code(), "conflict");
        assert_eq!(error.status(), Some(409));
        assert_eq!(error.to_string(), "group already exists");
        assert_eq!(error.body(), Some(r#"{"error":"group already exists"}"#));
    }

    #[test]
    fn non_json_error_keeps_its_status() {
        let html = "<html><body>Bad Gateway</body></html>";
        let error = read_json::<Thing>(502, html).unwrap_err();
        assert_eq!(error.code(), "server_error");
        assert_eq!(error.status(), Some(502));
        assert_eq!(error.to_string(), "the Turso API answered with HTTP 502");
        assert_eq!(error.body(), Some(html));
    }

    #[test]
    fn blank_or_mistyped_error_text_falls_back() {
        for body in [r#"{"error":""}"#, r#"{"error":42}"#, "", "null"] {
            let error = read_json::<Thing>(400, body).unwrap_err();
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
            let error = read_json::<Thing>(200, body).unwrap_err();
            assert_eq!(error.code(), "decode_error", "{body}");
            assert_eq!(error.status(), Some(200));
        }
    }

    #[test]
    fn error_bodies_are_capped() {
        let body = "é".repeat(ERROR_BODY_LIMIT);
        let error = read_json::<Thing>(500, &body).unwrap_err();
        let kept = error.body().unwrap();
        assert!(kept.len() <= ERROR_BODY_LIMIT);
        assert!(kept.len() > ERROR_BODY_LIMIT - 2);
    }
}
