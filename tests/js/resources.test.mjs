// The resources beyond Groups and Locations, through the built package
// against the stateful stand-in: what each call resolves to, what went on
// the wire, and what is refused before sending.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { createClient } from "turso-platform-wasm";
import { assertNeverShown, freshOrg, rejection, TOKEN, useStandin } from "./helpers.mjs";

const standin = useStandin();

function client(org) {
  return createClient({ org, token: TOKEN, baseUrl: standin.url });
}

/** The claims of a JWT the stand-in minted. */
const claimsOf = (jwt) => JSON.parse(Buffer.from(jwt.split(".")[1], "base64url"));

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
    ];
    for (const [call, field] of cases) {
      await rejection(call(), { code: "invalid_argument", field, attempts: 0 });
    }
    assert.equal(standin.server.requestsFor(org).length, 0);
  });

  test("an encryption key is never quoted back", async () => {
    const key = "c2VjcmV0LWtleS1vZi0zMi1ieXRlcy1mb3ItdGVzdA==";
    const error = await rejection(
      client(freshOrg("db-key")).databases.create("db", { group: "g", remote_encryption: { encryption_key: key } }),
      { code: "invalid_argument", field: "remote_encryption" },
    );
    assert.equal(error.message, "remote_encryption.encryption_cipher is required");
  });
});

describe("organizations", () => {
  test("get, update, plans, invoices, subscription and usage", async () => {
    const org = freshOrg("org");
    const turso = client(org);
    const organization = await turso.organizations.get();
    assert.equal(organization.slug, org);
    const updated = await turso.organizations.update({ overages: true });
    assert.equal(updated.overages, true);
    assert.deepEqual(await turso.organizations.get(), updated);
    assert.ok((await turso.organizations.list()).some((listed) => listed.slug === org));

    const plans = await turso.organizations.plans();
    assert.deepEqual(plans.map((plan) => plan.name), ["starter", "scaler"]);
    assert.equal(plans[1].quotas.databases, null, "a null quota passes as null");
    assert.equal((await turso.organizations.invoices()).length, 1);
    assert.deepEqual(await turso.organizations.invoices({ type: "upcoming" }), []);
    assert.equal((await turso.organizations.subscription()).overages, true);

    await turso.groups.create("g", { location: "lhr" });
    await turso.databases.create("db", { group: "g" });
    const usage = await turso.organizations.usage();
    assert.equal(usage.usage.databases, 1);
    assert.equal(usage.databases.length, 1);
  });

  test("bad arguments are refused before sending", async () => {
    const org = freshOrg("org-bad");
    const turso = client(org);
    await rejection(turso.organizations.update({ overages: "yes" }), { code: "invalid_argument", field: "overages" });
    await rejection(turso.organizations.invoices({ type: "paid" }), { code: "invalid_argument", field: "type" });
    assert.equal(standin.server.requestsFor(org).length, 0);
  });
});

describe("members and invites", () => {
  test("members are added, got, changed and removed, per organization", async () => {
    const org = freshOrg("members");
    const turso = client(org);
    assert.deepEqual((await turso.members.list()).map((member) => member.role), ["owner"]);
    assert.deepEqual(await turso.members.add({ username: "iku", role: "admin" }), { member: "iku", role: "admin" });
    await rejection(turso.members.add({ username: "iku" }), { code: "conflict", status: 409, attempts: 1 });
    assert.equal((await turso.members.get("iku")).role, "admin");
    assert.equal((await turso.members.updateRole("iku", "viewer")).role, "viewer");
    const patch = standin.server.requestsFor(org).findLast((r) => r.method === "PATCH");
    assert.deepEqual(JSON.parse(patch.body), { role: "viewer" });
    assert.equal(await turso.members.remove("iku"), "iku");
    await rejection(turso.members.get("iku"), { code: "not_found" });
    assert.equal((await client(freshOrg("members-other")).members.list()).length, 1, "members are per organization");
  });

  test("members: bad arguments are refused before sending", async () => {
    const org = freshOrg("members-bad");
    const turso = client(org);
    await rejection(turso.members.add({ role: "admin" }), { field: "username" });
    await rejection(turso.members.add({ username: "iku", role: "owner" }), { field: "role" });
    await rejection(turso.members.updateRole("iku", "superuser"), { field: "role" });
    await rejection(turso.members.updateRole("iku"), { field: "role" });
    await rejection(turso.members.get(".."), { field: "username" });
    assert.equal(standin.server.requestsFor(org).length, 0);
  });

  test("invites are created, listed and deleted by email, percent-encoded as one segment", async () => {
    const org = freshOrg("invites");
    const turso = client(org);
    const email = "iku+test@turso.tech";
    assert.deepEqual(await turso.invites.create({ email, role: "viewer" }), { email, role: "viewer", organization: org });
    assert.deepEqual((await turso.invites.list()).map((invite) => invite.email), [email]);
    assert.equal(await turso.invites.delete(email), undefined);
    const deleted = standin.server.requestsFor(org).at(-1);
    assert.equal(deleted.path, `/v2/organizations/${org}/invites/iku%2Btest%40turso.tech`);
    assert.deepEqual(await turso.invites.list(), []);
    await rejection(turso.invites.delete(email), { code: "not_found" });
  });

  test("invites: an email that is not one, or one that would change the path, is refused", async () => {
    const org = freshOrg("invites-bad");
    const turso = client(org);
    for (const email of ["iku", "@turso.tech", "iku@", "..", ""]) {
      await rejection(turso.invites.delete(email), { code: "invalid_argument", field: "email" });
    }
    await rejection(turso.invites.create({ role: "admin" }), { field: "email" });
    await rejection(turso.invites.create({ email: "iku@turso.tech", username: "iku" }), { field: "username" });
    assert.equal(standin.server.requestsFor(org).length, 0);
    // The rest of an address is the API's to judge: sent as one segment.
    await turso.invites.delete("iku@turso.tech/../x").catch(() => {});
    assert.equal(standin.server.requestsFor(org).at(-1).path, `/v2/organizations/${org}/invites/iku%40turso.tech%2F..%2Fx`);
  });
});

describe("API tokens", () => {
  test("created, listed, validated and revoked; the minted token is shown once and in no error", async () => {
    const org = freshOrg("tokens");
    const turso = client(org);
    const created = await turso.apiTokens.create("ci-bot", { organization: org, group: "g", scopes: ["read-only"] });
    assert.equal(created.name, "ci-bot");
    assert.equal(claimsOf(created.token).name, "ci-bot");
    const error = await rejection(turso.apiTokens.create("ci-bot"), { code: "conflict" });
    assertNeverShown(created.token, [error]);
    const listed = await turso.apiTokens.list();
    assert.ok(listed.some((token) => token.id === created.id && token.group === "g"));
    assert.ok(listed.every((token) => !("token" in token)));
    const [forOrg] = await turso.apiTokens.listForOrganization();
    assert.equal(forOrg.owner.username, "standin-user");
    assert.deepEqual(await turso.apiTokens.validate(), { exp: -1 });
    assert.equal(standin.server.requests.at(-1).path, "/v1/auth/validate", "the endpoint the official SDK misses");
    assert.equal(await turso.apiTokens.revokeForOrganization(created.id), created.id);
    assert.deepEqual(await turso.apiTokens.listForOrganization(), []);
    assert.equal(await turso.apiTokens.revoke("ci-bot"), "ci-bot");
  });

  test("an unrestricted token is created with no body", async () => {
    await client(freshOrg("tokens-plain")).apiTokens.create("plain-token");
    const sent = standin.server.requests.at(-1);
    assert.equal(sent.path, "/v1/auth/api-tokens/plain-token");
    assert.equal(sent.body, "");
  });

  test("a group restriction needs organization and scopes, checked before sending", async () => {
    const turso = client(freshOrg("tokens-bad"));
    const before = standin.server.requests.length;
    await rejection(turso.apiTokens.create("t", { group: "g", scopes: ["read"] }), { field: "organization" });
    await rejection(turso.apiTokens.create("t", { organization: "acme", group: "g" }), { field: "scopes" });
    await rejection(turso.apiTokens.create("t", { organization: "acme", group: "g", scopes: [] }), { field: "scopes" });
    await rejection(turso.apiTokens.create("t", { organization: "acme", group: "g", scopes: ["root"] }), { field: "scopes" });
    await rejection(turso.apiTokens.create("t", { scopes: ["read"] }), { field: "group" });
    await rejection(turso.apiTokens.create("."), { field: "name" });
    await rejection(turso.apiTokens.revokeForOrganization(""), { field: "id" });
    assert.equal(standin.server.requests.length, before);
  });
});

describe("audit logs and the user", () => {
  test("one page, and all() walks every page one at a time", async () => {
    const org = freshOrg("audit");
    const turso = client(org);
    for (const name of ["a", "b", "c", "d", "e"]) await turso.groups.create(name, { location: "lhr" });
    const page = await turso.auditLogs.list({ pageSize: 2, page: 2 });
    assert.deepEqual(page.pagination, { page: 2, page_size: 2, total_pages: 3, total_rows: 5 });
    assert.deepEqual(page.audit_logs.map((entry) => entry.data.group), ["c", "b"]);

    const before = standin.server.requestsFor(org).length;
    const seen = [];
    for await (const entry of turso.auditLogs.all({ pageSize: 2 })) {
      seen.push(entry.data.group);
      // Pages are fetched as they are consumed: never more than one ahead.
      assert.equal(standin.server.requestsFor(org).length - before, Math.ceil(seen.length / 2));
    }
    assert.deepEqual(seen, ["e", "d", "c", "b", "a"]);
    assert.deepEqual(
      standin.server.requestsFor(org).slice(before).map((r) => new URL(r.path, "http://x").search),
      ["?page_size=2&page=1", "?page_size=2&page=2", "?page_size=2&page=3"],
    );
  });

  test("all() stops when asked to, and honours its signal", async () => {
    const org = freshOrg("audit-stop");
    const turso = client(org);
    for (const name of ["a", "b", "c"]) await turso.groups.create(name, { location: "lhr" });
    const before = standin.server.requestsFor(org).length;
    for await (const entry of turso.auditLogs.all({ pageSize: 1 })) {
      assert.equal(entry.data.group, "c");
      break;
    }
    assert.equal(standin.server.requestsFor(org).length - before, 1, "breaking out fetches no further page");

    const controller = new AbortController();
    const pages = turso.auditLogs.all({ pageSize: 1, signal: controller.signal });
    assert.equal((await pages.next()).value.data.group, "c");
    controller.abort();
    await rejection(pages.next(), { code: "aborted", attempts: 0 });
    await rejection(turso.auditLogs.all({ pageSize: 0 }).next(), { code: "invalid_argument", field: "pageSize" });
    await rejection(turso.auditLogs.all(42).next(), { code: "invalid_argument", field: "options" });
  });

  test("user.get() is the token's user", async () => {
    const user = await client(freshOrg("user")).user.get();
    assert.equal(user.username, "standin-user");
    assert.equal(standin.server.requests.at(-1).path, "/v1/user");
  });
});

describe("faults on the new routes", () => {
  test("a GET is retried after a 502; a POST, PATCH or DELETE is not", async () => {
    assert.deepEqual(await client("fault-502-then-ok--dblist").databases.list(), []);
    assert.equal(standin.server.requestsFor("fault-502-then-ok--dblist").length, 2);
    await rejection(client("fault-502-then-ok--dbcreate").databases.create("db", { group: "g" }), {
      code: "server_error",
      attempts: 1,
    });
    await rejection(client("fault-502-then-ok--member").members.updateRole("iku", "admin"), { code: "server_error", attempts: 1 });
    await rejection(client("fault-502-then-ok--invite").invites.delete("iku@turso.tech"), { code: "server_error", attempts: 1 });
  });

  test("an error body that is not JSON keeps its status; an API code is kept", async () => {
    await rejection(client("fault-html-500").members.list(), { code: "server_error", status: 500 });
    const error = await rejection(client("fault-echo-token").auditLogs.list(), { code: "unauthorized", status: 401 });
    assertNeverShown(TOKEN, [error]);
  });

  test("the token appears in no error of this file", () => {
    assertNeverShown(TOKEN);
  });
});
