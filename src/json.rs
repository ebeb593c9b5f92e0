//! The JSON seam: what building requests and reading answers need of a
//! JSON implementation, which each target fills. Natively it is
//! [`SerdeJson`]; in wasm the host's `JSON` with serde-wasm-bindgen
//! (`src/bindings.rs`), so that unknown fields reach JavaScript exactly as
//! `JSON.parse` reads them.

use serde::de::{DeserializeOwned, Visitor};
use serde::{Deserializer, Serialize};

/// A JSON implementation: what building requests and reading answers need of one.
pub trait Json {
    /// A parsed JSON value.
    type Value: Clone;
    fn parse(text: &str) -> Result<Self::Value, String>;
    /// A member of an object; `None` when absent or not an object.
    fn member(value: &Self::Value, key: &str) -> Option<Self::Value>;
    fn null() -> Self::Value;
    fn is_array(value: &Self::Value) -> bool;
    fn decode<T: DeserializeOwned>(value: &Self::Value) -> Result<T, DecodeError>;
    fn stringify<T: Serialize>(value: &T) -> Result<String, String>;

    /// An answer decoded as `T`, the same way in both targets. An array
    /// where `T` is an object is refused first: serde-wasm-bindgen reads a
    /// struct's fields by name, and serde a struct from an array by
    /// position, so either would take an array for a struct whose fields
    /// are all optional.
    fn decode_answer<T: DeserializeOwned>(value: &Self::Value) -> Result<T, DecodeError> {
        if Self::is_array(value) && reads_object::<T>() {
            return Err(DecodeError {
                path: String::new(),
                message: "it is an array, where an object belongs".to_owned(),
            });
        }
        Self::decode(value)
    }
}

/// Whether `T` reads a JSON object (a struct or a map): its `Deserialize` is
/// asked for the kind it wants and stopped there, so none of its reading
/// code runs or is compiled for the question.
fn reads_object<T: DeserializeOwned>() -> bool {
    let mut object = false;
    let _ = T::deserialize(KindProbe {
        object: &mut object,
    });
    object
}

/// A `Deserializer` that notes whether it was asked for an object, and
/// gives nothing.
struct KindProbe<'a> {
    object: &'a mut bool,
}

impl<'de> Deserializer<'de> for KindProbe<'_> {
    type Error = serde::de::value::Error;

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Self::Error> {
        Err(serde::de::Error::custom("probed"))
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        *self.object = true;
        self.deserialize_any(visitor)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.deserialize_map(visitor)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes
        byte_buf option unit unit_struct newtype_struct seq tuple tuple_struct enum
        identifier ignored_any
    }
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

    fn is_array(value: &serde_json::Value) -> bool {
        value.is_array()
    }

    fn decode<T: DeserializeOwned>(value: &serde_json::Value) -> Result<T, DecodeError> {
        serde_path_to_error::deserialize(value).map_err(DecodeError::from_path)
    }

    fn stringify<T: Serialize>(value: &T) -> Result<String, String> {
        serde_json::to_string(value).map_err(|error| error.to_string())
    }
}
