//! A request to the Platform API as plain data: no I/O, no JavaScript.
//!
//! The wasm transport sends an [`ApiRequest`] as it is, so everything that
//! decides what goes on the wire is here and tested natively.

use std::fmt;

use serde::Serialize;

use crate::error::Error;
use crate::json::Json;
use crate::operation::{Base, BodyFields, Input, Method, Operation, Place, Spec, Validate};
use crate::validate::{self, UrlParser};

/// Where the Platform API lives unless a `baseUrl` says otherwise.
pub const DEFAULT_BASE_URL: &str = "https://api.turso.tech";

/// Where `locations.closest()` asks unless a `regionUrl` says otherwise.
pub const DEFAULT_REGION_URL: &str = "https://region.turso.io";

/// The validated account a client talks to: organization, token, and the
/// two services' base URLs.
#[derive(Clone, PartialEq, Eq)]
pub struct ClientConfig {
    pub(crate) org: String,
    pub(crate) token: String,
    pub(crate) base_url: String,
    pub(crate) region_url: String,
    /// Where the operations on a database's own server go, for the steps of
    /// an upload or an export; none for any other call.
    pub(crate) database_url: Option<String>,
}

impl ClientConfig {
    /// Checks every part, so a bad one fails before anything is sent; a URL
    /// is split by `parse`, a WHATWG URL parser.
    pub fn with_url_parser(
        org: &str,
        token: &str,
        base_url: Option<&str>,
        parse: UrlParser,
    ) -> Result<Self, Error> {
        validate::org(org)?;
        validate::token(token)?;
        Ok(ClientConfig {
            org: org.to_owned(),
            token: token.to_owned(),
            base_url: validate::base_url("baseUrl", base_url.unwrap_or(DEFAULT_BASE_URL), parse)?,
            region_url: DEFAULT_REGION_URL.to_owned(),
            database_url: None,
        })
    }

    /// [`ClientConfig::with_url_parser`] with the `url` crate's parser.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn new(org: &str, token: &str, base_url: Option<&str>) -> Result<Self, Error> {
        Self::with_url_parser(org, token, base_url, validate::parse_url)
    }

    /// Sets where `locations.closest()` asks, checked as `baseUrl` is.
    pub fn with_region_url(mut self, region_url: &str, parse: UrlParser) -> Result<Self, Error> {
        self.region_url = validate::base_url("regionUrl", region_url, parse)?;
        Ok(self)
    }

    /// The config of a step on a database's server: its URL, checked as
    /// `baseUrl` is, and a token of that database.
    pub fn for_database(
        mut self,
        database_url: &str,
        token: &str,
        parse: UrlParser,
    ) -> Result<Self, Error> {
        validate::token(token)?;
        self.database_url = Some(validate::base_url("databaseUrl", database_url, parse)?);
        token.clone_into(&mut self.token);
        Ok(self)
    }

    /// The organization this config is for.
    pub fn org(&self) -> &str {
        &self.org
    }
}

impl fmt::Debug for ClientConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientConfig")
            .field("org", &self.org)
            .field("token", &"[redacted]")
            .field("base_url", &self.base_url)
            .field("region_url", &self.region_url)
            .field("database_url", &self.database_url)
            .finish()
    }
}

/// Everything the transport needs to send one request.
#[derive(Clone, PartialEq, Eq)]
pub struct ApiRequest {
    pub method: Method,
    pub url: String,
    /// Where in `url` the operation's own path is, without the base or the
    /// query: what an error names.
    pub path: std::ops::Range<usize>,
    pub headers: Vec<(&'static str, String)>,
    pub body: Option<String>,
}

impl ApiRequest {
    /// The request as an error names it: `POST /v1/organizations/acme/groups`.
    pub fn line(&self) -> String {
        let path = self.url.get(self.path.clone()).unwrap_or_default();
        format!("{} {path}", self.method.as_str())
    }
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

/// Checks the arguments of `O` and builds its request. `params` holds the
/// values of the path and query parameters by argument name; nothing is
/// built when one is bad.
pub fn build<O: Operation, J: Json>(
    config: &ClientConfig,
    params: &[(&str, &str)],
    body: Option<&O::Body>,
) -> Result<ApiRequest, Error> {
    let body = body
        .map(|body| encode_body::<O::Body, J>(&O::SPEC, body))
        .transpose()?;
    build_from_spec(&O::SPEC, config, params, body)
}

/// Checks a body of the operation `spec` and writes it as JSON. Generic
/// over the body's type alone, so operations that share one share the code.
pub fn encode_body<B: Serialize + Validate, J: Json>(
    spec: &Spec,
    body: &B,
) -> Result<String, Error> {
    body.validate()?;
    J::stringify(body).map_err(|why| Error::Internal {
        message: format!("could not write the body of {}: {why}", spec.call),
    })
}

/// What [`build`] does once the body is JSON: the same for every operation,
/// so it exists once in the `.wasm`.
pub fn build_from_spec(
    spec: &Spec,
    config: &ClientConfig,
    params: &[(&str, &str)],
    body: Option<String>,
) -> Result<ApiRequest, Error> {
    let value_of = |arg: &str| {
        params
            .iter()
            .find(|(name, _)| *name == arg)
            .map(|(_, value)| *value)
    };
    for param in spec.params {
        match value_of(param.arg) {
            Some(value) => {
                if let Input::OneOf(choices) = param.input {
                    validate::one_of(param.arg, value, choices)?;
                }
                (param.check)(param.arg, value)?
            }
            None if param.place == Place::Path => {
                return Err(Error::invalid(
                    param.arg,
                    format!("{} is required", param.arg),
                ))
            }
            None => {}
        }
    }
    if body.is_none() && matches!(spec.body, BodyFields::Required(_)) {
        return Err(Error::Internal {
            message: format!("{} was called without its body", spec.call),
        });
    }
    let body = match spec.body {
        BodyFields::None | BodyFields::Bytes(_) => None,
        BodyFields::Required(_) | BodyFields::WhenGiven(_) => body,
    };

    let mut url = match spec.base {
        Base::Api => config.base_url.clone(),
        Base::Region => config.region_url.clone(),
        Base::Database => config.database_url.clone().ok_or_else(|| Error::Internal {
            message: format!("{} was called without a database's URL", spec.call),
        })?,
    };
    let path_start = url.len();
    for segment in spec.path.split('/').skip(1) {
        url.push('/');
        let value = match segment.strip_prefix('{').and_then(|s| s.strip_suffix('}')) {
            None => {
                url.push_str(segment);
                continue;
            }
            Some("organizationSlug") => config.org.as_str(),
            Some(name) => spec
                .params
                .iter()
                .find(|param| param.name == name)
                .and_then(|param| value_of(param.arg))
                .ok_or_else(|| Error::Internal {
                    message: format!("{} declares no argument for {{{name}}}", spec.call),
                })?,
        };
        url.push_str(&percent_encode_segment(value));
    }
    let path = path_start..url.len();
    let query = spec
        .params
        .iter()
        .filter(|param| param.place == Place::Query)
        .filter_map(|param| Some((param.name, value_of(param.arg)?)));
    for (index, (name, value)) in query.enumerate() {
        url.push(if index == 0 { '?' } else { '&' });
        url.push_str(name);
        url.push('=');
        url.push_str(&percent_encode_segment(value));
    }

    let mut headers = Vec::new();
    if spec.base != Base::Region {
        headers.push(("Authorization", format!("Bearer {}", config.token)));
    }
    if body.is_some() {
        headers.push(("Content-Type", "application/json".to_owned()));
    }
    if let BodyFields::Bytes(_) = spec.body {
        headers.push(("Content-Type", "application/octet-stream".to_owned()));
    }
    let given_headers = spec
        .params
        .iter()
        .filter(|param| param.place == Place::Header)
        .filter_map(|param| Some((param.name, value_of(param.arg)?.to_owned())));
    headers.extend(given_headers);
    Ok(ApiRequest {
        method: spec.method,
        url,
        path,
        headers,
        body,
    })
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

/// A valid config for the crate's unit tests, which run natively.
#[cfg(all(test, not(target_arch = "wasm32")))]
pub(crate) fn test_config(base_url: &str) -> ClientConfig {
    ClientConfig::new("acme", "tok_123", Some(base_url)).expect("valid test config")
}

// Native: URLs are split by the url crate there.
#[cfg(all(test, not(target_arch = "wasm32")))]
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
    fn debug_output_redacts_the_token() {
        let config = test_config(DEFAULT_BASE_URL);
        let request = ApiRequest {
            method: Method::Post,
            url: "https://api.turso.tech/v1/organizations/acme/groups".into(),
            path: 22..51,
            headers: vec![("Authorization", "Bearer tok_123".into())],
            body: Some("{}".into()),
        };
        for shown in [format!("{config:?}"), format!("{request:?}")] {
            assert!(!shown.contains("tok_123"), "{shown}");
            assert!(shown.contains("[redacted]"), "{shown}");
        }
    }

    #[test]
    fn config_rejects_bad_parts_by_name() {
        let field = |org, token, base| {
            let error = ClientConfig::new(org, token, base).unwrap_err();
            error.field().map(str::to_owned)
        };
        assert_eq!(field("", "t", None).as_deref(), Some("org"));
        assert_eq!(field("acme", "", None).as_deref(), Some("token"));
        assert_eq!(
            field("acme", "t", Some("http://example.com")).as_deref(),
            Some("baseUrl")
        );
        let region = test_config(DEFAULT_BASE_URL).with_region_url("ftp://x", validate::parse_url);
        assert_eq!(region.unwrap_err().field(), Some("regionUrl"));
    }

    #[test]
    fn only_get_and_put_are_safe() {
        assert!(Method::Get.is_safe() && Method::Put.is_safe());
        for method in [Method::Post, Method::Patch, Method::Delete] {
            assert!(!method.is_safe(), "{method:?}");
        }
    }
}

// serde_json is the native side of the `Json` seam.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod build_tests {
    use super::*;
    use crate::groups::{self, Extension, Extensions, NewGroup};
    use crate::json::SerdeJson;
    use crate::locations;
    use crate::operation::NoBody;
    use crate::shared::TokenClaims;

    fn build<O: Operation>(
        params: &[(&str, &str)],
        body: Option<&O::Body>,
    ) -> Result<ApiRequest, Error> {
        super::build::<O, SerdeJson>(&test_config("http://127.0.0.1:9/prefix/"), params, body)
    }

    fn new_group(extensions: Option<Extensions>) -> NewGroup {
        NewGroup {
            name: "new-group".into(),
            location: "lhr".into(),
            extensions,
        }
    }

    #[test]
    fn fills_the_template_with_encoded_segments() {
        let request =
            build::<groups::AddLocation>(&[("name", "g"), ("location", "lhr")], None).unwrap();
        assert_eq!(request.method, Method::Post);
        assert_eq!(
            request.url,
            "http://127.0.0.1:9/prefix/v1/organizations/acme/groups/g/locations/lhr"
        );
        assert_eq!(
            request.headers,
            vec![("Authorization", "Bearer tok_123".to_owned())]
        );
        assert_eq!(request.body, None);
    }

    #[test]
    fn checks_every_parameter_before_building() {
        let bad_name = build::<groups::Get>(&[("name", "..")], None).unwrap_err();
        assert_eq!(bad_name.field(), Some("name"));
        let missing = build::<groups::Get>(&[], None).unwrap_err();
        assert_eq!(missing.field(), Some("name"));
        assert_eq!(missing.to_string(), "name is required");
        let bad_location =
            build::<groups::RemoveLocation>(&[("name", "g"), ("location", ".")], None);
        assert_eq!(bad_location.unwrap_err().field(), Some("location"));
        let bad_query =
            build::<groups::CreateToken>(&[("name", "g"), ("authorization", "root")], None);
        assert_eq!(bad_query.unwrap_err().field(), Some("authorization"));
    }

    #[test]
    fn query_parameters_are_sent_only_when_given_and_encoded() {
        let path = "http://127.0.0.1:9/prefix/v1/organizations/acme/groups/g/auth/tokens";
        let url = |params: &[(&str, &str)]| build::<groups::CreateToken>(params, None).unwrap().url;
        assert_eq!(url(&[("name", "g")]), path);
        assert_eq!(
            url(&[
                ("name", "g"),
                ("expiration", "2w1d"),
                ("authorization", "read-only")
            ]),
            format!("{path}?expiration=2w1d&authorization=read-only")
        );
        assert_eq!(
            url(&[("name", "g"), ("authorization", "full-access")]),
            format!("{path}?authorization=full-access")
        );
        // An error names the operation's path: no base, prefix or query.
        let request =
            build::<groups::CreateToken>(&[("name", "g/h"), ("expiration", "1d")], None).unwrap();
        assert_eq!(
            request.line(),
            "POST /v1/organizations/acme/groups/g%2Fh/auth/tokens"
        );
    }

    #[test]
    fn a_token_body_is_sent_only_with_permissions() {
        let without = build::<groups::CreateToken>(&[("name", "g")], None).unwrap();
        assert_eq!(without.body, None);
        assert_eq!(without.headers.len(), 1, "no Content-Type without a body");
        let claims: TokenClaims =
            serde_json::from_str(r#"{"permissions":{"read_attach":{"databases":["db1"]}}}"#)
                .unwrap();
        let with = build::<groups::CreateToken>(&[("name", "g")], Some(&claims)).unwrap();
        assert_eq!(
            with.body.as_deref(),
            Some(r#"{"permissions":{"read_attach":{"databases":["db1"]}}}"#)
        );
        let bad: TokenClaims =
            serde_json::from_str(r#"{"permissions":{"read_attach":{"databases":["a/b"]}}}"#)
                .unwrap();
        let error = build::<groups::CreateToken>(&[("name", "g")], Some(&bad)).unwrap_err();
        assert_eq!(error.field(), Some("permissions"));
    }

    #[test]
    fn the_wire_names_follow_turso_cli() {
        // A rename's new name is given as `newName` and sent as `Name`.
        let rename: groups::GroupRename = serde_json::from_str(r#"{"newName":"next"}"#).unwrap();
        let sent = build::<groups::Rename>(&[("name", "g")], Some(&rename)).unwrap();
        assert_eq!(sent.body.as_deref(), Some(r#"{"Name":"next"}"#));
        let bad: groups::GroupRename = serde_json::from_str(r#"{"newName":".."}"#).unwrap();
        let error = build::<groups::Rename>(&[("name", "g")], Some(&bad)).unwrap_err();
        assert_eq!(error.field(), Some("newName"));

        // A fork's source goes as `name` and as `value`.
        let fork: crate::databases::NewDatabase = serde_json::from_str(
            r#"{"name":"copy","group":"g","seed":{"type":"database","name":"db1"},"use_tursodb":true}"#,
        )
        .unwrap();
        let sent = build::<crate::databases::Create>(&[], Some(&fork)).unwrap();
        assert_eq!(
            sent.body.as_deref(),
            Some(
                r#"{"name":"copy","group":"g","seed":{"type":"database","name":"db1","value":"db1"},"use_tursodb":true}"#
            )
        );

        // Fine-grained permissions alone send the body; a rule for every
        // table sends `t` as null, as turso-cli does.
        let claims: TokenClaims =
            serde_json::from_str(r#"{"fine_grained_permissions":[{"a":["data_read"]}]}"#).unwrap();
        let sent = build::<groups::CreateToken>(&[("name", "g")], Some(&claims)).unwrap();
        assert_eq!(
            sent.body.as_deref(),
            Some(r#"{"fine_grained_permissions":[{"t":null,"a":["data_read"]}]}"#)
        );
    }

    #[test]
    fn create_group_bodies_have_extensions_only_when_given() {
        let body = |extensions| {
            build::<groups::Create>(&[], Some(&new_group(extensions)))
                .unwrap()
                .body
                .unwrap()
        };
        assert_eq!(body(None), r#"{"name":"new-group","location":"lhr"}"#);
        assert_eq!(
            body(Some(Extensions::All(groups::AllExtensions::All))),
            r#"{"name":"new-group","location":"lhr","extensions":"all"}"#
        );
        assert_eq!(
            body(Some(Extensions::Only(vec![
                Extension::Vector,
                Extension::Uuid
            ]))),
            r#"{"name":"new-group","location":"lhr","extensions":["vector","uuid"]}"#
        );
        assert_eq!(
            body(Some(Extensions::Only(vec![]))),
            r#"{"name":"new-group","location":"lhr","extensions":[]}"#
        );
        let request = build::<groups::Create>(&[], Some(&new_group(None))).unwrap();
        assert_eq!(
            request.url,
            "http://127.0.0.1:9/prefix/v1/organizations/acme/groups"
        );
        assert_eq!(request.headers.get(1).map(|h| h.0), Some("Content-Type"));
    }

    #[test]
    fn a_body_is_checked_before_building() {
        let twice = Extensions::Only(vec![Extension::Uuid, Extension::Uuid]);
        let error = build::<groups::Create>(&[], Some(&new_group(Some(twice)))).unwrap_err();
        assert_eq!(error.field(), Some("extensions"));
        assert!(
            error.to_string().starts_with("extensions[1] repeats"),
            "{error}"
        );
        let mut bad_name = new_group(None);
        bad_name.name = String::new();
        let error = build::<groups::Create>(&[], Some(&bad_name)).unwrap_err();
        assert_eq!(error.field(), Some("name"));
        let missing = build::<groups::Create>(&[], None).unwrap_err();
        assert_eq!(missing.code(), "internal");
    }

    #[test]
    fn the_region_finder_gets_no_token() {
        let config = test_config(DEFAULT_BASE_URL)
            .with_region_url("http://127.0.0.1:9/region", crate::validate::parse_url)
            .unwrap();
        let request =
            super::build::<locations::Closest, SerdeJson>(&config, &[], None::<&NoBody>).unwrap();
        assert_eq!(request.url, "http://127.0.0.1:9/region/");
        assert!(request.headers.is_empty());
        let list = super::build::<locations::List, SerdeJson>(&config, &[], None).unwrap();
        assert_eq!(list.url, "https://api.turso.tech/v1/locations");
    }
}
