//! A request to the Platform API as plain data: no I/O, no JavaScript.
//!
//! The wasm transport sends an [`ApiRequest`] as it is, so everything that
//! decides what goes on the wire is here and tested natively.

use std::fmt;

use crate::error::{join, Error};
use crate::validate;

/// Where the Platform API lives unless a `baseUrl` says otherwise.
pub const DEFAULT_BASE_URL: &str = "https://api.turso.tech";

/// The validated account a client talks to: base URL, organization and token.
#[derive(Clone, PartialEq, Eq)]
pub struct ClientConfig {
    base_url: String,
    org: String,
    token: String,
}

impl ClientConfig {
    /// Checks every part, so a bad one fails before anything is sent.
    pub fn new(org: &str, token: &str, base_url: Option<&str>) -> Result<Self, Error> {
        validate::org(org)?;
        validate::token(token)?;
        let base_url = validate::base_url(base_url.unwrap_or(DEFAULT_BASE_URL))?;
        Ok(ClientConfig {
            base_url,
            org: org.to_owned(),
            token: token.to_owned(),
        })
    }

    /// A request to `/v1/organizations/{org}/{segments…}`, each segment
    /// percent-encoded.
    pub(crate) fn org_request(
        &self,
        method: Method,
        segments: &[&str],
        body: Option<String>,
    ) -> ApiRequest {
        let mut url = join(&[
            &self.base_url,
            "/v1/organizations/",
            &percent_encode_segment(&self.org),
        ]);
        for segment in segments {
            url.push('/');
            url.push_str(&percent_encode_segment(segment));
        }
        let mut headers = vec![("Authorization", join(&["Bearer ", &self.token]))];
        if body.is_some() {
            headers.push(("Content-Type", "application/json".to_owned()));
        }
        ApiRequest {
            method,
            url,
            headers,
            body,
        }
    }
}

impl fmt::Debug for ClientConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientConfig")
            .field("base_url", &self.base_url)
            .field("org", &self.org)
            .field("token", &"[redacted]")
            .finish()
    }
}

/// The HTTP methods the Platform API uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    Get,
    Post,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
        }
    }
}

/// Everything the transport needs to send one request.
#[derive(Clone, PartialEq, Eq)]
pub struct ApiRequest {
    pub method: Method,
    pub url: String,
    pub headers: Vec<(&'static str, String)>,
    pub body: Option<String>,
}

impl fmt::Debug for ApiRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let headers: Vec<(&str, &str)> = self
            .headers
            .iter()
            .map(|(name, value)| {
                let shown = if name.eq_ignore_ascii_case("authorization") {
                    "[redacted]"
                } else {
                    value
                };
                (*name, shown)
            })
            .collect();
        f.debug_struct("ApiRequest")
            .field("method", &self.method)
            .field("url", &self.url)
            .field("headers", &headers)
            .field("body", &self.body)
            .finish()
    }
}

/// Percent-encodes one path segment: everything but RFC 3986's unreserved
/// characters, so `/`, `?`, `#` and `%` can't change the path.
pub fn percent_encode_segment(segment: &str) -> String {
    let hex_digit = |nibble: u8| {
        char::from_digit(u32::from(nibble), 16).map_or('0', |digit| digit.to_ascii_uppercase())
    };
    let mut encoded = String::with_capacity(segment.len());
    for byte in segment.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            encoded.push(char::from(byte));
        } else {
            encoded.push('%');
            encoded.push(hex_digit(byte >> 4));
            encoded.push(hex_digit(byte & 0xf));
        }
    }
    encoded
}

/// A valid config for the crate's unit tests.
#[cfg(test)]
pub(crate) fn test_config(base_url: &str) -> ClientConfig {
    ClientConfig::new("acme", "tok_123", Some(base_url)).expect("valid test config")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_everything_but_unreserved() {
        assert_eq!(percent_encode_segment("new-group_1.x~"), "new-group_1.x~");
        assert_eq!(
            percent_encode_segment("a/b?c#d%e f"),
            "a%2Fb%3Fc%23d%25e%20f"
        );
        assert_eq!(percent_encode_segment("é"), "%C3%A9");
    }

    #[test]
    fn org_request_joins_base_and_encoded_segments() {
        let config = test_config("http://127.0.0.1:9/prefix/");
        let request = config.org_request(Method::Post, &["groups", "a b"], Some("{}".into()));
        assert_eq!(
            request.url,
            "http://127.0.0.1:9/prefix/v1/organizations/acme/groups/a%20b"
        );
        assert_eq!(
            request.headers,
            vec![
                ("Authorization", "Bearer tok_123".to_owned()),
                ("Content-Type", "application/json".to_owned()),
            ]
        );
    }

    #[test]
    fn requests_without_body_have_no_content_type() {
        let request = test_config(DEFAULT_BASE_URL).org_request(Method::Get, &["groups"], None);
        assert_eq!(request.headers.len(), 1);
        assert_eq!(request.method.as_str(), "GET");
    }

    #[test]
    fn debug_output_redacts_the_token() {
        let config = test_config(DEFAULT_BASE_URL);
        let request = config.org_request(Method::Post, &["groups"], Some("{}".into()));
        for shown in [format!("{config:?}"), format!("{request:?}")] {
            assert!(!shown.contains("tok_123"), "{shown}");
            assert!(shown.contains("[redacted]"), "{shown}");
        }
    }

    #[test]
    fn config_rejects_bad_parts_by_name() {
        let field = |org, token, base| ClientConfig::new(org, token, base).unwrap_err().field();
        assert_eq!(field("", "t", None), Some("org"));
        assert_eq!(field("acme", "", None), Some("token"));
        assert_eq!(
            field("acme", "t", Some("http://example.com")),
            Some("baseUrl")
        );
    }
}
