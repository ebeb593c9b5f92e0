// The error class every rejection of this package is an instance of.
// Defined in JavaScript so that it truly extends Error (stack, `cause`,
// `instanceof`); Rust builds it through `createTursoClientError` below.
export class TursoClientError extends Error {
  constructor(message, details) {
    super(message);
    this.name = "TursoClientError";
    this.code = details.code;
    for (const key of ["status", "field", "body", "apiCode", "attempts"]) {
      if (details[key] !== undefined) this[key] = details[key];
    }
  }
}

export function createTursoClientError(message, code, status, field, body, apiCode, attempts) {
  return new TursoClientError(message, { code, status, field, body, apiCode, attempts });
}
