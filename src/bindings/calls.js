// The calls in flight, kept here rather than in wasm memory, which a
// failure may have left unusable: the guard that settles them all if the
// module fails, and each call's cut-off and timers.
//
// A failure inside the wasm module (a panic, an out-of-memory abort, an
// `unreachable` trap) throws out of whatever JavaScript called into wasm.
// So every call into wasm goes through `enter` or `enterSync`, and the
// calls' futures are polled only from `schedule`, where a throw is caught.
// Every call in flight then rejects with one `TursoClientError` of code
// `internal`, and its request and timers are cut short. A fresh instance of
// the module is scheduled (wasm-bindgen's `schedule_reinit`), which the
// glue makes on the way into its next export: until one has started, no
// call enters wasm. Clients call wasm through an export for that reason
// (`enterExport`), never through a closure of an instance that may be gone.
//
// The cut-off is raced in JavaScript so that waiting for it costs no Rust
// closure. A host's fetch that ignores its signal can't make a call hang,
// and Promise.race also takes a non-promise or a thenable that calls back
// at once, which a replaced fetch may give.
import { createTursoClientError } from "./turso_client_error.js";

/** The error of the failure, until a fresh instance of the module starts. */
let broken;
/** Whether a fresh instance was scheduled after the failure. */
let renewable = false;
/** Schedules a fresh instance; set by the instance that runs now. */
let scheduleFresh;
/** Counts the instances started, so that a poll queued by one that failed is dropped. */
let generation = 0;
const inFlight = new Set();
let pollQueued = false;

/** A new instance of the module has started, which `reinit` replaces should it fail. */
export function started(reinit) {
  scheduleFresh = reinit;
  broken = undefined;
  renewable = false;
  pollQueued = false;
  generation += 1;
}

/**
 * Marks the module failed by `thrown`, rejects every call in flight, and
 * schedules a fresh instance; `scheduled` when a panic's hook has already.
 */
export function fail(thrown, scheduled = false) {
  if (!broken) {
    renewable = scheduled || attempt(() => (scheduleFresh(), true)) === true;
    // A panic's hook passes the error it made.
    broken = scheduled
      ? thrown
      : createTursoClientError(
          renewable
            ? `turso-platform-wasm failed (${errorText(thrown) ?? "with a value that is not an Error"}); the calls in flight were rejected, and the next call starts a fresh instance of the module. Please report it`
            : `turso-platform-wasm failed (${errorText(thrown) ?? "with a value that is not an Error"}), and this instance of the module can no longer be used; load the module again and please report it`,
          "internal",
          undefined,
          undefined,
          undefined,
          undefined,
          0,
        );
  }
  for (const reject of inFlight) reject(broken);
  inFlight.clear();
  // Their requests and timers end too: nothing of theirs keeps running.
  cutAll();
  return broken;
}

/**
 * The message of a thrown `Error`, with its cause's (such as Node's "connect
 * ECONNREFUSED 127.0.0.1:9"), cut at 1,000 characters; undefined for any
 * other value. Each read may throw or give anything: a host's or a
 * caller's value, a Proxy, a getter.
 */
export function errorText(value) {
  const messageOf = (error) => {
    const message = error instanceof Error ? error.message : undefined;
    return typeof message === "string" ? message : undefined;
  };
  const message = attempt(() => messageOf(value));
  if (message === undefined) return undefined;
  const cause = attempt(() => messageOf(value.cause));
  return (cause === undefined ? message : `${message}: ${cause}`).slice(0, 1000);
}

/** What `read()` gives, or undefined if it throws. */
function attempt(read) {
  try {
    return read();
  } catch {
    return undefined;
  }
}

/** Calls `run()`, which returns a call's promise; a throw becomes a rejection. */
export function enter(run) {
  return broken ? Promise.reject(broken) : called(run);
}

/**
 * `enter` for a call into one of the module's exports, on whose way in the
 * glue starts the fresh instance that a failure scheduled.
 */
export function enterExport(run) {
  return broken && !renewable ? Promise.reject(broken) : called(run);
}

/** What `run()` returns, or the rejection of the failure it threw. */
function called(run) {
  try {
    return run();
  } catch (thrown) {
    return Promise.reject(fail(thrown));
  }
}

/** Calls `run()` for a value; a throw marks the module failed and throws its error. */
export function enterSync(run) {
  if (broken) throw broken;
  try {
    return run();
  } catch (thrown) {
    throw fail(thrown);
  }
}

/** `[promise, resolve, reject]` of a new call, kept in flight until it settles. */
export function startCall() {
  if (broken) return [Promise.reject(broken), () => {}, () => {}];
  let settlers;
  const promise = new Promise((resolve, reject) => (settlers = { resolve, reject }));
  inFlight.add(settlers.reject);
  return [
    promise,
    (value) => {
      inFlight.delete(settlers.reject);
      settlers.resolve(value);
    },
    (error) => {
      inFlight.delete(settlers.reject);
      settlers.reject(error);
    },
  ];
}

/** Runs `poll` in a microtask, once however often it is asked before then. */
export function schedule(poll) {
  if (pollQueued || broken) return;
  pollQueued = true;
  const queuedBy = generation;
  queueMicrotask(() => {
    if (queuedBy !== generation) return;
    pollQueued = false;
    if (broken) return;
    try {
      poll();
    } catch (thrown) {
      fail(thrown);
    }
  });
}

/** The `stop` of every call in flight, armed and not yet disarmed. */
const armed = new Set();

/**
 * `[cut, disarm]` for one call: `cut` resolves, and `controller` is
 * aborted, when the caller's `signal` fires or the call's timer does after
 * `timeoutMs`. `disarm()`, once the call ends, clears both, so a finished
 * call keeps no process or Worker alive.
 */
export function armCutoff(controller, timeoutMs, signal) {
  let fire;
  const cut = new Promise((resolve) => {
    fire = () => {
      controller.abort();
      resolve();
    };
  });
  signal?.addEventListener("abort", fire);
  const timer = setTimeout(fire, timeoutMs);
  const disarm = () => {
    clearTimeout(timer);
    armed.delete(stop);
    // The caller's own signal, whose method may throw.
    attempt(() => signal?.removeEventListener("abort", fire));
  };
  const stop = () => {
    disarm();
    fire();
  };
  armed.add(stop);
  return [cut, disarm];
}

/** Cuts short every call in flight: the module failed, and their promises are rejected. */
export function cutAll() {
  for (const stop of armed) stop();
}

/** Resolves after `ms`, or once `cut` does; its timer is cleared either way. */
export function pause(ms, cut) {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    cut.then(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/**
 * Reads at most `limit` bytes of a response body stream: `[bytes, truncated]`,
 * with the rest cancelled. However the body is chunked, the read holds about
 * `limit` bytes and a constant: the bytes go into one buffer that grows by
 * doubling, and `cut` is waited on once for the whole read, not once per
 * chunk. Whatever the stream or its reader throws rejects the read.
 */
export async function readCapped(body, limit, cut) {
  if (body === null || body === undefined) return [new Uint8Array(0), false];
  const reader = body.getReader();
  // Releases the connection; the caller's polyfill may throw or reject here.
  const cancel = () => attempt(() => Promise.resolve(reader.cancel()).catch(() => {}));
  let stopped = false;
  let stop = () => {};
  cut.then(() => {
    stopped = true;
    stop();
  });
  const next = () =>
    new Promise((resolve, reject) => {
      stop = () => {
        cancel();
        reject(new Error("the call was cut short"));
      };
      if (stopped) stop();
      reader.read().then(resolve, reject);
    });
  let bytes = new Uint8Array(0);
  let length = 0;
  try {
    for (;;) {
      const { done, value } = await next();
      if (done) return [bytes.subarray(0, length), false];
      if (!(value instanceof Uint8Array)) throw new TypeError("the response body gave a chunk that is not bytes");
      const taken = Math.min(value.length, limit - length);
      if (length + taken > bytes.length) {
        const grown = new Uint8Array(Math.min(limit, Math.max(2 * bytes.length, length + taken, 4096)));
        grown.set(bytes.subarray(0, length));
        bytes = grown;
      }
      bytes.set(value.subarray(0, taken), length);
      length += taken;
      if (taken < value.length) {
        cancel();
        return [bytes.subarray(0, length), true];
      }
    }
  } finally {
    stop = () => {};
  }
}

/**
 * What `value` settles to, or undefined once `cut` resolves first. Every
 * wait of wasm on JavaScript is one of these: once the instance that waits
 * has failed, it never settles, so that no closure of that instance is
 * called again (the glue would call it on the fresh instance instead).
 */
export function untilCut(value, cut) {
  const waitedBy = generation;
  const current = () => waitedBy === generation && !broken;
  return new Promise((resolve, reject) => {
    Promise.race([value, cut]).then(
      (settled) => current() && resolve(settled),
      (error) => current() && reject(error),
    );
  });
}

/**
 * Marks a promise's rejection handled, for a call that ends before it
 * awaits it (the module failed, and its calls were rejected): the host must
 * see no unhandled rejection from it. No code of the caller's runs here.
 */
export function observe(value) {
  try {
    if (value instanceof Promise) Promise.prototype.then.call(value, undefined, () => {});
  } catch {
    // A proxy whose prototype trap throws: not a promise of the host's.
  }
}
