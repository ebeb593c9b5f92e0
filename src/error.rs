//! The one error type of the crate.
//!
//! Every failure, from a bad argument to a dropped connection, is an [`Error`].
//! Its [`Error::code`] is a stable string that JavaScript can branch on; the
//! wasm boundary turns it into a `TursoClientError` once, and nowhere else.

use std::borrow::Cow;
use std::fmt;

/// How much of a response body an error keeps, so a huge error page can't
/// balloon every error object that holds it.
pub const ERROR_BODY_LIMIT: usize = 4 * 1024;

/// A failed call to the Turso Platform API, or a call that was never sent.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Error {
    /// An argument was rejected before anything was sent.
    InvalidArgument {
        /// The argument's name as JavaScript callers spell it (`org`,
        /// `baseUrl`, …), or an option's that the call does not know.
        field: Cow<'static, str>,
        message: String,
    },
    /// The API answered with a status outside 2xx.
    Http {
        status: u16,
        /// The API's own `error` text; empty when it sent none.
        api_message: String,
        /// The raw response text, at most [`ERROR_BODY_LIMIT`] bytes of it.
        body: String,
        /// The API's own machine-readable `code`, where its error body has one.
        api_code: Option<String>,
    },
    /// A 2xx answer whose body was not what the API promises.
    Decode {
        status: u16,
        /// Why the answer was refused.
        why: String,
        body: String,
    },
    /// The request never got an answer: DNS, TLS, a refused or reset connection.
    Network { message: String },
    /// The call took longer than its timeout.
    Timeout { timeout_ms: u32 },
    /// The caller's `AbortSignal` fired.
    Aborted,
    /// A bug in this crate, reported instead of poisoning the module.
    Internal { message: String },
}

impl Error {
    pub(crate) fn invalid(field: &'static str, message: impl Into<String>) -> Self {
        Error::InvalidArgument {
            field: Cow::Borrowed(field),
            message: message.into(),
        }
    }

    /// The stable, machine-readable kind of this error.
    ///
    /// These strings are public API: they are the `code` union of the
    /// TypeScript declarations and never change meaning.
    pub fn code(&self) -> &'static str {
        match self {
            Error::InvalidArgument { .. } => "invalid_argument",
            Error::Http { status, .. } => http_status_code(*status),
            Error::Decode { .. } => "decode_error",
            Error::Network { .. } => "network_error",
            Error::Timeout { .. } => "timeout",
            Error::Aborted => "aborted",
            Error::Internal { .. } => "internal",
        }
    }

    /// What went wrong, as the `Display` impl shows it: the line of
    /// [`Error::message_in`] without the call.
    pub fn message(&self) -> String {
        self.line(None)
    }

    /// The line JavaScript's `message` shows: the call, the request it
    /// sent when it sent one, and what went wrong, as in `groups.create:
    /// POST /v1/organizations/acme/groups answered HTTP 500`.
    pub fn message_in(&self, operation: &str, request: Option<&str>) -> String {
        format!("{operation}: {}", self.line(request))
    }

    /// What went wrong, said of `request` where it names what was sent.
    fn line(&self, request: Option<&str>) -> String {
        let api = request.unwrap_or("the Turso API");
        let sent = request.unwrap_or("the request");
        match self {
            Error::InvalidArgument { message, .. } | Error::Internal { message } => message.clone(),
            Error::Http { status, .. } if *status == 0 || (300..=399).contains(status) => {
                format!("{api} answered with a redirect (HTTP {status}), which this client does not follow")
            }
            Error::Http {
                status,
                api_message,
                ..
            } if api_message.is_empty() => format!("{api} answered HTTP {status}"),
            Error::Http {
                status,
                api_message,
                ..
            } => format!("{api} answered HTTP {status}: {api_message}"),
            Error::Decode { status, why, .. } => {
                format!("{api} answered HTTP {status} with an unexpected body: {why}")
            }
            Error::Network { message } => format!("{sent} got no answer: {message}"),
            Error::Timeout { timeout_ms } => format!("{sent} timed out after {timeout_ms} ms"),
            Error::Aborted => format!("{sent} was aborted"),
        }
    }

    /// The HTTP status, when the server answered.
    pub fn status(&self) -> Option<u16> {
        match self {
            Error::Http { status, .. } | Error::Decode { status, .. } => Some(*status),
            _ => None,
        }
    }

    /// The argument that was rejected, for [`Error::InvalidArgument`].
    pub fn field(&self) -> Option<&str> {
        match self {
            Error::InvalidArgument { field, .. } => Some(field),
            _ => None,
        }
    }

    /// The (capped) raw response text, when the server answered.
    pub fn body(&self) -> Option<&str> {
        match self {
            Error::Http { body, .. } | Error::Decode { body, .. } => Some(body),
            _ => None,
        }
    }

    /// This error with every copy of each of `secrets` in every field
    /// replaced by `[redacted]`: a server may echo one, and a refused
    /// argument is quoted.
    pub fn redact(mut self, secrets: &[String]) -> Error {
        for secret in secrets {
            match &mut self {
                Error::Http {
                    api_message,
                    body,
                    api_code,
                    ..
                } => {
                    redact(api_message, secret);
                    redact(body, secret);
                    if let Some(api_code) = api_code {
                        redact(api_code, secret);
                    }
                }
                Error::Decode { why, body, .. } => {
                    redact(why, secret);
                    redact(body, secret);
                }
                Error::InvalidArgument { field, message } => {
                    redact(field.to_mut(), secret);
                    redact(message, secret);
                }
                Error::Network { message } | Error::Internal { message } => redact(message, secret),
                Error::Timeout { .. } | Error::Aborted => {}
            }
        }
        self
    }

    /// The `code` the API put in its error body, such as `"DB_NOT_FOUND"`.
    pub fn api_code(&self) -> Option<&str> {
        match self {
            Error::Http { api_code, .. } => api_code.as_deref(),
            _ => None,
        }
    }
}

/// Every string [`Error::code`] returns, with a line for people; the
/// TypeScript `code` union is generated from this.
pub const CODES: &[(&str, &str)] = &[
    (
        "invalid_argument",
        "An argument was refused before anything was sent; `field` names it.",
    ),
    ("bad_request", "The API answered 400."),
    (
        "unauthorized",
        "The API answered 401: the token is missing, wrong or expired.",
    ),
    (
        "payment_required",
        "The API answered 402: the plan does not allow it.",
    ),
    (
        "forbidden",
        "The API answered 403: the token may not do this.",
    ),
    (
        "not_found",
        "The API answered 404: no such organization, group, database or route.",
    ),
    (
        "conflict",
        "The API answered 409: the name is taken, or the resource is in use.",
    ),
    (
        "unprocessable_entity",
        "The API answered 422: it understood the request and refused it.",
    ),
    ("rate_limited", "The API answered 429 on every attempt."),
    (
        "server_error",
        "The API answered 5xx on every attempt that was allowed.",
    ),
    (
        "http_error",
        "The API answered with another status outside 2xx.",
    ),
    (
        "decode_error",
        "A 2xx answer was not what the API promises.",
    ),
    (
        "network_error",
        "No answer came: DNS, TLS, a refused or reset connection.",
    ),
    (
        "timeout",
        "The call took longer than `timeoutMs`, retries included.",
    ),
    ("aborted", "The caller's `signal` fired."),
    (
        "internal",
        "A bug in this package, reported instead of breaking the caller.",
    ),
];

fn http_status_code(status: u16) -> &'static str {
    match status {
        400 => "bad_request",
        401 => "unauthorized",
        402 => "payment_required",
        403 => "forbidden",
        404 => "not_found",
        409 => "conflict",
        422 => "unprocessable_entity",
        429 => "rate_limited",
        500..=599 => "server_error",
        _ => "http_error",
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for Error {}

/// [`redact`] for each of `secrets`.
pub fn redact_all(text: &mut String, secrets: &[String]) {
    for secret in secrets {
        redact(text, secret);
    }
}

/// Replaces every copy of `secret` in `text`, and a start of it that ends
/// `text`, as a body cut at its cap can.
fn redact(text: &mut String, secret: &str) {
    const SHORTEST_CUT: usize = 4;
    if secret.len() < SHORTEST_CUT {
        return;
    }
    if text.contains(secret) {
        *text = text.replace(secret, "[redacted]");
    }
    let cut = (SHORTEST_CUT..secret.len())
        .rev()
        .filter_map(|length| secret.get(..length))
        .find(|start| text.ends_with(start));
    if let Some(start) = cut {
        text.truncate(text.len().saturating_sub(start.len()));
        text.push_str("[redacted]");
    }
}

/// Cuts `text` to at most `limit` bytes without splitting a character.
pub(crate) fn truncate_to_char_boundary(text: &str, limit: usize) -> &str {
    let end = (0..=limit.min(text.len()))
        .rev()
        .find(|&end| text.is_char_boundary(end))
        .unwrap_or(0);
    text.get(..end).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_follow_the_status() {
        let code = |status| {
            Error::Http {
                status,
                api_message: String::new(),
                body: String::new(),
                api_code: None,
            }
            .code()
        };
        assert_eq!(code(400), "bad_request");
        assert_eq!(code(401), "unauthorized");
        assert_eq!(code(402), "payment_required");
        assert_eq!(code(403), "forbidden");
        assert_eq!(code(404), "not_found");
        assert_eq!(code(409), "conflict");
        assert_eq!(code(422), "unprocessable_entity");
        assert_eq!(code(429), "rate_limited");
        assert_eq!(code(500), "server_error");
        assert_eq!(code(503), "server_error");
        assert_eq!(code(599), "server_error");
        assert_eq!(code(418), "http_error");
        assert_eq!(code(302), "http_error");
    }

    #[test]
    fn every_code_is_listed_and_every_listed_code_is_produced() {
        let http = |status| Error::Http {
            status,
            api_message: String::new(),
            body: String::new(),
            api_code: None,
        };
        let mut produced: Vec<&str> = (100..=599).map(|status| http(status).code()).collect();
        produced.extend(
            [
                Error::invalid("org", "x"),
                Error::Decode {
                    status: 200,
                    why: String::new(),
                    body: String::new(),
                },
                Error::Network {
                    message: String::new(),
                },
                Error::Timeout { timeout_ms: 1 },
                Error::Aborted,
                Error::Internal {
                    message: String::new(),
                },
            ]
            .iter()
            .map(Error::code),
        );
        produced.sort_unstable();
        produced.dedup();
        let mut declared: Vec<&str> = CODES.iter().map(|(code, _)| *code).collect();
        declared.sort_unstable();
        assert_eq!(produced, declared);
    }

    #[test]
    fn redaction_takes_every_copy_and_a_cut_one() {
        let echo = |text: &str| Error::Http {
            status: 401,
            api_message: text.to_owned(),
            body: format!("{{\"error\":\"{text}\"}}"),
            api_code: None,
        };
        let secrets = ["tok_secret_1".to_owned()];
        let error = echo("bad token: Bearer tok_secret_1, tok_secret_1").redact(&secrets);
        assert_eq!(
            error.message(),
            "the Turso API answered HTTP 401: bad token: Bearer [redacted], [redacted]"
        );
        assert_eq!(
            error.body(),
            Some("{\"error\":\"bad token: Bearer [redacted], [redacted]\"}")
        );
        let cut = Error::Network {
            message: "…Bearer tok_sec".to_owned(),
        };
        assert_eq!(
            cut.redact(&secrets).message(),
            "the request got no answer: …Bearer [redacted]"
        );
        let unrelated = echo("no secret here").redact(&secrets);
        assert_eq!(
            unrelated.message(),
            "the Turso API answered HTTP 401: no secret here"
        );
    }

    #[test]
    fn a_message_names_the_call_and_the_request() {
        let request = Some("POST /v1/organizations/acme/groups");
        let http = |status, api_message: &str| Error::Http {
            status,
            api_message: api_message.to_owned(),
            body: String::new(),
            api_code: None,
        };
        let cases = [
            (
                http(500, ""),
                "groups.create: POST /v1/organizations/acme/groups answered HTTP 500",
            ),
            (
                http(409, "group already exists"),
                "groups.create: POST /v1/organizations/acme/groups answered HTTP 409: group already exists",
            ),
            (
                http(302, ""),
                "groups.create: POST /v1/organizations/acme/groups answered with a redirect (HTTP 302), which this client does not follow",
            ),
            (
                Error::Decode {
                    status: 201,
                    why: "group is missing".to_owned(),
                    body: String::new(),
                },
                "groups.create: POST /v1/organizations/acme/groups answered HTTP 201 with an unexpected body: group is missing",
            ),
            (
                Error::Network {
                    message: "fetch failed".to_owned(),
                },
                "groups.create: POST /v1/organizations/acme/groups got no answer: fetch failed",
            ),
            (
                Error::Timeout { timeout_ms: 50 },
                "groups.create: POST /v1/organizations/acme/groups timed out after 50 ms",
            ),
        ];
        for (error, line) in cases {
            assert_eq!(error.message_in("groups.create", request), line);
        }
        // Nothing was sent: the call alone.
        assert_eq!(
            Error::invalid("name", "name is required").message_in("groups.create", None),
            "groups.create: name is required"
        );
        assert_eq!(
            Error::Aborted.message_in("groups.create", None),
            "groups.create: the request was aborted"
        );
    }

    #[test]
    fn truncation_keeps_whole_characters() {
        assert_eq!(truncate_to_char_boundary("héllo", 2), "h");
        assert_eq!(truncate_to_char_boundary("héllo", 3), "hé");
        assert_eq!(truncate_to_char_boundary("abc", 10), "abc");
    }
}
