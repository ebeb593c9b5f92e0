//! The JavaScript boundary: every `#[wasm_bindgen]` item and every
//! conversion between `JsValue` and the Rust core lives here, generic over
//! operations.
//!
//! A client is a plain object of resources, built in `client.js` from the
//! names in the dispatch table: each method calls one Rust closure with its
//! index and arguments, and [`call`] does the rest for any operation.
//! Arguments arrive as `JsValue` so that a wrong JS type becomes an
//! `invalid_argument` error instead of a wasm-bindgen exception; every read
//! of a caller's value is one that catches, and every failure leaves as one
//! `TursoClientError`, built in [`to_js_error`].

mod body;
mod guard;
#[cfg(feature = "panic-probe")]
mod probe;
mod transport;

use std::future::Future;

use js_sys::{Array, JsString, Object, Promise, Reflect, Uint8Array, JSON};
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::prelude::*;
use web_sys::AbortSignal;

use crate::database_files::{self, HEADER_BYTES};
use crate::databases::Cipher;
use crate::error::{redact_all, Error};
use crate::json::{DecodeError, Json};
use crate::operation::{
    AnswerAt, Base, BodyFields, Input, Operation, Spec, Validate, Visitor, CALL_OPTIONS,
    CLIENT_SETTINGS, SECRET_MEMBERS,
};
use crate::request::{self, ClientConfig};
use crate::response::{self, Body};
use crate::retry::DEFAULT_MAX_RETRIES;
use crate::validate::UrlParts;
use crate::{groups, validate};
use body::BodyError;
use transport::{CallFailure, CallLimits};

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
        api_code: Option<&str>,
        attempts: u32,
        operation: Option<&str>,
    ) -> TursoClientError;

    /// `call`'s promise, whose rejection gets the stack of the caller that
    /// awaits it.
    #[wasm_bindgen(js_name = atCaller)]
    fn at_caller(call: &Promise) -> Promise;
}

#[wasm_bindgen(module = "/src/bindings/calls.js")]
extern "C" {
    /// The message of a thrown JS `Error`, with its cause's (such as
    /// `connect ECONNREFUSED 127.0.0.1:9`); `None` for any other value.
    /// Read in JavaScript, where a getter or a proxy that throws is caught.
    #[wasm_bindgen(js_name = errorText)]
    fn js_error_message(value: &JsValue) -> Option<String>;
}

#[wasm_bindgen]
extern "C" {
    /// `Object.keys`, which a `Proxy`'s trap may make throw.
    #[wasm_bindgen(catch, js_namespace = Object, js_name = keys)]
    fn try_keys(value: &JsValue) -> Result<Array, JsValue>;
    /// `Array.isArray`, which throws for a revoked `Proxy`.
    #[wasm_bindgen(catch, js_namespace = Array, js_name = isArray)]
    fn try_is_array(value: &JsValue) -> Result<bool, JsValue>;
}

#[wasm_bindgen]
extern "C" {
    /// A URL as the host's WHATWG parser split it.
    #[wasm_bindgen(js_name = URL)]
    type HostUrl;
    #[wasm_bindgen(constructor, js_class = "URL", catch)]
    fn new(text: &str) -> Result<HostUrl, JsValue>;
    #[wasm_bindgen(method, getter)]
    fn protocol(this: &HostUrl) -> String;
    #[wasm_bindgen(method, getter)]
    fn username(this: &HostUrl) -> String;
    #[wasm_bindgen(method, getter)]
    fn password(this: &HostUrl) -> String;
    #[wasm_bindgen(method, getter)]
    fn hostname(this: &HostUrl) -> String;
    #[wasm_bindgen(method, getter)]
    fn port(this: &HostUrl) -> String;
    #[wasm_bindgen(method, getter)]
    fn pathname(this: &HostUrl) -> String;
}

/// Splits `text` with the host's `URL`: the parser `fetch` itself uses.
fn parse_url(text: &str) -> Option<UrlParts> {
    let url = HostUrl::new(text).ok()?;
    Some(UrlParts {
        scheme: url.protocol().trim_end_matches(':').to_owned(),
        has_credentials: !url.username().is_empty() || !url.password().is_empty(),
        host: url.hostname(),
        port: url.port(),
        path: url.pathname(),
    })
}

/// Whether a caller's value is an array; one whose check throws is not.
fn is_array(value: &JsValue) -> bool {
    try_is_array(value).unwrap_or(false)
}

#[wasm_bindgen(module = "/src/bindings/plain.js")]
extern "C" {
    /// `value` copied through JSON, or what reading it threw; a `TooLarge`
    /// when it is larger than `budget`.
    #[wasm_bindgen(js_name = plainCopy, catch)]
    fn plain_copy(value: &JsValue, budget: u32) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = TooLarge)]
    type TooLarge;
    #[wasm_bindgen(js_name = NotUnicode)]
    type NotUnicode;
    /// Whether a string has no lone surrogate.
    #[wasm_bindgen(js_name = isWellFormed)]
    fn is_well_formed(text: &JsString) -> bool;
    /// `value`'s text if it is a `Date`: a string, `undefined` for no
    /// `Date`, a `TooLarge`, or `{ refused }` with the reason.
    #[wasm_bindgen(js_name = dateText)]
    fn date_text(value: &JsValue, budget: u32) -> JsValue;
    /// The strings at any depth of a plain `value` under one of `names`.
    #[wasm_bindgen(js_name = secretValues)]
    fn secret_values(value: &JsValue, names: &[&str]) -> Vec<String>;
}

/// The most characters a string argument may have, checked before it is
/// copied into wasm; a token is the longest (a JWT of a few hundred).
const MAX_STRING_ARGUMENT: u32 = 8 * 1024;

/// How much of an unknown option's name an error shows: more than any real
/// option has.
const MAX_KEY_SHOWN: u32 = 100;

/// How large a body argument may be, in characters, items and values: far
/// above any real one, and small enough to refuse at once.
const MAX_BODY_ARGUMENT: u32 = 64 * 1024;

#[wasm_bindgen(module = "/src/bindings/client.js")]
extern "C" {
    /// The client object: `names[i]` is `"resource.method"`, and calling it
    /// calls [`Calls::run`] with `settings`, `i` and the arguments, or
    /// `undefined` for a step of a workflow, which `steps` finds by its
    /// `operationId`; `pages[i]`, where set, is `[items, paging]`: the
    /// member of its answer that holds a page's items, and `"page"` or
    /// `"cursor"` for how the pages are walked
    /// ([`crate::operation::Paging`]). `workflows` are the names of the
    /// workflows, by their index for [`Calls::check_workflow`]. `calls` is
    /// there only to reach [`Calls`].
    #[wasm_bindgen(js_name = buildClient)]
    fn build_client(
        names: &Array,
        pages: &Array,
        steps: &Object,
        workflows: &Array,
        settings: &Array,
        calls: JsValue,
    ) -> JsValue;
}

/// `createGroup(org, token, name, location, extensions?, options?)`: Create
/// Group without a client, with `baseUrl` among the options.
#[wasm_bindgen(js_name = createGroup)]
pub fn create_group(
    org: JsValue,
    token: JsValue,
    name: JsValue,
    location: JsValue,
    extensions: JsValue,
    options: JsValue,
) -> Promise {
    guard::entered(|| {
        let args = Array::of4(&name, &location, &extensions, &options);
        match flat_settings(&org, &token, &options) {
            Ok(settings) => call::<groups::Create>(
                &settings,
                &["name", "location", "extensions"],
                &args,
                &JsValue::UNDEFINED,
            ),
            Err(error) => settle(groups::Create::SPEC.call, async move {
                Err(CallFailure::before_sending(error))
            }),
        }
    })
}

/// The settings of one call of a flat function, from its `options`.
fn flat_settings(
    org: &JsValue,
    token: &JsValue,
    options: &JsValue,
) -> Result<ClientSettings, Error> {
    let options = OptionsObject::new(options.clone(), "options")?;
    Ok(ClientSettings {
        config: client_config(org, token, &options)?,
        defaults: CallDefaults::default(),
        also_in_options: &["baseUrl"],
        token_function: None,
        database_url_function: None,
    })
}

/// `createClient({ org, token, baseUrl?, regionUrl?, timeoutMs?, maxRetries? })`:
/// checks the settings once, and throws a `TursoClientError` if one is bad.
#[wasm_bindgen(js_name = createClient)]
pub fn create_client(config: JsValue) -> Result<JsValue, JsValue> {
    guard::entered_sync(|| {
        let settings = client_settings(&config)
            .map_err(|error| to_js_error(&error, 0, Some(("createClient", None))))?;
        let steps = Object::new();
        let (names, pages): (Array, Array) = DISPATCH.with(|table| {
            let names = table.specs.iter().enumerate().map(|(index, spec)| {
                if spec.base != Base::Database {
                    return JsValue::from_str(spec.call);
                }
                // A plain object of the module's own: setting cannot throw.
                let _ = Reflect::set(&steps, &spec.id.into(), &JsValue::from(index));
                JsValue::UNDEFINED
            });
            let pages = table.specs.iter().map(|spec| match spec.pages {
                Some(pages) => Array::of2(&pages.items.into(), &pages.by.as_str().into()).into(),
                None => JsValue::UNDEFINED,
            });
            (names.collect(), pages.collect())
        });
        let workflows: Array = database_files::WORKFLOWS
            .iter()
            .map(|workflow| JsValue::from_str(workflow.call))
            .collect();
        Ok(build_client(
            &names,
            &pages,
            &steps,
            &workflows,
            &settings.to_js(),
            Calls {}.into(),
        ))
    })
}

/// The way into wasm of every client's call. Its static [`Calls::run`] is
/// an export, on whose way in the glue starts a fresh instance of the module
/// after a failure (see `calls.js`); a client keeps its checked settings
/// itself, and nothing of the instance that made it. Not part of the
/// package's API.
#[wasm_bindgen]
pub struct Calls {}

#[wasm_bindgen]
impl Calls {
    /// Runs the operation at `index` for the client whose settings are
    /// `settings`, with its arguments `args`. `walk`, for one page of a walk
    /// through a list, is `client.js`'s own `{ page }`, or `{ limit, cursor }`:
    /// what it holds is read before the caller's options, which stay as they
    /// were given.
    pub fn run(settings: Array, index: usize, args: Array, walk: JsValue) -> Promise {
        guard::entered(|| {
            let found = DISPATCH
                .with(|table| Some((table.specs.get(index)?.call, *table.runs.get(index)?)));
            let Some((operation, run)) = found else {
                let error = Error::Internal {
                    message: format!("no operation has the index {index}"),
                };
                return settle("turso-platform-wasm", async move {
                    Err(CallFailure::before_sending(error))
                });
            };
            let failed = |error| {
                settle(
                    operation,
                    async move { Err(CallFailure::before_sending(error)) },
                )
            };
            // A token function's token is checked as a config's token is.
            if settings.get(TOKEN_FUNCTION_AT).is_function() {
                let token = required_string(&settings.get(1), "token");
                if let Err(error) = token.and_then(|token| validate::token(&token)) {
                    return failed(error);
                }
            }
            match ClientSettings::from_js(&settings) {
                Ok(settings) => run(&settings, &args, &walk),
                Err(error) => failed(error),
            }
        })
    }

    /// Checks the options of the workflow at `index` before its first
    /// request: each one it knows, and its callbacks functions. For
    /// `databases.upload`, also the file: `head` is its first bytes and
    /// `size` its length, or `head` is `undefined` when `data` is none of
    /// the kinds it may be. Throws the `TursoClientError` of the first fault.
    #[wasm_bindgen(js_name = checkWorkflow)]
    pub fn check_workflow(
        index: usize,
        options: JsValue,
        data: JsValue,
        head: JsValue,
        size: f64,
    ) -> Result<JsValue, JsValue> {
        guard::entered_sync(|| {
            let operation = database_files::WORKFLOWS
                .get(index)
                .map_or("turso-platform-wasm", |workflow| workflow.call);
            check_workflow_arguments(index, options.clone(), &data, &head, size)
                .map(|()| JsValue::UNDEFINED)
                .map_err(|error| to_js_error(&error, 0, Some((operation, None))))
        })
    }
}

fn check_workflow_arguments(
    index: usize,
    options: JsValue,
    data: &JsValue,
    head: &JsValue,
    size: f64,
) -> Result<(), Error> {
    let workflow = database_files::WORKFLOWS
        .get(index)
        .ok_or_else(|| Error::Internal {
            message: format!("no workflow has the index {index}"),
        })?;
    let options = OptionsObject::new(options, "options")?;
    let known: Vec<&str> = workflow
        .option_names()
        .chain(CALL_OPTIONS.iter().copied())
        .collect();
    options.refuse_unknown(&known)?;
    for &callback in workflow.callbacks {
        let value = options.get(callback)?;
        if !value.is_null_or_undefined() && !value.is_function() {
            return Err(Error::invalid(
                callback,
                format!("{callback} must be a function; got {}", type_name(&value)),
            ));
        }
    }
    if !workflow.args.iter().any(|(name, _)| *name == "data") {
        return Ok(());
    }
    let Some(head) = head.dyn_ref::<Uint8Array>() else {
        return Err(Error::invalid(
            "data",
            format!(
                "data must be a Uint8Array, an ArrayBuffer, a Blob or a File; got {}",
                type_name(data)
            ),
        ));
    };
    let mut header = [0; HEADER_BYTES];
    let read = header.len().min(head.length() as usize);
    head.subarray(0, read as u32)
        .copy_to(header.get_mut(..read).unwrap_or_default());
    database_files::check_file(
        header.get(..read).unwrap_or_default(),
        size as u64,
        upload_cipher(&options)?,
    )
}

/// The cipher of `remote_encryption`, when it names one this package
/// knows; the call that creates the database refuses any other, before
/// anything is sent.
fn upload_cipher(options: &OptionsObject) -> Result<Option<Cipher>, Error> {
    let encryption = options.get("remote_encryption")?;
    if !encryption.is_object() {
        return Ok(None);
    }
    let cipher = Reflect::get(&encryption, &"encryption_cipher".into())
        .map_err(|_| Error::invalid("remote_encryption", "remote_encryption could not be read"))?;
    Ok(serde_wasm_bindgen::from_value(cipher).ok())
}

/// A client's settings from `createClient`'s config object.
fn client_settings(config: &JsValue) -> Result<ClientSettings, Error> {
    if config.is_null_or_undefined() {
        return Err(Error::invalid(
            "config",
            "createClient needs a config object: { org, token }",
        ));
    }
    let config = OptionsObject::new(config.clone(), "config")?;
    config.refuse_unknown(CLIENT_SETTINGS)?;
    // A token function is called for every request, in client.js; what it
    // gives is checked then, in `Calls::run`.
    let token = config.get("token")?;
    let token_function = token.is_function().then(|| token.clone());
    let token = match &token_function {
        Some(_) => JsValue::from_str(TOKEN_FROM_FUNCTION),
        None => token,
    };
    let database_url_function = config.optional("databaseUrl", |value, key| {
        if value.is_function() {
            Ok(value.clone())
        } else {
            Err(Error::invalid(
                key,
                format!(
                    "{key} must be a function from a database's hostname to its URL; got {}",
                    type_name(value)
                ),
            ))
        }
    })?;
    let mut client_config = client_config(&config.get("org")?, &token, &config)?;
    if let Some(region_url) = config.optional("regionUrl", required_string)? {
        client_config = client_config.with_region_url(&region_url, parse_url)?;
    }
    Ok(ClientSettings {
        config: client_config,
        defaults: CallDefaults {
            timeout_ms: config.timeout_ms()?.unwrap_or(DEFAULT_TIMEOUT_MS),
            max_retries: config.max_retries()?.unwrap_or(DEFAULT_MAX_RETRIES),
        },
        also_in_options: &[],
        token_function,
        database_url_function,
    })
}

/// What a client whose token is a function holds in its place: each call
/// has the function's token instead.
const TOKEN_FROM_FUNCTION: &str = "token-from-the-token-function";

/// Where in a client's settings (`ClientSettings::to_js`) its token
/// function is.
const TOKEN_FUNCTION_AT: u32 = 6;

/// Where in the settings of a step on a database's server `client.js`
/// puts that server's URL; the token is then a token of that database.
const DATABASE_URL_AT: u32 = 7;

/// Where in a client's settings its `databaseUrl` function is.
const DATABASE_URL_FUNCTION_AT: u32 = 8;

/// One operation's [`call`], with its own positional arguments.
type Run = fn(&ClientSettings, &Array, &JsValue) -> Promise;

/// Every operation's [`Spec`] and its [`Run`], in one order.
#[derive(Default)]
struct DispatchTable {
    specs: Vec<&'static Spec>,
    runs: Vec<Run>,
}

impl Visitor for DispatchTable {
    fn visit<O: Operation>(&mut self) {
        self.specs.push(&O::SPEC);
        self.runs
            .push(|settings, args, walk| call::<O>(settings, O::SPEC.args, args, walk));
    }
}

thread_local! {
    static DISPATCH: DispatchTable = {
        let mut table = DispatchTable::default();
        crate::api::for_each(&mut table);
        table
    };
}

struct ClientSettings {
    config: ClientConfig,
    defaults: CallDefaults,
    /// Settings that a call's options object holds too (`createGroup`'s
    /// `baseUrl`).
    also_in_options: &'static [&'static str],
    /// `createClient`'s `token`, when it is a function.
    token_function: Option<JsValue>,
    /// `createClient`'s `databaseUrl`.
    database_url_function: Option<JsValue>,
}

impl ClientSettings {
    /// A client's settings as plain data, which it hands back with every
    /// call: the instance of the module that checked them may be gone by
    /// then.
    fn to_js(&self) -> Array {
        let config = &self.config;
        let texts = [
            &config.org,
            &config.token,
            &config.base_url,
            &config.region_url,
        ];
        let numbers = [self.defaults.timeout_ms, self.defaults.max_retries];
        let settings: Array = texts
            .into_iter()
            .map(|text| JsValue::from_str(text))
            .chain(numbers.into_iter().map(JsValue::from))
            .collect();
        if let Some(function) = &self.token_function {
            settings.set(TOKEN_FUNCTION_AT, function.clone());
        }
        if let Some(function) = &self.database_url_function {
            settings.set(DATABASE_URL_FUNCTION_AT, function.clone());
        }
        settings
    }

    /// What [`ClientSettings::to_js`] made; they were checked then. A step
    /// on a database's server has that server's URL and a token of its
    /// database, which `client.js` put there, and they are checked now.
    fn from_js(settings: &Array) -> Result<ClientSettings, Error> {
        let text = |index| settings.get(index).as_string();
        let number = |index| settings.get(index).as_f64().map(|number| number as u32);
        let not_a_client = || Error::Internal {
            message: "the settings are not a client's".to_owned(),
        };
        let mut config = ClientConfig {
            org: text(0).ok_or_else(not_a_client)?,
            token: String::new(),
            base_url: text(2).ok_or_else(not_a_client)?,
            region_url: text(3).ok_or_else(not_a_client)?,
            database_url: None,
        };
        let token = text(1).ok_or_else(not_a_client)?;
        match settings.get(DATABASE_URL_AT) {
            url if url.is_undefined() => config.token = token,
            url => {
                let url = required_string(&url, "databaseUrl")?;
                config = config.for_database(&url, &token, parse_url)?;
            }
        }
        Ok(ClientSettings {
            config,
            defaults: CallDefaults {
                timeout_ms: number(4).ok_or_else(not_a_client)?,
                max_retries: number(5).ok_or_else(not_a_client)?,
            },
            also_in_options: &[],
            token_function: None,
            database_url_function: None,
        })
    }
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

/// Runs operation `O` with JavaScript arguments `args`, positional ones
/// named by `names`: checks them, sends the request, and settles with the
/// answer or a `TursoClientError`. Only the body and the answer depend on
/// `O`; the rest is [`run`], once for all operations.
fn call<O: Operation>(
    settings: &ClientSettings,
    names: &'static [&'static str],
    args: &Array,
    walk: &JsValue,
) -> Promise {
    // A constant for each `O`, so only the shape it needs is compiled.
    let shape = match O::SPEC.answer {
        AnswerAt::Reshaped(_) => reshaped::<O::Answer>,
        AnswerAt::Whole | AnswerAt::Member(_) | AnswerAt::Nothing | AnswerAt::Stream => {
            checked::<O::Answer>
        }
    };
    run(
        &O::SPEC,
        settings,
        names,
        args,
        walk,
        body_json::<O::Body>,
        shape,
    )
}

fn run(
    spec: &'static Spec,
    settings: &ClientSettings,
    names: &'static [&'static str],
    args: &Array,
    walk: &JsValue,
    body_json: fn(&Spec, &JsValue) -> Result<String, Error>,
    shape: Shape,
) -> Promise {
    // Every secret the call holds, the token and the body's keys, is taken
    // out of its error: a server may echo one, and a refused body is quoted.
    // The body's are looked for only then: few calls fail.
    let mut secrets = vec![settings.config.token.clone()];
    let mut body_given = None;
    let prepared = (|| {
        let args = Arguments::read(names, args, walk)?;
        args.refuse_unknown(spec, settings.also_in_options)?;
        let limits = args.options.call_limits(&settings.defaults)?;
        let mut params = Vec::new();
        for param in spec.params {
            let text = match param.input {
                Input::Text | Input::OneOf(_) => required_string,
                Input::Integer => integer_text,
                Input::Time => time_text,
            };
            if let Some(value) = args.optional(param.arg, text)? {
                params.push((param.arg, value));
            }
        }
        // A header may carry a secret, the encryption key.
        secrets.extend(
            params
                .iter()
                .filter(|(arg, _)| SECRET_MEMBERS.contains(arg))
                .map(|(_, value)| value.clone()),
        );
        let params: Vec<(&str, &str)> = params
            .iter()
            .map(|(arg, value)| (*arg, value.as_str()))
            .collect();
        let bytes = match spec.body {
            BodyFields::Bytes(field) => Some(bytes_argument(&args.get(field)?, field)?),
            _ => None,
        };
        body_given = plain_body(spec, &args)?;
        let body = body_given
            .as_ref()
            .map(|plain| body_json(spec, plain))
            .transpose()?;
        let request = request::build_from_spec(spec, &settings.config, &params, body)?;
        #[cfg(feature = "panic-probe")]
        probe::at("before-sending", &request.url);
        Ok((request, bytes, limits))
    })();
    let call = prepared
        .map(|(request, bytes, limits)| transport::send(request, bytes, limits, spec, shape));
    settle(spec.call, async move {
        let failure = match call {
            Ok(call) => call.await,
            Err(error) => Err(CallFailure::before_sending(error)),
        };
        failure.map_err(|failure| {
            if let Some(plain) = &body_given {
                secrets.extend(secret_values(plain, SECRET_MEMBERS));
            }
            // A caller may have given a secret as a name in the path.
            let request = failure.request.map(|mut line| {
                redact_all(&mut line, &secrets);
                line
            });
            CallFailure {
                error: failure.error.redact(&secrets),
                attempts: failure.attempts,
                request,
            }
        })
    })
}

/// The body's fields from the arguments, as a plain object, or `None` when
/// an optional body has none. Each value is copied through `JSON.stringify`
/// and `JSON.parse`: getters, proxies and `toJSON` run there, once, where a
/// throw is caught, and serde sees plain data.
fn plain_body(spec: &Spec, args: &Arguments) -> Result<Option<JsValue>, Error> {
    let plain = Object::new();
    let mut given = false;
    for &field in spec.body.fields() {
        let value = args.get(field)?;
        if value.is_undefined() {
            continue;
        }
        let copy = plain_copy(&value, MAX_BODY_ARGUMENT).map_err(|thrown| {
            let why = if thrown.is_instance_of::<TooLarge>() {
                format!("is larger than {MAX_BODY_ARGUMENT} characters, items and values in all")
            } else if thrown.is_instance_of::<NotUnicode>() {
                NOT_UNICODE.to_owned()
            } else {
                "could not be read as JSON".to_owned()
            };
            Error::invalid(field, format!("{field} {why}"))
        })?;
        Reflect::set(&plain, &field.into(), &copy)
            .map_err(|_| Error::invalid(field, format!("{field} could not be read as JSON")))?;
        given = true;
    }
    let wanted = match spec.body {
        BodyFields::None | BodyFields::Bytes(_) => false,
        BodyFields::Required(_) => true,
        BodyFields::WhenGiven(_) => given,
    };
    Ok(wanted.then(|| plain.into()))
}

/// The bytes a step sends as they are: a `Uint8Array` or a `Blob`, which
/// `client.js` cut from the caller's data.
fn bytes_argument(value: &JsValue, field: &'static str) -> Result<JsValue, Error> {
    if value.is_instance_of::<Uint8Array>() || value.is_instance_of::<web_sys::Blob>() {
        Ok(value.clone())
    } else {
        Err(Error::Internal {
            message: format!("{field} is no Uint8Array or Blob"),
        })
    }
}

/// A plain body of the operation `spec`, typed as `B`, checked and written
/// as JSON.
fn body_json<B: DeserializeOwned + Serialize + Validate>(
    spec: &Spec,
    plain: &JsValue,
) -> Result<String, Error> {
    let body: B = body::decode(plain).map_err(|error| body_error(plain, error))?;
    request::encode_body::<B, HostJson>(spec, &body)
}

/// The `invalid_argument` error for a body that does not decode: it names
/// the argument at fault, as [`body::decode`] found it, says what serde
/// found wrong in it, and shows it as given, as JSON.
fn body_error(plain: &JsValue, error: BodyError) -> Error {
    let (field, why) = match error {
        BodyError::Missing(field) => return Error::invalid(field, format!("{field} is required")),
        BodyError::Invalid { field, error } => (field, error.to_string()),
        BodyError::Body(error) => ("options", error.to_string()),
    };
    let why = why.strip_prefix("Error: ").unwrap_or(&why);
    // Only the wording: a field left out inside an argument is said so.
    if let Some(missing) = why
        .strip_prefix("missing field `")
        .and_then(|rest| rest.split('`').next())
    {
        return Error::invalid(field, format!("{field}.{missing} is required"));
    }
    let value = Reflect::get(plain, &field.into()).unwrap_or(JsValue::UNDEFINED);
    let given = JSON::stringify(&value)
        .ok()
        .and_then(|text| text.as_string())
        .unwrap_or_else(|| "undefined".to_owned());
    let expected = why
        .rsplit_once("expected ")
        .map_or(why, |(_, expected)| expected);
    // Inside an object or array, the fault may be any value in it.
    let subject = if value.is_object() {
        format!("{field} or a value in it")
    } else {
        field.to_owned()
    };
    Error::invalid(
        field,
        format!(
            "{subject} must be {expected}; got {}",
            validate::shortened(&given)
        ),
    )
}

/// What JavaScript gets of an answer, from the value `JSON.parse` made of
/// it, or why that value is not the answer's shape.
type Shape = fn(&JsValue) -> Result<JsValue, DecodeError>;

/// The value itself, once its shape is checked against the answer type `A`.
fn checked<A: DeserializeOwned>(value: &JsValue) -> Result<JsValue, DecodeError> {
    HostJson::decode_answer::<A>(value).map(|_: A| value.clone())
}

/// The value as the answer type `A` serializes it, rather than as sent.
fn reshaped<A: DeserializeOwned + Serialize>(value: &JsValue) -> Result<JsValue, DecodeError> {
    to_plain_js(&HostJson::decode_answer::<A>(value)?).map_err(|error| DecodeError {
        path: String::new(),
        message: error.message(),
    })
}

/// The answer of the operation `spec` for JavaScript, made by `shape`;
/// `undefined` where the API sends nothing.
fn read_answer(
    spec: &'static Spec,
    status: u16,
    body: Body<'_>,
    shape: Shape,
) -> Result<JsValue, Error> {
    #[cfg(feature = "panic-probe")]
    probe::at("while-decoding", &String::from_utf8_lossy(body.bytes));
    let value = response::answer::<HostJson, _>(spec, status, body, shape)?;
    Ok(match spec.answer {
        AnswerAt::Nothing => JsValue::UNDEFINED,
        _ => value,
    })
}

fn to_plain_js<T: Serialize>(value: &T) -> Result<JsValue, Error> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|error| Error::Internal {
            message: format!("could not convert the answer for JavaScript: {error}"),
        })
}

/// JSON as the host has it: `JSON.parse` and `JSON.stringify`, with
/// serde-wasm-bindgen to check values against the derived types.
struct HostJson;

impl Json for HostJson {
    type Value = JsValue;

    fn parse(text: &str) -> Result<JsValue, String> {
        JSON::parse(text).map_err(|thrown| {
            js_error_message(&thrown).unwrap_or_else(|| "it is not JSON".to_owned())
        })
    }

    fn member(value: &JsValue, key: &str) -> Option<JsValue> {
        if !value.is_object() || is_array(value) {
            return None;
        }
        Object::has_own(value.unchecked_ref::<Object>(), &key.into())
            .then(|| Reflect::get(value, &key.into()).ok())
            .flatten()
    }

    fn null() -> JsValue {
        JsValue::NULL
    }

    fn is_array(value: &JsValue) -> bool {
        is_array(value)
    }

    /// Without the path to the fault: tracking it for the answer types too
    /// cost 2 KB more of gzip. Bodies, whose errors must name the argument at
    /// fault, are decoded field by field in [`body::decode`].
    fn decode<T: DeserializeOwned>(value: &JsValue) -> Result<T, DecodeError> {
        serde_wasm_bindgen::from_value(value.clone()).map_err(|error| DecodeError {
            path: String::new(),
            message: error.to_string(),
        })
    }

    fn stringify<T: Serialize>(value: &T) -> Result<String, String> {
        let plain = to_plain_js(value).map_err(|error| error.message())?;
        JSON::stringify(&plain)
            .ok()
            .and_then(|text| text.as_string())
            .ok_or_else(|| "JSON.stringify failed".to_owned())
    }
}

/// The account a call is for: `org` and `token` as given, `baseUrl` from `options`.
fn client_config(
    org: &JsValue,
    token: &JsValue,
    options: &OptionsObject,
) -> Result<ClientConfig, Error> {
    let base_url = options.optional("baseUrl", required_string)?;
    ClientConfig::with_url_parser(
        &required_string(org, "org")?,
        &required_string(token, "token")?,
        base_url.as_deref(),
        parse_url,
    )
}

/// One call's arguments: the positional ones by name, then the options
/// object, which holds the named ones and the call's limits.
struct Arguments {
    positional: Vec<(&'static str, JsValue)>,
    options: OptionsObject,
    /// A walk's own values for this page, from `client.js`.
    walk: JsValue,
}

impl Arguments {
    fn read(
        names: &'static [&'static str],
        args: &Array,
        walk: &JsValue,
    ) -> Result<Arguments, Error> {
        let mut positional = Vec::new();
        let mut next = 0;
        for name in names {
            let value = args.get(next);
            let name = match name.strip_suffix('?') {
                // Left out: the options object stands in its place.
                Some(_) if !value.is_string() => continue,
                Some(name) => name,
                None => name,
            };
            positional.push((name, value));
            next = next.saturating_add(1);
        }
        Ok(Arguments {
            positional,
            options: OptionsObject::new(args.get(next), "options")?,
            walk: walk.clone(),
        })
    }

    /// Refuses an option that the operation `spec` does not read: one it
    /// does not declare, or one given positionally already.
    fn refuse_unknown(&self, spec: &Spec, also: &[&'static str]) -> Result<(), Error> {
        let bytes = match &spec.body {
            BodyFields::Bytes(field) => Some(field),
            _ => None,
        };
        let declared = spec
            .body
            .fields()
            .iter()
            .chain(bytes)
            .chain(spec.params.iter().map(|param| &param.arg));
        let known: Vec<&str> = declared
            .filter(|name| !self.positional.iter().any(|(given, _)| given == *name))
            .chain(CALL_OPTIONS)
            .chain(also)
            .copied()
            .collect();
        self.options.refuse_unknown(&known)
    }

    /// The argument `name`: the walk's, else positional, else from the
    /// options object.
    fn get(&self, name: &'static str) -> Result<JsValue, Error> {
        // The walk is client.js's plain object: reading it cannot throw.
        if self.walk.is_object() {
            let walked = Reflect::get(&self.walk, &name.into()).unwrap_or(JsValue::UNDEFINED);
            if !walked.is_undefined() {
                return Ok(walked);
            }
        }
        match self.positional.iter().find(|(given, _)| *given == name) {
            Some((_, value)) => Ok(value.clone()),
            None => self.options.get(name),
        }
    }

    /// The argument `name` converted by `convert`, or `None` when absent.
    fn optional<T>(
        &self,
        name: &'static str,
        convert: impl FnOnce(&JsValue, &'static str) -> Result<T, Error>,
    ) -> Result<Option<T>, Error> {
        present(&self.get(name)?, name, convert)
    }
}

/// `value` converted by `convert`, or `None` when it is absent (`undefined`
/// or `null`).
fn present<T>(
    value: &JsValue,
    name: &'static str,
    convert: impl FnOnce(&JsValue, &'static str) -> Result<T, Error>,
) -> Result<Option<T>, Error> {
    if value.is_null_or_undefined() {
        return Ok(None);
    }
    convert(value, name).map(Some)
}

/// A JS options object, or none at all (`undefined` or `null`).
struct OptionsObject {
    object: Option<JsValue>,
    /// `options` or `config`.
    name: &'static str,
}

impl OptionsObject {
    fn new(value: JsValue, field: &'static str) -> Result<Self, Error> {
        if value.is_null_or_undefined() {
            return Ok(OptionsObject {
                object: None,
                name: field,
            });
        }
        if !value.is_object() || is_array(&value) {
            return Err(Error::invalid(
                field,
                format!("{field} must be an object; got {}", type_name(&value)),
            ));
        }
        Ok(OptionsObject {
            object: Some(value),
            name: field,
        })
    }

    /// Refuses a key that the call does not read, which would otherwise be
    /// dropped without a word: `known` are those it reads.
    fn refuse_unknown(&self, known: &[&str]) -> Result<(), Error> {
        let Some(object) = &self.object else {
            return Ok(());
        };
        let keys = try_keys(object)
            .map_err(|_| Error::invalid(self.name, format!("{} could not be read", self.name)))?;
        for key in keys.iter() {
            let Some(key) = key.dyn_ref::<JsString>() else {
                continue;
            };
            // Measured before it is copied: only its start is shown.
            let key = String::from(key.slice(0, MAX_KEY_SHOWN));
            if !known.contains(&key.as_str()) {
                return Err(validate::unknown_option(self.name, &key, known));
            }
        }
        Ok(())
    }

    /// A property, or `undefined`; a throwing getter is reported, not raised.
    /// Most calls pass no options, and then nothing crosses into JS.
    fn get(&self, key: &'static str) -> Result<JsValue, Error> {
        let Some(object) = &self.object else {
            return Ok(JsValue::UNDEFINED);
        };
        Reflect::get(object, &JsValue::from_str(key))
            .map_err(|_| Error::invalid(key, format!("{key} could not be read")))
    }

    /// A property converted by `convert`, or `None` when it is absent.
    fn optional<T>(
        &self,
        key: &'static str,
        convert: impl FnOnce(&JsValue, &'static str) -> Result<T, Error>,
    ) -> Result<Option<T>, Error> {
        present(&self.get(key)?, key, convert)
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
            let signal = value.clone().dyn_into::<AbortSignal>().map_err(|other| {
                Error::invalid(
                    key,
                    format!("{key} must be an AbortSignal; got {}", type_name(&other)),
                )
            })?;
            transport::is_aborted(&signal)
                .map_err(|_| Error::invalid(key, format!("{key}.aborted could not be read")))?;
            Ok(signal)
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
            format!("{field} must be a number; got {}", type_name(value)),
        )
    })
}

/// A string argument, measured before it is copied into wasm.
fn required_string(value: &JsValue, field: &'static str) -> Result<String, Error> {
    let text = value.dyn_ref::<JsString>().ok_or_else(|| {
        Error::invalid(
            field,
            format!("{field} must be a string; got {}", type_name(value)),
        )
    })?;
    if text.length() > MAX_STRING_ARGUMENT {
        return Err(longer_than_allowed(field));
    }
    if !is_well_formed(text) {
        return Err(Error::invalid(field, format!("{field} {NOT_UNICODE}")));
    }
    Ok(text.into())
}

/// Why a string with a lone surrogate is refused: it is not what would be sent.
const NOT_UNICODE: &str =
    "must be well-formed Unicode: it has a lone surrogate, which would be sent as U+FFFD";

fn longer_than_allowed(field: &'static str) -> Error {
    Error::invalid(
        field,
        format!("{field} is longer than {MAX_STRING_ARGUMENT} characters"),
    )
}

/// A whole number argument as decimal text.
fn integer_text(value: &JsValue, field: &'static str) -> Result<String, Error> {
    let number = number(value, field)?;
    if number.fract() != 0.0 || !(0.0..=f64::from(u32::MAX)).contains(&number) {
        return Err(Error::invalid(
            field,
            format!("{field} must be a whole number from 1 to {}", u32::MAX),
        ));
    }
    Ok(format!("{}", number as u32))
}

/// A time argument, a `Date` or text, as RFC 3339 text.
fn time_text(value: &JsValue, field: &'static str) -> Result<String, Error> {
    let text = date_text(value, MAX_STRING_ARGUMENT);
    if let Some(text) = text.as_string() {
        return Ok(text);
    }
    if text.is_undefined() {
        return required_string(value, field);
    }
    if text.is_instance_of::<TooLarge>() {
        return Err(longer_than_allowed(field));
    }
    let why = Reflect::get(&text, &"refused".into())
        .ok()
        .and_then(|why| why.as_string())
        .unwrap_or_default();
    Err(Error::invalid(field, format!("{field} {why}")))
}

/// `typeof`, but telling `null` and arrays apart from objects.
fn type_name(value: &JsValue) -> String {
    if value.is_null() {
        "null".to_owned()
    } else if is_array(value) {
        "an array".to_owned()
    } else {
        value
            .js_typeof()
            .as_string()
            .unwrap_or_else(|| "an unknown type".to_owned())
    }
}

/// Runs a call of `operation` to a promise that resolves to its value or
/// rejects with a `TursoClientError` that names the call.
fn settle(
    operation: &'static str,
    call: impl Future<Output = Result<JsValue, CallFailure>> + 'static,
) -> Promise {
    at_caller(&guard::settle(async move {
        call.await.map_err(|failure| {
            let request = failure.request.as_deref();
            to_js_error(&failure.error, failure.attempts, Some((operation, request)))
        })
    }))
}

/// The one place an [`Error`] becomes a JavaScript `TursoClientError`; in
/// `call`, the operation and the request it sent, which its message names.
fn to_js_error(error: &Error, attempts: u32, call: Option<(&str, Option<&str>)>) -> JsValue {
    let message = match call {
        Some((operation, request)) => error.message_in(operation, request),
        None => error.message(),
    };
    create_turso_client_error(
        &message,
        error.code(),
        error.status(),
        error.field(),
        error.body(),
        error.api_code(),
        attempts,
        call.map(|(operation, _)| operation),
    )
    .into()
}
