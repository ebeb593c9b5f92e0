//! What happens if this crate ever fails despite everything, and the
//! executor that keeps such a failure inside the calls' promises.
//!
//! Library code may not use the constructs that panic (see `lib.rs`), and
//! property tests and a fuzzer look for the rest. A panic, an out-of-memory
//! abort or an `unreachable` trap would still end in wasm throwing out of
//! whatever JavaScript called into it, and leave the instance's memory in an
//! unknown state. `calls.js` catches that throw at every way into wasm: the
//! exports enter through it, and the calls' futures are polled only from
//! its microtask, not from wasm-bindgen-futures' queue, whose throw would
//! reach the host as an uncaught exception. It then rejects every call in
//! flight with one `TursoClientError` of code `internal` (a panic's hook
//! names the bug in it), and schedules a fresh instance of the module with
//! wasm-bindgen's `schedule_reinit`: the glue makes it on the way into its
//! next export, which every call is, and the call runs there. Each instance
//! tells `calls.js` that it started on its first way in, and until one has,
//! no call enters wasm.
//!
//! The executor is a `FuturesUnordered` of every call, polled until it
//! stalls each time one of them is woken.

use std::cell::{Cell, RefCell};
use std::future::Future;
use std::panic::PanicHookInfo;
use std::pin::Pin;
use std::sync::{Arc, Once};
use std::task::{Context, Poll, Wake, Waker};

use futures_util::stream::{FuturesUnordered, StreamExt};
use js_sys::{Array, Function, Promise};
use wasm_bindgen::prelude::*;

use super::to_js_error;
use crate::error::Error;

#[wasm_bindgen(module = "/src/bindings/calls.js")]
extern "C" {
    fn fail(thrown: &JsValue, scheduled: bool) -> JsValue;
    fn started(schedule_fresh: &Function);
    fn enter(run: &mut dyn FnMut() -> Promise) -> Promise;
    #[wasm_bindgen(js_name = enterSync, catch)]
    fn enter_sync(run: &mut dyn FnMut() -> JsValue) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = startCall)]
    fn start_call() -> Array;
    fn schedule(poll: &Function);
}

static HOOK: Once = Once::new();

type Task = Pin<Box<dyn Future<Output = ()>>>;

thread_local! {
    /// Every call in flight.
    static TASKS: RefCell<FuturesUnordered<Task>> = RefCell::new(FuturesUnordered::new());
    /// Calls started since the last poll: a call may start while `TASKS` is
    /// being polled, when the host's `fetch` calls back into a client.
    static STARTED: RefCell<Vec<Task>> = const { RefCell::new(Vec::new()) };
    static POLL: Closure<dyn FnMut()> = Closure::new(poll);
    /// Schedules a fresh instance of the module, for `calls.js` to call
    /// after a failure that no Rust code saw, such as a trap.
    static SCHEDULE_FRESH: Closure<dyn Fn()> = Closure::new(wasm_bindgen::handler::schedule_reinit);
    /// How many of the package's calls into wasm are running: a panic
    /// outside them is not the package's (a test harness shares the
    /// instance), and goes to the hook that was there before.
    static RUNNING: Cell<u32> = const { Cell::new(0) };
}

/// Runs `work` as the package's own, for the panic hook.
fn ours<T>(work: impl FnOnce() -> T) -> T {
    RUNNING.with(|running| running.set(running.get().saturating_add(1)));
    let value = work();
    RUNNING.with(|running| running.set(running.get().saturating_sub(1)));
    value
}

/// Installs the panic hook and tells `calls.js` that this instance started,
/// once: every export calls it on the way in, so a fresh instance does on
/// its first. A failed instance is not entered again: `calls.js` refuses
/// until a fresh one has started.
fn install_hook() {
    HOOK.call_once(|| {
        let before = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if RUNNING.with(Cell::get) > 0 {
                on_panic(&describe(info));
            } else {
                before(info);
            }
        }));
        SCHEDULE_FRESH.with(|schedule| started(schedule.as_ref().unchecked_ref()));
    });
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
    wasm_bindgen::handler::schedule_reinit();
    let error = Error::Internal {
        message: format!("turso-platform-wasm hit a bug: {report}; the calls in flight were rejected, and the next call starts a fresh instance of the module. Please report it"),
    };
    // Marked failed here too, in case the panic was not entered through
    // `calls.js`; then thrown, which ends the panic without a trap.
    wasm_bindgen::throw_val(fail(&to_js_error(&error, 0, None), true));
}

/// Runs an export's work, which returns a call's promise, inside `calls.js`.
pub fn entered(mut run: impl FnMut() -> Promise) -> Promise {
    install_hook();
    ours(|| enter(&mut run))
}

/// Runs an export's work that returns a value or an error to throw, inside
/// `calls.js`.
pub fn entered_sync(mut run: impl FnMut() -> Result<JsValue, JsValue>) -> Result<JsValue, JsValue> {
    install_hook();
    let mut thrown = None;
    let value = ours(|| {
        enter_sync(&mut || {
            run().unwrap_or_else(|error| {
                thrown = Some(error);
                JsValue::UNDEFINED
            })
        })
    })?;
    match thrown {
        Some(error) => Err(error),
        None => Ok(value),
    }
}

/// Runs `call` to a promise that a failure of the module still rejects.
pub fn settle(call: impl Future<Output = Result<JsValue, JsValue>> + 'static) -> Promise {
    let settlers = start_call();
    let (resolve, reject): (Function, Function) = (
        settlers.get(1).unchecked_into(),
        settlers.get(2).unchecked_into(),
    );
    STARTED.with(|started| {
        started.borrow_mut().push(Box::pin(async move {
            let _ = match call.await {
                Ok(value) => resolve.call1(&JsValue::NULL, &value),
                Err(error) => reject.call1(&JsValue::NULL, &error),
            };
        }));
    });
    schedule_poll();
    settlers.get(0).unchecked_into()
}

/// Wakes the executor: any call's waker asks `calls.js` for a poll.
struct Executor;

impl Wake for Executor {
    fn wake(self: Arc<Self>) {
        schedule_poll();
    }
}

fn schedule_poll() {
    POLL.with(|poll| schedule(poll.as_ref().unchecked_ref()));
}

/// Polls every call that can go on, until none can; run by `calls.js`.
fn poll() {
    ours(poll_tasks);
}

fn poll_tasks() {
    let started = STARTED.with(|started| std::mem::take(&mut *started.borrow_mut()));
    TASKS.with(|tasks| {
        let mut tasks = tasks.borrow_mut();
        tasks.extend(started);
        let waker = Waker::from(Arc::new(Executor));
        let mut context = Context::from_waker(&waker);
        while let Poll::Ready(Some(())) = tasks.poll_next_unpin(&mut context) {}
    });
}
