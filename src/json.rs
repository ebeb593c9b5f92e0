//! The JSON seam: what building requests and reading answers need of a
//! JSON implementation, which each target fills. Natively it is
//! [`SerdeJson`]; in wasm the host's `JSON` with serde-wasm-bindgen
//! (`src/bindings.rs`), so that unknown fields reach JavaScript exactly as
//! `JSON.parse` reads them.

use serde::de::DeserializeOwned;
use serde::Serialize;

/// A field that may hold any JSON. Natively it is kept as a
/// `serde_json::Value`; in wasm JavaScript gets the answer as `JSON.parse`
/// read it, so the field is only skipped over, at no cost in code, and
/// never serialized.
#[cfg(not(target_arch = "wasm32"))]
pub type AnyJson = serde_json::Value;
#[cfg(target_arch = "wasm32")]
pub type AnyJson = serde::de::IgnoredAny;

/// A JSON implementation: what building requests and reading answers need of one.
pub trait Json {
    /// A parsed JSON value.
    type Value: Clone;
    fn parse(text: &str) -> Result<Self::Value, String>;
    /// A member of an object; `None` when absent or not an object.
    fn member(value: &Self::Value, key: &str) -> Option<Self::Value>;
    fn null() -> Self::Value;
    fn decode<T: DeserializeOwned>(value: &Self::Value) -> Result<T, DecodeError>;
    fn stringify<T: Serialize>(value: &T) -> Result<String, String>;
}

/// Why a value did not decode, and where in it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DecodeError {
    /// Such as `locations[1]`; empty for the value itself.
    pub path: String,
    pub message: String,
}

impl DecodeError {
    /// The error serde_path_to_error reports, as plain data.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn from_path<E: std::fmt::Display>(error: serde_path_to_error::Error<E>) -> DecodeError {
        let path = error.path().to_string();
        DecodeError {
            path: if path == "." { String::new() } else { path },
            message: error.into_inner().to_string(),
        }
    }

    /// The message, led by the path under `root`.
    pub fn describe(&self, root: &str) -> String {
        let path = match (root.is_empty(), self.path.is_empty()) {
            (true, _) => self.path.clone(),
            (false, true) => root.to_owned(),
            (false, false) if self.path.starts_with('[') => format!("{root}{}", self.path),
            (false, false) => format!("{root}.{}", self.path),
        };
        if path.is_empty() {
            self.message.clone()
        } else {
            format!("{path}: {}", self.message)
        }
    }
}

/// The JSON of native Rust: `serde_json`.
#[cfg(not(target_arch = "wasm32"))]
pub struct SerdeJson;

#[cfg(not(target_arch = "wasm32"))]
impl Json for SerdeJson {
    type Value = serde_json::Value;

    fn parse(text: &str) -> Result<serde_json::Value, String> {
        serde_json::from_str(text).map_err(|error| error.to_string())
    }

    fn member(value: &serde_json::Value, key: &str) -> Option<serde_json::Value> {
        value.as_object()?.get(key).cloned()
    }

    fn null() -> serde_json::Value {
        serde_json::Value::Null
    }

    fn decode<T: DeserializeOwned>(value: &serde_json::Value) -> Result<T, DecodeError> {
        serde_path_to_error::deserialize(value).map_err(DecodeError::from_path)
    }

    fn stringify<T: Serialize>(value: &T) -> Result<String, String> {
        serde_json::to_string(value).map_err(|error| error.to_string())
    }
}
