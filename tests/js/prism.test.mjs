// Every declared operation's request, sent to Prism (`prism mock --errors`)
// serving Turso's OpenAPI description on 127.0.0.1: Prism answers a request
// that breaks the spec with 4xx and the violations, so each call must
// resolve, and resolve to the spec's example answer, unwrapped and decoded.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { after, before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { createClient, createGroup } from "turso-platform-wasm";
import { freePort } from "./helpers.mjs";

const root = fileURLToPath(new URL("../..", import.meta.url));
const SPEC = "tests/spec/turso-platform-openapi.json";

/** The operations the spec does not describe, and why. */
const OUTSIDE_THE_SPEC = {
  "locations.closest": "asks region.turso.io, which the Platform API's description does not cover",
};

/**
 * One call per declared operation: its arguments, and the raw request that
 * gives the answer to compare with (method, path, and how to unwrap it).
 */
const CALLS = {
  "groups.list": { args: [], raw: ["GET", "/groups"], unwrap: (body) => body.groups },
  "groups.get": { args: ["default"], raw: ["GET", "/groups/default"], unwrap: (body) => body.group },
  "groups.create": {
    args: ["new-group", { location: "aws-us-east-1", extensions: ["vector", "uuid"] }],
    raw: ["POST", "/groups", { name: "new-group", location: "aws-us-east-1" }],
    unwrap: (body) => body.group,
  },
  "groups.delete": { args: ["default"], raw: ["DELETE", "/groups/default"], unwrap: (body) => body.group },
  "groups.getConfiguration": { args: ["default"], raw: ["GET", "/groups/default/configuration"] },
  "groups.updateConfiguration": {
    args: ["default", { delete_protection: true }],
    raw: ["PATCH", "/groups/default/configuration", { delete_protection: true }],
  },
  "groups.transfer": {
    args: ["default", { organization: "receiving-org" }],
    raw: ["POST", "/groups/default/transfer", { organization: "receiving-org" }],
  },
  "groups.unarchive": { args: ["default"], raw: ["POST", "/groups/default/unarchive"], unwrap: (body) => body.group },
  "groups.addLocation": {
    args: ["default", "aws-eu-west-1"],
    raw: ["POST", "/groups/default/locations/aws-eu-west-1"],
    unwrap: (body) => body.group,
  },
  "groups.removeLocation": {
    args: ["default", "aws-eu-west-1"],
    raw: ["DELETE", "/groups/default/locations/aws-eu-west-1"],
    unwrap: (body) => body.group,
  },
  "groups.updateDatabases": { args: ["default"], raw: ["POST", "/groups/default/update"], unwrap: () => undefined },
  "groups.createToken": {
    args: [
      "default",
      { expiration: "2w1d30m", authorization: "read-only", permissions: { read_attach: { databases: ["db1"] } } },
    ],
    raw: ["POST", "/groups/default/auth/tokens"],
  },
  "groups.rotateTokens": { args: ["default"], raw: ["POST", "/groups/default/auth/rotate"], unwrap: () => undefined },
  "locations.list": {
    args: [],
    raw: ["GET", "/v1/locations"],
    unwrap: (body) =>
      Object.entries(body.locations)
        .map(([code, description]) => ({ code, description }))
        .sort((a, b) => (a.code < b.code ? -1 : 1)),
  },
};

const prism = {};

before(async () => {
  prism.port = await freePort();
  prism.url = `http://127.0.0.1:${prism.port}`;
  prism.child = spawn(
    process.execPath,
    ["node_modules/@stoplight/prism-cli/dist/index.js", "mock", "--errors", "-h", "127.0.0.1", "-p", String(prism.port), SPEC],
    { cwd: root, stdio: ["ignore", "pipe", "pipe"] },
  );
  prism.log = "";
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Prism did not start:\n${prism.log}`)), 60_000);
    const read = (chunk) => {
      prism.log += chunk;
      if (prism.log.includes("Prism is listening")) {
        clearTimeout(timer);
        resolve();
      }
    };
    prism.child.stdout.on("data", read);
    prism.child.stderr.on("data", read);
    prism.child.once("exit", (code) => reject(new Error(`Prism exited with ${code}:\n${prism.log}`)));
  });
  prism.client = createClient({ org: "acme", token: "prism-token", baseUrl: prism.url });
});

after(() => prism.child?.kill());

/** What Prism answers a raw request, as JSON (or undefined for no body). */
async function rawAnswer([method, path, body]) {
  const url = path.startsWith("/v1/locations") ? `${prism.url}${path}` : `${prism.url}/v1/organizations/acme${path}`;
  const response = await fetch(url, {
    method,
    headers: { authorization: "Bearer prism-token", ...(body ? { "content-type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  assert.equal(response.status, 200, `${method} ${path}: ${await response.clone().text()}`);
  const text = await response.text();
  return text === "" ? undefined : JSON.parse(text);
}

describe("every operation against Prism and the spec", () => {
  test("every declared call has a case here, or a reason it is outside the spec", () => {
    const declared = Object.entries(prism.client).flatMap(([resource, methods]) =>
      Object.keys(methods).map((method) => `${resource}.${method}`),
    );
    assert.deepEqual(
      declared.filter((call) => !(call in OUTSIDE_THE_SPEC)).sort(),
      Object.keys(CALLS).sort(),
    );
  });

  for (const [call, { args, raw, unwrap = (body) => body }] of Object.entries(CALLS)) {
    test(`${call} is accepted and its example answer decodes`, async () => {
      const [resource, method] = call.split(".");
      const answer = await prism.client[resource][method](...args);
      assert.deepEqual(answer, unwrap(await rawAnswer(raw)));
    });
  }

  test("the flat createGroup is accepted too", async () => {
    const group = await createGroup("acme", "prism-token", "flat", "aws-us-east-1", "all", { baseUrl: prism.url });
    assert.equal(typeof group.name, "string");
  });

  test("Prism does reject a request that breaks the spec", async () => {
    const response = await fetch(`${prism.url}/v1/organizations/acme/groups`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "no-location" }),
    });
    assert.equal(response.status, 422);
    const problem = await response.json();
    assert.match(JSON.stringify(problem.validation), /required property 'location'/);
  });

  test("a wrong path is refused: what apiTokens.validate gets from the official SDK", async () => {
    const response = await fetch(`${prism.url}/v1/organizations/acme/groups/default/tokens/validate`);
    assert.equal(response.status, 404);
  });
});
