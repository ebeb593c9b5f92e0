// A stand-in for the Turso Platform API on 127.0.0.1, for tests and the demo.
//
// It keeps each organization's groups, databases, members, invites, API
// tokens and audit log, and the user's API tokens, and serves every route of
// the Platform API statefully (see ROUTES), checks the bearer token, records every
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
 * anything, get that fault. Each handler gets the response, how many
 * requests the organization has sent, counting this one, the request and
 * its record (with its `body` text), and
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

export async function startStandin({ port = 0, host = "127.0.0.1", token = DEFAULT_TOKEN } = {}) {
  const orgs = new Map();
  const apiTokens = new Map();
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
    answer(req, res, recorded, { orgs, apiTokens, requestsByOrg, token });
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

const ROLES = ["admin", "member", "viewer"];
const SCOPES = ["read", "db:create", "db:delete", "db:configure", "db:mint-token", "db:rotate-creds",
  "group:configure", "group:mint-token", "group:rotate-creds", "read-only", "full-access"];
/** What the stand-in's token belongs to. */
const USER = { username: "standin-user", name: "Stand In", email: "standin@example.com", plan: "scaler", mfa: false, has_pending_invites: false };
const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

/** A new organization's state: its record, and what lives in it. */
function newOrganization(slug) {
  return {
    record: { name: slug, slug, type: "team", overages: false, require_mfa: false, blocked_reads: false, blocked_writes: false, plan_id: "scaler", plan_timeline: "monthly", platform: "" },
    groups: new Map(),
    databases: new Map(),
    members: new Map([[USER.username, { username: USER.username, role: "owner", email: USER.email }]]),
    invites: new Map(),
    apiTokens: new Map(),
    auditLogs: [],
  };
}

/** A token answer: for a group, or a database (whose group's rotation counts too). */
function mintToken(res, query, input, claims) {
  const authorization = query.get("authorization") ?? "full-access";
  const expiration = query.get("expiration") ?? "never";
  if (!["full-access", "read-only"].includes(authorization) || !EXPIRATION.test(expiration)) {
    return sendJson(res, 400, { error: "Invalid expiration format or authorization" });
  }
  // As the API does for new databases: claims with nothing in them are refused.
  if (input !== undefined && !(input?.permissions?.read_attach?.databases?.length > 0)) {
    return sendJson(res, 400, { error: "permissions must name at least one database" });
  }
  return sendJson(res, 200, { jwt: mintJwt({ a: authorization === "read-only" ? "ro" : "rw", ...claims }) });
}

const rotate = (holder) =>
  Object.defineProperty(holder, "tokenGeneration", { value: (holder.tokenGeneration ?? 0) + 1, writable: true });

const usageOf = (database) => ({
  uuid: database.DbId,
  instances: [{ uuid: database.instance.uuid, usage: { rows_read: 42, rows_written: 7, storage_bytes: 4096, bytes_synced: 0 } }],
  total: { rows_read: 42, rows_written: 7, storage_bytes: 4096, bytes_synced: 0 },
});

const groupNotFound = (res) => sendJson(res, 404, { error: "group not found" });
const databaseNotFound = (res, name) =>
  sendJson(res, 404, { error: `could not find database with name ${name}: record not found` });

/** A handler that needs the group named by the first segment. */
const withGroup = (handler) => (ctx) => {
  const group = ctx.org.groups.get(ctx.segments[0]);
  return group ? handler({ ...ctx, group }) : groupNotFound(ctx.res);
};
/** A handler that needs the database named by the first segment. */
const withDatabase = (handler) => (ctx) => {
  const database = ctx.org.databases.get(ctx.segments[0]);
  return database ? handler({ ...ctx, database }) : databaseNotFound(ctx.res, ctx.segments[0]);
};

/**
 * The organization routes: [method, pattern of the path after
 * /v1/organizations/{org} (or /v2/… for invites, marked "v2"), handler]. A
 * handler gets the organization's state, the matched segments, the body and
 * the query, and answers.
 */
const ROUTES = [
  ["GET", /^$/, ({ res, org }) => sendJson(res, 200, { organization: org.record })],
  ["PATCH", /^$/, ({ res, org, input }) => {
    for (const key of ["overages", "require_mfa"]) if (typeof input?.[key] === "boolean") org.record[key] = input[key];
    return sendJson(res, 200, { organization: org.record });
  }],
  ["GET", /^\/plans$/, ({ res }) => sendJson(res, 200, {
    plans: [
      { name: "starter", price: "0", prices: [{ value: "0", timeline: "monthly" }], quotas: { rowsRead: 1e9, rowsWritten: 25e6, databases: 500, locations: 3, storage: 9e9, groups: 1, bytesSynced: 3e9 } },
      { name: "scaler", price: "29", prices: [{ value: "29", timeline: "monthly" }], quotas: { rowsRead: 1e11, rowsWritten: 1e8, databases: null, locations: 6, storage: 24e9, groups: 3, bytesSynced: 24e9 } },
    ],
  })],
  ["GET", /^\/invoices$/, ({ res, query }) => {
    const type = query.get("type") ?? "all";
    if (!["all", "upcoming", "issued"].includes(type)) return sendJson(res, 400, { error: "invalid invoice type" });
    const invoices = [{ invoice_number: "STANDIN-00001", amount_due: "29.00", due_date: "2026-11-01T05:00:00+00:00", paid_at: "2026-11-01T05:00:00+00:00", invoice_pdf: "http://127.0.0.1/invoice.pdf" }];
    return sendJson(res, 200, { invoices: type === "upcoming" ? [] : invoices });
  }],
  ["GET", /^\/subscription$/, ({ res, org }) =>
    sendJson(res, 200, { subscription: { name: org.record.plan_id, overages: org.record.overages, plan: org.record.plan_id, timeline: org.record.plan_timeline } })],
  ["GET", /^\/usage$/, ({ res, org }) => sendJson(res, 200, {
    organization: {
      uuid: "8a8e2c86-0000-4000-8000-000000000000",
      usage: { rows_read: 42 * org.databases.size, rows_written: 7 * org.databases.size, databases: org.databases.size, locations: 1, storage_bytes: 4096 * org.databases.size, groups: org.groups.size, bytes_synced: 0 },
      databases: [...org.databases.values()].map(usageOf),
    },
  })],

  // Groups.
  ["GET", /^\/groups$/, ({ res, org }) => sendJson(res, 200, { groups: [...org.groups.values()] })],
  ["POST", /^\/groups$/, ({ res, org, input, recorded, log }) => {
    if (typeof input?.name !== "string" || typeof input?.location !== "string") {
      return sendJson(res, 400, { error: "name and location are required" });
    }
    if (org.groups.has(input.name)) return sendJson(res, 409, { error: "group already exists" });
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
    org.groups.set(input.name, group);
    recorded.created = group.uuid;
    log("group-create", { group: group.name });
    return sendJson(res, 200, { group });
  }],
  ["GET", /^\/groups\/([^/]+)$/, withGroup(({ res, group }) => sendJson(res, 200, { group }))],
  ["DELETE", /^\/groups\/([^/]+)$/, withGroup(({ res, org, group, log }) => {
    if (group.delete_protection) {
      return sendJson(res, 400, { error: "group is protected from deletion: turn delete_protection off first" });
    }
    // The spec says nothing of a group's databases on delete: the stand-in
    // keeps them safe, and refuses.
    if ([...org.databases.values()].some((database) => database.group === group.name)) {
      return sendJson(res, 409, { error: "group has databases: delete them first" });
    }
    org.groups.delete(group.name);
    log("group-delete", { group: group.name });
    return sendJson(res, 200, { group });
  })],
  ["GET", /^\/groups\/([^/]+)\/configuration$/, withGroup(({ res, group }) =>
    sendJson(res, 200, { delete_protection: group.delete_protection }))],
  ["PATCH", /^\/groups\/([^/]+)\/configuration$/, withGroup(({ res, group, input }) => {
    if (input === undefined) return sendJson(res, 400, { error: "a configuration body is required" });
    if ("delete_protection" in input) group.delete_protection = Boolean(input.delete_protection);
    return sendJson(res, 200, { delete_protection: group.delete_protection });
  })],
  ["POST", /^\/groups\/([^/]+)\/transfer$/, withGroup(({ res, org, group, input, stateOf }) => {
    if (typeof input?.organization !== "string") return sendJson(res, 400, { error: "organization is required" });
    org.groups.delete(group.name);
    stateOf(input.organization).groups.set(group.name, group);
    return sendJson(res, 200, group);
  })],
  ["POST", /^\/groups\/([^/]+)\/unarchive$/, withGroup(({ res, group }) => {
    group.archived = false;
    return sendJson(res, 200, { group });
  })],
  ["POST", /^\/groups\/([^/]+)\/locations\/([^/]+)$/, withGroup(({ res, group, segments: [, location] }) => {
    if (!(location in LOCATIONS)) return sendJson(res, 400, { error: `invalid location: ${location}` });
    if (!group.locations.includes(location)) group.locations.push(location);
    return sendJson(res, 200, { group });
  })],
  ["DELETE", /^\/groups\/([^/]+)\/locations\/([^/]+)$/, withGroup(({ res, group, segments: [, location] }) => {
    if (location === group.primary) return sendJson(res, 400, { error: "cannot remove the primary location" });
    group.locations = group.locations.filter((kept) => kept !== location);
    return sendJson(res, 200, { group });
  })],
  ["POST", /^\/groups\/([^/]+)\/update$/, withGroup(({ res }) => send(res, 200, "", "text/plain"))],
  ["POST", /^\/groups\/([^/]+)\/auth\/tokens$/, withGroup(({ res, group, input, query, log }) => {
    log("group-token-create", { group: group.name });
    return mintToken(res, query, input, { gid: group.uuid, gen: group.tokenGeneration ?? 0 });
  })],
  ["POST", /^\/groups\/([^/]+)\/auth\/rotate$/, withGroup(({ res, group }) => {
    rotate(group);
    return send(res, 200, "", "text/plain");
  })],

  // Databases.
  ["GET", /^\/databases$/, ({ res, org, query }) => {
    const group = query.get("group");
    const databases = [...org.databases.values()].filter((database) => group === null || database.group === group);
    return sendJson(res, 200, { databases: databases.map(publicDatabase) });
  }],
  ["POST", /^\/databases$/, ({ res, org, input, log }) => {
    if (typeof input?.name !== "string" || typeof input?.group !== "string") {
      return sendJson(res, 400, { error: "name and group are required" });
    }
    const group = org.groups.get(input.group);
    if (!group) return sendJson(res, 400, { error: "group not found" });
    if (org.databases.has(input.name)) return sendJson(res, 409, { error: `database with name ${input.name} already exists` });
    if (input.seed?.type === "database" && !org.databases.has(input.seed.name)) {
      return sendJson(res, 400, { error: `seed database ${input.seed.name} not found` });
    }
    const DbId = randomUUID();
    const Hostname = `${input.name}-${org.record.slug}.turso.io`;
    const database = {
      Name: input.name, DbId, Hostname, block_reads: false, block_writes: false, regions: [group.primary],
      primaryRegion: group.primary, group: group.name, delete_protection: false, parent: null,
      size_limit: input.size_limit ?? "", allow_attach: false, allowed_ips: [], allowed_aws_vpc_ids: [],
    };
    Object.defineProperty(database, "instance", {
      value: { uuid: randomUUID(), name: group.primary, type: "primary", region: group.primary, hostname: `${group.primary}-${Hostname}` },
    });
    org.databases.set(input.name, database);
    log("db-create", { database: input.name });
    return sendJson(res, 200, { database: { DbId, Hostname, Name: input.name } });
  }],
  ["GET", /^\/databases\/([^/]+)$/, withDatabase(({ res, database }) => sendJson(res, 200, { database: publicDatabase(database) }))],
  ["DELETE", /^\/databases\/([^/]+)$/, withDatabase(({ res, org, database, log }) => {
    if (database.delete_protection) return sendJson(res, 400, { error: "database is protected from deletion" });
    org.databases.delete(database.Name);
    log("db-delete", { database: database.Name });
    return sendJson(res, 200, { database: database.Name });
  })],
  ["GET", /^\/databases\/([^/]+)\/configuration$/, withDatabase(({ res, database }) => sendJson(res, 200, configurationOf(database)))],
  ["PATCH", /^\/databases\/([^/]+)\/configuration$/, withDatabase(({ res, database, input }) => {
    if (input === undefined) return sendJson(res, 400, { error: "a configuration body is required" });
    for (const key of Object.keys(configurationOf(database))) if (key in input) database[key] = input[key];
    return sendJson(res, 200, configurationOf(database));
  })],
  ["GET", /^\/databases\/([^/]+)\/instances$/, withDatabase(({ res, database }) => sendJson(res, 200, { instances: [database.instance] }))],
  ["GET", /^\/databases\/([^/]+)\/instances\/([^/]+)$/, withDatabase(({ res, database, segments: [, name] }) =>
    name === database.instance.name
      ? sendJson(res, 200, { instance: database.instance })
      : sendJson(res, 404, { error: `instance ${name} not found` }))],
  ["POST", /^\/databases\/([^/]+)\/auth\/tokens$/, withDatabase(({ res, org, database, input, query, log }) => {
    log("db-token-create", { database: database.Name });
    const group = org.groups.get(database.group);
    return mintToken(res, query, input, { id: database.DbId, gen: `${database.tokenGeneration ?? 0}.${group?.tokenGeneration ?? 0}` });
  })],
  ["POST", /^\/databases\/([^/]+)\/auth\/rotate$/, withDatabase(({ res, database }) => {
    rotate(database);
    return send(res, 200, "", "text/plain");
  })],
  // turso-cli's Wakeup: 200 for a database that exists; its body is not read.
  ["POST", /^\/databases\/([^/]+)\/wakeup$/, withDatabase(({ res }) => send(res, 200, "", "text/plain"))],
  ["GET", /^\/databases\/([^/]+)\/usage$/, withDatabase(({ res, database, query }) => {
    for (const key of ["from", "to"]) {
      const value = query.get(key);
      if (value !== null && !RFC3339.test(value)) return sendJson(res, 400, { error: `invalid ${key} parameter: ${value}` });
    }
    return sendJson(res, 200, { database: usageOf(database) });
  })],
  ["GET", /^\/databases\/([^/]+)\/stats$/, withDatabase(({ res }) =>
    sendJson(res, 200, { top_queries: [{ query: "SELECT * FROM users", rows_read: 42, rows_written: 0 }] }))],

  // Members.
  ["GET", /^\/members$/, ({ res, org }) => sendJson(res, 200, { members: [...org.members.values()] })],
  ["POST", /^\/members$/, ({ res, org, input, log }) => {
    const role = input?.role ?? "member";
    if (typeof input?.username !== "string") return sendJson(res, 400, { error: "username is required" });
    if (!ROLES.includes(role)) return sendJson(res, 400, { error: "invalid role" });
    if (org.members.has(input.username)) {
      return sendJson(res, 409, { error: `user ${input.username} is already a member of organization ${org.record.slug}` });
    }
    org.members.set(input.username, { username: input.username, role, email: `${input.username}@example.com` });
    log("org-member-add", { username: input.username });
    return sendJson(res, 200, { member: input.username, role });
  }],
  ["GET", /^\/members\/([^/]+)$/, ({ res, org, segments: [username] }) => {
    const member = org.members.get(username);
    return member ? sendJson(res, 200, { member }) : sendJson(res, 404, { error: "could not find member" });
  }],
  ["PATCH", /^\/members\/([^/]+)$/, ({ res, org, segments: [username], input }) => {
    const member = org.members.get(username);
    if (!member) return sendJson(res, 404, { error: `could not find user ${username}` });
    if (!ROLES.includes(input?.role)) return sendJson(res, 400, { error: "invalid role" });
    member.role = input.role;
    return sendJson(res, 200, { member });
  }],
  ["DELETE", /^\/members\/([^/]+)$/, ({ res, org, segments: [username], log }) => {
    if (!org.members.delete(username)) {
      return sendJson(res, 404, { error: `user ${username} is not a member of org ${org.record.slug}` });
    }
    log("org-member-rm", { username });
    return sendJson(res, 200, { member: username });
  }],

  // Invites, under /v2.
  ["GET", /^\/invites$/, ({ res, org }) => sendJson(res, 200, { invites: [...org.invites.values()] }), "v2"],
  ["POST", /^\/invites$/, ({ res, org, input }) => {
    const role = input?.role ?? "member";
    if ((typeof input?.email === "string") === (typeof input?.username === "string")) {
      return sendJson(res, 400, { error: "provide exactly one of email or username" });
    }
    if (!ROLES.includes(role)) return sendJson(res, 400, { error: "invalid role" });
    const email = input.email ?? `${input.username}@example.com`;
    org.invites.set(email, { id: org.invites.size + 1, email, role, created_at: new Date().toISOString() });
    return sendJson(res, 200, { invited: { email, role, organization: org.record.slug } });
  }, "v2"],
  ["DELETE", /^\/invites\/([^/]+)$/, ({ res, org, segments: [email] }) =>
    org.invites.delete(email) ? send(res, 200, "", "text/plain") : sendJson(res, 404, { error: "invite not found" }), "v2"],

  // The organization's API tokens.
  ["GET", /^\/api-tokens$/, ({ res, org }) => sendJson(res, 200, { tokens: [...org.apiTokens.values()] })],
  ["DELETE", /^\/api-tokens\/([^/]+)$/, ({ res, org, segments: [id] }) =>
    org.apiTokens.delete(id) ? sendJson(res, 200, { token: id }) : sendJson(res, 404, { error: "token not found" })],

  // Audit logs, newest first.
  ["GET", /^\/audit-logs$/, ({ res, org, query }) => {
    const pageSize = Number(query.get("page_size") ?? 100);
    const page = Number(query.get("page") ?? 1);
    if (!(Number.isInteger(pageSize) && pageSize > 0 && Number.isInteger(page) && page > 0)) {
      return sendJson(res, 400, { error: "invalid page or page_size" });
    }
    const logs = [...org.auditLogs].reverse();
    return sendJson(res, 200, {
      audit_logs: logs.slice((page - 1) * pageSize, page * pageSize),
      pagination: { page, page_size: pageSize, total_pages: Math.max(1, Math.ceil(logs.length / pageSize)), total_rows: logs.length },
    });
  }],
];

/** A database as listed and got: without its configuration-only fields. */
function publicDatabase({ size_limit, allow_attach, allowed_ips, allowed_aws_vpc_ids, ...database }) {
  return database;
}

function configurationOf(database) {
  const { size_limit, allow_attach, block_reads, block_writes, delete_protection, allowed_ips, allowed_aws_vpc_ids } = database;
  return { size_limit, allow_attach, block_reads, block_writes, delete_protection, allowed_ips, allowed_aws_vpc_ids };
}

/** The routes of the user's own API tokens, and of the user, which belong to no organization. */
function userRoute(req, res, path, input, apiTokens, stateOf, orgs) {
  if (req.method === "GET" && path === "/v1/user") return sendJson(res, 200, { user: USER });
  if (req.method === "GET" && path === "/v1/auth/validate") return sendJson(res, 200, { exp: -1 });
  if (req.method === "GET" && path === "/v1/organizations") return sendJson(res, 200, [...orgs.values()].map((org) => org.record));
  if (req.method === "GET" && path === "/v1/auth/api-tokens") return sendJson(res, 200, { tokens: [...apiTokens.values()] });
  const match = /^\/v1\/auth\/api-tokens\/([^/]+)$/.exec(path);
  if (!match) return false;
  const name = decodeURIComponent(match[1]);
  if (req.method === "DELETE") {
    const token = apiTokens.get(name);
    if (!token) return sendJson(res, 404, { error: "token not found" });
    apiTokens.delete(name);
    if (token.organization) stateOf(token.organization).apiTokens.delete(token.id);
    return sendJson(res, 200, { token: name });
  }
  if (req.method !== "POST") return sendJson(res, 405, { error: "method not allowed" });
  // A token named after a fault gets it, as an organization does.
  if (FAULTS[name]?.(res, 1, req, { body: JSON.stringify(input ?? null) })) return true;
  if (apiTokens.has(name)) return sendJson(res, 409, { error: `a token named ${name} already exists` });
  if (input !== undefined) {
    const { organization, group, scopes } = input;
    if (group !== undefined && (typeof organization !== "string" || !(scopes?.length > 0))) {
      return sendJson(res, 400, { error: "a group-scoped token needs organization and scopes" });
    }
    if (scopes?.some((scope) => !SCOPES.includes(scope))) return sendJson(res, 400, { error: "invalid scope" });
  }
  const token = { name, id: randomBytes(16).toString("base64url"), created_at: new Date().toISOString().slice(0, 10) };
  for (const key of ["organization", "group", "scopes"]) if (input?.[key] !== undefined) token[key] = input[key];
  apiTokens.set(name, token);
  if (token.organization) stateOf(token.organization).apiTokens.set(token.id, { ...token, owner: { username: USER.username, email: USER.email } });
  return sendJson(res, 200, { name, id: token.id, token: mintJwt({ sub: USER.username, name }) });
}

function answer(req, res, recorded, { orgs, apiTokens, requestsByOrg, token }) {
  // Any path prefix is accepted, as behind a proxy that mounts the API at /turso.
  const url = new URL(recorded.path, "http://standin");
  const path = url.pathname.replace(/^(?:\/[\w-]+)*?(?=\/v[12]\/|\/region\/$)/, "");
  if (path === "/region/" && req.method === "GET") return sendJson(res, 200, { server: "lhr", client: "lhr" });
  if (req.headers.authorization !== `Bearer ${token}`) {
    return sendJson(res, 401, { error: "token is invalid or expired" });
  }
  if (path === "/v1/locations" && req.method === "GET") return sendJson(res, 200, { locations: LOCATIONS });
  let input;
  if (recorded.body !== "") {
    try {
      input = JSON.parse(recorded.body);
    } catch {
      return sendJson(res, 400, { error: "request body is not valid JSON" });
    }
  }
  const stateOf = (slug) => {
    if (!orgs.has(slug)) orgs.set(slug, newOrganization(slug));
    return orgs.get(slug);
  };
  const match = /^\/(v[12])\/organizations\/([^/]+)(.*)$/.exec(path);
  if (!match) return userRoute(req, res, path, input, apiTokens, stateOf, orgs) || sendJson(res, 404, { error: "not found" });
  const [, version, slug, rest] = match;
  const org = decodeURIComponent(slug);
  const nth = (requestsByOrg.get(org) ?? 0) + 1;
  requestsByOrg.set(org, nth);
  // "fault-x--anything" gets fault-x with its own request count.
  if (FAULTS[org.split("--")[0]]?.(res, nth, req, recorded)) return;

  const route = ROUTES.find(([method, pattern, , routeVersion = "v1"]) =>
    method === req.method && routeVersion === version && pattern.test(rest));
  if (!route) return sendJson(res, 405, { error: "method not allowed" });
  const segments = route[1].exec(rest).slice(1).map(decodeURIComponent);
  const state = stateOf(org);
  const log = (code, data) =>
    state.auditLogs.push({ code, message: "", origin: "cli", author: USER.username, created_at: new Date().toISOString(), data });
  return route[2]({ res, org: state, segments, input, query: url.searchParams, stateOf, recorded, log });
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
  const match = /^(?:\/[\w-]+)*?\/v[12]\/organizations\/([^/?#]+)/.exec(path);
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
