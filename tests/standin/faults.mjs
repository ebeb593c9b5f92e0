// Faults the stand-in answers with: an organization whose slug is one of
// these keys, alone or followed by "--" and anything, gets that fault, so
// that each test picks its behaviour without shared state.

import { gzipSync } from "node:zlib";

import { CORS_HEADERS, later, send, sendJson } from "./http.mjs";

const SLOW_MS = 10_000;
const HUGE_BODY_BYTES = 10 * 1024 * 1024;

/** A group answer with fields a client must pass through exactly as JSON.parse reads them. */
export const UNUSUAL_GROUP = String.raw`{"group":{"name":"first","uuid":"u","big":1,"__proto__":{"polluted":true},
  "big":9007199254740993,"tiny":-1.5e-320,"huge":1e400,"emoji":"\ud83d\ude00 \u00e9",
  "nested":{"list":[1,"two",null,{"deep":[[]]}]},"name":"last","primary":null}}`;
const inOneSecond = () => new Date(Math.ceil(Date.now() / 1000) * 1000 + 1000).toUTCString();

/**
 * Each fault gets the response, how many requests the organization has
 * sent, counting this one, the request and its record (with its `body`
 * text), and returns false to let the request be answered normally (a
 * fault that clears after the first attempt).
 */
export const FAULTS = {
  "fault-html-500": (res) =>
    send(res, 500, "<html><body><h1>500 Internal Server Error</h1></body></html>", "text/html"),
  "fault-502": (res) => send(res, 502, "<html><body>502 Bad Gateway</body></html>", "text/html"),
  "fault-504": (res) => send(res, 504, "upstream timed out", "text/plain"),
  "fault-502-then-ok": (res, nth) => nth === 1 && send(res, 502, "<html>502 Bad Gateway</html>", "text/html"),
  "fault-reset-then-ok": (res, nth) => nth === 1 && (res.socket.destroy(), true),
  // Echo the Authorization header: in the error text, or so that the 4 KiB
  // an error keeps ends in the middle of it ({"padding":"…","tail":"Bearer stand|in-token"}).
  "fault-echo-token": (res, nth, req) => sendJson(res, 401, { error: `bad credentials: ${req.headers.authorization}` }),
  // Echo the whole request, token and body, into the error's text, its
  // body and its code.
  "fault-echo-request": (res, nth, req, recorded) => {
    const echoed = `${req.headers.authorization} ${recorded.body}`;
    return sendJson(res, 400, { error: `refused: ${echoed}`, code: echoed });
  },
  // Echo the request's body as a success's answer, where it is no answer.
  "fault-echo-request-as-answer": (res, nth, req, recorded) => sendJson(res, 200, { database: recorded.body }),
  "fault-echo-token-cut": (res, nth, req) =>
    sendJson(res, 401, { padding: "x".repeat(4_096 - 12 - 10 - 12), tail: req.headers.authorization }),
  // Redirects, which the API never sends: back to the same URL, and to
  // another origin (localhost for 127.0.0.1) that would answer a group.
  "fault-redirect-same": (res, nth, req) => send(res, 307, "", "text/plain", { location: req.url }),
  "fault-redirect-cross-origin": (res, nth, req) =>
    send(res, 308, "", "text/plain", {
      location: `http://localhost:${req.socket.localPort}${req.url.replace("fault-redirect-cross-origin", "redirected")}`,
    }),
  // An array where the answer is an object, in its envelope where it has one.
  "fault-array-answers": (res, nth, req) => {
    const envelope = { subscription: "subscription", usage: "database" }[new URL(req.url, "http://h").pathname.split("/").pop()];
    return sendJson(res, 200, envelope ? { [envelope]: [] } : []);
  },
  // A list whose every page points to the same next page.
  "fault-cursor-repeats": (res) => sendJson(res, 200, { databases: [], pagination: { next: "c2FtZQ" } }),
  // A minted token sent bare, where the API answers an object.
  "fault-token-bare-string": (res) => sendJson(res, 200, "eyJhbGciOiJFZERTQSJ9.minted-bare.signature"),
  "fault-token-wrong-shape": (res) => sendJson(res, 200, { jwt: 42, token: "eyJhbGciOiJFZERTQSJ9.leaked.signature" }),
  "fault-503": (res) => sendJson(res, 503, { error: "service unavailable" }),
  "fault-503-retry-after-then-ok": (res, nth) =>
    nth === 1 && sendJson(res, 503, { error: "maintenance" }, { "retry-after": "1" }),
  "fault-429-seconds-then-ok": (res, nth) =>
    nth === 1 && sendJson(res, 429, { error: "rate limited" }, { "retry-after": "1" }),
  "fault-429-date-then-ok": (res, nth) =>
    nth === 1 && sendJson(res, 429, { error: "rate limited" }, { "retry-after": inOneSecond() }),
  "fault-429-backoff-then-ok": (res, nth) => nth === 1 && sendJson(res, 429, { error: "rate limited" }),
  "fault-429-always": (res) => sendJson(res, 429, { error: "rate limited" }, { "retry-after": "0" }),
  "fault-429-too-long": (res) => sendJson(res, 429, { error: "rate limited" }, { "retry-after": "3600" }),
  "fault-409-retry-after": (res) => sendJson(res, 409, { error: "group already exists" }, { "retry-after": "0" }),
  "fault-truncated-json": (res) => send(res, 200, '{"group":{"name":"trunc', "application/json"),
  "fault-invalid-utf8": (res) =>
    send(res, 200, Buffer.from('{"group":{"name":"bad-\xff","uuid":"u"}}', "latin1"), "application/json"),
  "fault-wrong-shape": (res) => sendJson(res, 200, { groups: [] }),
  "fault-unusual-fields": (res) => send(res, 200, UNUSUAL_GROUP, "application/json"),
  "fault-json-labelled-html": (res) =>
    send(res, 200, JSON.stringify({ group: { name: "labelled", uuid: "u" } }), "text/html"),
  "fault-html-labelled-json": (res) => send(res, 200, "<html>not json</html>", "application/json"),
  "fault-huge-body": (res) => sendHuge(res),
  "fault-gzip-bomb": (res) => {
    const inflated = `{"group":{"name":"bomb","uuid":"u","padding":"${" ".repeat(HUGE_BODY_BYTES)}"}}`;
    return send(res, 200, gzipSync(inflated), "application/json", { "content-encoding": "gzip" });
  },
  "fault-no-such-org": (res) => sendJson(res, 404, { error: "organization not found" }),
  "fault-reset": (res) => {
    res.socket.destroy();
    return true;
  },
  "fault-reset-mid-body": (res) => {
    res.writeHead(200, { ...CORS_HEADERS, "content-type": "application/json", "content-length": "200" });
    res.write('{"group":{"name":"cut-');
    return later(res, 20, () => res.socket.destroy());
  },
  "fault-slow": (res) => later(res, SLOW_MS, () => sendJson(res, 200, { group: { name: "slow", uuid: "slow" } })),
  "fault-stall-body": (res) => {
    res.writeHead(200, { ...CORS_HEADERS, "content-type": "application/json" });
    res.write('{"group":{"name":"stalled",');
    return later(res, SLOW_MS, () => res.end('"uuid":"x"}}'));
  },
};

/** A 10 MiB JSON answer, written as the client reads it. */
function sendHuge(res) {
  res.writeHead(200, { ...CORS_HEADERS, "content-type": "application/json" });
  const chunk = Buffer.alloc(64 * 1024, "x");
  let sent = 0;
  res.write('{"group":{"name":"huge","uuid":"u","padding":"');
  const pump = () => {
    while (sent < HUGE_BODY_BYTES) {
      sent += chunk.length;
      if (!res.write(chunk)) return res.once("drain", pump);
    }
    res.end('"}}');
  };
  res.on("close", () => (sent = HUGE_BODY_BYTES));
  pump();
  return true;
}
