// The call's cut-off, raced in JavaScript so that waiting for it costs no
// Rust closure. A host's fetch that ignores its signal can't make a call
// hang, and Promise.race also takes a non-promise or a thenable that calls
// back at once, which a replaced fetch may give.

/**
 * `[cut, fire]`: `fire()` aborts `controller` and resolves the promise `cut`.
 * The call's timer and the caller's signal both call `fire`.
 */
export function armCutoff(controller) {
  let fire;
  const cut = new Promise((resolve) => {
    fire = () => {
      controller.abort();
      resolve();
    };
  });
  return [cut, fire];
}

/** What `value` settles to, or undefined once `cut` resolves first. */
export function untilCut(value, cut) {
  return Promise.race([value, cut]);
}
