// Members and invites, through the built package against the stateful stand-in: what
// each call resolves to, what went on the wire, and what is refused before
// sending.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { assertNeverShown, clientFor, freshOrg, rejection, TOKEN, useStandin } from "../helpers.mjs";

const standin = useStandin();
const client = clientFor(standin);

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

test("the token appears in no error of this file", () => assertNeverShown(TOKEN));
