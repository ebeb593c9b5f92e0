//! Sends an [`ApiRequest`] through the host's global `fetch`.
//!
//! gloo-net builds the `Request`; the call to `fetch` and the body read are
//! our own bindings because gloo-net panics when a promise rejects with a
//! value that is not an `Error` (a replaced `fetch`, an odd polyfill), and a
//! panic would take the whole module down. No `credentials` or `mode` is set:
//! Cloudflare Workers reject both.

use gloo_net::http::{Method as FetchMethod, RequestBuilder};
use js_sys::{Function, Promise};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, AbortSignal};

use crate::error::Error;
use crate::request::{ApiRequest, Method};

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = fetch, catch)]
    fn global_fetch(request: &web_sys::Request) -> Result<Promise, JsValue>;

    #[wasm_bindgen(js_name = setTimeout)]
    fn set_timeout(handler: &Function, ms: u32) -> JsValue;

    #[wasm_bindgen(js_name = clearTimeout)]
    fn clear_timeout(handle: &JsValue);
}

/// How one call may be cut short.
pub struct CallLimits {
    pub timeout_ms: u32,
    pub signal: Option<AbortSignal>,
}

/// A status and the whole body text.
pub struct RawResponse {
    pub status: u16,
    pub body: String,
}

/// Sends `request` and reads the whole answer, within `limits`.
pub async fn send(request: &ApiRequest, limits: &CallLimits) -> Result<RawResponse, Error> {
    if limits.signal.as_ref().is_some_and(AbortSignal::aborted) {
        return Err(Error::Aborted);
    }
    let cutoff = Cutoff::arm(limits)?;
    let outcome = fetch_text(request, cutoff.controller.signal()).await;
    outcome.map_err(|failure| {
        if limits.signal.as_ref().is_some_and(AbortSignal::aborted) {
            Error::Aborted
        } else if cutoff.controller.signal().aborted() {
            Error::Timeout {
                timeout_ms: limits.timeout_ms,
            }
        } else {
            Error::Network {
                message: describe_js_error(&failure),
            }
        }
    })
}

async fn fetch_text(request: &ApiRequest, signal: AbortSignal) -> Result<RawResponse, JsValue> {
    let method = match request.method {
        Method::Get => FetchMethod::GET,
        Method::Post => FetchMethod::POST,
    };
    let mut builder = RequestBuilder::new(&request.url)
        .method(method)
        .abort_signal(Some(&signal));
    for (name, value) in &request.headers {
        builder = builder.header(name, value);
    }
    let built = match &request.body {
        Some(body) => builder.body(body.as_str()),
        None => builder.build(),
    };
    let fetch_request: web_sys::Request = built
        .map_err(|error| JsValue::from(js_sys::Error::new(&error.to_string())))?
        .into();
    let response: web_sys::Response = JsFuture::from(global_fetch(&fetch_request)?)
        .await?
        .dyn_into()?;
    let body = JsFuture::from(response.text()?).await?;
    Ok(RawResponse {
        status: response.status(),
        body: body.as_string().unwrap_or_default(),
    })
}

/// Aborts the fetch when the timeout passes or the caller's signal fires,
/// and on drop clears the timer and listener so that a finished call keeps
/// no process or Worker alive.
struct Cutoff {
    controller: AbortController,
    abort: Closure<dyn FnMut()>,
    timer: JsValue,
    signal: Option<AbortSignal>,
}

impl Cutoff {
    fn arm(limits: &CallLimits) -> Result<Cutoff, Error> {
        let controller = AbortController::new().map_err(|failure| Error::Internal {
            message: format!(
                "could not create an AbortController: {}",
                describe_js_error(&failure)
            ),
        })?;
        let target = controller.clone();
        let abort = Closure::<dyn FnMut()>::new(move || target.abort());
        let handler: &Function = abort.as_ref().unchecked_ref();
        let timer = set_timeout(handler, limits.timeout_ms);
        let mut cutoff = Cutoff {
            controller,
            abort,
            timer,
            signal: None,
        };
        if let Some(signal) = &limits.signal {
            signal
                .add_event_listener_with_callback("abort", cutoff.abort.as_ref().unchecked_ref())
                .map_err(|failure| Error::Internal {
                    message: format!(
                        "could not listen to the AbortSignal: {}",
                        describe_js_error(&failure)
                    ),
                })?;
            cutoff.signal = Some(signal.clone());
        }
        Ok(cutoff)
    }
}

impl Drop for Cutoff {
    fn drop(&mut self) {
        clear_timeout(&self.timer);
        if let Some(signal) = &self.signal {
            // Removing a listener that was added cannot fail.
            let _ = signal
                .remove_event_listener_with_callback("abort", self.abort.as_ref().unchecked_ref());
        }
    }
}

/// A readable line for whatever a failed fetch rejected with, including the
/// `cause` Node attaches (such as `connect ECONNREFUSED 127.0.0.1:9`).
fn describe_js_error(value: &JsValue) -> String {
    let Some(error) = value.dyn_ref::<js_sys::Error>() else {
        return value
            .as_string()
            .unwrap_or_else(|| "fetch failed with a non-Error value".to_owned());
    };
    let message = String::from(error.message());
    match error.cause().dyn_ref::<js_sys::Error>() {
        Some(cause) => format!("{message}: {}", String::from(cause.message())),
        None => message,
    }
}
