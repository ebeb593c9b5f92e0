//! The JavaScript boundary: every `#[wasm_bindgen]` item and every
//! conversion between `JsValue` and the Rust core lives here.
//!
//! Arguments arrive as `JsValue` so that a wrong JS type becomes an
//! `invalid_argument` error instead of a wasm-bindgen exception, and every
//! failure leaves as one `TursoClientError`, built in [`to_js_error`].

mod panic_guard;
mod transport;

use std::future::Future;

use js_sys::{Array, Object, Promise, Reflect, JSON};
use serde::Serialize;
use wasm_bindgen::prelude::*;
use web_sys::AbortSignal;

use crate::error::{join, Error};
use crate::groups::{self, Extensions, Group, NewGroup};
use crate::request::ClientConfig;
use crate::retry::DEFAULT_MAX_RETRIES;
use crate::validate;
use transport::{CallLimits, Failure};

/// Used when neither the client nor the call sets `timeoutMs`.
const DEFAULT_TIMEOUT_MS: u32 = 60_000;

#[wasm_bindgen(module = "/src/bindings/turso_client_error.js")]
extern "C" {
    #[wasm_bindgen(extends = js_sys::Error, reexport)]
    type TursoClientError;

    #[wasm_bindgen(js_name = createTursoClientError)]
    fn create_turso_client_error(
        message: &str,
        code: &str,
        status: Option<u16>,
        field: Option<&str>,
        body: Option<&str>,
        attempts: u32,
    ) -> TursoClientError;
}

/// `createGroup(org, token, name, location, extensions?, options?)`.
#[wasm_bindgen(js_name = createGroup)]
pub fn create_group(
    org: JsValue,
    token: JsValue,
    name: JsValue,
    location: JsValue,
    extensions: JsValue,
    options: JsValue,
) -> Promise {
    let prepared = (|| {
        panic_guard::ensure_usable()?;
        let options = OptionsObject::new(options, "options")?;
        let config = client_config(&org, &token, &options)?;
        let group = new_group(&name, &location, &extensions)?;
        let limits = options.call_limits(&CallDefaults::default())?;
        Ok((config, group, limits))
    })();
    match prepared {
        Ok((config, group, limits)) => create(Ok((&config, group, limits))),
        Err(error) => create(Err(error)),
    }
}

/// `createClient({ org, token, baseUrl?, timeoutMs?, maxRetries? })`: checks
/// the settings once, and throws a `TursoClientError` if one is bad.
#[wasm_bindgen(js_name = createClient)]
pub fn create_client(config: JsValue) -> Result<TursoClient, JsValue> {
    let settings = (|| {
        panic_guard::ensure_usable()?;
        if config.is_null_or_undefined() {
            return Err(Error::invalid(
                "config",
                "createClient needs a config object: { org, token }",
            ));
        }
        let config = OptionsObject::new(config, "config")?;
        let client_config = client_config(&config.get("org")?, &config.get("token")?, &config)?;
        let defaults = CallDefaults {
            timeout_ms: config.timeout_ms()?.unwrap_or(DEFAULT_TIMEOUT_MS),
            max_retries: config.max_retries()?.unwrap_or(DEFAULT_MAX_RETRIES),
        };
        Ok(ClientSettings {
            config: client_config,
            defaults,
        })
    })()
    .map_err(|error| to_js_error(&error, 0))?;
    let groups = Groups { settings };
    Ok(TursoClient {
        groups: groups.into(),
    })
}

struct ClientSettings {
    config: ClientConfig,
    defaults: CallDefaults,
}

/// What a call does when its options don't say.
struct CallDefaults {
    timeout_ms: u32,
    max_retries: u32,
}

impl Default for CallDefaults {
    fn default() -> Self {
        CallDefaults {
            timeout_ms: DEFAULT_TIMEOUT_MS,
            max_retries: DEFAULT_MAX_RETRIES,
        }
    }
}

/// What `createClient` returns; typed by hand in `pkg-template/index.d.ts`.
#[wasm_bindgen]
pub struct TursoClient {
    /// The one `Groups` object of this client, made once: a getter that
    /// built one per access would allocate and register a JS wrapper with
    /// the finalizer on every `client.groups.create(…)`.
    groups: JsValue,
}

#[wasm_bindgen]
impl TursoClient {
    #[wasm_bindgen(getter)]
    pub fn groups(&self) -> JsValue {
        self.groups.clone()
    }
}

/// `client.groups`: the Groups resource.
#[wasm_bindgen]
pub struct Groups {
    settings: ClientSettings,
}

#[wasm_bindgen]
impl Groups {
    /// `create(name, { location, extensions?, …limits })`, the shape in
    /// Turso's docs, or `create(name, location, { extensions?, …limits })`,
    /// the shape of `@tursodatabase/api` v2; the limits are `signal`,
    /// `timeoutMs` and `maxRetries`.
    pub fn create(&self, name: JsValue, location_or_options: JsValue, options: JsValue) -> Promise {
        let prepared = (|| {
            panic_guard::ensure_usable()?;
            let (location, options) = if location_or_options.is_string() {
                (location_or_options, OptionsObject::new(options, "options")?)
            } else {
                let options = OptionsObject::new(location_or_options, "options")?;
                (options.get("location")?, options)
            };
            let extensions = options.get("extensions")?;
            let group = new_group(&name, &location, &extensions)?;
            let limits = options.call_limits(&self.settings.defaults)?;
            Ok((&self.settings.config, group, limits))
        })();
        create(prepared)
    }
}

/// Create Group for both entry points, from their checked arguments: the
/// request is sent before this returns, and the promise settles with the
/// group or the error. One function, so the `.wasm` holds one copy of the
/// call's state machine.
fn create(prepared: Result<(&ClientConfig, NewGroup, CallLimits), Error>) -> Promise {
    let call = prepared.map(|(config, group, limits)| {
        let request = groups::create_request(config, &group);
        transport::send(request, limits, |status, body| {
            groups::read_create_response(status, body).and_then(|group| group_to_js(&group))
        })
    });
    settle(async move { call.map_err(Failure::before_sending)?.await })
}

/// A group as a plain JS object: the fields the crate knows through
/// serde-wasm-bindgen, the others through `JSON.parse` of the text they came
/// as, so they are exactly what `JSON.parse` would have made of the answer.
fn group_to_js(group: &Group) -> Result<JsValue, Error> {
    let object = group
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|error| conversion_error(&error.into()))?;
    for (key, raw) in &group.other {
        let value = JSON::parse(raw.as_str()).map_err(|thrown| conversion_error(&thrown))?;
        let name = JsValue::from_str(key);
        let stored = if key == "__proto__" {
            // Assigning `__proto__` would replace the object's prototype;
            // JSON.parse makes it an own property, and so does this.
            let descriptor = Object::new();
            for (attribute, setting) in [
                ("value", value),
                ("writable", JsValue::TRUE),
                ("enumerable", JsValue::TRUE),
                ("configurable", JsValue::TRUE),
            ] {
                Reflect::set(&descriptor, &attribute.into(), &setting)
                    .map_err(|thrown| conversion_error(&thrown))?;
            }
            Reflect::define_property(object.unchecked_ref::<Object>(), &name, &descriptor)
        } else {
            Reflect::set(&object, &name, &value)
        };
        stored.map_err(|thrown| conversion_error(&thrown))?;
    }
    Ok(object)
}

fn conversion_error(thrown: &JsValue) -> Error {
    let why = js_error_message(thrown)
        .unwrap_or_else(|| "a value that is not an Error was thrown".to_owned());
    Error::Internal {
        message: join(&["could not convert the answer for JavaScript: ", &why]),
    }
}

/// The message of a thrown JS `Error`, with the `cause` Node attaches (such
/// as `connect ECONNREFUSED 127.0.0.1:9`); `None` for any other value.
fn js_error_message(value: &JsValue) -> Option<String> {
    let error = value.dyn_ref::<js_sys::Error>()?;
    let message = String::from(error.message());
    Some(match error.cause().dyn_ref::<js_sys::Error>() {
        Some(cause) => join(&[&message, ": ", &String::from(cause.message())]),
        None => message,
    })
}

/// The account a call is for: `org` and `token` as given, `baseUrl` from `options`.
fn client_config(
    org: &JsValue,
    token: &JsValue,
    options: &OptionsObject,
) -> Result<ClientConfig, Error> {
    let base_url = options.optional("baseUrl", required_string)?;
    ClientConfig::new(
        &required_string(org, "org")?,
        &required_string(token, "token")?,
        base_url.as_deref(),
    )
}

fn new_group(name: &JsValue, location: &JsValue, extensions: &JsValue) -> Result<NewGroup, Error> {
    let name = required_string(name, "name")?;
    let location = required_string(location, "location")?;
    NewGroup::new(&name, &location, parse_extensions(extensions)?)
}

fn parse_extensions(value: &JsValue) -> Result<Option<Extensions>, Error> {
    if value.is_null_or_undefined() {
        return Ok(None);
    }
    if let Some(keyword) = value.as_string() {
        return Extensions::from_keyword(&keyword).map(Some);
    }
    if !Array::is_array(value) {
        return Err(Extensions::shape_error(&join(&["got ", &type_name(value)])));
    }
    let items: Vec<Option<String>> = Array::from(value)
        .iter()
        .map(|item| item.as_string())
        .collect();
    Extensions::from_names(items.iter().map(Option::as_deref)).map(Some)
}

/// A JS options object, or none at all (`undefined` or `null`).
struct OptionsObject {
    object: Option<JsValue>,
}

impl OptionsObject {
    fn new(value: JsValue, field: &'static str) -> Result<Self, Error> {
        if value.is_null_or_undefined() {
            return Ok(OptionsObject { object: None });
        }
        if !value.is_object() || Array::is_array(&value) {
            return Err(Error::invalid(
                field,
                join(&[field, " must be an object; got ", &type_name(&value)]),
            ));
        }
        Ok(OptionsObject {
            object: Some(value),
        })
    }

    /// A property, or `undefined`; a throwing getter is reported, not raised.
    fn get(&self, key: &'static str) -> Result<JsValue, Error> {
        let Some(object) = &self.object else {
            return Ok(JsValue::UNDEFINED);
        };
        js_sys::Reflect::get(object, &JsValue::from_str(key))
            .map_err(|_| Error::invalid(key, join(&[key, " could not be read"])))
    }

    /// A property converted by `convert`, or `None` when it is absent
    /// (`undefined` or `null`).
    fn optional<T>(
        &self,
        key: &'static str,
        convert: impl FnOnce(&JsValue, &'static str) -> Result<T, Error>,
    ) -> Result<Option<T>, Error> {
        // Most calls pass no options: asking JS about each absent one would
        // cost a crossing apiece.
        if self.object.is_none() {
            return Ok(None);
        }
        let value = self.get(key)?;
        if value.is_null_or_undefined() {
            return Ok(None);
        }
        convert(&value, key).map(Some)
    }

    fn timeout_ms(&self) -> Result<Option<u32>, Error> {
        self.optional("timeoutMs", |value, key| {
            validate::timeout_ms(number(value, key)?)
        })
    }

    fn max_retries(&self) -> Result<Option<u32>, Error> {
        self.optional("maxRetries", |value, key| {
            validate::max_retries(number(value, key)?)
        })
    }

    fn call_limits(&self, defaults: &CallDefaults) -> Result<CallLimits, Error> {
        let signal = self.optional("signal", |value, key| {
            value.clone().dyn_into::<AbortSignal>().map_err(|other| {
                Error::invalid(
                    key,
                    join(&[key, " must be an AbortSignal; got ", &type_name(&other)]),
                )
            })
        })?;
        Ok(CallLimits {
            timeout_ms: self.timeout_ms()?.unwrap_or(defaults.timeout_ms),
            max_retries: self.max_retries()?.unwrap_or(defaults.max_retries),
            signal,
        })
    }
}

fn number(value: &JsValue, field: &'static str) -> Result<f64, Error> {
    value.as_f64().ok_or_else(|| {
        Error::invalid(
            field,
            join(&[field, " must be a number; got ", &type_name(value)]),
        )
    })
}

fn required_string(value: &JsValue, field: &'static str) -> Result<String, Error> {
    value.as_string().ok_or_else(|| {
        Error::invalid(
            field,
            join(&[field, " must be a string; got ", &type_name(value)]),
        )
    })
}

/// `typeof`, but telling `null` and arrays apart from objects.
fn type_name(value: &JsValue) -> String {
    if value.is_null() {
        "null".to_owned()
    } else if Array::is_array(value) {
        "an array".to_owned()
    } else {
        value
            .js_typeof()
            .as_string()
            .unwrap_or_else(|| "an unknown type".to_owned())
    }
}

/// Runs a call to a promise that resolves to its value or rejects with a
/// `TursoClientError`.
fn settle(call: impl Future<Output = Result<JsValue, Failure>> + 'static) -> Promise {
    panic_guard::settle(async move {
        call.await
            .map_err(|failure| to_js_error(&failure.error, failure.attempts))
    })
}

/// The one place an [`Error`] becomes a JavaScript `TursoClientError`.
fn to_js_error(error: &Error, attempts: u32) -> JsValue {
    create_turso_client_error(
        &error.message(),
        error.code(),
        error.status(),
        error.field(),
        error.body(),
        attempts,
    )
    .into()
}
