// A stand-in for the Turso Platform API on 127.0.0.1, for tests and the demo.
//
// It keeps groups per organization and serves every Groups and Locations
// route statefully (see ROUTES), checks the bearer token, records every
// API request with the status it was answered with, answers CORS
// preflights, and answers with a fault when the organization's slug names
// one (see FAULTS), so that each test picks its behaviour without shared state.
//
//   node tests/standin/server.mjs [--port 8787]    (token: STANDIN_TOKEN or "standin-token")

import { spawn } from "node:child_process";
import { createServer } from "node:http";
import { randomBytes, randomUUID } from "node:crypto";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";

export const DEFAULT_TOKEN = "standin-token";
const CONTROL_PREFIX = "/__standin/";
const SLOW_MS = 10_000;

const CORS_HEADERS = {
  "access-control-allow-origin": "*",
  "access-control-allow-methods": "GET, POST, PATCH, DELETE, OPTIONS",
  "access-control-allow-headers": "authorization, content-type",
  "access-control-max-age": "600",
};

const HUGE_BODY_BYTES = 10 * 1024 * 1024;

/** A group answer with fields a client must pass through exactly as JSON.parse reads them. */
export const UNUSUAL_GROUP = String.raw`{"group":{"name":"first","uuid":"u","big":1,"__proto__":{"polluted":true},
  "big":9007199254740993,"tiny":-1.5e-320,"huge":1e400,"emoji":"\ud83d\ude00 \u00e9",
  "nested":{"list":[1,"two",null,{"deep":[[]]}]},"name":"last","primary":null}}`;
const inOneSecond = () => new Date(Math.ceil(Date.now() / 1000) * 1000 + 1000).toUTCString();

/**
 * Organizations whose slug is a key here, alone or followed by "--" and
 * anything, get that fault. Each handler gets
 * how many requests the organization has sent, counting this one, and
 * returns false to let the request be answered normally (a fault that
 * clears after the first attempt).
 */
const FAULTS = {
  "fault-html-500": (res) =>
    send(res, 500, "<html><body><h1>500 Internal Server Error</h1></body></html>", "text/html"),
  "fault-502": (res) => send(res, 502, "<html><body>502 Bad Gateway</body></html>", "text/html"),
  "fault-504": (res) => send(res, 504, "upstream timed out", "text/plain"),
  "fault-502-then-ok": (res, nth) => nth === 1 && send(res, 502, "<html>502 Bad Gateway</html>", "text/html"),
  "fault-reset-then-ok": (res, nth) => nth === 1 && (res.socket.destroy(), true),
  // Echo the Authorization header: in the error text, or so that the 4 KiB
  // an error keeps ends in the middle of it ({"padding":"…","tail":"Bearer stand|in-token"}).
  "fault-echo-token": (res, nth, req) => sendJson(res, 401, { error: `bad credentials: ${req.headers.authorization}` }),
  "fault-echo-token-cut": (res, nth, req) =>
    sendJson(res, 401, { padding: "x".repeat(4_096 - 12 - 10 - 12), tail: req.headers.authorization }),
  // Redirects, which the API never sends: back to the same URL, and to
  // another origin (localhost for 127.0.0.1) that would answer a group.
  "fault-redirect-same": (res, nth, req) => send(res, 307, "", "text/plain", { location: req.url }),
  "fault-redirect-cross-origin": (res, nth, req) =>
    send(res, 308, "", "text/plain", {
      location: `http://localhost:${req.socket.localPort}${req.url.replace("fault-redirect-cross-origin", "redirected")}`,
    }),
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

export async function startStandin({ port = 0, host = "127.0.0.1", token = DEFAULT_TOKEN } = {}) {
  const groupsByOrg = new Map();
  const requests = [];
  const requestsByOrg = new Map();

  const server = createServer(async (req, res) => {
    const body = await readBody(req);
    if (req.method === "OPTIONS") {
      res.writeHead(204, CORS_HEADERS);
      return res.end();
    }
    if (req.url.startsWith(CONTROL_PREFIX)) {
      return control(req, res, requests);
    }
    const recorded = {
      method: req.method,
      path: req.url,
      headers: { ...req.headers },
      body,
    };
    requests.push(recorded);
    const writeHead = res.writeHead.bind(res);
    res.writeHead = (status, ...rest) => {
      recorded.status = status;
      return writeHead(status, ...rest);
    };
    answer(req, res, recorded, { groupsByOrg, requestsByOrg, token });
  });

  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, resolve);
  });
  const address = server.address();
  return {
    url: `http://${host}:${address.port}`,
    requests,
    requestsFor: (org) => requests.filter((r) => orgOf(r.path) === org),
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}

/**
 * The stand-in in a child process of its own, so that its work and memory
 * are not counted with the caller's; resolves once it is listening.
 */
export async function spawnStandin() {
  const child = spawn(process.execPath, [new URL(import.meta.url).pathname, "--port", "0"]);
  const url = await new Promise((resolve, reject) => {
    child.stdout.on("data", (chunk) => {
      const match = /listening on (\S+)/.exec(String(chunk));
      if (match) resolve(match[1]);
    });
    child.once("exit", () => reject(new Error("the stand-in exited")));
  });
  return { url, kill: () => child.kill() };
}

/** The locations every organization may use. */
export const LOCATIONS = {
  ams: "Amsterdam, Netherlands",
  "aws-ap-northeast-1": "AWS AP NorthEast (Tokyo)",
  "aws-eu-west-1": "AWS EU West (Ireland)",
  "aws-us-east-1": "AWS US East (Virginia)",
  "aws-us-west-2": "AWS US West (Oregon)",
  lhr: "London, United Kingdom",
};

const EXPIRATION = /^(never|(\d+w)?(\d+d)?(\d+h)?(\d+m)?(\d+s)?)$/;

/** A token shaped like the API's: three base64url parts, the middle one JSON claims. */
function mintJwt(claims) {
  const part = (value) => Buffer.from(JSON.stringify(value)).toString("base64url");
  return `${part({ alg: "EdDSA", typ: "JWT" })}.${part(claims)}.${randomBytes(32).toString("base64url")}`;
}

const notFound = (res) => sendJson(res, 404, { error: "group not found" });

/**
 * The organization routes, after /v1/organizations/{org}/groups: [method,
 * pattern of the rest, handler]. A handler gets the organization's groups,
 * the matched segments and the request, and answers.
 */
const ROUTES = [
  ["GET", /^$/, ({ res, groups }) => sendJson(res, 200, { groups: [...groups.values()] })],
  ["POST", /^$/, ({ res, groups, input, recorded }) => {
    if (typeof input?.name !== "string" || typeof input?.location !== "string") {
      return sendJson(res, 400, { error: "name and location are required" });
    }
    if (groups.has(input.name)) return sendJson(res, 409, { error: "group already exists" });
    if (!(input.location in LOCATIONS)) return sendJson(res, 400, { error: `invalid location: ${input.location}` });
    const group = {
      name: input.name,
      uuid: randomUUID(),
      primary: input.location,
      locations: [input.location],
      version: "v0.24.7",
      delete_protection: false,
      archived: false,
    };
    groups.set(input.name, group);
    recorded.created = group.uuid;
    return sendJson(res, 200, { group });
  }],
  ["GET", /^\/([^/]+)$/, ({ res, group }) => sendJson(res, 200, { group })],
  ["DELETE", /^\/([^/]+)$/, ({ res, groups, group }) => {
    if (group.delete_protection) {
      return sendJson(res, 400, { error: "group is protected from deletion: turn delete_protection off first" });
    }
    groups.delete(group.name);
    return sendJson(res, 200, { group });
  }],
  ["GET", /^\/([^/]+)\/configuration$/, ({ res, group }) =>
    sendJson(res, 200, { delete_protection: group.delete_protection })],
  ["PATCH", /^\/([^/]+)\/configuration$/, ({ res, group, input }) => {
    if (input === undefined) return sendJson(res, 400, { error: "a configuration body is required" });
    if ("delete_protection" in input) group.delete_protection = Boolean(input.delete_protection);
    return sendJson(res, 200, { delete_protection: group.delete_protection });
  }],
  ["POST", /^\/([^/]+)\/transfer$/, ({ res, groups, group, input, groupsOf }) => {
    if (typeof input?.organization !== "string") return sendJson(res, 400, { error: "organization is required" });
    groups.delete(group.name);
    groupsOf(input.organization).set(group.name, group);
    return sendJson(res, 200, group);
  }],
  ["POST", /^\/([^/]+)\/unarchive$/, ({ res, group }) => {
    group.archived = false;
    return sendJson(res, 200, { group });
  }],
  ["POST", /^\/([^/]+)\/locations\/([^/]+)$/, ({ res, group, segments: [, location] }) => {
    if (!(location in LOCATIONS)) return sendJson(res, 400, { error: `invalid location: ${location}` });
    if (!group.locations.includes(location)) group.locations.push(location);
    return sendJson(res, 200, { group });
  }],
  ["DELETE", /^\/([^/]+)\/locations\/([^/]+)$/, ({ res, group, segments: [, location] }) => {
    if (location === group.primary) return sendJson(res, 400, { error: "cannot remove the primary location" });
    group.locations = group.locations.filter((kept) => kept !== location);
    return sendJson(res, 200, { group });
  }],
  ["POST", /^\/([^/]+)\/update$/, ({ res }) => send(res, 200, "", "text/plain")],
  ["POST", /^\/([^/]+)\/auth\/tokens$/, ({ res, group, input, query }) => {
    const authorization = query.get("authorization") ?? "full-access";
    const expiration = query.get("expiration") ?? "never";
    if (!["full-access", "read-only"].includes(authorization) || !EXPIRATION.test(expiration)) {
      return sendJson(res, 400, { error: "Invalid expiration format or authorization" });
    }
    // As the API does for new databases: claims with nothing in them are refused.
    if (input !== undefined && !(input?.permissions?.read_attach?.databases?.length > 0)) {
      return sendJson(res, 400, { error: "permissions must name at least one database" });
    }
    const jwt = mintJwt({ a: authorization === "read-only" ? "ro" : "rw", gid: group.uuid, gen: group.tokenGeneration ?? 0 });
    return sendJson(res, 200, { jwt });
  }],
  ["POST", /^\/([^/]+)\/auth\/rotate$/, ({ res, group }) => {
    Object.defineProperty(group, "tokenGeneration", { value: (group.tokenGeneration ?? 0) + 1, writable: true });
    return send(res, 200, "", "text/plain");
  }],
];

function answer(req, res, recorded, { groupsByOrg, requestsByOrg, token }) {
  // Any path prefix is accepted, as behind a proxy that mounts the API at /turso.
  const url = new URL(recorded.path, "http://standin");
  const path = url.pathname.replace(/^(?:\/[\w-]+)*?(?=\/v1\/|\/region\/$)/, "");
  if (path === "/region/" && req.method === "GET") return sendJson(res, 200, { server: "lhr", client: "lhr" });
  if (req.headers.authorization !== `Bearer ${token}`) {
    return sendJson(res, 401, { error: "token is invalid or expired" });
  }
  if (path === "/v1/locations" && req.method === "GET") return sendJson(res, 200, { locations: LOCATIONS });
  const match = /^\/v1\/organizations\/([^/]+)\/groups(.*)$/.exec(path);
  if (!match) return sendJson(res, 404, { error: "not found" });
  const org = decodeURIComponent(match[1]);
  const nth = (requestsByOrg.get(org) ?? 0) + 1;
  requestsByOrg.set(org, nth);
  // "fault-x--anything" gets fault-x with its own request count.
  if (FAULTS[org.split("--")[0]]?.(res, nth, req)) return;

  const route = ROUTES.find(([method, pattern]) => method === req.method && pattern.test(match[2]));
  if (!route) return sendJson(res, 405, { error: "method not allowed" });
  const segments = route[1].exec(match[2]).slice(1).map(decodeURIComponent);
  let input;
  if (recorded.body !== "") {
    try {
      input = JSON.parse(recorded.body);
    } catch {
      return sendJson(res, 400, { error: "request body is not valid JSON" });
    }
  }
  const groupsOf = (slug) => {
    if (!groupsByOrg.has(slug)) groupsByOrg.set(slug, new Map());
    return groupsByOrg.get(slug);
  };
  const groups = groupsOf(org);
  const group = segments.length > 0 ? groups.get(segments[0]) : undefined;
  if (segments.length > 0 && !group) return notFound(res);
  return route[2]({ res, groups, group, segments, input, query: url.searchParams, groupsOf, recorded });
}

/** GET /__standin/requests[?org=slug] lists recorded requests; DELETE clears them. */
function control(req, res, requests) {
  const url = new URL(req.url, "http://standin");
  if (url.pathname !== `${CONTROL_PREFIX}requests`) return sendJson(res, 404, { error: "not found" });
  if (req.method === "DELETE") {
    requests.length = 0;
    return sendJson(res, 200, { cleared: true });
  }
  const org = url.searchParams.get("org");
  sendJson(res, 200, org === null ? requests : requests.filter((r) => orgOf(r.path) === org));
}

function orgOf(path) {
  const match = /^(?:\/[\w-]+)*?\/v1\/organizations\/([^/?#]+)/.exec(path);
  if (!match) return undefined;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return match[1];
  }
}

function readBody(req) {
  return new Promise((resolve) => {
    const chunks = [];
    req.on("data", (chunk) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", () => resolve(""));
  });
}

function later(res, ms, then) {
  const timer = setTimeout(then, ms);
  res.on("close", () => clearTimeout(timer));
  return true;
}

function send(res, status, body, contentType, headers = {}) {
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

function sendJson(res, status, value, headers) {
  return send(res, status, JSON.stringify(value), "application/json", headers);
}

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

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const portFlag = process.argv.indexOf("--port");
  const port = portFlag > 0 ? Number(process.argv[portFlag + 1]) : 8787;
  const standin = await startStandin({ port, token: process.env.STANDIN_TOKEN ?? DEFAULT_TOKEN });
  console.log(`Turso API stand-in listening on ${standin.url}`);
  const stop = () => standin.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}
