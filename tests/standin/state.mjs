// What the stand-in keeps: each organization's groups, databases, members,
// invites, API tokens and audit log, and the user's own API tokens.

import { randomBytes } from "node:crypto";

/** The locations every organization may use. */
export const LOCATIONS = {
  ams: "Amsterdam, Netherlands",
  "aws-ap-northeast-1": "AWS AP NorthEast (Tokyo)",
  "aws-eu-west-1": "AWS EU West (Ireland)",
  "aws-us-east-1": "AWS US East (Virginia)",
  "aws-us-west-2": "AWS US West (Oregon)",
  lhr: "London, United Kingdom",
};

/** What the stand-in's token belongs to. */
export const USER = { username: "standin-user", name: "Stand In", email: "standin@example.com", plan: "scaler", mfa: false, has_pending_invites: false };
export const ROLES = ["admin", "member", "viewer"];
export const SCOPES = ["read", "db:create", "db:delete", "db:configure", "db:mint-token", "db:rotate-creds",
  "group:configure", "group:mint-token", "group:rotate-creds", "read-only", "full-access"];

/** The stand-in's whole state: organizations are made on first use. */
export function newState({ chunkSize }) {
  const orgs = new Map();
  return {
    orgs,
    apiTokens: new Map(),
    /** The bytes of each chunk of an upload but the last. */
    chunkSize,
    organization(slug) {
      if (!orgs.has(slug)) orgs.set(slug, newOrganization(slug));
      return orgs.get(slug);
    },
    /** The database whose hostname is `hostname`, with its organization. */
    database(hostname) {
      for (const org of orgs.values()) {
        for (const database of org.databases.values()) {
          if (database.Hostname === hostname) return { org, database };
        }
      }
      return undefined;
    },
  };
}

/**
 * The file of a database made without one: an empty SQLite database in WAL
 * mode with 4096-byte pages, as Turso takes it.
 */
export function emptyDatabaseFile() {
  const file = Buffer.alloc(4096);
  file.write("SQLite format 3\0", 0, "latin1");
  file.writeUInt16BE(4096, 16);
  file.set([2, 2, 0, 64, 32, 32], 18);
  file.writeUInt32BE(1, 24);
  file.writeUInt32BE(1, 28);
  file.writeUInt32BE(4, 44);
  file.writeUInt32BE(1, 92);
  file.writeUInt32BE(3045001, 96);
  file[100] = 0x0d;
  return file;
}

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
    log(code, data) {
      this.auditLogs.push({ code, message: "", origin: "cli", author: USER.username, created_at: new Date().toISOString(), data });
    },
  };
}

/** A token shaped like the API's: three base64url parts, the middle one JSON claims. */
export function mintJwt(claims) {
  const part = (value) => Buffer.from(JSON.stringify(value)).toString("base64url");
  return `${part({ alg: "EdDSA", typ: "JWT" })}.${part(claims)}.${randomBytes(32).toString("base64url")}`;
}

/** Invalidates a group's or a database's tokens: its generation moves on. */
export const rotate = (holder) =>
  Object.defineProperty(holder, "tokenGeneration", { value: (holder.tokenGeneration ?? 0) + 1, writable: true });

export const usageOf = (database) => ({
  uuid: database.DbId,
  instances: [{ uuid: database.instance.uuid, usage: { rows_read: 42, rows_written: 7, storage_bytes: 4096, bytes_synced: 0 } }],
  total: { rows_read: 42, rows_written: 7, storage_bytes: 4096, bytes_synced: 0 },
});

/** A database as listed and got: without its configuration-only fields. */
export function publicDatabase({ size_limit, allow_attach, allowed_ips, allowed_aws_vpc_ids, ...database }) {
  return database;
}

export function configurationOf(database) {
  const { size_limit, allow_attach, block_reads, block_writes, delete_protection, allowed_ips, allowed_aws_vpc_ids } = database;
  return { size_limit, allow_attach, block_reads, block_writes, delete_protection, allowed_ips, allowed_aws_vpc_ids };
}
