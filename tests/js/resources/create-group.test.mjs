// The successful paths of createGroup and createClient, and what went on the wire.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { createClient, createGroup } from "turso-platform-wasm";
import { UNUSUAL_GROUP } from "../../standin/faults.mjs";
import { freshOrg, TOKEN, useStandin } from "../helpers.mjs";

const standin = useStandin();

function lastRequest(org) {
  const seen = standin.server.requestsFor(org);
  assert.equal(seen.length, 1, `requests for ${org}`);
  return seen[0];
}

describe("createGroup", () => {
  test("resolves to a plain object with the API's fields", async () => {
    const org = freshOrg("flat");
    const group = await createGroup(org, TOKEN, "new-group", "aws-us-east-1", ["vector", "uuid"], {
      baseUrl: standin.url,
    });
    assert.equal(Object.getPrototypeOf(group), Object.prototype);
    assert.equal(group.name, "new-group");
    assert.equal(group.primary, "aws-us-east-1");
    assert.deepEqual(group.locations, ["aws-us-east-1"]);
    assert.equal(group.version, "v0.24.7");
    assert.equal(group.delete_protection, false);
    assert.match(group.uuid, /^[0-9a-f-]{36}$/);
    assert.equal(group.archived, false, "a field outside the spec passes through");
  });

  test("passes every field through exactly as JSON.parse reads it, __proto__ included", async () => {
    const group = await createGroup("fault-unusual-fields", TOKEN, "g", "lhr", undefined, {
      baseUrl: standin.url,
    });
    const expected = JSON.parse(UNUSUAL_GROUP).group;
    assert.deepEqual(group, expected);
    assert.equal(group.primary, null, "a null is passed through, as JSON.parse reads it");
    assert.equal(group.big, 9007199254740992, "a repeated key keeps its last value");
    assert.equal(group.huge, Infinity);
    assert.equal(group.name, "last", "so does a repeated known key");
    assert.equal(Object.getPrototypeOf(group), Object.prototype, "the prototype is untouched");
    assert.ok(Object.hasOwn(group, "__proto__"));
    assert.equal(group.polluted, undefined);
    assert.equal({}.polluted, undefined);
  });

  test("sends one POST with the bearer token and the JSON body", async () => {
    const org = freshOrg("wire");
    await createGroup(org, TOKEN, "new-group", "lhr", ["vector", "uuid"], { baseUrl: standin.url });
    const request = lastRequest(org);
    assert.equal(request.method, "POST");
    assert.equal(request.path, `/v1/organizations/${org}/groups`);
    assert.equal(request.headers.authorization, `Bearer ${TOKEN}`);
    assert.equal(request.headers["content-type"], "application/json");
    assert.equal(request.headers.cookie, undefined);
    assert.deepEqual(JSON.parse(request.body), {
      name: "new-group",
      location: "lhr",
      extensions: ["vector", "uuid"],
    });
  });

  test("sends extensions only when given, and an empty list as []", async () => {
    const cases = [
      [undefined, undefined],
      [null, undefined],
      ["all", "all"],
      [[], []],
    ];
    for (const [given, sent] of cases) {
      const org = freshOrg("ext");
      await createGroup(org, TOKEN, "g", "lhr", given, { baseUrl: standin.url });
      const body = JSON.parse(lastRequest(org).body);
      assert.deepEqual(body.extensions, sent, `extensions ${JSON.stringify(given)}`);
      assert.equal("extensions" in body, sent !== undefined);
    }
  });

  test("accepts a base URL with a trailing slash or a path prefix", async () => {
    for (const suffix of ["/", "/turso", "/turso/"]) {
      const org = freshOrg("base");
      await createGroup(org, TOKEN, "g", "lhr", undefined, { baseUrl: standin.url + suffix });
      const expected = suffix.startsWith("/turso") ? "/turso" : "";
      assert.equal(lastRequest(org).path, `${expected}/v1/organizations/${org}/groups`);
    }
  });

  test("a generous timeout and a live signal let the call finish", async () => {
    const org = freshOrg("limits");
    const group = await createGroup(org, TOKEN, "g", "lhr", undefined, {
      baseUrl: standin.url,
      timeoutMs: 30_000,
      signal: new AbortController().signal,
    });
    assert.equal(group.name, "g");
  });
});

describe("createClient", () => {
  test("groups.create takes the shape in Turso's docs", async () => {
    const org = freshOrg("docs");
    const turso = createClient({ org, token: TOKEN, baseUrl: standin.url });
    const group = await turso.groups.create("new-group", { location: "lhr", extensions: ["vector", "uuid"] });
    assert.equal(group.name, "new-group");
    assert.deepEqual(JSON.parse(lastRequest(org).body), {
      name: "new-group",
      location: "lhr",
      extensions: ["vector", "uuid"],
    });
  });

  test("groups.create takes the shape of @tursodatabase/api v2", async () => {
    const org = freshOrg("v2");
    const turso = createClient({ org, token: TOKEN, baseUrl: standin.url });
    const group = await turso.groups.create("new-group", "lhr", { extensions: "all" });
    assert.equal(group.primary, "lhr");
    assert.deepEqual(JSON.parse(lastRequest(org).body), { name: "new-group", location: "lhr", extensions: "all" });
  });

  test("the v2 shape works without options", async () => {
    const org = freshOrg("v2-bare");
    const turso = createClient({ org, token: TOKEN, baseUrl: standin.url });
    await turso.groups.create("plain", "ams");
    assert.deepEqual(JSON.parse(lastRequest(org).body), { name: "plain", location: "ams" });
  });

  test("one client serves many calls", async () => {
    const org = freshOrg("many");
    const turso = createClient({ org, token: TOKEN, baseUrl: standin.url });
    assert.equal(turso.groups, turso.groups, "one Groups object, not a new one per access");
    const names = ["a", "b", "c", "d"];
    const groups = await Promise.all(names.map((name) => turso.groups.create(name, "lhr")));
    assert.deepEqual(groups.map((g) => g.name), names);
    assert.equal(standin.server.requestsFor(org).length, names.length);
  });
});
