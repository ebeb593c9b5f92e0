// Every declared operation's request, sent to Prism (`prism mock --errors`)
// serving Turso's OpenAPI description, with the supplement of what Turso's
// own tools use beyond it merged over it, on 127.0.0.1: Prism answers a request
// that breaks the spec with 4xx and the violations, so each call must
// resolve, and resolve to the spec's example answer, unwrapped and decoded.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { after, before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { createClient, createGroup } from "turso-platform-wasm";
import { mergedSpec, writeSpec } from "../../spec/merged.mjs";
import { freePort, operations, workflows } from "../helpers.mjs";
import { sqliteFile } from "../files.mjs";

const root = fileURLToPath(new URL("../../..", import.meta.url));

/** The calls that are not one operation of the spec, and why. */
const OUTSIDE_THE_SPEC = {
  "locations.closest": "asks region.turso.io, which the Platform API's description does not cover",
  "auditLogs.all": "walks auditLogs.list page by page; tested below",
  "databases.all": "walks databases.list's pages; tested below",
  "databases.upload": "made of several operations, some on the database's own server; tested below",
  "databases.export": "made of several operations, some on the database's own server; tested below",
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
      {
        expiration: "2w1d30m",
        authorization: "read-only",
        permissions: { read_attach: { databases: ["db1"] } },
        fine_grained_permissions: [{ a: ["data_read"] }, { t: ["comments"], a: ["data_add", "data_update"] }],
      },
    ],
    raw: ["POST", "/groups/default/auth/tokens"],
  },
  "groups.rotateTokens": { args: ["default"], raw: ["POST", "/groups/default/auth/rotate"], unwrap: () => undefined },
  "databases.list": {
    args: [{ group: "default", parent: "0eb771dd-6906-11ee-8553-eaa7715aeaf2" }],
    raw: ["GET", "/databases?group=default&limit=1000"],
    unwrap: (body) => body.databases,
  },
  "databases.wakeup": { args: ["db"], raw: ["POST", "/databases/db/wakeup"], unwrap: () => undefined },
  "databases.transfer": {
    args: ["db", { org: "receiving-org" }],
    raw: ["POST", "/databases/db/transfer", { org: "receiving-org" }],
    unwrap: () => undefined,
  },
  "databases.waitForInstance": { args: ["db", "lhr"], raw: ["GET", "/databases/db/instances/lhr/wait"], unwrap: () => undefined },
  "groups.rename": { args: ["default", "renamed"], raw: ["POST", "/groups/default/rename", { Name: "renamed" }], unwrap: () => undefined },
  "groups.waitForLocation": { args: ["default", "lhr"], raw: ["GET", "/groups/default/locations/lhr/wait"], unwrap: () => undefined },
  "groups.awsMigration": { args: ["default"], raw: ["GET", "/groups/default/aws/migration/info"] },
  "groups.startAwsMigration": { args: ["default"], raw: ["POST", "/groups/default/aws/migration/start"], unwrap: () => undefined },
  "groups.abortAwsMigration": { args: ["default"], raw: ["POST", "/groups/default/aws/migration/abort"], unwrap: () => undefined },
  "locations.listForOrganization": {
    args: [],
    raw: ["GET", "/v2/organizations/acme/locations"],
    unwrap: (body) =>
      Object.entries(body.locations)
        .flatMap(([provider, codes]) => Object.entries(codes).map(([code, description]) => ({ code, description, provider })))
        .sort((a, b) => (a.code < b.code ? -1 : 1)),
  },
  "databases.get": { args: ["my-db"], raw: ["GET", "/databases/my-db"], unwrap: (body) => body.database },
  "databases.create": {
    args: [
      "new-db",
      {
        group: "default",
        seed: { type: "database", name: "my-db", timestamp: "2023-12-20T09:46:08Z" },
        size_limit: "256mb",
        remote_encryption: { encryption_key: "c2VjcmV0LWtleS1vZi0zMi1ieXRlcy1mb3ItdGVzdA==", encryption_cipher: "aes256gcm" },
        use_tursodb: true,
      },
    ],
    raw: ["POST", "/databases", { name: "new-db", group: "default" }],
    unwrap: (body) => body.database,
  },
  "databases.delete": { args: ["my-db"], raw: ["DELETE", "/databases/my-db"], unwrap: (body) => body.database },
  "databases.getConfiguration": { args: ["my-db"], raw: ["GET", "/databases/my-db/configuration"] },
  "databases.updateConfiguration": {
    args: ["my-db", { size_limit: "1gb", block_writes: true, delete_protection: true, allowed_ips: ["10.0.0.0/8"], allowed_aws_vpc_ids: [] }],
    raw: ["PATCH", "/databases/my-db/configuration", { delete_protection: true }],
  },
  "databases.listInstances": {
    args: ["my-db"],
    raw: ["GET", "/databases/my-db/instances"],
    unwrap: (body) => body.instances,
  },
  "databases.getInstance": {
    args: ["my-db", "aws-us-east-1"],
    raw: ["GET", "/databases/my-db/instances/aws-us-east-1"],
    unwrap: (body) => body.instance,
  },
  "databases.createToken": {
    args: ["my-db", { expiration: "1d", authorization: "read-only", fine_grained_permissions: [{ t: null, a: ["data_read"] }] }],
    raw: ["POST", "/databases/my-db/auth/tokens"],
  },
  "databases.rotateTokens": { args: ["my-db"], raw: ["POST", "/databases/my-db/auth/rotate"], unwrap: () => undefined },
  "databases.usage": {
    args: ["my-db", { from: new Date("2023-01-01T00:00:00Z"), to: "2023-02-01T00:00:00Z" }],
    raw: ["GET", "/databases/my-db/usage"],
    unwrap: (body) => body.database,
  },
  "databases.stats": { args: ["my-db"], raw: ["GET", "/databases/my-db/stats"], unwrap: (body) => body.top_queries },
  "organizations.list": { args: [], raw: ["GET", "/v1/organizations"] },
  "organizations.get": { args: [], raw: ["GET", ""], unwrap: (body) => body.organization },
  "organizations.update": {
    args: [{ overages: true, require_mfa: false }],
    raw: ["PATCH", "", { overages: true }],
    unwrap: (body) => body.organization,
  },
  "organizations.plans": { args: [], raw: ["GET", "/plans"], unwrap: (body) => body.plans },
  "organizations.invoices": { args: [{ type: "issued" }], raw: ["GET", "/invoices"], unwrap: (body) => body.invoices },
  "organizations.subscription": { args: [], raw: ["GET", "/subscription"], unwrap: (body) => body.subscription },
  "organizations.usage": { args: [], raw: ["GET", "/usage"], unwrap: (body) => body.organization },
  "members.list": { args: [], raw: ["GET", "/members"], unwrap: (body) => body.members },
  "members.get": { args: ["iku"], raw: ["GET", "/members/iku"], unwrap: (body) => body.member },
  // Against the spec as corrected: see the test of the spec's own fault below.
  "members.add": {
    args: [{ username: "iku", role: "admin" }],
    raw: ["POST", "/members", { username: "iku" }],
    prism: "corrected",
  },
  "members.updateRole": {
    args: ["iku", "viewer"],
    raw: ["PATCH", "/members/iku", { role: "viewer" }],
    unwrap: (body) => body.member,
  },
  "members.remove": { args: ["iku"], raw: ["DELETE", "/members/iku"], unwrap: (body) => body.member },
  "invites.list": { args: [], raw: ["GET", "/v2/organizations/acme/invites"], unwrap: (body) => body.invites },
  "invites.create": {
    args: [{ email: "iku@turso.tech", role: "member" }],
    raw: ["POST", "/v2/organizations/acme/invites", { email: "iku@turso.tech" }],
    unwrap: (body) => body.invited,
  },
  "invites.delete": {
    args: ["iku+test@turso.tech"],
    raw: ["DELETE", "/v2/organizations/acme/invites/iku%2Btest%40turso.tech"],
    unwrap: () => undefined,
  },
  "apiTokens.list": { args: [], raw: ["GET", "/v1/auth/api-tokens"], unwrap: (body) => body.tokens },
  "apiTokens.create": {
    args: ["ci-bot", { organization: "acme", group: "default", scopes: ["db:create", "read-only"] }],
    raw: ["POST", "/v1/auth/api-tokens/ci-bot"],
  },
  "apiTokens.revoke": { args: ["ci-bot"], raw: ["DELETE", "/v1/auth/api-tokens/ci-bot"], unwrap: (body) => body.token },
  "apiTokens.listForOrganization": { args: [], raw: ["GET", "/api-tokens"], unwrap: (body) => body.tokens },
  "apiTokens.revokeForOrganization": {
    args: ["clGFZ4STEe6fljpFzIum8A"],
    raw: ["DELETE", "/api-tokens/clGFZ4STEe6fljpFzIum8A"],
    unwrap: (body) => body.token,
  },
  "apiTokens.validate": { args: [], raw: ["GET", "/v1/auth/validate"] },
  "auditLogs.list": { args: [{ pageSize: 10, page: 1 }], raw: ["GET", "/audit-logs?page_size=10&page=1"] },
  "user.get": { args: [], raw: ["GET", "/v1/user"], unwrap: (body) => body.user },
  "locations.list": {
    args: [],
    raw: ["GET", "/v1/locations"],
    unwrap: (body) =>
      Object.entries(body.locations)
        .map(([code, description]) => ({ code, description }))
        .sort((a, b) => (a.code < b.code ? -1 : 1)),
  },
};

/**
 * Prism on the spec, and on a copy with one fault corrected: Add Member
 * requires `email` while it defines only `username` and `role`. Turso's docs
 * (`turso org members add <username>`) and `@tursodatabase/api` send
 * `username`, and the answer names the member by username, so the copy
 * requires `username` instead. A test below shows Prism refusing the right
 * body on the spec as published.
 */
const prism = {};

async function startPrism(specPath) {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    ["node_modules/@stoplight/prism-cli/dist/index.js", "mock", "--errors", "-h", "127.0.0.1", "-p", String(port), specPath],
    { cwd: root, stdio: ["ignore", "pipe", "pipe"] },
  );
  let log = "";
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Prism did not start:\n${log}`)), 60_000);
    const read = (chunk) => {
      log += chunk;
      if (log.includes("Prism is listening")) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on("data", read);
    child.stderr.on("data", read);
    child.once("exit", (code) => reject(new Error(`Prism exited with ${code}:\n${log}`)));
  });
  const url = `http://127.0.0.1:${port}`;
  return { child, url, client: createClient({ org: "acme", token: "prism-token", baseUrl: url }) };
}

before(async () => {
  const spec = mergedSpec();
  const merged = writeSpec("turso-platform-openapi.merged.json", spec);
  const addMember = spec.paths["/v1/organizations/{organizationSlug}/members"].post;
  assert.deepEqual(addMember.requestBody.content["application/json"].schema.required, ["email"]);
  addMember.requestBody.content["application/json"].schema.required = ["username"];
  const corrected = writeSpec("turso-platform-openapi.corrected.json", spec);
  [prism.spec, prism.corrected] = await Promise.all([startPrism(merged), startPrism(corrected)]);
  prism.url = prism.spec.url;
  prism.client = prism.spec.client;
});

after(() => {
  prism.spec?.child.kill();
  prism.corrected?.child.kill();
});

/** What Prism answers a raw request, as JSON (or undefined for no body). */
async function rawAnswer([method, path, body], mock = prism.spec) {
  const url = path.startsWith("/v") ? `${mock.url}${path}` : `${mock.url}/v1/organizations/acme${path}`;
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
    const declared = [
      ...operations.map(({ call, pages }) => (pages ? [call, `${call.split(".")[0]}.all`] : [call])).flat(),
      ...workflows.map(({ call }) => call),
    ];
    assert.deepEqual(
      declared.filter((call) => !(call in OUTSIDE_THE_SPEC)).sort(),
      Object.keys(CALLS).sort(),
    );
  });

  for (const [call, { args, raw, unwrap = (body) => body, prism: which = "spec" }] of Object.entries(CALLS)) {
    test(`${call} is accepted and its example answer decodes`, async () => {
      const [resource, method] = call.split(".");
      const answer = await prism[which].client[resource][method](...args);
      assert.deepEqual(answer, unwrap(await rawAnswer(raw, prism[which])));
    });
  }

  test("auditLogs.all() walks the pages to the last", async () => {
    const entries = [];
    for await (const entry of prism.client.auditLogs.all({ pageSize: 10 })) entries.push(entry);
    const first = await rawAnswer(["GET", "/audit-logs?page_size=10&page=1"]);
    assert.equal(first.pagination.total_pages, 1);
    assert.deepEqual(entries, first.audit_logs);
  });

  test("databases.all() and databases.list() ask for pages of 1000 and follow none past the last", async () => {
    const listed = [];
    for await (const database of prism.client.databases.all({ limit: 5 })) listed.push(database);
    const page = await rawAnswer(["GET", "/databases?limit=5"]);
    assert.deepEqual(page.pagination, {});
    assert.deepEqual(listed, page.databases);
    assert.deepEqual(await prism.client.databases.list({ cursor: "from-here" }), page.databases);
  });

  test("databases.upload and databases.export: every step, on the API and on the database's server, is accepted", async () => {
    // Prism serves the database's server's paths too: the supplement has them.
    const turso = createClient({ org: "acme", token: "prism-token", baseUrl: prism.url, databaseUrl: () => prism.url });
    const file = sqliteFile({ pages: 2, reserved: 28 });
    const progress = [];
    const created = await turso.databases.upload("uploaded", file, {
      group: "default",
      remote_encryption: { encryption_key: "a2V5", encryption_cipher: "aes256gcm" },
      onProgress: ({ uploadedBytes }) => progress.push(uploadedBytes),
    }).catch((error) => assert.fail(`${error.message}\n${error.body}`));
    assert.deepEqual(created, await rawAnswer(["POST", "/databases", { name: "uploaded", group: "default" }]).then((body) => body.database));
    // The example's chunk_size is 4096: one chunk a page.
    assert.deepEqual(progress, [4096, 8192]);
    const exported = await turso.databases.export("uploaded");
    assert.ok(exported instanceof ReadableStream);
    await new Response(exported).arrayBuffer();
  });

  test("the spec's own fault: Add Member requires email, which it does not define", async () => {
    const error = await prism.client.members.add({ username: "iku", role: "admin" }).catch((caught) => caught);
    assert.equal(error.status, 422);
    assert.match(error.body, /required property 'email'/);
  });

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
    // The supplement is enforced as the description is.
    const paged = await fetch(`${prism.url}/v1/organizations/acme/databases?limit=none`, {
      headers: { authorization: "Bearer prism-token" },
    });
    assert.equal(paged.status, 422);
  });

  test("a wrong path is refused: what apiTokens.validate gets from the official SDK", async () => {
    const response = await fetch(`${prism.url}/v1/organizations/acme/groups/default/tokens/validate`);
    assert.equal(response.status, 404);
  });
});
