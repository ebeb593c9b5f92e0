// What a hostile server, or a host whose fetch misbehaves, gets from the
// package: typed errors, with no secret in them.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { createClient, createGroup } from "turso-platform-wasm";
import { assertNeverShown, rejection, TOKEN, useStandin } from "./helpers.mjs";

const standin = useStandin();

describe("secrets in errors", () => {
  test("a server that echoes the token gets it redacted from message and body", async () => {
    const turso = createClient({ org: "fault-echo-token", token: TOKEN, baseUrl: standin.url });
    for (const call of [() => turso.groups.list(), () => turso.groups.create("g", "lhr")]) {
      const error = await rejection(call(), { code: "unauthorized", status: 401 });
      assert.equal(error.message, "bad credentials: Bearer [redacted]");
      assert.equal(error.body, '{"error":"bad credentials: Bearer [redacted]"}');
      assertNeverShown(TOKEN, [error]);
    }
    const cut = createClient({ org: "fault-echo-token-cut", token: TOKEN, baseUrl: standin.url });
    const error = await rejection(cut.groups.get("g"), { code: "unauthorized", status: 401 });
    assert.match(error.body, /"tail":"Bearer \[redacted\]$/, "the token's start, where the body was cut, is redacted");
    assertNeverShown(TOKEN.slice(0, 5), [error]);
  });

  test("a rejected baseUrl is shown without its credentials, query or fragment", async () => {
    for (const baseUrl of ["https://user:pass-secret@api.turso.tech", "http://api.turso.tech/?key=query-secret", "ftp://h/#frag-secret"]) {
      const error = await rejection(createGroup("acme", TOKEN, "g", "lhr", null, { baseUrl }), { field: "baseUrl" });
      assert.doesNotMatch(error.message, /secret/, error.message);
    }
  });
});

describe("redirects, which the API never sends", () => {
  test("are not followed: one request, a typed error, whatever maxRetries says", async () => {
    for (const org of ["fault-redirect-same", "fault-redirect-cross-origin"]) {
      const turso = createClient({ org, token: TOKEN, baseUrl: standin.url, maxRetries: 10 });
      for (const [call, status] of [
        [() => turso.groups.create("g", "lhr"), org === "fault-redirect-same" ? 307 : 308],
        [() => turso.groups.list(), org === "fault-redirect-same" ? 307 : 308],
      ]) {
        const before = standin.server.requests.length;
        const error = await rejection(call(), { code: "http_error", status, attempts: 1 });
        assert.match(error.message, /a redirect \(HTTP 30[78]\), which this client does not follow/);
        assert.equal(standin.server.requests.length, before + 1, `${org}: nothing is sent again`);
      }
    }
    assert.ok(!standin.server.requests.some((r) => r.path.includes("/redirected/")), "the other origin got nothing");
  });
});
