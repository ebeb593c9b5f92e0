//! Argument rules, checked before anything is sent.
//!
//! Each check returns [`Error::InvalidArgument`] naming the argument as a
//! JavaScript caller spells it, with a message that says what is allowed.
//! Values are quoted back only when they cannot be secret: never the token.

use std::borrow::Cow;

use crate::error::Error;

/// The longest database name the API accepts.
pub const MAX_NAME_LEN: usize = 64;

/// The longest timeout `setTimeout` can honour (2^31 - 1 ms, about 24.8 days).
pub const MAX_TIMEOUT_MS: u32 = i32::MAX as u32;

/// The most retries a call may ask for: as many as turso-cli gives each
/// chunk of an upload (`internal/turso/tursoServer.go`, `defaultMaxRetries`,
/// at e149f69), which `databases.upload` gives unless told otherwise.
pub const MAX_RETRIES_LIMIT: u32 = 15;

/// A rule for one path or query parameter: the argument's name as
/// JavaScript spells it, and its value.
pub type Check = fn(&'static str, &str) -> Result<(), Error>;

/// Checks a value that becomes one segment of the request's path, where
/// the API states no rule of its own for it (an organization's slug, a
/// group's name, a location, a username): whatever it holds is
/// percent-encoded into that one segment, and the API decides whether it
/// exists. Only what would change the path is refused: an empty segment,
/// and the dot segments `.` and `..`, which URL parsers resolve.
pub fn segment(field: &'static str, value: &str) -> Result<(), Error> {
    if value.is_empty() {
        return Err(Error::invalid(field, format!("{field} must not be empty")));
    }
    if value == "." || value == ".." {
        return Err(Error::invalid(
            field,
            format!("{field} must not be \".\" or \"..\"; got {}", quoted(value)),
        ));
    }
    Ok(())
}

/// Checks an organization slug, by the rule of [`segment`].
pub fn org(org: &str) -> Result<(), Error> {
    segment("org", org)
}

/// Checks an API token: visible ASCII only, so it can't inject a header.
pub fn token(token: &str) -> Result<(), Error> {
    if token.is_empty() {
        return Err(Error::invalid("token", "token must not be empty"));
    }
    let bearer_prefix = token
        .get(..7)
        .is_some_and(|prefix| prefix.eq_ignore_ascii_case("bearer "));
    if bearer_prefix {
        return Err(Error::invalid(
            "token",
            "token must be the bare API token: drop the leading \"Bearer \", it is added for you",
        ));
    }
    if !token.bytes().all(|b| b.is_ascii_graphic()) {
        return Err(Error::invalid(
            "token",
            "token must be visible ASCII with no spaces or control characters",
        ));
    }
    Ok(())
}

/// Checks a header's value: visible ASCII and spaces, so it can't end the
/// header or add another.
pub fn header_value(field: &'static str, value: &str) -> Result<(), Error> {
    if value.is_empty() || !value.bytes().all(|b| b == b' ' || b.is_ascii_graphic()) {
        return Err(Error::invalid(
            field,
            format!("{field} must be visible ASCII, not empty, with no control characters"),
        ));
    }
    Ok(())
}

/// Checks a database's name by the rule the API states for it:
/// `CreateDatabaseInput.name` in `tests/spec/turso-platform-openapi.json`,
/// "Must contain only lowercase letters, numbers, dashes. No longer than 64
/// characters."
pub fn database_name(field: &'static str, name: &str) -> Result<(), Error> {
    let allowed = |b: u8| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-';
    if name.is_empty() || name.len() > MAX_NAME_LEN || !name.bytes().all(allowed) {
        return Err(Error::invalid(
            field,
            format!(
                "{field} must be 1 to {MAX_NAME_LEN} characters of lowercase a-z, 0-9 and \"-\"; got {}",
                quoted(name)
            ),
        ));
    }
    Ok(())
}

/// Checks that an email address has the form RFC 5321 (4.1.2) gives every
/// address, a local part, `@` and a domain, as a path segment must; whether
/// it can receive mail is the API's to say.
pub fn email(field: &'static str, email: &str) -> Result<(), Error> {
    segment(field, email)?;
    let addressed = email
        .rsplit_once('@')
        .is_some_and(|(local, domain)| !local.is_empty() && !domain.is_empty());
    if !addressed {
        return Err(Error::invalid(
            field,
            format!(
                "{field} must be an email address such as \"iku@turso.tech\"; got {}",
                quoted(email)
            ),
        ));
    }
    Ok(())
}

/// Checks an RFC 3339 date-time, the form the API parses
/// (`2023-01-01T00:00:00Z`, `2023-01-01T00:00:00.5+02:00`): a time zone is
/// required.
pub fn timestamp(field: &'static str, value: &str) -> Result<(), Error> {
    // Each byte of the form: `d` a digit, anything else itself.
    let digits_in = |text: &str, form: &str| {
        text.len() == form.len()
            && text.bytes().zip(form.bytes()).all(|(b, f)| {
                if f == b'd' {
                    b.is_ascii_digit()
                } else {
                    b == f
                }
            })
    };
    let (date_time, zone) = match value.strip_suffix(['Z', 'z']) {
        Some(date_time) => (date_time, "Z"),
        // Not on a character boundary: not the ASCII form, and refused below.
        None => value
            .split_at_checked(value.len().saturating_sub(6))
            .unwrap_or((value, "")),
    };
    let (date_time, fraction) = date_time.split_once('.').unwrap_or((date_time, "0"));
    let well_formed = (zone == "Z" || digits_in(&zone.replacen('-', "+", 1), "+dd:dd"))
        && digits_in(
            &date_time.replacen(['t', ' '], "T", 1),
            "dddd-dd-ddTdd:dd:dd",
        )
        && !fraction.is_empty()
        && fraction.bytes().all(|b| b.is_ascii_digit());
    if !well_formed {
        return Err(Error::invalid(
            field,
            format!(
                "{field} must be a Date or an RFC 3339 date-time with a time zone, such as \"2023-01-01T00:00:00Z\"; got {}",
                quoted(value)
            ),
        ));
    }
    Ok(())
}

/// Checks a size limit: a whole number of bytes, or one with a unit from
/// `b` to `tb` (`"256mb"`, `"1gb"`).
pub fn size(field: &'static str, value: &str) -> Result<(), Error> {
    let digits = value.bytes().take_while(u8::is_ascii_digit).count();
    let unit = value.get(digits..).unwrap_or_default();
    let units = ["", "b", "kb", "mb", "gb", "tb"];
    if digits == 0 || digits > 20 || !units.iter().any(|known| unit.eq_ignore_ascii_case(known)) {
        return Err(Error::invalid(
            field,
            format!(
                "{field} must be a number of bytes, or a number with a unit from b to tb such as \"256mb\"; got {}",
                quoted(value)
            ),
        ));
    }
    Ok(())
}

/// Checks a page number or size: a whole number from 1 to 2^32 - 1.
pub fn positive_integer(field: &'static str, value: &str) -> Result<(), Error> {
    if !value.parse::<u32>().is_ok_and(|number| number > 0) || value.starts_with(['+', '0']) {
        return Err(Error::invalid(
            field,
            format!(
                "{field} must be a whole number from 1 to {}; got {}",
                u32::MAX,
                quoted(value)
            ),
        ));
    }
    Ok(())
}

/// The units of a token's lifetime, longest first: weeks, days, hours,
/// minutes, seconds.
const DURATION_UNITS: [&str; 5] = ["w", "d", "h", "m", "s"];

/// Checks a token's `expiration`: `"never"`, or a duration in the API's
/// form, whole numbers with units from weeks to seconds (`"2w1d30m"`).
pub fn expiration(field: &'static str, value: &str) -> Result<(), Error> {
    let mut rest = value;
    let mut units_left = DURATION_UNITS.as_slice();
    let well_formed = value == "never"
        || (within_length(value)
            && loop {
                let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
                let Some(after) = rest.get(digits..).filter(|_| digits > 0) else {
                    break false;
                };
                // Each unit once, longest first, as "2w1d30m" has them.
                let Some(position) = units_left.iter().position(|unit| after.starts_with(unit))
                else {
                    break false;
                };
                rest = after.get(1..).unwrap_or_default();
                units_left = units_left
                    .get(position.saturating_add(1)..)
                    .unwrap_or_default();
                if rest.is_empty() {
                    break true;
                }
            });
    if !well_formed {
        return Err(Error::invalid(
            field,
            format!(
                "{field} must be \"never\" or a duration such as \"2w1d30m\" (whole numbers of w, d, h, m and s, longest first); got {}",
                quoted(value)
            ),
        ));
    }
    Ok(())
}

/// A token's `authorization`.
pub const AUTHORIZATIONS: &[&str] = &["full-access", "read-only"];

/// Which invoices to list.
pub const INVOICE_TYPES: &[&str] = &["all", "upcoming", "issued"];

/// The rule of a parameter whose only rule is its choices, which
/// [`crate::operation::Input::OneOf`] lists and the request builder checks.
pub fn any(_: &'static str, _: &str) -> Result<(), Error> {
    Ok(())
}

/// Checks that `value` is one of `allowed`, and lists them if not.
pub fn one_of(field: &'static str, value: &str, allowed: &[&str]) -> Result<(), Error> {
    if !allowed.contains(&value) {
        let listed: Vec<String> = allowed.iter().map(|word| format!("{word:?}")).collect();
        return Err(Error::invalid(
            field,
            format!(
                "{field} must be one of {}; got {}",
                listed.join(", "),
                quoted(value)
            ),
        ));
    }
    Ok(())
}

/// Checks a timeout in milliseconds and returns it as a whole number.
pub fn timeout_ms(value: f64) -> Result<u32, Error> {
    if !(value.is_finite() && value >= 1.0 && value <= f64::from(MAX_TIMEOUT_MS)) {
        return Err(Error::invalid(
            "timeoutMs",
            format!("timeoutMs must be a number of milliseconds from 1 to {MAX_TIMEOUT_MS}"),
        ));
    }
    Ok(value.ceil() as u32)
}

/// Checks `maxRetries`: a whole number from 0 (no retries) to 10.
pub fn max_retries(value: f64) -> Result<u32, Error> {
    if !(value.fract() == 0.0 && (0.0..=f64::from(MAX_RETRIES_LIMIT)).contains(&value)) {
        return Err(Error::invalid(
            "maxRetries",
            format!("maxRetries must be a whole number from 0 to {MAX_RETRIES_LIMIT}"),
        ));
    }
    Ok(value as u32)
}
/// A URL as a WHATWG URL parser splits it: the host's `URL` in wasm,
/// [`parse_url`] (the `url` crate) natively. Rules here work on these parts
/// and never parse a URL by hand.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UrlParts {
    /// Without its `:`, such as `https`.
    pub scheme: String,
    pub has_credentials: bool,
    /// As serialized: `api.turso.tech`, `127.0.0.1`, `[::1]`.
    pub host: String,
    /// Empty for the scheme's default port.
    pub port: String,
    /// At least `/`.
    pub path: String,
}

/// A WHATWG URL parser: the parts of a URL, or `None` for text it refuses.
pub type UrlParser = fn(&str) -> Option<UrlParts>;

/// Splits `text` with the `url` crate, the WHATWG parser in Rust.
#[cfg(not(target_arch = "wasm32"))]
pub fn parse_url(text: &str) -> Option<UrlParts> {
    let url = url::Url::parse(text).ok()?;
    Some(UrlParts {
        scheme: url.scheme().to_owned(),
        has_credentials: !url.username().is_empty() || url.password().is_some(),
        host: url.host_str()?.to_owned(),
        port: url.port().map(|port| port.to_string()).unwrap_or_default(),
        path: url.path().to_owned(),
    })
}

/// Checks `baseUrl` (or `regionUrl`), split by `parse`: an absolute `http:`
/// or `https:` URL with an optional port and path prefix, and no
/// credentials, query or fragment.
///
/// Plain `http:` is accepted only for loopback hosts, so a token never
/// crosses a network unencrypted. The result is the URL as the parser
/// normalized it, with no trailing slash.
pub fn base_url(field: &'static str, url: &str, parse: UrlParser) -> Result<String, Error> {
    let invalid = |why: &str| {
        Error::invalid(
            field,
            format!(
                "{field} must be an absolute http: or https: URL such as \"https://api.turso.tech\"; {why}; got {}",
                quoted(&shown_url(url))
            ),
        )
    };
    if !url.bytes().all(|b| b.is_ascii_graphic()) {
        return Err(invalid("it has spaces, control or non-ASCII characters"));
    }
    // A URL parser reads an empty query or fragment as none, and resolves
    // dot segments: a base URL that has them is refused, not rewritten.
    if url.contains(['?', '#']) {
        return Err(invalid("it must not have a query or fragment"));
    }
    let dot_segment = |segment: &str| {
        let decoded = segment.to_ascii_lowercase().replace("%2e", ".");
        decoded == "." || decoded == ".."
    };
    if url.split(['/', '\\']).skip(3).any(dot_segment) {
        return Err(invalid("its path must not have \".\" or \"..\" segments"));
    }
    let parts = parse(url).ok_or_else(|| invalid("a URL parser refuses it"))?;
    if parts.scheme != "http" && parts.scheme != "https" {
        return Err(invalid("only http: and https: are supported"));
    }
    if parts.has_credentials {
        return Err(invalid("it must not carry credentials"));
    }
    if parts.host.split('.').any(str::is_empty) {
        return Err(invalid("its host is empty or has an empty label"));
    }
    if parts.port == "0" {
        return Err(invalid("its port is not valid"));
    }
    let path = parts.path.trim_end_matches('/');
    let plain_segment = |segment: &str| {
        !segment.is_empty()
            && segment
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~'))
    };
    if !path.split('/').skip(1).all(plain_segment) {
        return Err(invalid(
            "its path prefix may hold only letters, digits, \"-\", \".\", \"_\" and \"~\" between single slashes",
        ));
    }
    if parts.scheme == "http" && !is_loopback(&parts.host) {
        return Err(invalid(
            "plain http: is allowed only for localhost, 127.0.0.0/8 and [::1]; use https:",
        ));
    }
    let colon = if parts.port.is_empty() { "" } else { ":" };
    let origin = format!("{}://{}{colon}{}", parts.scheme, parts.host, parts.port);
    // @tursodatabase/api's baseUrl is "https://api.turso.tech/v1/", and its
    // paths go on from there; here each path has its version, so that base
    // would send /v1/v1/… and every call would be not_found.
    if let Some((prefix, version)) = path
        .rsplit_once('/')
        .filter(|(_, last)| is_api_version(last))
    {
        return Err(Error::invalid(
            field,
            format!(
                "{field} ends in /{version}, as @tursodatabase/api's does; this package puts the API's version in each path itself, so leave it out: write {}",
                quoted(&format!("{origin}{prefix}"))
            ),
        ));
    }
    Ok(format!("{origin}{path}"))
}

/// `v1`, `v2`, …: a segment that names a version of the API.
fn is_api_version(segment: &str) -> bool {
    segment
        .strip_prefix('v')
        .is_some_and(|number| !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit()))
}

/// A URL as a message may show it: without the credentials, query and
/// fragment that can hold secrets.
fn shown_url(url: &str) -> String {
    let end = url.find(['?', '#']).unwrap_or(url.len());
    let url = url.get(..end).unwrap_or_default();
    let authority_start = url
        .find("//")
        .map_or(0, |slashes| slashes.saturating_add(2));
    let authority_end = url
        .get(authority_start..)
        .and_then(|rest| rest.find('/'))
        .map_or(url.len(), |slash| authority_start.saturating_add(slash));
    let credentials = url
        .get(authority_start..authority_end)
        .and_then(|authority| authority.rfind('@'));
    match credentials {
        Some(at) => format!(
            "{}[credentials]{}",
            url.get(..authority_start).unwrap_or_default(),
            url.get(authority_start.saturating_add(at)..)
                .unwrap_or_default()
        ),
        None => url.to_owned(),
    }
}

fn is_loopback(host: &str) -> bool {
    if host == "localhost" || host == "[::1]" {
        return true;
    }
    let octets: Vec<&str> = host.split('.').collect();
    octets.len() == 4
        && octets.first() == Some(&"127")
        && octets.iter().all(|o| {
            !o.is_empty()
                && o.len() <= 3
                && o.bytes().all(|b| b.is_ascii_digit())
                && o.parse::<u8>().is_ok()
        })
}

fn within_length(value: &str) -> bool {
    !value.is_empty() && value.len() <= MAX_NAME_LEN
}

/// Refuses an update that changes nothing, which is a mistake such as a
/// misspelt option: `update` is its body, `what` what it may set.
pub fn some_change<T: Default + PartialEq>(update: &T, what: &str) -> Result<(), Error> {
    if *update == T::default() {
        return Err(Error::invalid(
            "options",
            format!("options has nothing to change: set {what}"),
        ));
    }
    Ok(())
}

/// The error for a key of `holder` (`options`, `config`) that the call does
/// not read, such as a typo: dropped, it would let the call succeed without
/// it. The message names the nearest of the `known` options, as clap does;
/// the call is named where the message is shown.
pub fn unknown_option(holder: &str, key: &str, known: &[&str]) -> Error {
    let key = shortened(key);
    let nearest = known
        .iter()
        .map(|name| (strsim::jaro(&key, name), name))
        .filter(|(likeness, _)| *likeness > 0.7)
        .max_by(|a, b| a.0.total_cmp(&b.0));
    let hint = match nearest {
        Some((_, name)) => format!("did you mean {name}?"),
        None => format!("it knows {}", known.join(", ")),
    };
    Error::InvalidArgument {
        message: format!("{holder}.{key} is not an option it takes; {hint}"),
        field: Cow::Owned(key),
    }
}

/// Quotes a rejected value for a message, shortened so a huge argument
/// can't make a huge error.
fn quoted(value: &str) -> String {
    let shown = shortened(value);
    match shown.strip_suffix('…') {
        Some(cut) if shown.chars().count() > value.chars().count().min(80) => format!("{cut:?}…"),
        _ => format!("{shown:?}"),
    }
}

/// `text`, cut to its first 80 characters and `…` if longer.
pub fn shortened(text: &str) -> String {
    const SHOWN: usize = 80;
    let mut shown: String = text.chars().take(SHOWN).collect();
    if text.chars().nth(SHOWN).is_some() {
        shown.push('…');
    }
    shown
}

// Native: URLs are split by the url crate there.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn field_of(result: Result<impl std::fmt::Debug, Error>) -> String {
        result.unwrap_err().field().unwrap().to_owned()
    }

    #[test]
    fn an_update_must_change_something() {
        let error = some_change(&Option::<bool>::None, "a flag").unwrap_err();
        assert_eq!(error.field(), Some("options"));
        assert_eq!(error.message(), "options has nothing to change: set a flag");
        assert!(some_change(&Some(false), "a flag").is_ok());
    }

    #[test]
    fn an_unknown_option_is_named_with_the_nearest_known_one() {
        let known = ["size_limit", "block_reads", "block_writes", "signal"];
        let error = unknown_option("options", "block_write", &known);
        assert_eq!(error.field(), Some("block_write"));
        assert_eq!(
            error.message(),
            "options.block_write is not an option it takes; did you mean block_writes?"
        );
        let far = unknown_option("config", "zzz", &["org", "token"]);
        assert_eq!(
            far.message(),
            "config.zzz is not an option it takes; it knows org, token"
        );
        let huge = unknown_option("options", &"k".repeat(10_000), &known);
        assert!(huge.message().len() < 200, "{}", huge.message());
    }

    #[test]
    fn a_segment_is_refused_only_where_it_would_change_the_path() {
        for ok in [
            "acme", "A", "...", ".a", "a/b", "a b", "%2e%2e", "a?b#c", "é", "ａcme", "-",
        ] {
            assert!(segment("name", ok).is_ok(), "{ok}");
            assert!(org(ok).is_ok(), "{ok}");
        }
        for bad in ["", ".", ".."] {
            assert_eq!(field_of(segment("name", bad)), "name", "{bad}");
            assert_eq!(field_of(org(bad)), "org", "{bad}");
        }
    }

    #[test]
    fn token_rules() {
        assert!(token("eyJhbGciOiJFZERTQSJ9.payload.sig").is_ok());
        for bad in [
            "",
            "a b",
            "a\r\nX-Evil: 1",
            "tok\u{0}",
            "tökén",
            "a\tb",
            "abcdeé",
            "abcdefé",
        ] {
            assert_eq!(field_of(token(bad)), "token", "{bad:?}");
        }
        let bearer = token("Bearer abc").unwrap_err();
        assert!(bearer.to_string().contains("drop the leading \"Bearer \""));
        assert!(token("bearer abc").is_err());
    }

    #[test]
    fn token_is_never_quoted_back() {
        let secret = "secret token";
        assert!(!token(secret).unwrap_err().to_string().contains("secret"));
    }

    #[test]
    fn database_names_follow_the_spec() {
        for ok in ["new-db", "a", "db1", "-odd-but-stated-", &"x".repeat(64)] {
            assert!(database_name("name", ok).is_ok(), "{ok}");
        }
        for bad in ["", "A", "a_b", "a.b", "a b", "../x", "é", &"x".repeat(65)] {
            assert_eq!(field_of(database_name("name", bad)), "name", "{bad}");
        }
    }

    #[test]
    fn timeout_rules() {
        assert_eq!(timeout_ms(1.0), Ok(1));
        assert_eq!(timeout_ms(1.5), Ok(2));
        assert_eq!(timeout_ms(f64::from(MAX_TIMEOUT_MS)), Ok(MAX_TIMEOUT_MS));
        for bad in [0.0, -1.0, f64::NAN, f64::INFINITY, 3e9] {
            assert_eq!(field_of(timeout_ms(bad)), "timeoutMs", "{bad}");
        }
    }

    #[test]
    fn max_retries_rules() {
        assert_eq!(max_retries(0.0), Ok(0));
        assert_eq!(max_retries(15.0), Ok(15));
        for bad in [-1.0, 0.5, 16.0, f64::NAN, f64::INFINITY] {
            assert_eq!(field_of(max_retries(bad)), "maxRetries", "{bad}");
        }
    }

    #[test]
    fn base_url_accepts_and_normalizes() {
        let cases = [
            ("https://api.turso.tech", "https://api.turso.tech"),
            ("https://api.turso.tech/", "https://api.turso.tech"),
            ("HTTPS://API.Turso.Tech//", "https://api.turso.tech"),
            (
                "https://proxy.example/turso/",
                "https://proxy.example/turso",
            ),
            ("http://127.0.0.1:8080", "http://127.0.0.1:8080"),
            ("http://127.1.2.3/x", "http://127.1.2.3/x"),
            ("http://localhost:3000/", "http://localhost:3000"),
            ("http://[::1]:9000", "http://[::1]:9000"),
            ("https://[2001:db8::1]", "https://[2001:db8::1]"),
            // What a WHATWG parser normalizes, so does this.
            ("http://127.1:8080", "http://127.0.0.1:8080"),
            ("https://API.turso.tech:443/a", "https://api.turso.tech/a"),
            ("https://proxy.example/v1x", "https://proxy.example/v1x"),
            ("https://api.turso.tech/a\\b", "https://api.turso.tech/a/b"),
        ];
        for (input, expected) in cases {
            assert_eq!(
                base_url("baseUrl", input, parse_url).as_deref(),
                Ok(expected),
                "{input}"
            );
        }
    }

    #[test]
    fn a_base_url_with_the_api_version_says_what_to_write() {
        for (given, write) in [
            ("https://api.turso.tech/v1/", "\"https://api.turso.tech\""),
            ("https://api.turso.tech/v1", "\"https://api.turso.tech\""),
            (
                "https://proxy.example/turso/v2",
                "\"https://proxy.example/turso\"",
            ),
        ] {
            let error = base_url("baseUrl", given, parse_url).unwrap_err();
            assert_eq!(error.field(), Some("baseUrl"));
            let message = error.message();
            assert!(
                message.contains("as @tursodatabase/api's does"),
                "{message}"
            );
            assert!(message.ends_with(&format!("write {write}")), "{message}");
        }
    }

    #[test]
    fn base_url_rejections() {
        for bad in [
            "",
            "api.turso.tech",
            "ftp://api.turso.tech",
            "http://api.turso.tech",
            "http://10.0.0.1",
            "http://127.0.0.1.evil.example",
            "http://localhost.evil.example",
            "http://[::2]",
            "https://user:pw@api.turso.tech",
            "https://api.turso.tech?x=1",
            "https://api.turso.tech#x",
            "https://api.turso.tech:0",
            "https://api.turso.tech:99999",
            "https://api.turso.tech:x",
            "https://",
            "https://a b",
            "https://api.turso.tech/\u{0}",
            "https://[::1",
            "https://[]",
            "https://exämple.com",
            "https://api.turso.tech/%2e%2e%2f",
            "https://api.turso.tech/a/../b",
            "https://api.turso.tech/./v1",
            "https://api.turso.tech/%2e%2E",
            "https://api.turso.tech/a\\..\\b",
            "https://api.turso.tech/a//b",
            // What the WHATWG URL parser, and so fetch, refuses.
            "https://api.turso.tech:+443",
            "http://127.0.0.08",
            "https://999.1.1.1",
            "https://[1]",
            "https://api.turso.tech/a;b",
            "https://exa mple.com",
            "https://./a",
            "https://a..b",
            "https://example.",
            "https://a%00b.example",
        ] {
            assert_eq!(
                field_of(base_url("baseUrl", bad, parse_url)),
                "baseUrl",
                "{bad:?}"
            );
        }
    }

    #[test]
    fn expiration_rules() {
        for ok in ["never", "2w1d30m", "1h", "30s", "7d", "1w2d3h4m5s", "0m"] {
            assert!(expiration("expiration", ok).is_ok(), "{ok}");
        }
        for bad in [
            "", "2", "w", "1y", "30m2w", "1d1d", "-1d", "1.5h", "1 d", "Never", "1dx",
        ] {
            assert_eq!(
                field_of(expiration("expiration", bad)),
                "expiration",
                "{bad}"
            );
        }
    }

    #[test]
    fn authorization_rules() {
        let authorization = |field, value| one_of(field, value, AUTHORIZATIONS);
        assert!(authorization("authorization", "read-only").is_ok());
        assert!(authorization("authorization", "full-access").is_ok());
        for bad in ["", "readonly", "READ-ONLY", "admin"] {
            assert_eq!(
                field_of(authorization("authorization", bad)),
                "authorization"
            );
        }
    }

    #[test]
    fn email_rules() {
        for ok in [
            "iku@turso.tech",
            "a.b+tag@sub.example.co",
            "ü@exämple.de",
            "\"a@b\"@c",
            "x@y",
        ] {
            assert!(email("email", ok).is_ok(), "{ok}");
        }
        for bad in ["", "iku", "@turso.tech", "iku@", ".", ".."] {
            assert_eq!(field_of(email("email", bad)), "email", "{bad:?}");
        }
    }

    #[test]
    fn timestamp_rules() {
        for ok in [
            "2023-01-01T00:00:00Z",
            "2023-01-01t00:00:00z",
            "2023-01-01T00:00:00.000Z",
            "2023-01-01T00:00:00.123456789+02:00",
            "2023-01-01T00:00:00-05:30",
            "2023-01-01 00:00:00Z",
        ] {
            assert!(timestamp("from", ok).is_ok(), "{ok}");
        }
        for bad in [
            "",
            "2023-12-12T00:00:00",
            "2023-01-01",
            "2023-01-01T00:00Z",
            "2023-01-01T00:00:00.Z",
            "+010000-01-01T00:00:00.000Z",
            "2023-01-01T00:00:00+0200",
            "2023-1-01T00:00:00Z",
            "yesterday",
            "2023-01-01T00:00:00Z&x=1",
            "2023-01-01T00:00:00+01:0é",
            "aaaaéaaaaa",
        ] {
            assert_eq!(field_of(timestamp("from", bad)), "from", "{bad:?}");
        }
    }

    #[test]
    fn positive_integer_rules() {
        for ok in ["1", "10", "4294967295"] {
            assert!(positive_integer("page", ok).is_ok(), "{ok}");
        }
        for bad in ["", "0", "01", "+1", "-1", "1.5", "4294967296", "ten"] {
            assert_eq!(field_of(positive_integer("page", bad)), "page", "{bad:?}");
        }
    }

    #[test]
    fn size_rules() {
        for ok in ["10000", "1mb", "256MB", "1gb", "5b", "2tb"] {
            assert!(size("size_limit", ok).is_ok(), "{ok}");
        }
        for bad in ["", "mb", "1 mb", "1pb", "-1", "1.5gb", &"9".repeat(21)] {
            assert_eq!(field_of(size("size_limit", bad)), "size_limit", "{bad:?}");
        }
    }

    #[test]
    fn choices_are_listed() {
        assert!(one_of("type", "upcoming", INVOICE_TYPES).is_ok());
        let error = one_of("type", "paid", INVOICE_TYPES).unwrap_err();
        assert_eq!(
            error.to_string(),
            "type must be one of \"all\", \"upcoming\", \"issued\"; got \"paid\""
        );
    }

    #[test]
    fn a_rejected_url_is_shown_without_its_secrets() {
        for (bad, shown) in [
            (
                "https://user:pw@api.turso.tech?key=abc",
                "\"https://[credentials]@api.turso.tech\"",
            ),
            (
                "http://api.turso.tech/#token=abc",
                "\"http://api.turso.tech/\"",
            ),
            ("ftp://u@h/p?q", "\"ftp://[credentials]@h/p\""),
        ] {
            let message = base_url("baseUrl", bad, parse_url).unwrap_err().to_string();
            assert!(message.ends_with(&format!("got {shown}")), "{message}");
            for secret in ["pw", "user", "abc", "?q"] {
                assert!(!message.contains(secret), "{secret} in {message}");
            }
        }
    }

    #[test]
    fn long_values_are_shortened_in_messages() {
        let message = database_name("name", &"X".repeat(10_000))
            .unwrap_err()
            .to_string();
        assert!(message.len() < 400, "{}", message.len());
        assert!(message.ends_with('…'));
    }
}
