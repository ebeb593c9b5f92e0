// The Organizations resource, through the built package against the stateful stand-in: what
// each call resolves to, what went on the wire, and what is refused before
// sending.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { assertNeverShown, clientFor, freshOrg, rejection, TOKEN, useStandin } from "../helpers.mjs";

const standin = useStandin();
const client = clientFor(standin);

describe("organizations", () => {
  test("get, update, plans, invoices, subscription and usage", async () => {
    const org = freshOrg("org");
    const turso = client(org);
    const organization = await turso.organizations.get();
    assert.equal(organization.slug, org);
    const updated = await turso.organizations.update({ overages: true });
    assert.equal(updated.overages, true);
    assert.deepEqual(await turso.organizations.get(), updated);
    assert.ok((await turso.organizations.list()).some((listed) => listed.slug === org));

    const plans = await turso.organizations.plans();
    assert.deepEqual(plans.map((plan) => plan.name), ["starter", "scaler"]);
    assert.equal(plans[1].quotas.databases, null, "a null quota passes as null");
    assert.equal((await turso.organizations.invoices()).length, 1);
    assert.deepEqual(await turso.organizations.invoices({ type: "upcoming" }), []);
    assert.equal((await turso.organizations.subscription()).overages, true);

    await turso.groups.create("g", { location: "lhr" });
    await turso.databases.create("db", { group: "g" });
    const usage = await turso.organizations.usage();
    assert.equal(usage.usage.databases, 1);
    assert.equal(usage.databases.length, 1);
  });

  test("bad arguments are refused before sending", async () => {
    const org = freshOrg("org-bad");
    const turso = client(org);
    await rejection(turso.organizations.update({ overages: "yes" }), { code: "invalid_argument", field: "overages" });
    await rejection(turso.organizations.invoices({ type: "paid" }), { code: "invalid_argument", field: "type" });
    assert.equal(standin.server.requestsFor(org).length, 0);
  });
});

test("the token appears in no error of this file", () => assertNeverShown(TOKEN));
