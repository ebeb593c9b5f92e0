// createClient's token as a function, as @tursodatabase/api 2.0.5 takes it
// (its PR #29): called and awaited for every call, its token used for that
// call alone and never shown; a function that fails sends nothing.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { createClient } from "turso-platform-wasm";
import { assertNeverShown, freshOrg, rejection, said, TOKEN, useStandin } from "../helpers.mjs";

const standin = useStandin();

function counted(give) {
  const tokenFunction = () => {
    tokenFunction.calls += 1;
    return give();
  };
  tokenFunction.calls = 0;
  return tokenFunction;
}

describe("a token function", () => {
  test("is awaited for every call, and each request carries the token it gave", async () => {
    const org = freshOrg("token-fn");
    const token = counted(async () => TOKEN);
    const turso = createClient({ org, token, baseUrl: standin.url });
    await turso.groups.create("g", "lhr");
    await turso.groups.get("g");
    assert.equal(token.calls, 2);
    for (const request of standin.server.requestsFor(org)) assert.equal(request.headers.authorization, `Bearer ${TOKEN}`);
    const plain = counted(() => TOKEN);
    assert.equal((await createClient({ org, token: plain, baseUrl: standin.url }).groups.list()).length, 1);
    assert.equal(plain.calls, 1, "a function that answers at once works too");
  });

  test("each page of a list asks it again", async () => {
    const org = freshOrg("token-pages");
    const setup = createClient({ org, token: TOKEN, baseUrl: standin.url });
    await setup.groups.create("g", "lhr");
    for (const name of ["a", "b", "c"]) await setup.databases.create(name, { group: "g" });
    const token = counted(async () => TOKEN);
    const turso = createClient({ org, token, baseUrl: standin.url });
    assert.equal((await turso.databases.list({ limit: 1 })).length, 3);
    assert.equal(token.calls, 3);
  });

  for (const [what, give, message] of [
    ["throws", () => { throw new Error("vault sealed"); }, /^the token function failed: vault sealed$/],
    ["rejects", async () => { throw new Error("vault sealed"); }, /^the token function failed: vault sealed$/],
    ["throws a value that is no Error", () => { throw "nope"; }, /no Error/],
    ["gives no string", async () => 42, /token must be a string; got number/],
    ["gives a bearer header", async () => `Bearer ${TOKEN}`, /drop the leading "Bearer "/],
  ]) {
    test(`that ${what} fails the call as invalid_argument, with nothing sent`, async () => {
      const org = freshOrg("token-bad");
      const turso = createClient({ org, token: give, baseUrl: standin.url });
      const error = await rejection(turso.groups.create("g", "lhr"), { code: "invalid_argument", field: "token", attempts: 0, operation: "groups.create" });
      assert.match(said(error), message);
      assert.equal(standin.server.requestsFor(org).length, 0);
    });
  }

  test("the token it gives is never shown, even when a server echoes it", async () => {
    const secret = TOKEN;
    const turso = createClient({ org: "fault-echo-token--fn", token: async () => secret, baseUrl: standin.url });
    const error = await rejection(turso.groups.list(), { code: "unauthorized", status: 401 });
    assertNeverShown(secret, [error]);
  });

  test("createGroup, which has no client, still takes only a string", async () => {
    const { createGroup } = await import("turso-platform-wasm");
    await rejection(createGroup("acme", async () => TOKEN, "g", "lhr", undefined, { baseUrl: standin.url }), {
      code: "invalid_argument",
      field: "token",
    });
  });
});

test("no error of this file shows the token", () => assertNeverShown(TOKEN));
