// Keeps a failure inside the wasm module (a panic, an out-of-memory abort,
// an `unreachable` trap) inside the promises of the calls it was running.
// Such a failure throws out of whatever JavaScript called into wasm. So
// every call into wasm goes through `enter` or `enterSync`, and the calls'
// futures are polled only from `schedule`, where a throw is caught: the
// module is then marked broken, every call in flight rejects with one
// `TursoClientError` of code `internal`, and every later call rejects with
// it at once, without entering wasm again. The calls in flight are kept
// here, not in wasm memory, which a failure may have left unusable.
import { cutAll } from "./race.js";
import { createTursoClientError } from "./turso_client_error.js";

let broken;
const inFlight = new Set();
let pollQueued = false;

/** The error every call rejects with once the module is broken, else undefined. */
export function brokenError() {
  return broken;
}

/** Marks the module broken by `thrown`, and rejects every call in flight. */
export function fail(thrown) {
  broken ??=
    thrown?.name === "TursoClientError" && thrown.code === "internal"
      ? thrown
      : createTursoClientError(
          `turso-platform-wasm failed (${String(thrown)}), and this instance of the module can no longer be used; load the module again and please report it`,
          "internal",
          undefined,
          undefined,
          undefined,
          undefined,
          0,
        );
  for (const reject of inFlight) reject(broken);
  inFlight.clear();
  // Their requests and timers end too: nothing of theirs keeps running.
  cutAll();
  return broken;
}

/** Calls `run()`, which returns a call's promise; a throw becomes a rejection. */
export function enter(run) {
  if (broken) return Promise.reject(broken);
  try {
    return run();
  } catch (thrown) {
    return Promise.reject(fail(thrown));
  }
}

/** Calls `run()` for a value; a throw marks the module broken and throws its error. */
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
  queueMicrotask(() => {
    pollQueued = false;
    if (broken) return;
    try {
      poll();
    } catch (thrown) {
      fail(thrown);
    }
  });
}
