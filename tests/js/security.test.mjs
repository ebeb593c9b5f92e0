// Injection attempts through every argument that reaches the URL or a
// header, checked against what the server actually received.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { createClient, createGroup } from "turso-platform-wasm";
import { assertNeverShown, rejection, seenErrors, TOKEN, useStandin } from "./helpers.mjs";

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

describe("path injection through org", () => {
  for (const org of PATH_ATTACKS) {
    test(`org ${JSON.stringify(org)} is rejected and nothing is sent`, async () => {
      const before = standin.server.requests.length;
      await rejection(createGroup(org, TOKEN, "g", "lhr", null, { baseUrl: standin.url }), {
        code: "invalid_argument",
        field: "org",
        attempts: 0,
      });
      assert.throws(() => createClient({ org, token: TOKEN, baseUrl: standin.url }), { code: "invalid_argument" });
      assert.equal(standin.server.requests.length, before);
    });
  }

  test("odd but valid slugs arrive as exactly one path segment", async () => {
    for (const org of ["...", "a.b", "_x_", "A-Z.0_9"]) {
      await createGroup(org, TOKEN, "g", "lhr", null, { baseUrl: standin.url });
      assert.equal(standin.server.requests.at(-1).path, `/v1/organizations/${org}/groups`);
    }
  });
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
  test("group names that try to escape the JSON body are rejected", async () => {
    const before = standin.server.requests.length;
    for (const name of ['g","location":"x', "g\\", "g\n", "../g", "g%22"]) {
      await rejection(createGroup("acme", TOKEN, name, "lhr", null, { baseUrl: standin.url }), {
        code: "invalid_argument",
        field: "name",
      });
    }
    assert.equal(standin.server.requests.length, before);
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
  assert.ok(seenErrors.length > 20);
  assertNeverShown(TOKEN);
});
