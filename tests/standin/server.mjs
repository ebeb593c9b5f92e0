// A stand-in for the Turso Platform API on 127.0.0.1, for tests and the demo.
//
// It serves every declared operation statefully (state.mjs, routes.mjs),
// checks the bearer token, records every API request with the status it
// was answered with, answers CORS preflights, and answers with a fault when
// the organization's slug names one (faults.mjs), so that each test picks
// its behaviour without shared state. Each database's own server is served
// under /hosts/{hostname}, for `databaseUrl` to point at, with uploads in
// chunks of `chunkSize` bytes.
//
//   node tests/standin/server.mjs [--port 8787] [--chunk-size 8192]    (token: STANDIN_TOKEN or "standin-token")

import { spawn } from "node:child_process";
import { createServer } from "node:http";
import { pathToFileURL } from "node:url";

import { FAULTS } from "./faults.mjs";
import { CORS_HEADERS, readBody, sendJson } from "./http.mjs";
import { decoded, route } from "./routes.mjs";
import { newState } from "./state.mjs";

export const DEFAULT_TOKEN = "standin-token";
const CONTROL_PREFIX = "/__standin/";
/** Where the region finder is served; the rest is the Platform API. */
const REGION_PREFIX = "/region";
/** Where each database's own server is served, by its hostname. */
const HOSTS = /^\/hosts\/([^/]+)(\/.*)$/;
/** Small, so that a test's file of a few pages goes in several chunks. */
export const DEFAULT_CHUNK_SIZE = 8192;

export async function startStandin({ port = 0, host = "127.0.0.1", token = DEFAULT_TOKEN, chunkSize = DEFAULT_CHUNK_SIZE } = {}) {
  const state = newState({ chunkSize });
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
    // A file's bytes are counted, not kept as text.
    const binary = req.headers["content-type"] === "application/octet-stream";
    const recorded = {
      method: req.method,
      path: req.url,
      headers: { ...req.headers },
      body: binary ? "" : body.toString("utf8"),
      bytes: binary ? body : undefined,
    };
    requests.push(recorded);
    const writeHead = res.writeHead.bind(res);
    res.writeHead = (status, ...rest) => {
      recorded.status = status;
      return writeHead(status, ...rest);
    };
    const onHost = HOSTS.exec(new URL(req.url, "http://standin").pathname);
    if (onHost) return answerForDatabase(req, res, recorded, state, decoded(onHost[1]), onHost[2]);
    answer(req, res, recorded, { state, requestsByOrg, token });
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
export async function spawnStandin({ chunkSize = DEFAULT_CHUNK_SIZE } = {}) {
  const child = spawn(process.execPath, [new URL(import.meta.url).pathname, "--port", "0", "--chunk-size", String(chunkSize)]);
  const url = await new Promise((resolve, reject) => {
    child.stdout.on("data", (chunk) => {
      const match = /listening on (\S+)/.exec(String(chunk));
      if (match) resolve(match[1]);
    });
    child.once("exit", () => reject(new Error("the stand-in exited")));
  });
  return { url, kill: () => child.kill() };
}

function answer(req, res, recorded, { state, requestsByOrg, token }) {
  // Any path prefix is accepted, as behind a proxy that mounts the API at /turso.
  const url = new URL(recorded.path, "http://standin");
  const path = url.pathname.replace(/^(?:\/[\w-]+)*?(?=\/v[12]\/|\/region\/$)/, "");
  const region = path.startsWith(`${REGION_PREFIX}/`);
  const found = region
    ? route(req.method, "region", path.slice(REGION_PREFIX.length))
    : route(req.method, "api", path);
  // The region finder needs no token.
  if (!region && req.headers.authorization !== `Bearer ${token}`) {
    return sendJson(res, 401, { error: "token is invalid or expired" });
  }
  const body = jsonBody(recorded);
  if (!body) return sendJson(res, 400, { error: "request body is not valid JSON" });
  const { input } = body;
  const org = orgOf(path);
  if (org !== undefined) {
    const nth = (requestsByOrg.get(org) ?? 0) + 1;
    requestsByOrg.set(org, nth);
    // "fault-x--anything" gets fault-x with its own request count.
    if (FAULTS[org.split("--")[0]]?.(res, nth, req, recorded)) return;
  }
  if (!found) return sendJson(res, 404, { error: "not found" });
  return found.handler({
    res,
    req,
    recorded,
    org: org === undefined ? undefined : state.organization(org),
    params: found.params,
    input,
    query: url.searchParams,
    state,
  });
}

/** `{ input }`, the request's JSON body (undefined when it has none); undefined when it is not JSON. */
function jsonBody(recorded) {
  if (recorded.body === "") return { input: undefined };
  try {
    return { input: JSON.parse(recorded.body) };
  } catch {
    return undefined;
  }
}

/**
 * A request to a database's own server: it needs a token of that database,
 * and its path is routed as the operations whose base is "database".
 */
function answerForDatabase(req, res, recorded, state, hostname, path) {
  const found = state.database(hostname);
  if (!found) return sendJson(res, 404, { error: `no database has the hostname ${hostname}` });
  const { org, database } = found;
  const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1];
  if (claimsOf(token)?.id !== database.DbId) return sendJson(res, 401, { error: "a token of this database is required" });
  const url = new URL(path, "http://standin");
  const operation = route(req.method, "database", url.pathname);
  if (!operation) return sendJson(res, 404, { error: "not found" });
  const body = jsonBody(recorded);
  if (!body) return sendJson(res, 400, { error: "request body is not valid JSON" });
  const { input } = body;
  return operation.handler({ res, req, recorded, org, database, params: operation.params, input, query: url.searchParams, state });
}

/** The claims of a token the stand-in minted; undefined for anything else. */
function claimsOf(token) {
  try {
    return JSON.parse(Buffer.from(token.split(".")[1], "base64url").toString("utf8"));
  } catch {
    return undefined;
  }
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

/** The organization's slug in a path under /v1 or /v2/organizations/{slug}. */
function orgOf(path) {
  const match = /^(?:\/[\w-]+)*?\/v[12]\/organizations\/([^/?#]+)/.exec(path);
  return match ? decoded(match[1]) : undefined;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const flag = (name, fallback) => {
    const at = process.argv.indexOf(name);
    return at > 0 ? Number(process.argv[at + 1]) : fallback;
  };
  const standin = await startStandin({
    port: flag("--port", 8787),
    chunkSize: flag("--chunk-size", DEFAULT_CHUNK_SIZE),
    token: process.env.STANDIN_TOKEN ?? DEFAULT_TOKEN,
  });
  console.log(`Turso API stand-in listening on ${standin.url}`);
  const stop = () => standin.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}
