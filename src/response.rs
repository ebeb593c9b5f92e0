//! Turning an HTTP status and body into a value or an [`Error`].

use std::borrow::Cow;

use crate::error::{decimal, join, truncate_to_char_boundary, Error, ERROR_BODY_LIMIT};
use crate::json::{JsonError, Reader};

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

/// Reads a JSON answer: a 2xx body becomes what `decode` reads from it (the
/// whole text must be that one value), anything else an error that keeps the
/// status, the API's `error` text and the start of the raw body.
pub fn read_json<T>(
    status: u16,
    body: Body<'_>,
    decode: impl FnOnce(&mut Reader<'_>) -> Result<T, JsonError>,
) -> Result<T, Error> {
    let text = String::from_utf8_lossy(body.bytes);
    if !is_success(status) {
        return Err(Error::Http {
            status,
            message: api_error_message(&text).unwrap_or_else(|| {
                join(&["the Turso API answered with HTTP ", &decimal(status.into())])
            }),
            body: capped(&text),
        });
    }
    let decode_error = |why: &str| Error::Decode {
        status,
        message: join(&[
            "the Turso API answered HTTP ",
            &decimal(status.into()),
            " with an unexpected body: ",
            why,
        ]),
        body: capped(&text),
    };
    if body.truncated {
        return Err(decode_error(&join(&[
            "it is larger than ",
            &decimal(SUCCESS_BODY_LIMIT as u64),
            " bytes",
        ])));
    }
    if let Cow::Owned(_) = text {
        return Err(decode_error("it is not valid UTF-8"));
    }
    let mut reader = Reader::new(&text);
    decode(&mut reader)
        .and_then(|value| reader.finish().map(|()| value))
        .map_err(|error| decode_error(&error.message()))
}

/// The `error` text of an error body such as `{"error":"group already exists"}`.
fn api_error_message(body: &str) -> Option<String> {
    let mut reader = Reader::new(body);
    let message = reader.member("error", Reader::string).ok().flatten()?;
    reader.finish().ok()?;
    Some(message).filter(|message| !message.trim().is_empty())
}

fn capped(body: &str) -> String {
    truncate_to_char_boundary(body, ERROR_BODY_LIMIT).to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads `{"id": "…"}`, a stand-in for a resource's answer.
    fn read_id(status: u16, body: Body<'_>) -> Result<String, Error> {
        read_json(status, body, |reader| {
            reader
                .member("id", Reader::string)?
                .ok_or(JsonError::Missing { field: "id" })
        })
    }

    fn whole(text: &str) -> Body<'_> {
        Body {
            bytes: text.as_bytes(),
            truncated: false,
        }
    }

    #[test]
    fn success_decodes() {
        assert_eq!(read_id(200, whole(r#"{"id":"7"}"#)), Ok("7".to_owned()));
        assert_eq!(
            read_id(201, whole(r#" {"x":[1,{}],"id":"8"} "#)),
            Ok("8".to_owned())
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
            bytes: br#"{"id":"7"}"#,
            truncated: true,
        };
        let error = read_id(200, body).unwrap_err();
        assert_eq!(error.code(), "decode_error");
        assert!(error
            .to_string()
            .ends_with("it is larger than 1048576 bytes"));
    }

    #[test]
    fn invalid_utf8_success_is_a_decode_error() {
        let body = Body {
            bytes: b"{\"id\":\"7\",\"x\":\"\xff\"}",
            truncated: false,
        };
        let error = read_id(200, body).unwrap_err();
        assert!(error.to_string().ends_with("it is not valid UTF-8"));
        assert_eq!(error.body(), Some("{\"id\":\"7\",\"x\":\"\u{fffd}\"}"));
    }

    #[test]
    fn a_truncated_error_keeps_its_status() {
        let body = Body {
            bytes: b"{\"error\":\"too many",
            truncated: true,
        };
        let error = read_id(429, body).unwrap_err();
        assert_eq!((error.code(), error.status()), ("rate_limited", Some(429)));
        assert_eq!(error.to_string(), "the Turso API answered with HTTP 429");
    }

    #[test]
    fn api_error_text_becomes_the_message() {
        let error = read_id(409, whole(r#"{"error":"group already exists"}"#)).unwrap_err();
        assert_eq!(error.code(), "conflict");
        assert_eq!(error.status(), Some(409));
        assert_eq!(error.to_string(), "group already exists");
        assert_eq!(error.body(), Some(r#"{"error":"group already exists"}"#));
    }

    #[test]
    fn non_json_error_keeps_its_status() {
        let html = "<html><body>Bad Gateway</body></html>";
        let error = read_id(502, whole(html)).unwrap_err();
        assert_eq!(error.code(), "server_error");
        assert_eq!(error.status(), Some(502));
        assert_eq!(error.to_string(), "the Turso API answered with HTTP 502");
        assert_eq!(error.body(), Some(html));
    }

    #[test]
    fn blank_or_mistyped_error_text_falls_back() {
        for body in [r#"{"error":""}"#, r#"{"error":42}"#, "", "null"] {
            let error = read_id(400, whole(body)).unwrap_err();
            assert_eq!(
                error.to_string(),
                "the Turso API answered with HTTP 400",
                "{body}"
            );
        }
    }

    #[test]
    fn bad_success_bodies_are_decode_errors() {
        for (body, why) in [
            ("", "expected an object at byte 0"),
            ("not json", "expected an object at byte 0"),
            (r#"{"id":"#, "expected a string at byte 6"),
            (r#"{"id":7}"#, "expected a string at byte 6"),
            (r#"{"id":"7"} x"#, "expected the end of the text at byte 11"),
            ("{}", "id is missing"),
            ("[]", "expected an object at byte 0"),
        ] {
            let error = read_id(200, whole(body)).unwrap_err();
            assert_eq!(error.code(), "decode_error", "{body}");
            assert_eq!(error.status(), Some(200));
            assert!(error.to_string().ends_with(why), "{body}: {error}");
        }
    }

    #[test]
    fn error_bodies_are_capped() {
        let body = "é".repeat(ERROR_BODY_LIMIT);
        let error = read_id(500, whole(&body)).unwrap_err();
        let kept = error.body().unwrap();
        assert!(kept.len() <= ERROR_BODY_LIMIT);
        assert!(kept.len() > ERROR_BODY_LIMIT - 2);
    }
}
