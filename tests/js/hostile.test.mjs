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
