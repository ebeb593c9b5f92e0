// API tokens, through the built package against the stateful stand-in: what
// each call resolves to, what went on the wire, and what is refused before
// sending.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { assertNeverShown, claimsOf, clientFor, freshOrg, rejection, TOKEN, useStandin } from "../helpers.mjs";

const standin = useStandin();
const client = clientFor(standin);

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

test("the token appears in no error of this file", () => assertNeverShown(TOKEN));
