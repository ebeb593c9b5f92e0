// Every way a call can fail after it is sent, and that failures never leak the token.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { createClient, createGroup } from "turso-platform-wasm";
import { assertNeverShown, freshOrg, refusedPort, rejection, seenErrors, TOKEN, useStandin } from "../helpers.mjs";

const standin = useStandin();
const call = (org, name = "g", options = {}) =>
  createGroup(org, TOKEN, name, "lhr", undefined, { baseUrl: standin.url, ...options });

describe("answers that are errors", () => {
  test("a second create of the same name is a conflict with the API's message", async () => {
    const org = freshOrg("conflict");
    await call(org, "twice");
    const error = await rejection(call(org, "twice"), { code: "conflict", status: 409, operation: "groups.create" });
    assert.equal(error.message, `groups.create: POST /v1/organizations/${org}/groups answered HTTP 409: group already exists`);
    assert.equal(error.body, '{"error":"group already exists"}');
    assert.equal(error.field, undefined);
  });

  test("a wrong token is unauthorized", async () => {
    const org = freshOrg("auth");
    const error = await rejection(
      createGroup(org, "not-the-token", "g", "lhr", undefined, { baseUrl: standin.url }),
      { code: "unauthorized", status: 401 },
    );
    assert.equal(error.message, `groups.create: POST /v1/organizations/${org}/groups answered HTTP 401: token is invalid or expired`);
    assertNeverShown("not-the-token", [error]);
  });

  test("a 500 with an HTML body keeps its status and body", async () => {
    const error = await rejection(call("fault-html-500"), { code: "server_error", status: 500 });
    assert.equal(error.message, "groups.create: POST /v1/organizations/fault-html-500/groups answered HTTP 500");
    assert.match(error.body, /^<html>/);
  });

  test("an unknown organization is not_found", async () => {
    const error = await rejection(call("fault-no-such-org"), { code: "not_found", status: 404 });
    assert.equal(error.message, "groups.create: POST /v1/organizations/fault-no-such-org/groups answered HTTP 404: organization not found");
  });
});

describe("answers that can't be read", () => {
  test("a 2xx of the wrong shape is a decode_error", async () => {
    const error = await rejection(call("fault-wrong-shape"), { code: "decode_error", status: 200 });
    assert.match(error.message, /: group is missing$/);
    assert.equal(error.body, '{"groups":[]}');
  });

  test("truncated JSON is a decode_error", async () => {
    await rejection(call("fault-truncated-json"), { code: "decode_error", status: 200 });
  });
});

describe("no answer", () => {
  test("a reset connection is a network_error", async () => {
    const error = await rejection(call("fault-reset"), { code: "network_error" });
    assert.equal(error.status, undefined);
  });

  test("a refused connection is a network_error that says why", async () => {
    const port = await refusedPort();
    const error = await rejection(
      createGroup("acme", TOKEN, "g", "lhr", undefined, { baseUrl: `http://127.0.0.1:${port}` }),
      { code: "network_error" },
    );
    assert.match(error.message, /^groups\.create: POST \/v1\/organizations\/acme\/groups got no answer: .*ECONNREFUSED/);
  });

  test("headers that never come time out", async () => {
    const started = Date.now();
    const error = await rejection(call("fault-slow", "g", { timeoutMs: 200 }), { code: "timeout" });
    assert.equal(error.message, "groups.create: POST /v1/organizations/fault-slow/groups timed out after 200 ms");
    assert.ok(Date.now() - started < 5_000);
  });

  test("a body that stalls mid-way times out", async () => {
    await rejection(call("fault-stall-body", "g", { timeoutMs: 300 }), { code: "timeout" });
  });

  test("the client's timeout applies, and a call's own timeout overrides it", async () => {
    const turso = createClient({ org: "fault-slow", token: TOKEN, baseUrl: standin.url, timeoutMs: 150 });
    await rejection(turso.groups.create("g", "lhr"), { code: "timeout" });
    const error = await rejection(turso.groups.create("g", "lhr", { timeoutMs: 250 }), { code: "timeout" });
    assert.match(error.message, /250 ms/);
  });

  test("an abort while waiting rejects with aborted", async () => {
    const controller = new AbortController();
    const pending = call("fault-slow", "g", { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    await rejection(pending, { code: "aborted" });
  });

  test("an abort with a non-Error reason is still a typed error", async () => {
    const controller = new AbortController();
    const pending = call("fault-stall-body", "g", { signal: controller.signal });
    setTimeout(() => controller.abort("user went away"), 50);
    await rejection(pending, { code: "aborted" });
  });

  test("an already aborted signal sends nothing", async () => {
    const org = freshOrg("pre-aborted");
    await rejection(call(org, "g", { signal: AbortSignal.abort() }), { code: "aborted" });
    assert.equal(standin.server.requestsFor(org).length, 0);
  });
});

describe("a fetch that misbehaves", () => {
  const withFetch = async (replacement, run) => {
    const original = globalThis.fetch;
    globalThis.fetch = replacement;
    try {
      return await run();
    } finally {
      globalThis.fetch = original;
    }
  };
  const CASES = [
    ["rejects with a string", () => Promise.reject("offline")],
    ["rejects with undefined", () => Promise.reject(undefined)],
    ["rejects with a plain object", () => Promise.reject({ reason: "nope" })],
    ["throws a number synchronously", () => {
      throw 42;
    }],
    ["resolves to something that is not a Response", () => Promise.resolve({ status: 200 })],
  ];
  for (const [what, replacement] of CASES) {
    test(`a fetch that ${what} gives a network_error, and the next call works`, async () => {
      const error = await withFetch(replacement, () => rejection(call(freshOrg("odd-fetch")), { code: "network_error", attempts: 1 }));
      assert.match(error.message, /fetch failed/);
      assert.equal((await call(freshOrg("odd-fetch-after"))).name, "g");
    });
  }
});

describe("after errors", () => {
  test("the next call works", async () => {
    const group = await call(freshOrg("healthy"), "after-errors");
    assert.equal(group.name, "after-errors");
  });

  // Runs last in this file: the sweep covers every error the file saw.
  test("no error shows the token anywhere", () => {
    assert.ok(seenErrors.length >= 12, `only ${seenErrors.length} errors seen`);
    assertNeverShown(TOKEN);
  });
});
