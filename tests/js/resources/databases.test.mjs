// The Databases resource, through the built package against the stateful stand-in: what
// each call resolves to, what went on the wire, and what is refused before
// sending.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { assertNeverShown, claimsOf, clientFor, freshOrg, rejection, TOKEN, useStandin } from "../helpers.mjs";

const standin = useStandin();
const client = clientFor(standin);

describe("databases", () => {
  test("a database lives in an existing group: created, listed, got, and deleted", async () => {
    const org = freshOrg("db");
    const turso = client(org);
    await rejection(turso.databases.create("orphan", { group: "missing" }), { code: "bad_request", status: 400 });
    await turso.groups.create("g", { location: "lhr" });
    const created = await turso.databases.create("db1", { group: "g", size_limit: "256mb" });
    assert.equal(created.Name, "db1");
    assert.match(created.DbId, /^[0-9a-f-]{36}$/);
    assert.equal(created.Hostname, `db1-${org}.turso.io`);
    await rejection(turso.databases.create("db1", { group: "g" }), { code: "conflict", status: 409, attempts: 1 });

    const got = await turso.databases.get("db1");
    assert.equal(got.group, "g");
    assert.equal(got.primaryRegion, "lhr");
    assert.deepEqual(await turso.databases.list(), [got]);
    assert.deepEqual(await turso.databases.list({ group: "g" }), [got]);
    assert.deepEqual(await turso.databases.list({ group: "other" }), []);

    assert.equal(await turso.databases.delete("db1"), "db1", "delete resolves to the deleted name");
    await rejection(turso.databases.get("db1"), { code: "not_found", status: 404 });
    const sent = standin.server.requestsFor(org).find((r) => r.method === "POST" && r.path.endsWith("/databases"));
    assert.deepEqual(JSON.parse(sent.body), { name: "orphan", group: "missing" });
  });

  test("configuration, instances, usage and stats", async () => {
    const org = freshOrg("db-config");
    const turso = client(org);
    await turso.groups.create("g", { location: "ams" });
    await turso.databases.create("db", { group: "g" });

    const updated = await turso.databases.updateConfiguration("db", { block_writes: true, allowed_ips: ["10.0.0.0/8"] });
    assert.equal(updated.block_writes, true);
    assert.deepEqual(updated.allowed_ips, ["10.0.0.0/8"]);
    assert.deepEqual(await turso.databases.getConfiguration("db"), updated);
    const patch = standin.server.requestsFor(org).findLast((r) => r.method === "PATCH");
    assert.deepEqual(JSON.parse(patch.body), { block_writes: true, allowed_ips: ["10.0.0.0/8"] }, "only what was given");

    const [instance] = await turso.databases.listInstances("db");
    assert.equal(instance.name, "ams");
    assert.deepEqual(await turso.databases.getInstance("db", "ams"), instance);
    await rejection(turso.databases.getInstance("db", "lhr"), { code: "not_found" });

    const usage = await turso.databases.usage("db", { from: new Date(Date.UTC(2026, 0, 1)), to: "2026-02-01T00:00:00+01:00" });
    assert.deepEqual(usage.total, { rows_read: 42, rows_written: 7, storage_bytes: 4096, bytes_synced: 0 });
    const asked = new URL(standin.server.requestsFor(org).at(-1).path, "http://x");
    assert.equal(asked.searchParams.get("from"), "2026-01-01T00:00:00.000Z", "a Date is sent as RFC 3339");
    assert.equal(asked.searchParams.get("to"), "2026-02-01T00:00:00+01:00");
    assert.equal(asked.search, "?from=2026-01-01T00%3A00%3A00.000Z&to=2026-02-01T00%3A00%3A00%2B01%3A00");

    const [top] = await turso.databases.stats("db");
    assert.equal(top.query, "SELECT * FROM users");
  });

  test("a group with databases can't be deleted until they are", async () => {
    const turso = client(freshOrg("db-in-group"));
    await turso.groups.create("g", { location: "lhr" });
    await turso.databases.create("db", { group: "g" });
    await rejection(turso.groups.delete("g"), { code: "conflict", status: 409, attempts: 1 });
    assert.equal((await turso.databases.list()).length, 1);
    await turso.databases.delete("db");
    assert.equal((await turso.groups.delete("g")).name, "g");
  });

  test("tokens are minted per database, read-only on request, and rotated", async () => {
    const org = freshOrg("db-token");
    const turso = client(org);
    await turso.groups.create("g", { location: "lhr" });
    const { DbId } = await turso.databases.create("db", { group: "g" });
    const { jwt } = await turso.databases.createToken("db", { authorization: "read-only", expiration: "1d" });
    assert.deepEqual(claimsOf(jwt), { a: "ro", id: DbId, gen: "0.0" });
    const minted = standin.server.requestsFor(org).at(-1);
    assert.match(minted.path, /\/databases\/db\/auth\/tokens\?expiration=1d&authorization=read-only$/);
    assert.equal(minted.body, "", "no claims, no body: an empty permissions is refused by the API");
    await turso.databases.rotateTokens("db");
    assert.equal(claimsOf((await turso.databases.createToken("db")).jwt).gen, "1.0");
    await rejection(turso.databases.createToken("other"), { code: "not_found" });
  });

  test("wakeup is turso-cli's POST with no body, resolving to nothing", async () => {
    const org = freshOrg("db-wakeup");
    const turso = client(org);
    await turso.groups.create("g", { location: "lhr" });
    await turso.databases.create("sleepy", { group: "g" });
    assert.equal(await turso.databases.wakeup("sleepy"), undefined);
    const sent = standin.server.requestsFor(org).at(-1);
    assert.equal(sent.method, "POST");
    assert.match(sent.path, /\/v1\/organizations\/[^/]+\/databases\/sleepy\/wakeup$/);
    assert.equal(sent.body, "");
    await rejection(turso.databases.wakeup("missing"), { code: "not_found", status: 404, attempts: 1 });
    await rejection(turso.databases.wakeup("a/b"), { code: "invalid_argument", field: "name", attempts: 0 });
  });

  test("ensure creates, or gets the one that exists: the tenant flow's idempotent step", async () => {
    const org = freshOrg("ensure");
    const turso = client(org);
    const first = await turso.groups.ensure("tenants", { location: "lhr" });
    assert.equal(first.created, true);
    assert.deepEqual(first.group, await turso.groups.get("tenants"));
    const again = await turso.groups.ensure("tenants", "lhr");
    assert.deepEqual(again, { group: first.group, created: false });
    assert.equal(await turso.groups.waitForLocation("tenants", "lhr"), undefined);

    const made = await turso.databases.ensure("acme-db", { group: "tenants" });
    assert.equal(made.created, true);
    assert.equal(made.database.Name, "acme-db");
    assert.equal(made.database.group, "tenants", "the get answer, not create's three names");
    const existing = await turso.databases.ensure("acme-db", { group: "tenants", timeoutMs: 5_000 });
    assert.deepEqual(existing, { database: made.database, created: false });
    const gets = standin.server.requestsFor(org).filter((r) => r.method === "GET" && r.path.endsWith("/databases/acme-db"));
    assert.equal(gets.length, 2, "one get after each ensure");

    // Any other failure rejects as it came, and a bad argument sends nothing.
    await rejection(turso.databases.ensure("other", { group: "missing" }), { code: "bad_request", status: 400 });
    const before = standin.server.requestsFor(org).length;
    await rejection(turso.databases.ensure("Bad Name", { group: "tenants" }), { code: "invalid_argument", field: "name", attempts: 0 });
    await rejection(turso.groups.ensure("g", { locaton: "lhr" }), { code: "invalid_argument", field: "locaton", attempts: 0 });
    assert.equal(standin.server.requestsFor(org).length, before);
  });

  test("transfer moves the database; waitForInstance waits on its instance", async () => {
    const org = freshOrg("db-move");
    const receiving = freshOrg("db-move-to");
    const turso = client(org);
    await turso.groups.create("g", "lhr");
    await client(receiving).groups.create("g", "lhr");
    await turso.databases.create("db", { group: "g" });
    assert.equal(await turso.databases.waitForInstance("db", "lhr"), undefined);
    const wait = standin.server.requestsFor(org).at(-1);
    assert.deepEqual([wait.method, wait.path], ["GET", `/v1/organizations/${org}/databases/db/instances/lhr/wait`]);
    await rejection(turso.databases.waitForInstance("db", "ams"), { code: "not_found", status: 404 });
    assert.equal(await turso.databases.transfer("db", { org: receiving }), undefined);
    assert.equal(standin.server.requestsFor(org).at(-1).body, JSON.stringify({ org: receiving }));
    await rejection(turso.databases.get("db"), { code: "not_found" });
    assert.equal((await client(receiving).databases.get("db")).Name, "db");
    await rejection(turso.databases.transfer("db", {}), { code: "invalid_argument", field: "org", attempts: 0 });
  });

  test("a TursoDB database, and a fork whose source goes as name and as value", async () => {
    const org = freshOrg("db-kind");
    const turso = client(org);
    await turso.groups.create("g", "lhr");
    await turso.databases.create("plain", { group: "g" });
    await turso.databases.create("fresh", { group: "g", use_tursodb: true });
    assert.equal((await turso.databases.get("plain")).database_type, "libsql");
    assert.equal((await turso.databases.get("fresh")).database_type, "tursodb");
    await turso.databases.create("copy", { group: "g", seed: { type: "database", name: "plain" } });
    const sent = JSON.parse(standin.server.requestsFor(org).at(-1).body);
    assert.deepEqual(sent.seed, { type: "database", name: "plain", value: "plain" });
    await rejection(turso.databases.create("bad", { group: "g", use_tursodb: "yes" }), {
      code: "invalid_argument",
      field: "use_tursodb",
      attempts: 0,
    });
  });

  test("bad arguments are refused before sending", async () => {
    const org = freshOrg("db-bad");
    const turso = client(org);
    const cases = [
      [() => turso.databases.get("My_DB"), "name"],
      [() => turso.databases.create("db", {}), "group"],
      [() => turso.databases.create("db", { group: "g", seed: { type: "database" } }), "seed"],
      [() => turso.databases.create("db", { group: "g", seed: { name: "x" } }), "seed"],
      [() => turso.databases.create("db", { group: "g", seed: { type: "database", name: "x", timestamp: "yesterday" } }), "seed"],
      [() => turso.databases.create("db", { group: "g", size_limit: "a lot" }), "size_limit"],
      [() => turso.databases.create("db", { group: "g", remote_encryption: { encryption_key: "", encryption_cipher: "aes256gcm" } }), "remote_encryption"],
      [() => turso.databases.create("db", { group: "g", remote_encryption: { encryption_key: "k", encryption_cipher: "rot13" } }), "remote_encryption"],
      [() => turso.databases.updateConfiguration("db", { block_reads: "yes" }), "block_reads"],
      [() => turso.databases.getInstance("db", ".."), "instance"],
      [() => turso.databases.usage("db", { from: "2023-12-12T00:00:00" }), "from"],
      [() => turso.databases.usage("db", { to: new Date("not a date") }), "to"],
      [() => turso.databases.usage("db", { to: 1700000000 }), "to"],
      [() => turso.databases.list({ group: "" }), "group"],
      [() => turso.databases.list({ schema: "../x" }), "schema"],
      [() => turso.databases.list({ limit: 0 }), "limit"],
      [() => turso.databases.list({ limit: 2.5 }), "limit"],
      [() => turso.databases.list({ cursor: 7 }), "cursor"],
      [() => turso.databases.list({ page: 2 }), "page"],
    ];
    for (const [call, field] of cases) {
      await rejection(call(), { code: "invalid_argument", field, attempts: 0 });
    }
    assert.equal(standin.server.requestsFor(org).length, 0);
  });

  test("list follows the pages past 1,000 databases: none is cut off", async () => {
    const org = freshOrg("db-many");
    const turso = client(org);
    await turso.groups.create("g", "lhr");
    const names = Array.from({ length: 2_345 }, (_, i) => `db-${String(i).padStart(4, "0")}`);
    for (let i = 0; i < names.length; i += 100) {
      await Promise.all(names.slice(i, i + 100).map((name) => turso.databases.create(name, { group: "g" })));
    }
    const listed = await turso.databases.list();
    assert.deepEqual(listed.map((database) => database.Name), names);
    const asked = standin.server.requestsFor(org).filter((r) => r.method === "GET").map((r) => new URL(r.path, "http://h").searchParams);
    assert.deepEqual(asked.map((query) => query.get("limit")), ["1000", "1000", "1000"]);
    assert.deepEqual(asked.map((query) => query.get("cursor") !== null), [false, true, true]);
  });

  test("list takes limit and a cursor to start from; all() yields a page at a time, until the signal", async () => {
    const org = freshOrg("db-pages");
    const turso = client(org);
    await turso.groups.create("g", "lhr");
    for (const name of ["a", "b", "c", "d", "e"]) await turso.databases.create(name, { group: "g" });
    const seen = () => standin.server.requestsFor(org).filter((r) => r.method === "GET").length;

    const before = seen();
    assert.deepEqual((await turso.databases.list({ limit: 2 })).map((d) => d.Name), ["a", "b", "c", "d", "e"]);
    assert.equal(seen() - before, 3, "three pages of two");
    const cursor = Buffer.from("3").toString("base64url");
    assert.deepEqual((await turso.databases.list({ limit: 2, cursor })).map((d) => d.Name), ["d", "e"]);

    const controller = new AbortController();
    const walk = turso.databases.all({ limit: 2, signal: controller.signal });
    const start = seen();
    assert.equal((await walk.next()).value.Name, "a");
    assert.equal((await walk.next()).value.Name, "b");
    assert.equal(seen() - start, 1, "the second page is not asked for before it is needed");
    controller.abort();
    await rejection(walk.next(), { code: "aborted", attempts: 0 });
    assert.equal(seen() - start, 1);
  });

  test("a server that gives a page cursor twice is a decode_error, not a list that goes round", async () => {
    const error = await rejection(client("fault-cursor-repeats").databases.list(), { code: "decode_error", status: 200 });
    assert.match(error.message, /gave the page cursor "c2FtZQ" twice/);
    assert.equal(standin.server.requestsFor("fault-cursor-repeats").length, 2);
  });

  test("an encryption key is never quoted back", async () => {
    const key = "c2VjcmV0LWtleS1vZi0zMi1ieXRlcy1mb3ItdGVzdA==";
    const error = await rejection(
      client(freshOrg("db-key")).databases.create("db", { group: "g", remote_encryption: { encryption_key: key } }),
      { code: "invalid_argument", field: "remote_encryption" },
    );
    assert.equal(error.message, "databases.create: remote_encryption.encryption_cipher is required");
  });
});

test("the token appears in no error of this file", () => assertNeverShown(TOKEN));
