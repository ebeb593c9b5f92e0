// The stand-in's answer to each declared operation, keyed by its
// operationId. Requests are matched to operations by the method and path
// template in tests/operations.json, the list generated from the Rust
// declarations, so a route is written here only as a handler; loading this
// module fails when an operation has no handler or a handler no operation.
//
// A handler gets { res, req, recorded, org, params, input, query, state }:
// the organization's state (for a path under one), the path's parameters
// by their names in the template, decoded, the parsed body, the query, and
// the stand-in's whole state.

import { randomBytes, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";

import { FAULTS } from "./faults.mjs";
import { send, sendJson } from "./http.mjs";
import {
  configurationOf, emptyDatabaseFile, LOCATIONS, mintJwt, publicDatabase, ROLES, rotate, SCOPES, usageOf, USER,
} from "./state.mjs";

const MAX_DATABASES_A_PAGE = 1000;
const EXPIRATION = /^(never|(\d+w)?(\d+d)?(\d+h)?(\d+m)?(\d+s)?)$/;
const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

/** A token answer: for a group, or a database (whose group's rotation counts too). */
function mintToken(res, query, input, claims) {
  const authorization = query.get("authorization") ?? "full-access";
  const expiration = query.get("expiration") ?? "never";
  if (!["full-access", "read-only"].includes(authorization) || !EXPIRATION.test(expiration)) {
    return sendJson(res, 400, { error: "Invalid expiration format or authorization" });
  }
  // As the API does for new databases: claims with nothing in them are refused.
  const fineGrained = input?.fine_grained_permissions;
  if (input !== undefined && !(input?.permissions?.read_attach?.databases?.length > 0) && fineGrained === undefined) {
    return sendJson(res, 400, { error: "permissions must name at least one database" });
  }
  if (fineGrained !== undefined && !(Array.isArray(fineGrained) && fineGrained.every(isFineGrained))) {
    return sendJson(res, 400, { error: "invalid fine_grained_permissions" });
  }
  const perms = fineGrained && { p: fineGrained };
  return sendJson(res, 200, { jwt: mintJwt({ a: authorization === "read-only" ? "ro" : "rw", ...claims, ...perms }) });
}

/** A rule of turso-cli's fine_grained_permissions: `t` null for every table, `a` the actions. */
const isFineGrained = ({ t, a }) =>
  (t === null || (Array.isArray(t) && t.every((table) => typeof table === "string"))) &&
  Array.isArray(a) && a.length > 0 && a.every((action) => ACTIONS.includes(action));
/** The actions Turso's docs list (sdk/authorization/fine-grained-permissions.mdx). */
const ACTIONS = ["data_read", "data_add", "data_update", "data_delete", "schema_add", "schema_update", "schema_delete"];

/** A handler that needs the group the path names. */
const withGroup = (handler) => (ctx) => {
  const group = ctx.org.groups.get(ctx.params.groupName);
  return group ? handler({ ...ctx, group }) : sendJson(ctx.res, 404, { error: "group not found" });
};

/** A handler that needs the database the path names. */
const withDatabase = (handler) => (ctx) => {
  const name = ctx.params.databaseName;
  const database = ctx.org.databases.get(name);
  return database
    ? handler({ ...ctx, database })
    : sendJson(ctx.res, 404, { error: `could not find database with name ${name}: record not found` });
};

/**
 * The faults of a database's own server, by the start of the database's
 * name, for the upload tests: a chunk refused for good, chunks that fail
 * once each with a 5xx and then pass, a refused finalize, and a refusal
 * that quotes the request's secrets back.
 */
const HOST_FAULTS = {
  "chunk-refused-": ({ res, params }) =>
    params.chunkNumber === "1" && sendJson(res, 400, { error: "chunk 1 is corrupt" }),
  "chunk-flaky-": ({ res, database, params }) => {
    const attempts = (database.server.attempts ??= new Map());
    const tries = (attempts.get(params.chunkNumber) ?? 0) + 1;
    attempts.set(params.chunkNumber, tries);
    return tries === 1 && sendJson(res, Number(params.chunkNumber) % 2 ? 500 : 503, { error: "try again" });
  },
  "finalize-refused-": ({ res, recorded }) =>
    recorded.path.endsWith("/finalize") && sendJson(res, 400, { error: "the database file failed validation" }),
  "echo-secrets-": ({ res, req }) =>
    req.headers["x-turso-encryption-key"] !== undefined &&
    sendJson(res, 400, { error: `refused ${req.headers.authorization} with key ${req.headers["x-turso-encryption-key"]}` }),
};

/** A handler of a database's server, behind the fault its database's name asks for. */
const onHost = (handler) => (ctx) => {
  const fault = Object.entries(HOST_FAULTS).find(([prefix]) => ctx.database.Name.startsWith(prefix));
  return fault?.[1](ctx) || handler(ctx);
};

const HANDLERS = {
  // The user, and the user's own API tokens, which belong to no organization.
  getCurrentUser: ({ res }) => sendJson(res, 200, { user: USER }),
  validateAPIToken: ({ res }) => sendJson(res, 200, { exp: -1 }),
  listAPITokens: ({ res, state }) => sendJson(res, 200, { tokens: [...state.apiTokens.values()] }),
  createAPIToken: ({ res, req, input, state, params: { tokenName: name } }) => {
    // A token named after a fault gets it, as an organization does.
    if (FAULTS[name]?.(res, 1, req, { body: JSON.stringify(input ?? null) })) return true;
    if (state.apiTokens.has(name)) return sendJson(res, 409, { error: `a token named ${name} already exists` });
    if (input !== undefined) {
      const { organization, group, scopes } = input;
      if (group !== undefined && (typeof organization !== "string" || !(scopes?.length > 0))) {
        return sendJson(res, 400, { error: "a group-scoped token needs organization and scopes" });
      }
      if (scopes?.some((scope) => !SCOPES.includes(scope))) return sendJson(res, 400, { error: "invalid scope" });
    }
    const token = { name, id: randomBytes(16).toString("base64url"), created_at: new Date().toISOString().slice(0, 10) };
    for (const key of ["organization", "group", "scopes"]) if (input?.[key] !== undefined) token[key] = input[key];
    state.apiTokens.set(name, token);
    if (token.organization) {
      state.organization(token.organization).apiTokens.set(token.id, { ...token, owner: { username: USER.username, email: USER.email } });
    }
    return sendJson(res, 200, { name, id: token.id, token: mintJwt({ sub: USER.username, name }) });
  },
  revokeAPIToken: ({ res, state, params: { tokenName: name } }) => {
    const token = state.apiTokens.get(name);
    if (!token) return sendJson(res, 404, { error: "token not found" });
    state.apiTokens.delete(name);
    if (token.organization) state.organization(token.organization).apiTokens.delete(token.id);
    return sendJson(res, 200, { token: name });
  },

  // Locations.
  listLocations: ({ res }) => sendJson(res, 200, { locations: LOCATIONS }),
  // turso-cli's organization Locations: the ones it may use, by provider.
  listOrganizationLocations: ({ res }) => {
    const byProvider = {};
    for (const [code, description] of Object.entries(LOCATIONS)) {
      const provider = code.startsWith("aws-") ? "aws" : "fly";
      (byProvider[provider] ??= {})[code] = description;
    }
    return sendJson(res, 200, { locations: byProvider });
  },
  closestLocation: ({ res }) => sendJson(res, 200, { server: "lhr", client: "lhr" }),

  // Organizations.
  listOrganizations: ({ res, state }) => sendJson(res, 200, [...state.orgs.values()].map((org) => org.record)),
  getOrganization: ({ res, org }) => sendJson(res, 200, { organization: org.record }),
  updateOrganization: ({ res, org, input }) => {
    for (const key of ["overages", "require_mfa"]) if (typeof input?.[key] === "boolean") org.record[key] = input[key];
    return sendJson(res, 200, { organization: org.record });
  },
  listOrganizationPlans: ({ res }) => sendJson(res, 200, {
    plans: [
      { name: "starter", price: "0", prices: [{ value: "0", timeline: "monthly" }], quotas: { rowsRead: 1e9, rowsWritten: 25e6, databases: 500, locations: 3, storage: 9e9, groups: 1, bytesSynced: 3e9 } },
      { name: "scaler", price: "29", prices: [{ value: "29", timeline: "monthly" }], quotas: { rowsRead: 1e11, rowsWritten: 1e8, databases: null, locations: 6, storage: 24e9, groups: 3, bytesSynced: 24e9 } },
    ],
  }),
  listOrganizationInvoices: ({ res, query }) => {
    const type = query.get("type") ?? "all";
    if (!["all", "upcoming", "issued"].includes(type)) return sendJson(res, 400, { error: "invalid invoice type" });
    const invoices = [{ invoice_number: "STANDIN-00001", amount_due: "29.00", due_date: "2026-11-01T05:00:00+00:00", paid_at: "2026-11-01T05:00:00+00:00", invoice_pdf: "http://127.0.0.1/invoice.pdf" }];
    return sendJson(res, 200, { invoices: type === "upcoming" ? [] : invoices });
  },
  getOrganizationSubscription: ({ res, org }) =>
    sendJson(res, 200, { subscription: { name: org.record.plan_id, overages: org.record.overages, plan: org.record.plan_id, timeline: org.record.plan_timeline } }),
  getOrganizationUsage: ({ res, org }) => sendJson(res, 200, {
    organization: {
      uuid: "8a8e2c86-0000-4000-8000-000000000000",
      usage: { rows_read: 42 * org.databases.size, rows_written: 7 * org.databases.size, databases: org.databases.size, locations: 1, storage_bytes: 4096 * org.databases.size, groups: org.groups.size, bytes_synced: 0 },
      databases: [...org.databases.values()].map(usageOf),
    },
  }),

  // Groups.
  listGroups: ({ res, org }) => sendJson(res, 200, { groups: [...org.groups.values()] }),
  createGroup: ({ res, org, input, recorded }) => {
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
    org.log("group-create", { group: group.name });
    return sendJson(res, 200, { group });
  },
  getGroup: withGroup(({ res, group }) => sendJson(res, 200, { group })),
  deleteGroup: withGroup(({ res, org, group }) => {
    if (group.delete_protection) {
      return sendJson(res, 400, { error: "group is protected from deletion: turn delete_protection off first" });
    }
    // The spec says nothing of a group's databases on delete: the stand-in
    // keeps them safe, and refuses.
    if ([...org.databases.values()].some((database) => database.group === group.name)) {
      return sendJson(res, 409, { error: "group has databases: delete them first" });
    }
    org.groups.delete(group.name);
    org.log("group-delete", { group: group.name });
    return sendJson(res, 200, { group });
  }),
  getGroupConfiguration: withGroup(({ res, group }) => sendJson(res, 200, { delete_protection: group.delete_protection })),
  updateGroupConfiguration: withGroup(({ res, group, input }) => {
    if (input === undefined) return sendJson(res, 400, { error: "a configuration body is required" });
    if ("delete_protection" in input) group.delete_protection = Boolean(input.delete_protection);
    return sendJson(res, 200, { delete_protection: group.delete_protection });
  }),
  transferGroup: withGroup(({ res, org, group, input, state }) => {
    if (typeof input?.organization !== "string") return sendJson(res, 400, { error: "organization is required" });
    org.groups.delete(group.name);
    state.organization(input.organization).groups.set(group.name, group);
    return sendJson(res, 200, group);
  }),
  // turso-cli's Rename: the new name comes as `Name`; the group's databases
  // go with it.
  renameGroup: withGroup(({ res, org, group, input }) => {
    const name = input?.Name;
    if (typeof name !== "string" || name === "") return sendJson(res, 400, { error: "Name is required" });
    if (org.groups.has(name)) return sendJson(res, 409, { error: "group already exists" });
    org.groups.delete(group.name);
    for (const database of org.databases.values()) if (database.group === group.name) database.group = name;
    group.name = name;
    org.groups.set(name, group);
    return send(res, 200, "", "text/plain");
  }),
  // turso-cli's WaitLocation: 200 once the group is in the location.
  waitGroupLocation: withGroup(({ res, group, params: { location } }) =>
    group.locations.includes(location)
      ? send(res, 200, "", "text/plain")
      : sendJson(res, 400, { error: `group ${group.name} has no location ${location}` })),
  getGroupAwsMigration: withGroup(({ res, group }) =>
    sendJson(res, 200, { status: group.awsMigration ?? "not_started", comment: "" })),
  startGroupAwsMigration: withGroup(({ res, group }) => {
    if (group.awsMigration === "in_progress") return sendJson(res, 409, { error: "a migration is already in progress" });
    Object.defineProperty(group, "awsMigration", { value: "in_progress", writable: true });
    return send(res, 200, "", "text/plain");
  }),
  abortGroupAwsMigration: withGroup(({ res, group }) => {
    if (group.awsMigration !== "in_progress") return sendJson(res, 400, { error: "no migration is in progress" });
    group.awsMigration = "aborted";
    return send(res, 200, "", "text/plain");
  }),
  unarchiveGroup: withGroup(({ res, group }) => {
    group.archived = false;
    return sendJson(res, 200, { group });
  }),
  addLocationToGroup: withGroup(({ res, group, params: { location } }) => {
    if (!(location in LOCATIONS)) return sendJson(res, 400, { error: `invalid location: ${location}` });
    if (!group.locations.includes(location)) group.locations.push(location);
    return sendJson(res, 200, { group });
  }),
  removeLocationFromGroup: withGroup(({ res, group, params: { location } }) => {
    if (location === group.primary) return sendJson(res, 400, { error: "cannot remove the primary location" });
    group.locations = group.locations.filter((kept) => kept !== location);
    return sendJson(res, 200, { group });
  }),
  updateGroupDatabases: withGroup(({ res }) => send(res, 200, "", "text/plain")),
  createGroupToken: withGroup(({ res, org, group, input, query }) => {
    org.log("group-token-create", { group: group.name });
    return mintToken(res, query, input, { gid: group.uuid, gen: group.tokenGeneration ?? 0 });
  }),
  invalidateGroupTokens: withGroup(({ res, group }) => {
    rotate(group);
    return send(res, 200, "", "text/plain");
  }),

  // Databases.
  // A page at a time, as turso-cli lists them: at most 1,000 databases a
  // page, `limit` if less, from the opaque `cursor` of the page before, with
  // `pagination.next` while more remain.
  // A database's own server: turso-cli's upload in chunks and export
  // (internal/turso/tursoServer.go at e149f69).
  startDatabaseUpload: onHost(({ res, database, input, state }) => {
    if (database.server.file !== undefined) return sendJson(res, 400, { error: "the database was not created for an upload" });
    if (!Number.isSafeInteger(input?.db_size_bytes) || input.db_size_bytes < 0) {
      return sendJson(res, 400, { error: "db_size_bytes is required" });
    }
    database.server.upload = { id: randomUUID(), size: input.db_size_bytes, chunks: new Map() };
    return sendJson(res, 200, { upload_id: database.server.upload.id, chunk_size: state.chunkSize });
  }),
  uploadDatabaseChunk: onHost(({ res, req, database, recorded, params, state }) => {
    const { upload } = database.server;
    if (upload?.id !== params.uploadId) return sendJson(res, 404, { error: "no such upload" });
    if (req.headers["content-type"] !== "application/octet-stream") return sendJson(res, 415, { error: "a chunk is application/octet-stream" });
    const chunk = Number(params.chunkNumber);
    const bytes = recorded.bytes ?? Buffer.alloc(0);
    const expected = Math.min(state.chunkSize, upload.size - chunk * state.chunkSize);
    if (!Number.isInteger(chunk) || bytes.length !== expected) {
      return sendJson(res, 400, { error: `chunk ${params.chunkNumber} must be ${expected} bytes; got ${bytes.length}` });
    }
    upload.chunks.set(chunk, bytes);
    upload.cipher = req.headers["x-turso-encryption-cipher"];
    return send(res, 200, "", "text/plain");
  }),
  finalizeDatabaseUpload: onHost(({ res, database, params }) => {
    const { upload } = database.server;
    if (upload?.id !== params.uploadId) return sendJson(res, 404, { error: "no such upload" });
    const chunks = [...upload.chunks.keys()].sort((a, b) => a - b);
    const file = Buffer.concat(chunks.map((chunk) => upload.chunks.get(chunk)));
    if (chunks.some((chunk, i) => chunk !== i) || file.length !== upload.size) {
      return sendJson(res, 400, { error: "the upload is missing chunks" });
    }
    database.server.file = file;
    database.server.generation = database.server.generation + 1;
    delete database.server.upload;
    return send(res, 200, "", "text/plain");
  }),
  getDatabaseInfo: onHost(({ res, database }) =>
    database.server.file === undefined
      ? sendJson(res, 400, { error: "the database has no data yet" })
      : sendJson(res, 200, { current_generation: database.server.generation })),
  exportDatabase: onHost(({ res, database, params }) =>
    Number(params.generation) === (database.server.generation) && database.server.file !== undefined
      ? send(res, 200, database.server.file, "application/octet-stream")
      : sendJson(res, 404, { error: `generation ${params.generation} not found` })),

  listDatabases: ({ res, org, query }) => {
    const group = query.get("group");
    const databases = [...org.databases.values()].filter((database) => group === null || database.group === group);
    const limit = Math.min(Number(query.get("limit") ?? MAX_DATABASES_A_PAGE), MAX_DATABASES_A_PAGE);
    const cursor = query.get("cursor");
    const start = cursor === null ? 0 : Number(Buffer.from(cursor, "base64url").toString());
    if (!(Number.isInteger(limit) && limit > 0) || !(Number.isInteger(start) && start >= 0)) {
      return sendJson(res, 400, { error: "invalid limit or cursor" });
    }
    const end = start + limit;
    const next = end < databases.length ? Buffer.from(String(end)).toString("base64url") : undefined;
    return sendJson(res, 200, { databases: databases.slice(start, end).map(publicDatabase), pagination: { next } });
  },
  createDatabase: ({ res, org, input }) => {
    if (typeof input?.name !== "string" || typeof input?.group !== "string") {
      return sendJson(res, 400, { error: "name and group are required" });
    }
    const group = org.groups.get(input.group);
    if (!group) return sendJson(res, 400, { error: "group not found" });
    if (org.databases.has(input.name)) return sendJson(res, 409, { error: `database with name ${input.name} already exists` });
    // The description names a copy's source `name`, turso-cli `value`; the
    // client sends both, which must agree.
    const source = input.seed?.value ?? input.seed?.name;
    if (input.seed?.value !== undefined && input.seed?.name !== undefined && input.seed.value !== input.seed.name) {
      return sendJson(res, 400, { error: "seed name and value disagree" });
    }
    if (input.seed?.type === "database" && !org.databases.has(source)) {
      return sendJson(res, 400, { error: `seed database ${source} not found` });
    }
    const DbId = randomUUID();
    const Hostname = `${input.name}-${org.record.slug}.turso.io`;
    const database = {
      Name: input.name, DbId, Hostname, block_reads: false, block_writes: false, regions: [group.primary],
      primaryRegion: group.primary, group: group.name, delete_protection: false, parent: null,
      size_limit: input.size_limit ?? "", allow_attach: false, allowed_ips: [], allowed_aws_vpc_ids: [],
      database_type: input.use_tursodb === true ? "tursodb" : "libsql",
    };
    // Its own server: its file, which a database seeded by an upload has
    // only once the upload ends, and the generation of that file.
    Object.defineProperty(database, "server", {
      value: { file: input.seed?.type === "database_upload" ? undefined : emptyDatabaseFile(), generation: 1 },
    });
    Object.defineProperty(database, "instance", {
      value: { uuid: randomUUID(), name: group.primary, type: "primary", region: group.primary, hostname: `${group.primary}-${Hostname}` },
    });
    org.databases.set(input.name, database);
    org.log("db-create", { database: input.name });
    return sendJson(res, 200, { database: { DbId, Hostname, Name: input.name } });
  },
  getDatabase: withDatabase(({ res, database }) => sendJson(res, 200, { database: publicDatabase(database) })),
  deleteDatabase: withDatabase(({ res, org, database }) => {
    if (database.delete_protection) return sendJson(res, 400, { error: "database is protected from deletion" });
    org.databases.delete(database.Name);
    org.log("db-delete", { database: database.Name });
    return sendJson(res, 200, { database: database.Name });
  }),
  getDatabaseConfiguration: withDatabase(({ res, database }) => sendJson(res, 200, configurationOf(database))),
  updateDatabaseConfiguration: withDatabase(({ res, database, input }) => {
    if (input === undefined) return sendJson(res, 400, { error: "a configuration body is required" });
    for (const key of Object.keys(configurationOf(database))) if (key in input) database[key] = input[key];
    return sendJson(res, 200, configurationOf(database));
  }),
  listDatabaseInstances: withDatabase(({ res, database }) => sendJson(res, 200, { instances: [database.instance] })),
  getDatabaseInstance: withDatabase(({ res, database, params: { instanceName } }) =>
    instanceName === database.instance.name
      ? sendJson(res, 200, { instance: database.instance })
      : sendJson(res, 404, { error: `instance ${instanceName} not found` })),
  createDatabaseToken: withDatabase(({ res, org, database, input, query }) => {
    org.log("db-token-create", { database: database.Name });
    const group = org.groups.get(database.group);
    return mintToken(res, query, input, { id: database.DbId, gen: `${database.tokenGeneration ?? 0}.${group?.tokenGeneration ?? 0}` });
  }),
  invalidateDatabaseTokens: withDatabase(({ res, database }) => {
    rotate(database);
    return send(res, 200, "", "text/plain");
  }),
  // turso-cli's Transfer: `org` receives the database, in a group of the same name.
  transferDatabase: withDatabase(({ res, org, database, input, state }) => {
    if (typeof input?.org !== "string") return sendJson(res, 400, { error: "org is required" });
    const receiving = state.organization(input.org);
    if (!receiving.groups.has(database.group)) return sendJson(res, 400, { error: `organization ${input.org} has no group ${database.group}` });
    if (receiving.databases.has(database.Name)) return sendJson(res, 409, { error: `database with name ${database.Name} already exists` });
    org.databases.delete(database.Name);
    receiving.databases.set(database.Name, database);
    return send(res, 200, "", "text/plain");
  }),
  // turso-cli's instance Wait: 200 once the instance is up.
  waitDatabaseInstance: withDatabase(({ res, database, params: { instanceName } }) =>
    instanceName === database.instance.name
      ? send(res, 200, "", "text/plain")
      : sendJson(res, 404, { error: `instance ${instanceName} not found` })),
  // turso-cli's Wakeup: 200 for a database that exists; its body is not read.
  wakeupDatabase: withDatabase(({ res }) => send(res, 200, "", "text/plain")),
  getDatabaseUsage: withDatabase(({ res, database, query }) => {
    for (const key of ["from", "to"]) {
      const value = query.get(key);
      if (value !== null && !RFC3339.test(value)) return sendJson(res, 400, { error: `invalid ${key} parameter: ${value}` });
    }
    return sendJson(res, 200, { database: usageOf(database) });
  }),
  getDatabaseStats: withDatabase(({ res }) =>
    sendJson(res, 200, { top_queries: [{ query: "SELECT * FROM users", rows_read: 42, rows_written: 0 }] })),

  // Members.
  listOrganizationMembers: ({ res, org }) => sendJson(res, 200, { members: [...org.members.values()] }),
  addOrganizationMember: ({ res, org, input }) => {
    const role = input?.role ?? "member";
    if (typeof input?.username !== "string") return sendJson(res, 400, { error: "username is required" });
    if (!ROLES.includes(role)) return sendJson(res, 400, { error: "invalid role" });
    if (org.members.has(input.username)) {
      return sendJson(res, 409, { error: `user ${input.username} is already a member of organization ${org.record.slug}` });
    }
    org.members.set(input.username, { username: input.username, role, email: `${input.username}@example.com` });
    org.log("org-member-add", { username: input.username });
    return sendJson(res, 200, { member: input.username, role });
  },
  getOrganizationMember: ({ res, org, params: { username } }) => {
    const member = org.members.get(username);
    return member ? sendJson(res, 200, { member }) : sendJson(res, 404, { error: "could not find member" });
  },
  updateMemberRole: ({ res, org, params: { username }, input }) => {
    const member = org.members.get(username);
    if (!member) return sendJson(res, 404, { error: `could not find user ${username}` });
    if (!ROLES.includes(input?.role)) return sendJson(res, 400, { error: "invalid role" });
    member.role = input.role;
    return sendJson(res, 200, { member });
  },
  removeOrganizationMember: ({ res, org, params: { username } }) => {
    if (!org.members.delete(username)) {
      return sendJson(res, 404, { error: `user ${username} is not a member of org ${org.record.slug}` });
    }
    org.log("org-member-rm", { username });
    return sendJson(res, 200, { member: username });
  },

  // Invites.
  listOrganizationInvitesV2: ({ res, org }) => sendJson(res, 200, { invites: [...org.invites.values()] }),
  inviteOrganizationMemberV2: ({ res, org, input }) => {
    const role = input?.role ?? "member";
    if ((typeof input?.email === "string") === (typeof input?.username === "string")) {
      return sendJson(res, 400, { error: "provide exactly one of email or username" });
    }
    if (!ROLES.includes(role)) return sendJson(res, 400, { error: "invalid role" });
    const email = input.email ?? `${input.username}@example.com`;
    org.invites.set(email, { id: org.invites.size + 1, email, role, created_at: new Date().toISOString() });
    return sendJson(res, 200, { invited: { email, role, organization: org.record.slug } });
  },
  deleteOrganizationInviteByEmailV2: ({ res, org, params: { email } }) =>
    org.invites.delete(email) ? send(res, 200, "", "text/plain") : sendJson(res, 404, { error: "invite not found" }),

  // The organization's API tokens.
  listOrganizationAPITokens: ({ res, org }) => sendJson(res, 200, { tokens: [...org.apiTokens.values()] }),
  revokeOrganizationAPIToken: ({ res, org, params: { tokenId } }) =>
    org.apiTokens.delete(tokenId) ? sendJson(res, 200, { token: tokenId }) : sendJson(res, 404, { error: "token not found" }),

  // Audit logs, newest first.
  listOrganizationAuditLogs: ({ res, org, query }) => {
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
  },
};

const { operations } = JSON.parse(readFileSync(new URL("../operations.json", import.meta.url), "utf8"));

const unhandled = operations.filter(({ id }) => !(id in HANDLERS)).map(({ id }) => id);
const undeclared = Object.keys(HANDLERS).filter((id) => !operations.some((operation) => operation.id === id));
if (unhandled.length > 0 || undeclared.length > 0) {
  throw new Error(`the stand-in's handlers and tests/operations.json disagree: no handler for [${unhandled}], no operation for [${undeclared}]`);
}

/** Each operation's path template as a pattern whose groups are its parameters. */
const ROUTES = operations.map(({ id, method, base, path }) => ({
  id,
  method,
  base,
  names: [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]),
  pattern: new RegExp(`^${path.replace(/\{\w+\}/g, "([^/]+)")}$`),
}));

/**
 * The operation a request is for, its handler, and the path's parameters
 * by name, decoded; undefined for none. `base` is "api" for the Platform
 * API and "region" for the region finder.
 */
export function route(method, base, path) {
  for (const { id, names, pattern, ...declared } of ROUTES) {
    const match = declared.method === method && declared.base === base && pattern.exec(path);
    if (match) {
      const params = Object.fromEntries(names.map((name, i) => [name, decoded(match[i + 1])]));
      return { id, handler: HANDLERS[id], params };
    }
  }
  return undefined;
}

/** A path segment decoded; one that is not valid percent-encoding, as sent. */
export function decoded(segment) {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
