// Every Groups and Locations call through the built package, against the
// stateful stand-in: what each resolves to, what went on the wire, retries
// by method, and secrets. What every call shares is in contract/every-call.test.mjs.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { assertNeverShown, claimsOf, clientFor, freshOrg, rejection, said, TOKEN, useStandin } from "../helpers.mjs";

const standin = useStandin();

const client = clientFor(standin);

describe("the groups resource", () => {
  test("a created group is listed, got, and gone once deleted", async () => {
    const org = freshOrg("lifecycle");
    const { groups } = client(org);
    assert.deepEqual(await groups.list(), []);
    const created = await groups.create("alpha", { location: "lhr" });
    const listed = await groups.list();
    assert.deepEqual(listed, [created]);
    assert.deepEqual(await groups.get("alpha"), created);
    const again = await rejection(groups.create("alpha", "lhr"), { code: "conflict", status: 409, attempts: 1 });
    assert.equal(again.message, `groups.create: POST /v1/organizations/${org}/groups answered HTTP 409: group already exists`);
    assert.deepEqual(await groups.delete("alpha"), created, "delete resolves to the deleted group");
    await rejection(groups.get("alpha"), { code: "not_found", status: 404 });
    await rejection(groups.delete("alpha"), { code: "not_found", status: 404 });
    assert.deepEqual(await groups.list(), []);
  });

  test("delete protection is read, set, and keeps the group", async () => {
    const org = freshOrg("protect");
    const { groups } = client(org);
    await groups.create("kept", { location: "lhr" });
    assert.deepEqual(await groups.getConfiguration("kept"), { delete_protection: false });
    assert.deepEqual(await groups.updateConfiguration("kept", { delete_protection: true }), { delete_protection: true });
    assert.equal((await groups.get("kept")).delete_protection, true);
    await rejection(groups.delete("kept"), { code: "bad_request", status: 400 });
    await groups.updateConfiguration("kept", { delete_protection: false });
    await groups.delete("kept");
    const [patch] = standin.server.requestsFor(org).filter((r) => r.method === "PATCH");
    assert.equal(patch.path, `/v1/organizations/${org}/groups/kept/configuration`);
    assert.deepEqual(JSON.parse(patch.body), { delete_protection: true });
    assert.equal(patch.headers["content-type"], "application/json");
  });

  test("transfer moves the group to the other organization", async () => {
    const [from, to] = [freshOrg("from"), freshOrg("to")];
    await client(from).groups.create("moving", "lhr");
    const moved = await client(from).groups.transfer("moving", { organization: to });
    assert.equal(moved.name, "moving");
    assert.deepEqual(await client(from).groups.list(), []);
    assert.deepEqual((await client(to).groups.list()).map((g) => g.name), ["moving"]);
    const error = await rejection(client(from).groups.transfer("x", { organization: ".." }), {
      code: "invalid_argument",
      field: "organization",
      attempts: 0,
    });
    assert.match(said(error), /^organization must not be "\." or "\.\."/);
  });

  test("rename sends turso-cli's body, and the group's databases go with it", async () => {
    const org = freshOrg("rename");
    const turso = client(org);
    await turso.groups.create("old", "lhr");
    await turso.databases.create("db", { group: "old" });
    assert.equal(await turso.groups.rename("old", "new"), undefined);
    const sent = standin.server.requestsFor(org).at(-1);
    assert.equal(sent.path, `/v1/organizations/${org}/groups/old/rename`);
    assert.equal(sent.body, '{"Name":"new"}');
    assert.equal((await turso.groups.get("new")).name, "new");
    assert.equal((await turso.databases.get("db")).group, "new");
    await rejection(turso.groups.get("old"), { code: "not_found" });
    await turso.groups.create("other", "lhr");
    await rejection(turso.groups.rename("other", "new"), { code: "conflict", status: 409, attempts: 1 });
    const before = standin.server.requestsFor(org).length;
    await rejection(turso.groups.rename("new", ""), { code: "invalid_argument", field: "newName", attempts: 0 });
    await rejection(turso.groups.rename("new"), { code: "invalid_argument", field: "newName", attempts: 0 });
    await rejection(turso.groups.rename("new", "x", { newName: "y" }), { code: "invalid_argument", field: "newName", attempts: 0 });
    assert.equal(standin.server.requestsFor(org).length, before, "nothing is sent for a bad new name");
  });

  test("waitForLocation resolves once the group is there, and is a GET that is retried", async () => {
    const org = freshOrg("wait");
    const { groups } = client(org);
    await groups.create("g", "lhr");
    assert.equal(await groups.waitForLocation("g", "lhr"), undefined);
    const sent = standin.server.requestsFor(org).at(-1);
    assert.deepEqual([sent.method, sent.path], ["GET", `/v1/organizations/${org}/groups/g/locations/lhr/wait`]);
    await rejection(groups.waitForLocation("g", "ams"), { code: "bad_request", status: 400, attempts: 1 });
    await rejection(groups.waitForLocation("missing", "lhr"), { code: "not_found" });
    assert.equal(await client("fault-502-then-ok--wait").groups.waitForLocation("g", "lhr").catch((e) => e.code), "not_found");
    assert.equal(standin.server.requestsFor("fault-502-then-ok--wait").length, 2, "the 502 was retried");
  });

  test("the AWS migration is read, started and aborted", async () => {
    const org = freshOrg("aws");
    const { groups } = client(org);
    await groups.create("g", "lhr");
    assert.deepEqual(await groups.awsMigration("g"), { status: "not_started", comment: "" });
    assert.equal(await groups.startAwsMigration("g"), undefined);
    assert.equal((await groups.awsMigration("g")).status, "in_progress");
    await rejection(groups.startAwsMigration("g"), { code: "conflict", status: 409 });
    assert.equal(await groups.abortAwsMigration("g"), undefined);
    assert.equal((await groups.awsMigration("g")).status, "aborted");
    const paths = standin.server.requestsFor(org).map((r) => `${r.method} ${r.path.replace(`/v1/organizations/${org}/groups/g`, "")}`);
    assert.ok(paths.includes("POST /aws/migration/start") && paths.includes("POST /aws/migration/abort"), paths.join());
    assert.ok(paths.includes("GET /aws/migration/info"));
  });

  test("locations are added and removed, and unarchive resolves to the group", async () => {
    const org = freshOrg("locations");
    const { groups } = client(org);
    await groups.create("spread", "lhr");
    assert.deepEqual((await groups.addLocation("spread", "ams")).locations, ["lhr", "ams"]);
    assert.deepEqual((await groups.removeLocation("spread", "ams")).locations, ["lhr"]);
    const error = await rejection(groups.addLocation("spread", "nowhere"), { code: "bad_request" });
    assert.equal(error.message, `groups.addLocation: POST /v1/organizations/${org}/groups/spread/locations/nowhere answered HTTP 400: invalid location: nowhere`);
    await rejection(groups.addLocation("spread", "."), { code: "invalid_argument", field: "location", attempts: 0 });
    assert.equal((await groups.unarchive("spread")).archived, false);
  });

  test("updateDatabases and rotateTokens resolve to undefined", async () => {
    const org = freshOrg("void");
    const { groups } = client(org);
    await groups.create("g", "lhr");
    assert.equal(await groups.updateDatabases("g"), undefined);
    assert.equal(await groups.rotateTokens("g"), undefined);
    await rejection(groups.rotateTokens("missing"), { code: "not_found" });
    const sent = standin.server.requestsFor(org).slice(1);
    assert.deepEqual(
      sent.map((r) => [r.method, r.path, r.body]),
      [
        ["POST", `/v1/organizations/${org}/groups/g/update`, ""],
        ["POST", `/v1/organizations/${org}/groups/g/auth/rotate`, ""],
        ["POST", `/v1/organizations/${org}/groups/missing/auth/rotate`, ""],
      ],
    );
  });
});

describe("groups.createToken", () => {
  test("sends no body without permissions, and the options as a query", async () => {
    const org = freshOrg("token");
    const { groups } = client(org);
    await groups.create("g", "lhr");
    const { jwt } = await groups.createToken("g", { expiration: "2w1d30m", authorization: "read-only" });
    assert.equal(jwt.split(".").length, 3);
    assert.equal(claimsOf(jwt).a, "ro");
    const plain = await groups.createToken("g");
    assert.equal(claimsOf(plain.jwt).a, "rw");
    const [withQuery, withoutOptions] = standin.server.requestsFor(org).slice(1);
    assert.equal(withQuery.path, `/v1/organizations/${org}/groups/g/auth/tokens?expiration=2w1d30m&authorization=read-only`);
    assert.equal(withQuery.body, "", "no body, so no empty permissions for the API to refuse");
    assert.equal(withQuery.headers["content-type"], undefined);
    assert.equal(withoutOptions.path, `/v1/organizations/${org}/groups/g/auth/tokens`);
  });

  test("sends permissions when given", async () => {
    const org = freshOrg("claims");
    const { groups } = client(org);
    await groups.create("g", "lhr");
    const permissions = { read_attach: { databases: ["db1", "db2"] } };
    await groups.createToken("g", { permissions });
    const sent = standin.server.requestsFor(org).at(-1);
    assert.deepEqual(JSON.parse(sent.body), { permissions });
  });

  test("sends fine_grained_permissions alone, as turso-cli does", async () => {
    const org = freshOrg("fine");
    const { groups } = client(org);
    await groups.create("g", "lhr");
    const { jwt } = await groups.createToken("g", { fine_grained_permissions: [{ a: ["data_read"] }, { t: ["users"], a: ["data_add"] }] });
    assert.equal(
      standin.server.requestsFor(org).at(-1).body,
      '{"fine_grained_permissions":[{"t":null,"a":["data_read"]},{"t":["users"],"a":["data_add"]}]}',
    );
    assert.deepEqual(claimsOf(jwt).p, [
      { t: null, a: ["data_read"] },
      { t: ["users"], a: ["data_add"] },
    ]);
    await rejection(groups.createToken("g", { fine_grained_permissions: [{ t: "users", a: ["data_read"] }] }), {
      code: "invalid_argument",
      field: "fine_grained_permissions",
      attempts: 0,
    });
  });

  test("checks authorization, expiration and permissions before sending", async () => {
    const org = freshOrg("token-args");
    const { groups } = client(org);
    const cases = [
      ["authorization", { authorization: "admin" }, /^authorization must be one of "full-access", "read-only"; got "admin"$/],
      ["expiration", { expiration: "2 weeks" }, /^expiration must be "never" or a duration such as "2w1d30m"/],
      ["expiration", { expiration: 14 }, /^expiration must be a string; got number$/],
      ["permissions", { permissions: { read_attach: { databases: ["a/b"] } } }, /^permissions must be 1 to 64/],
      ["permissions", { permissions: { read_attach: { databases: [1] } } }, /^permissions or a value in it must be a string; got \{"read_attach":\{"databases":\[1\]\}\}$/],
    ];
    for (const [field, options, message] of cases) {
      const error = await rejection(groups.createToken("g", options), { code: "invalid_argument", field, attempts: 0 });
      assert.match(said(error), message);
    }
    assert.equal(standin.server.requestsFor(org).length, 0);
  });

  test("a minted token never appears in an error", async () => {
    const { groups } = client("fault-token-wrong-shape");
    const error = await rejection(groups.createToken("g"), { code: "decode_error", status: 200 });
    assert.doesNotMatch(error.body, /leaked/);
    assertNeverShown("eyJhbGciOiJFZERTQSJ9.leaked.signature", [error]);
  });
});

describe("what the groups calls share", () => {
  test("methods need no this: destructured calls, and calls with another receiver, work", async () => {
    const org = freshOrg("destructured");
    const turso = client(org);
    const { create, list } = turso.groups;
    await create("loose", "lhr");
    assert.deepEqual((await list()).map((g) => g.name), ["loose"]);
    for (const receiver of [turso, undefined, null, {}, client(freshOrg("other")).groups, 42]) {
      const groups = await turso.groups.list.call(receiver);
      assert.deepEqual(groups.map((g) => g.name), ["loose"], "the method's own client, whatever this is");
    }
    assert.equal((await Reflect.apply(turso.groups.get, {}, ["loose"])).name, "loose");
    assert.ok(Object.isFrozen(turso) && Object.isFrozen(turso.groups), "no method can be swapped out");
  });

  test("a GET is retried after a 502 or a reset; a POST is not", async () => {
    const list = await client("fault-502-then-ok--get").groups.list();
    assert.deepEqual(list, []);
    assert.equal(standin.server.requestsFor("fault-502-then-ok--get").length, 2);
    await rejection(client("fault-502-then-ok--post").groups.create("g", "lhr"), { code: "server_error", attempts: 1 });

    assert.deepEqual(await client("fault-reset-then-ok--get").groups.list(), []);
    assert.equal(standin.server.requestsFor("fault-reset-then-ok--get").length, 2);
    await rejection(client("fault-reset-then-ok--post").groups.rotateTokens("g"), { code: "network_error", attempts: 1 });
  });

  test("a GET gives up after maxRetries, and a 500 is never retried", async () => {
    await rejection(client("fault-502--gives-up").groups.get("g", { maxRetries: 1 }), { code: "server_error", attempts: 2 });
    await rejection(client("fault-html-500--get").groups.list(), { code: "server_error", attempts: 1 });
  });

  test("the token appears in no error of this file", () => {
    assertNeverShown(TOKEN);
  });
});
