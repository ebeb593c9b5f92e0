// The Locations resource, through the built package against the stand-in.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { assertNeverShown, clientFor, freshOrg, TOKEN, useStandin } from "../helpers.mjs";

const standin = useStandin();
const client = clientFor(standin);

describe("the locations resource", () => {
  test("list is the API's map as a list sorted by code", async () => {
    const locations = await client(freshOrg("loc")).locations.list();
    assert.deepEqual(locations[0], { code: "ams", description: "Amsterdam, Netherlands" });
    assert.deepEqual(
      locations.map((l) => l.code),
      [...locations.map((l) => l.code)].sort(),
    );
    assert.ok(locations.every((l) => Object.keys(l).join() === "code,description"));
  });

  test("closest asks regionUrl, and sends it no token", async () => {
    const closest = await client(freshOrg("region")).locations.closest();
    assert.deepEqual(closest, { server: "lhr", client: "lhr" });
    const asked = standin.server.requests.filter((r) => r.path === "/region/");
    assert.ok(asked.length > 0);
    for (const request of asked) assert.equal(request.headers.authorization, undefined);
  });

  test("listForOrganization is the v2 map by provider, as one list sorted by code", async () => {
    const org = freshOrg("org-loc");
    const places = await client(org).locations.listForOrganization();
    assert.deepEqual(places[0], { code: "ams", description: "Amsterdam, Netherlands", provider: "fly" });
    assert.deepEqual(places.find((place) => place.code === "aws-us-east-1")?.provider, "aws");
    assert.deepEqual(places.map((place) => place.code), [...places.map((place) => place.code)].sort());
    assert.equal(standin.server.requestsFor(org).at(-1).path, `/v2/organizations/${org}/locations`);
  });

  test("regionUrl is checked like baseUrl", () => {
    assert.throws(() => client("acme", { regionUrl: "http://example.com" }), { code: "invalid_argument", field: "regionUrl" });
  });
});

test("the token appears in no error of this file", () => assertNeverShown(TOKEN));
