//! What happens if this crate ever panics despite everything.
//!
//! Library code may not use the constructs that panic (see `lib.rs`), and
//! property tests and a fuzzer look for the rest. If a panic happens anyway,
//! wasm would trap with a bare `unreachable` and leave the instance's memory
//! in an unknown state. Instead the hook below throws a `TursoClientError`
//! with code `internal`, rejects every call still in flight with it, and
//! marks the instance poisoned, so that every later call fails at once with
//! the same code rather than running on memory that can't be trusted.

use std::cell::{Cell, RefCell};
use std::future::Future;
use std::panic::PanicHookInfo;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Once;

use js_sys::{Function, Promise};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::spawn_local;

use super::to_js_error;
use crate::error::Error;

static POISONED: AtomicBool = AtomicBool::new(false);
static HOOK: Once = Once::new();

thread_local! {
    static NEXT_CALL: Cell<u64> = const { Cell::new(0) };
    /// The `reject` of every call in flight, so that a panic can settle them.
    static IN_FLIGHT: RefCell<Vec<(u64, Function)>> = const { RefCell::new(Vec::new()) };
}

/// Installs the panic hook on first use, and refuses to run on a poisoned instance.
pub fn ensure_usable() -> Result<(), Error> {
    // No other hook is chained: code outside this module can't install one
    // in this instance, and std's default writes to a stderr wasm lacks.
    HOOK.call_once(|| std::panic::set_hook(Box::new(|info| on_panic(&describe(info)))));
    if POISONED.load(Ordering::Relaxed) {
        return Err(Error::Internal {
            message: "an earlier call hit a bug in turso-platform-wasm, and this instance of the module can no longer be used; load the module again".to_owned(),
        });
    }
    Ok(())
}

/// "a deliberate bug, at src/x.rs:12".
fn describe(info: &PanicHookInfo) -> String {
    let payload = info.payload();
    let message = payload
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("a panic with no message");
    match info.location() {
        Some(location) => format!("{message}, at {}:{}", location.file(), location.line()),
        None => message.to_owned(),
    }
}

fn on_panic(report: &str) {
    POISONED.store(true, Ordering::Relaxed);
    let error = Error::Internal {
        message: format!("turso-platform-wasm hit a bug, and this instance of the module can no longer be used; load the module again and please report it: {report}"),
    };
    let thrown = to_js_error(&error, 0);
    let in_flight = IN_FLIGHT
        .try_with(|calls| {
            calls
                .try_borrow_mut()
                .map(|mut calls| std::mem::take(&mut *calls))
        })
        .ok()
        .and_then(Result::ok)
        .unwrap_or_default();
    for (_, reject) in in_flight {
        let _ = reject.call1(&JsValue::NULL, &thrown);
    }
    wasm_bindgen::throw_val(thrown);
}

/// Runs `call` to a promise, like `future_to_promise`, but one that a panic
/// can still reject.
pub fn settle(call: impl Future<Output = Result<JsValue, JsValue>> + 'static) -> Promise {
    let id = NEXT_CALL.with(|next| {
        let id = next.get();
        next.set(id.wrapping_add(1));
        id
    });
    let mut settlers = None;
    let promise = Promise::new(&mut |resolve, reject| {
        IN_FLIGHT.with(|calls| calls.borrow_mut().push((id, reject.clone())));
        settlers = Some((resolve, reject));
    });
    spawn_local(async move {
        let outcome = call.await;
        IN_FLIGHT.with(|calls| calls.borrow_mut().retain(|(call, _)| *call != id));
        if let Some((resolve, reject)) = settlers {
            let _ = match outcome {
                Ok(value) => resolve.call1(&JsValue::NULL, &value),
                Err(error) => reject.call1(&JsValue::NULL, &error),
            };
        }
    });
    promise
}
