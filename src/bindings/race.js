// The call's cut-off, raced in JavaScript so that waiting for it costs no
// Rust closure. A host's fetch that ignores its signal can't make a call
// hang, and Promise.race also takes a non-promise or a thenable that calls
// back at once, which a replaced fetch may give.

/** A promise that resolves once `signal` fires. */
export function cutWhenAborted(signal) {
  return new Promise((resolve) => signal.addEventListener("abort", () => resolve(), { once: true }));
}

/** What `value` settles to, or undefined once `cut` resolves first. */
export function untilCut(value, cut) {
  return Promise.race([value, cut]);
}
