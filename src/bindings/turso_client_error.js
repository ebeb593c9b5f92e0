// The error class every rejection of this package is an instance of.
// Defined in JavaScript so that it truly extends Error (stack, `cause`,
// `instanceof`); Rust builds it through `createTursoClientError` below.

/** The fields a `TursoClientError` may have beside `name` and `message`, as `toJSON` gives them. */
const FIELDS = ["code", "operation", "status", "field", "body", "apiCode", "attempts"];

export class TursoClientError extends Error {
  constructor(message, details) {
    super(message);
    this.name = "TursoClientError";
    for (const key of FIELDS) {
      if (details[key] !== undefined) this[key] = details[key];
    }
  }

  // `message` is not enumerable, as on every Error: a logger that
  // stringifies the error would keep `code` and lose the explanation. Every
  // field was redacted when the error was made.
  toJSON() {
    const json = { name: this.name, message: this.message };
    for (const key of FIELDS) {
      if (this[key] !== undefined) json[key] = this[key];
    }
    return json;
  }
}

export function createTursoClientError(message, code, status, field, body, apiCode, attempts, operation) {
  return new TursoClientError(message, { code, operation, status, field, body, apiCode, attempts });
}

// An error made in wasm is settled from a microtask, so its stack has only
// the glue's frames and wasm's. `call`'s promise is awaited here instead:
// where this async function resumes, the engine's async stack trace has the
// frames of the caller that awaits it ("at async main (app.mjs:7:3)"), and a
// rejection's stack is taken again there, without this function's own frame.
export async function atCaller(call) {
  try {
    return await call;
  } catch (error) {
    if (error instanceof TursoClientError) Error.captureStackTrace?.(error, atCaller);
    throw error;
  }
}
