// Injection attempts through every argument that reaches the URL or a
// header, checked against what the server actually received.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { createClient, createGroup } from "turso-platform-wasm";
import { assertNeverShown, rejection, seenErrors, TOKEN, useStandin } from "../helpers.mjs";

const standin = useStandin();

const PATH_ATTACKS = [
  "../admin",
  "..",
  ".",
  "%2e%2e",
  "%2E%2E%2Fadmin",
  "acme/../other",
  "acme%2Fgroups",
  "acme?x=1",
  "acme#frag",
  "acme\\groups",
  "acme／groups",
  "．．",
  "acme∕groups",
  "acme\u0000",
  "acme groups",
  "acme\r\nX-Injected: 1",
];

/** The one path segment after `prefix` in the last request `org` sent, decoded. */
function lastSegmentAfter(org, prefix) {
  const path = standin.server.requestsFor(org).at(-1).path;
  assert.ok(path.startsWith(prefix), path);
  const segment = path.slice(prefix.length).split("/")[0];
  return decodeURIComponent(segment);
}

describe("path injection through org", () => {
  // The API owns what an organization's slug may be; only what would change
  // the path is refused. Everything else is one percent-encoded segment.
  for (const org of PATH_ATTACKS) {
    const refused = org === "." || org === "..";
    test(`org ${JSON.stringify(org)} ${refused ? "is refused and nothing is sent" : "arrives as exactly one path segment"}`, async () => {
      const before = standin.server.requests.length;
      const call = createGroup(org, TOKEN, "g", "lhr", null, { baseUrl: standin.url });
      if (refused) {
        await rejection(call, { code: "invalid_argument", field: "org", attempts: 0 });
        assert.throws(() => createClient({ org, token: TOKEN, baseUrl: standin.url }), { code: "invalid_argument" });
        assert.equal(standin.server.requests.length, before);
        return;
      }
      await call.catch(() => {});
      const path = standin.server.requests.at(-1).path;
      const segment = path.slice("/v1/organizations/".length).split("/")[0];
      assert.equal(path, `/v1/organizations/${segment}/groups`, "no other segment was added");
      assert.equal(decodeURIComponent(segment), org);
    });
  }
});

describe("path injection through the base URL", () => {
  const port = () => new URL(standin.url).port;
  for (const suffix of ["/a/../b", "/./v1", "/%2e%2e", "/a%2Fb", "/a?x=1", "/a#b", "/a//b", "/a;b"]) {
    test(`baseUrl …${suffix} is rejected`, async () => {
      await rejection(createGroup("acme", TOKEN, "g", "lhr", null, { baseUrl: `http://127.0.0.1:${port()}${suffix}` }), {
        code: "invalid_argument",
        field: "baseUrl",
      });
    });
  }
});

describe("injection through the body and headers", () => {
  test("group names that try to escape the JSON body are sent as exactly that string", async () => {
    for (const name of ['g","location":"x', "g\\", "g\n", "../g", "g%22", "New Group", "g\u200B", "x".repeat(10_000)]) {
      await createGroup("body-injection", TOKEN, name, "lhr", null, { baseUrl: standin.url }).catch(() => {});
      const body = JSON.parse(standin.server.requests.at(-1).body);
      assert.deepEqual(Object.keys(body), ["name", "location"]);
      assert.equal(body.name, name);
      assert.equal(body.location, "lhr");
    }
  });

  test("a name the API owns arrives in the path as exactly one segment", async () => {
    const turso = createClient({ org: "segment-names", token: TOKEN, baseUrl: standin.url, maxRetries: 0 });
    for (const name of ["New-Group", "-lead", "under_score", "a/b", "?x=1", "#frag", "%2e%2e", "x".repeat(65)]) {
      await turso.groups.get(name).catch(() => {});
      assert.equal(lastSegmentAfter("segment-names", "/v1/organizations/segment-names/groups/"), name);
    }
  });

  test("header injection through the token is rejected", async () => {
    const before = standin.server.requests.length;
    for (const token of [`${TOKEN}\r\nX-Injected: 1`, `${TOKEN}\nX: y`, `${TOKEN}\u0000`, `${TOKEN} extra`]) {
      await rejection(createGroup("acme", token, "g", "lhr", null, { baseUrl: standin.url }), {
        code: "invalid_argument",
        field: "token",
      });
    }
    assert.equal(standin.server.requests.length, before);
  });

  test("a request carries only the headers the API needs, and no secret beyond Authorization", async () => {
    await createGroup("headers", TOKEN, "g", "lhr", null, { baseUrl: standin.url });
    const { headers } = standin.server.requests.at(-1);
    assert.equal(headers.authorization, `Bearer ${TOKEN}`);
    assert.equal(headers["content-type"], "application/json");
    for (const [name, value] of Object.entries(headers)) {
      if (name !== "authorization") assert.ok(!value.includes(TOKEN), `${name} carries the token`);
    }
    assert.equal(headers.cookie, undefined);
  });
});

test("no error in this file shows the token", () => {
  assert.ok(seenErrors.length > 10);
  assertNeverShown(TOKEN);
});
