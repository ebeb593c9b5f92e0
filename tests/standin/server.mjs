// A stand-in for the Turso Platform API on 127.0.0.1, for tests and the demo.
//
// It keeps groups per organization, checks the bearer token, records every
// API request, answers CORS preflights, and answers with a fault when the
// organization's slug names one (see FAULTS), so that each test picks its
// behaviour without shared state.
//
//   node tests/standin/server.mjs [--port 8787]    (token: STANDIN_TOKEN or "standin-token")

import { createServer } from "node:http";
import { randomUUID } from "node:crypto";
import { pathToFileURL } from "node:url";

export const DEFAULT_TOKEN = "standin-token";
const CONTROL_PREFIX = "/__standin/";
const SLOW_MS = 10_000;

const CORS_HEADERS = {
  "access-control-allow-origin": "*",
  "access-control-allow-methods": "GET, POST, DELETE, OPTIONS",
  "access-control-allow-headers": "authorization, content-type",
  "access-control-max-age": "600",
};

/** Organizations whose slug is a key here get that fault instead of an answer. */
const FAULTS = {
  "fault-html-500": (res) =>
    send(res, 500, "<html><body><h1>500 Internal Server Error</h1></body></html>", "text/html"),
  "fault-truncated-json": (res) => send(res, 200, '{"group":{"name":"trunc', "application/json"),
  "fault-wrong-shape": (res) => sendJson(res, 200, { groups: [] }),
  "fault-no-such-org": (res) => sendJson(res, 404, { error: "organization not found" }),
  "fault-reset": (res) => res.socket.destroy(),
  "fault-slow": (res) => later(res, SLOW_MS, () => sendJson(res, 200, { group: { name: "slow", uuid: "slow" } })),
  "fault-stall-body": (res) => {
    res.writeHead(200, { ...CORS_HEADERS, "content-type": "application/json" });
    res.write('{"group":{"name":"stalled",');
    later(res, SLOW_MS, () => res.end('"uuid":"x"}}'));
  },
};

export async function startStandin({ port = 0, host = "127.0.0.1", token = DEFAULT_TOKEN } = {}) {
  const groupsByOrg = new Map();
  const requests = [];

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
    answer(req, res, recorded, groupsByOrg, token);
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

function answer(req, res, recorded, groupsByOrg, token) {
  // Any path prefix is accepted, as behind a proxy that mounts the API at /turso.
  const match = /^(?:\/[\w-]+)*?\/v1\/organizations\/([^/?#]+)\/groups$/.exec(recorded.path);
  if (!match) return sendJson(res, 404, { error: "not found" });
  if (req.method !== "POST") return sendJson(res, 405, { error: "method not allowed" });
  if (req.headers.authorization !== `Bearer ${token}`) {
    return sendJson(res, 401, { error: "token is invalid or expired" });
  }
  const org = decodeURIComponent(match[1]);
  const fault = FAULTS[org];
  if (fault) return fault(res);

  let input;
  try {
    input = JSON.parse(recorded.body);
  } catch {
    return sendJson(res, 400, { error: "request body is not valid JSON" });
  }
  if (typeof input?.name !== "string" || typeof input?.location !== "string") {
    return sendJson(res, 400, { error: "name and location are required" });
  }
  const groups = groupsByOrg.get(org) ?? new Map();
  groupsByOrg.set(org, groups);
  if (groups.has(input.name)) return sendJson(res, 409, { error: "group already exists" });

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
  sendJson(res, 200, { group });
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
}

function send(res, status, text, contentType) {
  res.writeHead(status, { ...CORS_HEADERS, "content-type": contentType });
  res.end(text);
}

function sendJson(res, status, value) {
  send(res, status, JSON.stringify(value), "application/json");
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
