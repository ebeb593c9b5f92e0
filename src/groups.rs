//! The Groups resource: `POST /v1/organizations/{organizationSlug}/groups`.
//!
//! Types are named as on the wire (see `createGroup` in Turso's OpenAPI
//! description); building the request and reading the answer are plain
//! functions, so the whole call is tested without a network.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize, Serializer};

use crate::error::Error;
use crate::request::{ApiRequest, ClientConfig, Method};
use crate::response::{self, Body};
use crate::validate;

/// A SQLite extension a group can enable for its databases.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Extension {
    Vector,
    Vec,
    Crypto,
    Fuzzy,
    Math,
    Stats,
    Text,
    Unicode,
    Uuid,
    Regexp,
}

impl Extension {
    /// Every extension, in the order the docs list them.
    pub const ALL: [Extension; 10] = [
        Extension::Vector,
        Extension::Vec,
        Extension::Crypto,
        Extension::Fuzzy,
        Extension::Math,
        Extension::Stats,
        Extension::Text,
        Extension::Unicode,
        Extension::Uuid,
        Extension::Regexp,
    ];

    /// The name on the wire.
    pub fn name(self) -> &'static str {
        match self {
            Extension::Vector => "vector",
            Extension::Vec => "vec",
            Extension::Crypto => "crypto",
            Extension::Fuzzy => "fuzzy",
            Extension::Math => "math",
            Extension::Stats => "stats",
            Extension::Text => "text",
            Extension::Unicode => "unicode",
            Extension::Uuid => "uuid",
            Extension::Regexp => "regexp",
        }
    }

    fn from_name(name: &str) -> Option<Extension> {
        Extension::ALL.into_iter().find(|ext| ext.name() == name)
    }
}

/// The `extensions` of a new group: `"all"` or a list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Extensions {
    #[serde(serialize_with = "serialize_all_keyword")]
    All,
    Only(Vec<Extension>),
}

impl Extensions {
    /// Parses the one string form, `"all"`.
    pub fn from_keyword(keyword: &str) -> Result<Extensions, Error> {
        if keyword == "all" {
            Ok(Extensions::All)
        } else {
            Err(Self::shape_error(&format!("got {keyword:?}")))
        }
    }

    /// Parses a list of names; `None` stands for an item that was not a string.
    pub fn from_names<'a>(
        names: impl IntoIterator<Item = Option<&'a str>>,
    ) -> Result<Extensions, Error> {
        let mut chosen = Vec::new();
        for (index, name) in names.into_iter().enumerate() {
            let extension = name.and_then(Extension::from_name).ok_or_else(|| {
                let got = name.map_or_else(|| "a non-string".to_owned(), |n| format!("{n:?}"));
                Error::invalid(
                    "extensions",
                    format!(
                        "extensions[{index}] must be one of {}; got {got}",
                        allowed_names()
                    ),
                )
            })?;
            if chosen.contains(&extension) {
                return Err(Error::invalid(
                    "extensions",
                    format!(
                        "extensions lists {:?} more than once; list each extension once",
                        extension.name()
                    ),
                ));
            }
            chosen.push(extension);
        }
        Ok(Extensions::Only(chosen))
    }

    /// The error for a value that is neither `"all"` nor a list.
    pub fn shape_error(got: &str) -> Error {
        Error::invalid(
            "extensions",
            format!(
                "extensions must be \"all\" or an array of distinct values from {}; {got}",
                allowed_names()
            ),
        )
    }
}

fn allowed_names() -> String {
    let names: Vec<&str> = Extension::ALL.iter().map(|ext| ext.name()).collect();
    names.join(", ")
}

fn serialize_all_keyword<S: Serializer>(serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str("all")
}

/// The body of Create Group (`NewGroup` in the OpenAPI description).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct NewGroup {
    name: String,
    location: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    extensions: Option<Extensions>,
}

impl NewGroup {
    /// Checks the name and location; `extensions` was checked when parsed.
    pub fn new(
        name: &str,
        location: &str,
        extensions: Option<Extensions>,
    ) -> Result<NewGroup, Error> {
        validate::group_name(name)?;
        validate::location(location)?;
        Ok(NewGroup {
            name: name.to_owned(),
            location: location.to_owned(),
            extensions,
        })
    }
}

/// A group as the API returns it (`Group` in the OpenAPI description).
///
/// Fields the API adds later land in `other`, so nothing it sends is lost.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Group {
    pub name: String,
    pub uuid: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub primary: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locations: Option<Vec<String>>,
    /// Deprecated by the API, still sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delete_protection: Option<bool>,
    #[serde(flatten, serialize_with = "serialize_as_javascript_would")]
    pub other: BTreeMap<String, serde_json::Value>,
}

/// Serializes unknown fields as `JSON.parse` would see them: integers beyond
/// 2^53 become the nearest double instead of failing the whole conversion.
fn serialize_as_javascript_would<S: Serializer>(
    fields: &BTreeMap<String, serde_json::Value>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.collect_map(fields.iter().map(|(k, v)| (k, JsonAsJavascript(v))))
}

struct JsonAsJavascript<'a>(&'a serde_json::Value);

impl Serialize for JsonAsJavascript<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde_json::Value;
        const MAX_SAFE_INTEGER: u64 = (1 << 53) - 1;
        match self.0 {
            Value::Number(number) => match (number.as_u64(), number.as_i64()) {
                (Some(n), _) if n <= MAX_SAFE_INTEGER => serializer.serialize_u64(n),
                (_, Some(n)) if n.unsigned_abs() <= MAX_SAFE_INTEGER => serializer.serialize_i64(n),
                _ => serializer.serialize_f64(number.as_f64().unwrap_or(f64::NAN)),
            },
            Value::Array(items) => serializer.collect_seq(items.iter().map(JsonAsJavascript)),
            Value::Object(fields) => {
                serializer.collect_map(fields.iter().map(|(k, v)| (k, JsonAsJavascript(v))))
            }
            other => other.serialize(serializer),
        }
    }
}

/// The request for Create Group.
pub fn create_request(config: &ClientConfig, group: &NewGroup) -> Result<ApiRequest, Error> {
    let body = serde_json::to_string(group).map_err(|error| Error::Internal {
        message: format!("could not encode the new group: {error}"),
    })?;
    Ok(config.org_request(Method::Post, &["groups"], Some(body)))
}

/// Reads Create Group's answer: `{"group": {…}}` on success.
pub fn read_create_response(status: u16, body: Body<'_>) -> Result<Group, Error> {
    #[derive(Deserialize)]
    struct Created {
        group: Group,
    }
    response::read_json::<Created>(status, body).map(|created| created.group)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::request::test_config;

    fn read(status: u16, text: &str) -> Result<Group, Error> {
        read_create_response(
            status,
            Body {
                bytes: text.as_bytes(),
                truncated: false,
            },
        )
    }

    fn names(items: &[&'static str]) -> Result<Extensions, Error> {
        Extensions::from_names(items.iter().map(|s| Some(*s)))
    }

    #[test]
    fn body_has_extensions_only_when_given() {
        let config = test_config("https://api.turso.tech");
        let body = |extensions| {
            let group = NewGroup::new("new-group", "lhr", extensions).unwrap();
            create_request(&config, &group).unwrap().body.unwrap()
        };
        assert_eq!(body(None), r#"{"name":"new-group","location":"lhr"}"#);
        assert_eq!(
            body(Some(Extensions::All)),
            r#"{"name":"new-group","location":"lhr","extensions":"all"}"#
        );
        assert_eq!(
            body(Some(names(&["vector", "uuid"]).unwrap())),
            r#"{"name":"new-group","location":"lhr","extensions":["vector","uuid"]}"#
        );
        assert_eq!(
            body(Some(names(&[]).unwrap())),
            r#"{"name":"new-group","location":"lhr","extensions":[]}"#
        );
    }

    #[test]
    fn request_targets_the_org_groups_path() {
        let config = test_config("https://api.turso.tech/");
        let group = NewGroup::new("g", "lhr", None).unwrap();
        let request = create_request(&config, &group).unwrap();
        assert_eq!(request.method, Method::Post);
        assert_eq!(
            request.url,
            "https://api.turso.tech/v1/organizations/acme/groups"
        );
    }

    #[test]
    fn extension_names_round_trip() {
        for extension in Extension::ALL {
            let json = serde_json::to_string(&extension).unwrap();
            assert_eq!(json, format!("\"{}\"", extension.name()));
            assert_eq!(Extension::from_name(extension.name()), Some(extension));
        }
    }

    #[test]
    fn extension_errors_list_the_allowed_values() {
        let unknown = names(&["vector", "postgis"]).unwrap_err();
        assert_eq!(unknown.field(), Some("extensions"));
        let message = unknown.to_string();
        assert!(message.starts_with("extensions[1] must be one of vector, vec, crypto"));
        assert!(message.ends_with("got \"postgis\""));

        let non_string = Extensions::from_names([Some("uuid"), None]).unwrap_err();
        assert!(non_string.to_string().ends_with("got a non-string"));

        let twice = names(&["uuid", "uuid"]).unwrap_err();
        assert!(twice.to_string().contains("\"uuid\" more than once"));

        let keyword = Extensions::from_keyword("none").unwrap_err();
        assert!(keyword.to_string().contains("regexp"));
        assert_eq!(Extensions::from_keyword("all"), Ok(Extensions::All));
    }

    #[test]
    fn new_group_checks_name_then_location() {
        assert_eq!(
            NewGroup::new("Bad", "lhr", None).unwrap_err().field(),
            Some("name")
        );
        assert_eq!(
            NewGroup::new("ok", "L", None).unwrap_err().field(),
            Some("location")
        );
    }

    #[test]
    fn reads_a_created_group_and_keeps_unknown_fields() {
        let body = r#"{"group":{"name":"new-group","uuid":"0a28102d","primary":"lhr",
            "locations":["lhr"],"version":"v0.23.7","delete_protection":false,
            "archived":false,"limits":{"max":9007199254740993}}}"#;
        let group = read(200, body).unwrap();
        assert_eq!(group.name, "new-group");
        assert_eq!(group.primary.as_deref(), Some("lhr"));
        assert_eq!(group.locations, Some(vec!["lhr".to_owned()]));
        assert_eq!(group.delete_protection, Some(false));
        assert_eq!(group.other["archived"], serde_json::json!(false));

        let round_trip: serde_json::Value = serde_json::to_value(&group).unwrap();
        assert_eq!(round_trip["archived"], serde_json::json!(false));
        assert_eq!(
            round_trip["limits"]["max"],
            serde_json::json!(9007199254740992.0)
        );
    }

    #[test]
    fn minimal_group_omits_absent_fields() {
        let group = read(200, r#"{"group":{"name":"g","uuid":"u"}}"#).unwrap();
        let json = serde_json::to_string(&group).unwrap();
        assert_eq!(json, r#"{"name":"g","uuid":"u"}"#);
    }

    #[test]
    fn wrong_shapes_are_decode_errors() {
        for body in [
            r#"{}"#,
            r#"{"group":null}"#,
            r#"{"group":[]}"#,
            r#"{"group":{"name":1,"uuid":"u"}}"#,
            r#"{"group":{"name":"g"}}"#,
            r#"{"group":{"name":"g","uuid":"u","locations":"lhr"}}"#,
            r#"{"group":{"name":"g","uuid":"#,
        ] {
            let error = read(200, body).unwrap_err();
            assert_eq!(error.code(), "decode_error", "{body}");
        }
    }

    #[test]
    fn conflict_keeps_the_api_message() {
        let error = read(409, r#"{"error":"group already exists"}"#).unwrap_err();
        assert_eq!(
            (error.code(), error.to_string().as_str()),
            ("conflict", "group already exists")
        );
    }
}
