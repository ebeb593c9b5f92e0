// Writing the stand-in's answers: every one carries CORS headers, so that a
// page on another origin may call it, as the demo console does.

export const CORS_HEADERS = {
  "access-control-allow-origin": "*",
  "access-control-allow-methods": "GET, POST, PUT, PATCH, DELETE, OPTIONS",
  "access-control-allow-headers": "authorization, content-type, x-turso-encryption-key, x-turso-encryption-cipher",
  "access-control-max-age": "600",
};

export function send(res, status, body, contentType, headers = {}) {
  res.writeHead(status, {
    ...CORS_HEADERS,
    "access-control-expose-headers": "retry-after",
    ...headers,
    "content-type": contentType,
    "content-length": Buffer.byteLength(body),
  });
  res.end(body);
  return true;
}

export function sendJson(res, status, value, headers) {
  return send(res, status, JSON.stringify(value), "application/json", headers);
}

/** Runs `then` after `ms`, unless the connection closed first. */
export function later(res, ms, then) {
  const timer = setTimeout(then, ms);
  res.on("close", () => clearTimeout(timer));
  return true;
}

/** The request's body, as bytes. */
export function readBody(req) {
  return new Promise((resolve) => {
    const chunks = [];
    req.on("data", (chunk) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", () => resolve(Buffer.alloc(0)));
  });
}
