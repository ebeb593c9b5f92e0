//! The Groups resource: `POST /v1/organizations/{organizationSlug}/groups`.
//!
//! Types are named as on the wire (see `createGroup` in Turso's OpenAPI
//! description); building the request and reading the answer are plain
//! functions, so the whole call is tested without a network.

use serde::Serialize;

use crate::error::{decimal, join, Error};
use crate::json::{self, JsonError, Raw, Reader};
use crate::request::{ApiRequest, ClientConfig, Method};
use crate::response::{self, Body};
use crate::validate;

/// A SQLite extension a group can enable for its databases.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
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
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Extensions {
    All,
    Only(Vec<Extension>),
}

impl Extensions {
    /// Parses the one string form, `"all"`.
    pub fn from_keyword(keyword: &str) -> Result<Extensions, Error> {
        if keyword == "all" {
            Ok(Extensions::All)
        } else {
            Err(Self::shape_error(&join(&["got ", &json::quoted(keyword)])))
        }
    }

    /// Parses a list of names; `None` stands for an item that was not a string.
    pub fn from_names<'a>(
        names: impl IntoIterator<Item = Option<&'a str>>,
    ) -> Result<Extensions, Error> {
        let mut chosen = Vec::new();
        for (index, name) in names.into_iter().enumerate() {
            let extension = name.and_then(Extension::from_name).ok_or_else(|| {
                let got = name.map_or_else(|| "a non-string".to_owned(), json::quoted);
                Error::invalid(
                    "extensions",
                    join(&[
                        "extensions[",
                        &decimal(index as u64),
                        "] must be one of ",
                        &allowed_names(),
                        "; got ",
                        &got,
                    ]),
                )
            })?;
            if chosen.contains(&extension) {
                return Err(Error::invalid(
                    "extensions",
                    join(&[
                        "extensions lists ",
                        &json::quoted(extension.name()),
                        " more than once; list each extension once",
                    ]),
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
            join(&[
                "extensions must be \"all\" or an array of distinct values from ",
                &allowed_names(),
                "; ",
                got,
            ]),
        )
    }
}

fn allowed_names() -> String {
    let mut names = String::new();
    for extension in Extension::ALL {
        if !names.is_empty() {
            names.push_str(", ");
        }
        names.push_str(extension.name());
    }
    names
}

/// The body of Create Group (`NewGroup` in the OpenAPI description).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewGroup {
    name: String,
    location: String,
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

    /// The JSON body; `extensions` is left out when not given.
    pub fn to_json(&self) -> String {
        let mut body = String::from("{\"name\":");
        json::write_string(&mut body, &self.name);
        body.push_str(",\"location\":");
        json::write_string(&mut body, &self.location);
        match &self.extensions {
            None => {}
            Some(Extensions::All) => body.push_str(",\"extensions\":\"all\""),
            Some(Extensions::Only(extensions)) => {
                body.push_str(",\"extensions\":[");
                for (index, extension) in extensions.iter().enumerate() {
                    if index > 0 {
                        body.push(',');
                    }
                    json::write_string(&mut body, extension.name());
                }
                body.push(']');
            }
        }
        body.push('}');
        body
    }
}

/// A group as the API returns it (`Group` in the OpenAPI description).
///
/// Serializes the fields it knows; those the API adds later are kept, as
/// their JSON text, in `other`, so nothing it sends is lost. `other` is in
/// the order sent, a repeated key included: set in that order, the last value
/// wins where the first stood, as `JSON.parse` has it, with no quadratic
/// search here for a body of many keys.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Group {
    pub name: String,
    pub uuid: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub primary: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub locations: Option<Vec<String>>,
    /// Deprecated by the API, still sent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub delete_protection: Option<bool>,
    #[serde(skip)]
    pub other: Vec<(String, Raw)>,
}

impl Group {
    /// Reads a group object. As with `JSON.parse`, a repeated known key's
    /// last value wins; `null` counts as absent for the optional fields.
    pub fn read(reader: &mut Reader<'_>) -> Result<Group, JsonError> {
        let (mut name, mut uuid) = (None, None);
        let mut group = Group {
            name: String::new(),
            uuid: String::new(),
            primary: None,
            locations: None,
            version: None,
            delete_protection: None,
            other: Vec::new(),
        };
        reader.object(&mut |reader, key| {
            match key.as_str() {
                "name" => name = Some(reader.string()?),
                "uuid" => uuid = Some(reader.string()?),
                "primary" => group.primary = reader.optional(Reader::string)?,
                "locations" => {
                    group.locations = reader.optional(|reader| reader.array(Reader::string))?;
                }
                "version" => group.version = reader.optional(Reader::string)?,
                "delete_protection" => {
                    group.delete_protection = reader.optional(Reader::boolean)?
                }
                _ => group.other.push((key, reader.raw()?)),
            }
            Ok(())
        })?;
        group.name = name.ok_or(JsonError::Missing {
            field: "group.name",
        })?;
        group.uuid = uuid.ok_or(JsonError::Missing {
            field: "group.uuid",
        })?;
        Ok(group)
    }
}

/// The request for Create Group.
pub fn create_request(config: &ClientConfig, group: &NewGroup) -> ApiRequest {
    config.org_request(Method::Post, &["groups"], Some(group.to_json()))
}

/// Reads Create Group's answer: `{"group": {…}}` on success.
pub fn read_create_response(status: u16, body: Body<'_>) -> Result<Group, Error> {
    response::read_json(status, body, |reader| {
        reader
            .member("group", Group::read)?
            .ok_or(JsonError::Missing { field: "group" })
    })
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
            create_request(&config, &group).body.unwrap()
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
        let request = create_request(&config, &group);
        assert_eq!(request.method, Method::Post);
        assert_eq!(
            request.url,
            "https://api.turso.tech/v1/organizations/acme/groups"
        );
    }

    #[test]
    fn extension_names_round_trip() {
        for extension in Extension::ALL {
            assert_eq!(Extension::from_name(extension.name()), Some(extension));
        }
        let all = names(&Extension::ALL.map(Extension::name)).unwrap();
        let body = NewGroup::new("g", "lhr", Some(all)).unwrap().to_json();
        let parsed: serde_json::Value = serde_json::from_str(&body).unwrap();
        assert_eq!(
            parsed["extensions"],
            serde_json::json!([
                "vector", "vec", "crypto", "fuzzy", "math", "stats", "text", "unicode", "uuid",
                "regexp"
            ])
        );
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
        let other: Vec<(&str, &str)> = group
            .other
            .iter()
            .map(|(key, raw)| (key.as_str(), raw.as_str()))
            .collect();
        assert_eq!(
            other,
            [
                ("archived", "false"),
                ("limits", r#"{"max":9007199254740993}"#)
            ]
        );
    }

    #[test]
    fn repeated_keys_end_as_json_parse_ends_them() {
        let body = r#"{"group":{"name":"a","uuid":"u","x":1,"name":"b","x":[2],"primary":null}}"#;
        let group = read(200, body).unwrap();
        assert_eq!(group.name, "b");
        assert_eq!(group.primary, None);
        let other: Vec<(&str, &str)> = group
            .other
            .iter()
            .map(|(key, raw)| (key.as_str(), raw.as_str()))
            .collect();
        assert_eq!(other, [("x", "1"), ("x", "[2]")]);
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
            r#"{"group":{"name":"g","uuid":"u","delete_protection":"no"}}"#,
            r#"{"group":{"name":"g","uuid":"u"}}{}"#,
        ] {
            let error = read(200, body).unwrap_err();
            assert_eq!(error.code(), "decode_error", "{body}");
        }
        assert!(read(200, "{}")
            .unwrap_err()
            .to_string()
            .ends_with("group is missing"));
        assert!(read(200, r#"{"group":{"name":"g"}}"#)
            .unwrap_err()
            .to_string()
            .ends_with("group.uuid is missing"));
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
