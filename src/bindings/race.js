// The call's cut-off, raced in JavaScript so that waiting for it costs no
// Rust closure. A host's fetch that ignores its signal can't make a call
// hang, and Promise.race also takes a non-promise or a thenable that calls
// back at once, which a replaced fetch may give.

/** The `stop` of every call in flight, armed and not yet disarmed. */
const armed = new Set();

/**
 * `[cut, fire, disarm]` for one call: `fire()` aborts `controller` and
 * resolves the promise `cut`. The caller's `signal` fires it, and so does
 * the call's timer after `timeoutMs`. `disarm()`, once the call ends, clears
 * both, so a finished call keeps no process or Worker alive.
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
    signal?.removeEventListener("abort", fire);
    armed.delete(stop);
  };
  const stop = () => {
    disarm();
    fire();
  };
  armed.add(stop);
  return [cut, fire, disarm];
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

/** What `value` settles to, or undefined once `cut` resolves first. */
export function untilCut(value, cut) {
  return Promise.race([value, cut]);
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
