//! Sends an [`ApiRequest`] through the host's global `fetch`, retrying only
//! as [`crate::retry`] allows for its method, within one deadline for the
//! whole call.
//!
//! Only gloo-net's lower-level `Headers` is used. Its request API always
//! hands `fetch` a `Request` object, built twice with a `URL` parsed on the
//! way, and the benchmark showed that in Node `fetch(request)` alone costs
//! about 180 µs a call more than `fetch(url, init)`; so `fetch` is called
//! here with the URL and a `RequestInit`. The call to `fetch` and the body
//! read are our own bindings for a second reason: gloo-net panics when a
//! promise rejects with a value that is not an `Error` (a replaced `fetch`,
//! an odd polyfill), and a panic would take the whole module down. No more
//! than [`response::body_limit`] bytes of a body are ever held. No
//! `credentials` or `mode` is set: Cloudflare Workers reject both.

use std::future::Future;

use gloo_net::http::Headers;
use js_sys::{Array, ArrayBuffer, Function, Promise, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, AbortSignal, RequestInit, RequestRedirect};

use crate::error::Error;
use crate::operation::{AnswerAt, Method, Spec};
use crate::request::ApiRequest;
use crate::response::{self, Body};
use crate::retry::{self, AttemptFailure};

#[wasm_bindgen(module = "/src/bindings/calls.js")]
extern "C" {
    #[wasm_bindgen(js_name = armCutoff, catch)]
    fn arm_cutoff(
        controller: &AbortController,
        timeout_ms: u32,
        signal: Option<&AbortSignal>,
    ) -> Result<Array, JsValue>;
    fn pause(ms: u32, cut: &Promise) -> Promise;
    #[wasm_bindgen(js_name = untilCut, catch)]
    fn until_cut(value: &JsValue, cut: &Promise) -> Result<Promise, JsValue>;
    fn observe(value: &JsValue);
    #[wasm_bindgen(js_name = readCapped)]
    fn read_capped_js(body: &JsValue, limit: u32, cut: &Promise) -> Promise;
}

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = fetch, catch)]
    fn global_fetch(url: &str, init: &RequestInit) -> Result<Promise, JsValue>;

    /// A `Response` as a host's `fetch` gave it, read only through getters
    /// that catch: a subclass or a polyfill may make any of them throw.
    type HostResponse;
    #[wasm_bindgen(method, getter, catch)]
    fn status(this: &HostResponse) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, getter, catch)]
    fn headers(this: &HostResponse) -> Result<web_sys::Headers, JsValue>;
    #[wasm_bindgen(method, getter = type, catch)]
    fn kind(this: &HostResponse) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, getter, catch)]
    fn body(this: &HostResponse) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, js_name = arrayBuffer, catch)]
    fn array_buffer(this: &HostResponse) -> Result<JsValue, JsValue>;

    /// The caller's `AbortSignal`, whose `aborted` may be a throwing getter.
    type HostSignal;
    #[wasm_bindgen(method, getter, catch)]
    fn aborted(this: &HostSignal) -> Result<bool, JsValue>;
}

/// Whether the caller's `signal` has fired, or what reading it threw: its
/// `aborted` can be a caller's own getter.
pub fn is_aborted(signal: &AbortSignal) -> Result<bool, JsValue> {
    signal.unchecked_ref::<HostSignal>().aborted()
}

/// Whether `signal` has fired; one whose getter throws has not.
fn fired(signal: Option<&AbortSignal>) -> bool {
    signal.is_some_and(|signal| is_aborted(signal).unwrap_or(false))
}

/// How one call may be cut short or repeated.
pub struct CallLimits {
    pub timeout_ms: u32,
    pub max_retries: u32,
    pub signal: Option<AbortSignal>,
}

/// A failed call, and how many requests it sent (0 when none).
pub struct CallFailure {
    pub error: Error,
    pub attempts: u32,
    /// The request as the error names it (`POST /v1/…`), once one was sent.
    pub request: Option<String>,
}

impl CallFailure {
    pub fn before_sending(error: Error) -> CallFailure {
        CallFailure {
            error,
            attempts: 0,
            request: None,
        }
    }

    /// A failure of `request` after `attempts` attempts. Its line is made
    /// only here, so a call that succeeds never makes it.
    fn of(request: &Outgoing, error: Error, attempts: u32) -> CallFailure {
        CallFailure {
            error,
            attempts,
            request: Some(request.request.line()),
        }
    }
}

/// Sends `request` until an answer to the operation `spec` is accepted,
/// retries run out, or the call is cut short; the future gives what `shape`
/// made of the last answer. `shape` is a plain function, so every operation
/// shares this one state machine in the `.wasm`.
///
/// The first request leaves before this returns, not at the future's first
/// poll: that poll waits behind every microtask already queued (such as the
/// previous response's clean-up), which would delay the request by their
/// run time instead of letting them run while it is on the wire.
pub fn send(
    request: ApiRequest,
    bytes: Option<JsValue>,
    limits: CallLimits,
    spec: &'static Spec,
    shape: super::Shape,
) -> impl Future<Output = Result<JsValue, CallFailure>> {
    let request = Outgoing { request, bytes };
    let started = start(&request, &limits);
    let stream = spec.answer == AnswerAt::Stream;
    async move {
        let (cutoff, mut response) = started?;
        let failed = |error, attempts| CallFailure::of(&request, error, attempts);
        let mut attempts: u32 = 1;
        loop {
            let received = receive(&cutoff, response, request.request.method, stream).await;
            let (error, delay) = match received {
                Ok(Received::Stream(body)) => return Ok(body),
                Ok(Received::Whole(answer)) => {
                    #[cfg(feature = "panic-probe")]
                    super::probe::at("inside-await", &request.request.url);
                    let body = Body {
                        bytes: &answer.body,
                        truncated: answer.truncated,
                    };
                    let error = match super::read_answer(spec, answer.status, body, shape) {
                        Ok(value) => return Ok(value),
                        Err(error) => error,
                    };
                    let failure =
                        AttemptFailure::Status(answer.status, answer.retry_after.as_deref());
                    (error, retry_delay(&request, failure, attempts, &limits))
                }
                Err(thrown) => {
                    // Also where the call goes on after its timer or its
                    // signal cut it short.
                    #[cfg(feature = "panic-probe")]
                    super::probe::at("after-cutoff", &request.request.url);
                    let error = cutoff.explain(&thrown);
                    let delay = match error {
                        Error::Network { .. } => {
                            retry_delay(&request, AttemptFailure::Network, attempts, &limits)
                        }
                        _ => None,
                    };
                    (error, delay)
                }
            };
            match delay {
                Some(ms) if cutoff.leaves_time_for(ms) => cutoff
                    .sleep(ms)
                    .await
                    .map_err(|thrown| failed(cutoff.explain(&thrown), attempts))?,
                _ => return Err(failed(error, attempts)),
            }
            attempts = attempts.saturating_add(1);
            response = fetch(&request, &cutoff.controller.signal())
                .map_err(|thrown| failed(cutoff.explain(&thrown), attempts))?;
        }
    }
}

/// A request as it goes out: the request, and the bytes of a step that
/// sends a file's, which never pass through wasm memory.
struct Outgoing {
    request: ApiRequest,
    bytes: Option<JsValue>,
}

/// How long to wait before attempt `attempts + 1`, if it may be made.
fn retry_delay(
    request: &Outgoing,
    failed: AttemptFailure<'_>,
    attempts: u32,
    limits: &CallLimits,
) -> Option<u32> {
    retry::delay_before_retry(
        request.request.method,
        failed,
        attempts.saturating_sub(1),
        limits.max_retries,
        js_sys::Date::now(),
        js_sys::Math::random(),
    )
}

/// Arms the call's cut-off and sends the first request.
fn start(request: &Outgoing, limits: &CallLimits) -> Result<(Cutoff, Promise), CallFailure> {
    if fired(limits.signal.as_ref()) {
        return Err(CallFailure::before_sending(Error::Aborted));
    }
    let cutoff = Cutoff::arm(limits).map_err(CallFailure::before_sending)?;
    let response = fetch(request, &cutoff.controller.signal())
        .map_err(|thrown| CallFailure::of(request, cutoff.explain(&thrown), 1))?;
    // It is awaited from the call's first poll, which a failure of the
    // module may prevent.
    observe(&response);
    Ok((cutoff, response))
}

/// A response as received: a successful answer that is a stream, handed on
/// unread, or any other, read.
enum Received {
    Stream(JsValue),
    Whole(Answer),
}

/// One HTTP response as received: status, `Retry-After`, and the body up
/// to its limit.
struct Answer {
    status: u16,
    retry_after: Option<String>,
    body: Vec<u8>,
    truncated: bool,
}

/// Calls `fetch`; the promise settles with the response's head.
fn fetch(outgoing: &Outgoing, signal: &AbortSignal) -> Result<Promise, JsValue> {
    let request = &outgoing.request;
    let request_headers = Headers::new();
    for (name, value) in &request.headers {
        request_headers.append(name, value);
    }
    let init = RequestInit::new();
    init.set_method(request.method.as_str());
    init.set_headers(&request_headers.into_raw());
    init.set_signal(Some(signal));
    // The API never redirects; following one could send a change again, or
    // take another origin's answer for the API's.
    init.set_redirect(RequestRedirect::Manual);
    if let Some(body) = &request.body {
        init.set_body(&JsValue::from_str(body));
    }
    if let Some(bytes) = &outgoing.bytes {
        init.set_body(bytes);
    }
    global_fetch(&request.url, &init)
}

/// Waits for the response, then reads its body. A host's `fetch` may be a
/// wrapper or a polyfill: what it gives is awaited through [`Cutoff::wait`],
/// and the response is read only through getters that catch.
async fn receive(
    cutoff: &Cutoff,
    response: Promise,
    method: Method,
    stream: bool,
) -> Result<Received, JsValue> {
    let response: web_sys::Response = cutoff.wait(&response).await?.dyn_into()?;
    let response: &HostResponse = response.unchecked_ref();
    // A browser hides a redirect it did not follow behind status 0.
    let status = response
        .status()?
        .as_f64()
        .filter(|status| (0.0..1000.0).contains(status))
        .ok_or_else(|| JsValue::from_str("the response's status is not a number"))?
        as u16;
    if stream && (200..300).contains(&status) {
        return Ok(Received::Stream(response.body()?));
    }
    let headers = response.headers()?;
    // A success needs no `Retry-After`, and reading it costs a crossing.
    let retry_after = if retry::may_retry(method, status) {
        headers.get("retry-after")?
    } else {
        None
    };
    let limit = response::body_limit(status);
    let cross_origin = response.kind()?.as_string().as_deref() == Some("cors");
    let (body, truncated) = if !cross_origin && declared_within(&headers, limit)? {
        (read_whole(cutoff, response).await?, false)
    } else {
        read_capped(cutoff, response.body()?, limit).await?
    };
    Ok(Received::Whole(Answer {
        status,
        retry_after,
        body,
        truncated,
    }))
}

/// Whether the body is known to be at most `limit` bytes: a `Content-Length`
/// within it, with no `Content-Encoding` (fetch would decompress it to any
/// size). A cross-origin response may hide `Content-Encoding`, so it is never
/// trusted this way and is read through the capped stream instead.
fn declared_within(headers: &web_sys::Headers, limit: usize) -> Result<bool, JsValue> {
    if headers.get("content-encoding")?.is_some() {
        return Ok(false);
    }
    let length = headers.get("content-length")?;
    Ok(length
        .and_then(|length| length.parse::<usize>().ok())
        .is_some_and(|length| length <= limit))
}

async fn read_whole(cutoff: &Cutoff, response: &HostResponse) -> Result<Vec<u8>, JsValue> {
    let buffer: ArrayBuffer = cutoff.wait(&response.array_buffer()?).await?.dyn_into()?;
    Ok(Uint8Array::new(&buffer).to_vec())
}

/// Reads at most `limit` bytes of the body stream, then cancels the rest.
async fn read_capped(
    cutoff: &Cutoff,
    body: JsValue,
    limit: usize,
) -> Result<(Vec<u8>, bool), JsValue> {
    let limit = u32::try_from(limit).unwrap_or(u32::MAX);
    let read: Array = cutoff
        .wait(&read_capped_js(&body, limit, &cutoff.cut))
        .await?
        .dyn_into()?;
    let bytes: Uint8Array = read.get(0).dyn_into()?;
    Ok((bytes.to_vec(), read.get(1).is_truthy()))
}

/// The call's deadline and the caller's signal, wired to one AbortController
/// that every request and retry wait of the call listens to. On drop it
/// clears the timer and the listener, so a finished call keeps no process or
/// Worker alive.
struct Cutoff {
    controller: AbortController,
    /// Clears the timer and the listener: plain JS functions, so arming a
    /// call creates no Rust closure.
    disarm: Function,
    /// Resolves when the call is cut short, whether or not the host's
    /// `fetch` honours the controller's signal.
    cut: Promise,
    deadline_ms: f64,
    timeout_ms: u32,
    signal: Option<AbortSignal>,
}

impl Cutoff {
    fn arm(limits: &CallLimits) -> Result<Cutoff, Error> {
        let controller = AbortController::new().map_err(|thrown| Error::Internal {
            message: format!(
                "could not create an AbortController: {}",
                describe_js_error(&thrown)
            ),
        })?;
        // Only the caller's signal can make arming throw.
        let armed =
            arm_cutoff(&controller, limits.timeout_ms, limits.signal.as_ref()).map_err(|_| {
                Error::invalid(
                    "signal",
                    "signal could not be listened to: its addEventListener threw",
                )
            })?;
        Ok(Cutoff {
            controller,
            cut: armed.get(0).unchecked_into(),
            disarm: armed.get(1).unchecked_into(),
            deadline_ms: js_sys::Date::now() + f64::from(limits.timeout_ms),
            timeout_ms: limits.timeout_ms,
            signal: limits.signal.clone(),
        })
    }

    fn leaves_time_for(&self, delay_ms: u32) -> bool {
        js_sys::Date::now() + f64::from(delay_ms) < self.deadline_ms
    }

    /// Waits for `value`, or until the call is cut short, whichever comes
    /// first.
    async fn wait(&self, value: &JsValue) -> Result<JsValue, JsValue> {
        let settled = JsFuture::from(until_cut(value, &self.cut)?).await?;
        let signal = self.controller.signal();
        if signal.aborted() {
            return Err(signal.reason());
        }
        Ok(settled)
    }

    /// Waits `ms`, or less if the call is cut short meanwhile.
    async fn sleep(&self, ms: u32) -> Result<(), JsValue> {
        self.wait(&pause(ms, &self.cut)).await.map(drop)
    }

    /// What a rejection means: the caller aborted, the deadline passed, or
    /// the network failed.
    fn explain(&self, thrown: &JsValue) -> Error {
        if fired(self.signal.as_ref()) {
            Error::Aborted
        } else if self.controller.signal().aborted() {
            Error::Timeout {
                timeout_ms: self.timeout_ms,
            }
        } else {
            Error::Network {
                message: describe_js_error(thrown),
            }
        }
    }
}

impl Drop for Cutoff {
    fn drop(&mut self) {
        // Clearing a timer and removing a listener that was added cannot fail.
        let _ = self.disarm.call0(&JsValue::NULL);
    }
}

/// A readable line for whatever a failed fetch rejected with. A browser's
/// page is told no more of a request that the server's CORS answer refused
/// than of a dropped connection ("Failed to fetch"), so there it says so.
fn describe_js_error(value: &JsValue) -> String {
    let text = super::js_error_message(value)
        .unwrap_or_else(|| "fetch failed with a value that is not an Error".to_owned());
    let in_page = js_sys::Reflect::has(&js_sys::global(), &"document".into()).unwrap_or(false);
    if in_page {
        format!("{text} (in a browser, a cross-origin request that the server does not allow fails this way too: see the README on CORS)")
    } else {
        text
    }
}
