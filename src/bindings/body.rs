//! A call's body decoded from the caller's arguments one field at a time,
//! so that an error names the argument at fault by structure: serde's own
//! `missing_field` names a field left out, and the field being read names
//! a value that failed. Nothing is learnt from an error's English, which a
//! serde upgrade could reword.
//!
//! Each field's value is read by serde-wasm-bindgen as before; only the
//! body's own object is walked here.

use std::fmt;

use js_sys::Reflect;
use serde::de::{self, DeserializeOwned, DeserializeSeed, IntoDeserializer, MapAccess, Visitor};
use serde::forward_to_deserialize_any;
use wasm_bindgen::JsValue;

/// Why a body did not decode, and which of its fields is at fault.
#[derive(Debug)]
pub enum BodyError {
    /// A required field was left out.
    Missing(&'static str),
    /// The value of `field` is not what it must be, as `error` says.
    Invalid {
        field: &'static str,
        error: serde_wasm_bindgen::Error,
    },
    /// The body as a whole: not a field's fault.
    Body(serde_wasm_bindgen::Error),
}

/// Decodes the body `B` from `plain`, a plain object of its fields.
pub fn decode<B: DeserializeOwned>(plain: &JsValue) -> Result<B, BodyError> {
    B::deserialize(Fields(plain))
}

impl fmt::Display for BodyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BodyError::Missing(field) => write!(f, "{field} is required"),
            BodyError::Invalid { field, error } => write!(f, "{field}: {error}"),
            BodyError::Body(error) => error.fmt(f),
        }
    }
}

impl std::error::Error for BodyError {}

impl de::Error for BodyError {
    fn custom<T: fmt::Display>(why: T) -> Self {
        BodyError::Body(de::Error::custom(why))
    }

    fn missing_field(field: &'static str) -> Self {
        BodyError::Missing(field)
    }
}

/// A body's object, read as a struct whose fields are its keys.
struct Fields<'a>(&'a JsValue);

impl<'de> de::Deserializer<'de> for Fields<'_> {
    type Error = BodyError;

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, BodyError> {
        Err(de::Error::custom("a body is read as a struct"))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, BodyError> {
        visitor.visit_map(FieldAccess {
            plain: self.0,
            fields: fields.iter(),
            current: None,
        })
    }

    forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes
        byte_buf option unit unit_struct newtype_struct seq tuple tuple_struct map enum
        identifier ignored_any
    }
}

/// The fields given, in the struct's order; a field left out is one whose
/// value is `undefined`, as serde-wasm-bindgen reads it.
struct FieldAccess<'a> {
    plain: &'a JsValue,
    fields: std::slice::Iter<'static, &'static str>,
    current: Option<(&'static str, JsValue)>,
}

impl FieldAccess<'_> {
    /// The next field given, kept with its value for [`MapAccess::next_value_seed`].
    fn next_given(&mut self) -> Option<&'static str> {
        for &field in self.fields.by_ref() {
            // `plain` is a copy made by JSON.parse: reading it cannot throw.
            let value = Reflect::get(self.plain, &field.into()).unwrap_or(JsValue::UNDEFINED);
            if !value.is_undefined() {
                self.current = Some((field, value));
                return Some(field);
            }
        }
        None
    }
}

// The generic parts are kept small: each body type compiles its own copy.
impl<'de> MapAccess<'de> for FieldAccess<'_> {
    type Error = BodyError;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, BodyError> {
        match self.next_given() {
            Some(field) => seed.deserialize(field.into_deserializer()).map(Some),
            None => Ok(None),
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, BodyError> {
        let (field, value) = self
            .current
            .take()
            .ok_or_else(|| de::Error::custom("a value was asked for before its key"))?;
        seed.deserialize(serde_wasm_bindgen::Deserializer::from(value))
            .map_err(|error| BodyError::Invalid { field, error })
    }
}
