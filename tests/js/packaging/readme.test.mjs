// The README's `<!-- example: node -->` blocks, run as written against a
// stand-in; the first of them and the Worker of "Where it runs" checked by
// `tsc --strict`; and its `<!-- example: workerd -->` Worker, bundled as
// Wrangler bundles it and run in workerd.
import assert from "node:assert/strict";
import { execFile, spawn } from "node:child_process";
import { cp, mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { test } from "node:test";
import { createGroup } from "turso-platform-wasm";
import { sqliteFile } from "../files.mjs";
import { claimsOf, fetchWhenUp, freshOrg, readmeExamples as examples, refusedPort, TOKEN, useStandin, workerdConfig } from "../helpers.mjs";

const run = promisify(execFile);
const OUT = new URL("../../out/", import.meta.url);
const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const standin = useStandin();

async function runExample(heading, org) {
  const code = examples().get(heading);
  assert.ok(code, `an example under "${heading}"`);
  // Written inside the repository so that the package resolves by its name.
  await mkdir(OUT, { recursive: true });
  const file = new URL(`readme-example-${heading.replace(/\W+/g, "-")}.mjs`, OUT);
  await writeFile(file, code);
  const env = {
    ...process.env,
    TURSO_ORG: org,
    TURSO_API_TOKEN: TOKEN,
    TURSO_API_URL: standin.url,
    TURSO_REGION_URL: `${standin.url}/region`,
    TURSO_DATABASE_HOSTS: `${standin.url}/hosts`,
  };
  // In tests/out, where an example may write a file.
  const { stdout } = await run(process.execPath, [file.pathname], { env, cwd: OUT.pathname });
  return stdout;
}

/** The requests an organization sent, as "METHOD path status", its prefix cut. */
function sent(org) {
  return standin.server
    .requestsFor(org)
    .map((r) => `${r.method} ${r.path.replace(/^\/v[12]\/organizations\/[^/]+/, "")} ${r.status}`);
}

test("the README has the examples this file runs", async () => {
  assert.deepEqual(
    [...examples().keys()],
    ["Use", "Cancelling and timeouts", "Organizations", "Groups", "Databases", "Locations", "Members and invites", "API tokens", "Audit logs and the user", "Beyond the published description"],
  );
  assert.deepEqual([...examples("workerd").keys()], ["A tenant per customer, in a Cloudflare Worker"]);
});

test("the first examples type-check under strict TypeScript, as a newcomer's project has it", async () => {
  // In tests/out, inside the repository, so that the package resolves by its name.
  const dir = fileURLToPath(new URL("readme-ts/", OUT));
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, "use.mts"), examples().get("Use"));
  await writeFile(join(dir, "worker.mts"), examples("worker").get("Where it runs"));
  const tsconfig = (lib, types, files) => ({ compilerOptions: { strict: true, noEmit: true, target: "ES2022", module: "nodenext", lib, types }, files });
  await writeFile(join(dir, "tsconfig.node.json"), JSON.stringify(tsconfig(["ES2022"], ["node"], ["use.mts"])));
  // A Worker has the web's globals, Request and Response, and not Node's.
  await writeFile(join(dir, "tsconfig.worker.json"), JSON.stringify(tsconfig(["ES2022", "DOM"], [], ["worker.mts"])));
  for (const project of ["tsconfig.node.json", "tsconfig.worker.json"]) {
    const tsc = await run(process.execPath, [join(ROOT, "node_modules/typescript/bin/tsc"), "-p", join(dir, project)]).catch((error) => error);
    assert.equal(tsc.stdout, "", `${project}: ${tsc.stdout}`);
  }
});

test("the usage example creates three groups", async () => {
  const org = freshOrg("readme");
  const stdout = await runExample("Use", org);
  assert.match(stdout, /^created new-group \([0-9a-f-]{36}\) in lhr\ncreated every-extension and flat-call\n$/);
  const bodies = standin.server.requestsFor(org).map((r) => JSON.parse(r.body));
  assert.deepEqual(bodies, [
    { name: "new-group", location: "lhr", extensions: ["vector", "uuid"] },
    { name: "every-extension", location: "lhr", extensions: "all" },
    { name: "flat-call", location: "aws-us-east-1", extensions: [] },
  ]);
});

test("the usage example handles an existing group", async () => {
  const org = freshOrg("readme-exists");
  await createGroup(org, TOKEN, "new-group", "lhr", null, { baseUrl: standin.url });
  const stdout = await runExample("Use", org);
  assert.match(stdout, /^new-group exists already: groups\.create: POST \/v1\/organizations\/js-readme-exists-[\d-]+\/groups answered HTTP 409: group already exists\n/);
});

test("the cancelling example prints aborted and sends nothing", async () => {
  const org = freshOrg("readme-abort");
  assert.equal(await runExample("Cancelling and timeouts", org), "aborted\n");
  assert.equal(standin.server.requestsFor(org).length, 0);
});

test("the groups example walks a group from creation to deletion", async () => {
  const org = freshOrg("readme-groups");
  const stdout = await runExample("Groups", org);
  assert.equal(stdout, "reports in lhr\nminted a token of 3 parts\ndeleted reports\n");
  assert.deepEqual(
    standin.server.requestsFor(org).map((r) => `${r.method} ${r.path.replace(`/v1/organizations/${org}`, "")} ${r.status}`),
    [
      "POST /groups 200",
      "PATCH /groups/reports/configuration 200",
      "GET /groups 200",
      "POST /groups/reports/auth/tokens?expiration=2w&authorization=read-only 200",
      "POST /groups/reports/auth/rotate 200",
      "PATCH /groups/reports/configuration 200",
      "DELETE /groups/reports 200",
    ],
  );
});

test("the locations example lists them and finds the closest", async () => {
  const stdout = await runExample("Locations", freshOrg("readme-locations"));
  assert.equal(stdout, "6 locations; the closest is London, United Kingdom\n");
});

test("the organizations example reads the organization, its plan and usage", async () => {
  const org = freshOrg("readme-orgs");
  assert.equal(await runExample("Organizations", org), `${org} (team) is on scaler, with 0 databases\nplans: starter, scaler\n`);
});

test("the databases example walks a database from creation to deletion", async () => {
  const org = freshOrg("readme-databases");
  const stdout = await runExample("Databases", org);
  assert.equal(stdout, `libsql://events-${org}.turso.io\nprimary in lhr\n42 rows read\ndeleted events\n`);
  assert.deepEqual(sent(org), [
    "POST /groups 200",
    "POST /databases 200",
    "PATCH /databases/events/configuration 200",
    "GET /databases/events/instances 200",
    "GET /databases/events/usage?from=2026-01-01T00%3A00%3A00.000Z 200",
    "DELETE /databases/events 200",
    "DELETE /groups/analytics 200",
  ]);
});

test("the files example exports a database to disk and uploads it as a new one, with its progress", async () => {
  const org = freshOrg("readme-files");
  const stdout = await runExample("Beyond the published description", org);
  assert.equal(stdout, `4096 of 4096 bytes\nlibsql://tenant-42-${org}.turso.io\n`);
  assert.deepEqual(sent(org), [
    "POST /groups 200",
    "POST /databases 200",
    "GET /databases/template 200",
    "POST /databases/template/auth/tokens?expiration=5m&authorization=full-access 200",
    "POST /databases 200",
    "POST /databases/tenant-42/auth/tokens?expiration=5m&authorization=full-access 200",
    "POST /databases/tenant-42/auth/tokens?expiration=5m&authorization=full-access 200",
  ]);
  // The template's file went out and came back in as the new database's.
  const chunk = standin.server.requests.find(
    (request) => request.path.startsWith(`/hosts/tenant-42-${org}.turso.io/`) && request.path.endsWith("/chunk/0"),
  );
  assert.equal(chunk.bytes.toString("latin1", 0, 16), "SQLite format 3\0");
});

test("the members example adds, promotes and removes a member, and invites by email", async () => {
  const org = freshOrg("readme-members");
  const stdout = await runExample("Members and invites", org);
  assert.equal(stdout, "standin-user: owner, iku: admin\nremoved iku\npending: new+hire@example.com\n");
  assert.equal(sent(org).at(-1), "DELETE /invites/new%2Bhire%40example.com 200");
});

test("the API tokens example validates, mints, lists and revokes", async () => {
  const org = freshOrg("readme-tokens");
  const stdout = await runExample("API tokens", org);
  assert.match(stdout, /^this token never expires\nminted ci-bot \([\w-]+\), a token of 3 parts\nci-bot by standin-user\nrevoked ci-bot\n$/);
  const minted = standin.server.requests.find((r) => r.path === "/v1/auth/api-tokens/ci-bot" && r.method === "POST");
  assert.deepEqual(JSON.parse(minted.body), { organization: org, group: "default", scopes: ["db:create", "db:configure"] });
});

test("the audit logs example walks every page", async () => {
  const org = freshOrg("readme-audit");
  assert.equal(await runExample("Audit logs and the user", org), "group-delete by me\ngroup-create by me\n");
  assert.deepEqual(sent(org).slice(-2), ["GET /audit-logs?page_size=1&page=1 200", "GET /audit-logs?page_size=1&page=2 200"]);
});

test("the tenant Worker runs in workerd: ensure, wait, ensure, read usage, delete", async () => {
  const dir = fileURLToPath(new URL("readme-worker/", OUT));
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, "source.js"), examples("workerd").get("A tenant per customer, in a Cloudflare Worker"));
  // As Wrangler bundles a Worker: esbuild, the workerd conditions, the .wasm kept as a module.
  await run(join(ROOT, "node_modules/.bin/esbuild"), [
    join(dir, "source.js"),
    "--bundle",
    "--format=esm",
    "--conditions=workerd,worker,browser",
    "--external:*.wasm",
    "--tsconfig-raw={}",
    `--outfile=${join(dir, "worker.js")}`,
  ], { cwd: ROOT });
  await cp(join(ROOT, "pkg/turso_platform_wasm_bg.wasm"), join(dir, "turso_platform_wasm_bg.wasm"));
  const org = freshOrg("readme-worker");
  const port = await refusedPort();
  await writeFile(
    join(dir, "config.capnp"),
    workerdConfig(port, { TURSO_ORG: org, TURSO_API_TOKEN: TOKEN, TURSO_API_URL: standin.url, TURSO_DATABASE_HOSTS: `${standin.url}/hosts` }),
  );
  const workerd = spawn(join(ROOT, "node_modules/.bin/workerd"), ["serve", "config.capnp"], { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
  let logs = "";
  workerd.stdout.on("data", (chunk) => (logs += chunk));
  workerd.stderr.on("data", (chunk) => (logs += chunk));
  try {
    const tenant = `http://127.0.0.1:${port}/tenants/acme`;
    const created = await fetchWhenUp(tenant, { method: "POST" });
    const body = await created.json();
    assert.equal(created.status, 201, `${JSON.stringify(body)}\n${logs}`);
    assert.equal(body.url, `libsql://acme-${org}.turso.io`);
    assert.equal(claimsOf(body.token).a, "ro", "a read-only token");

    const usage = await fetch(tenant);
    assert.deepEqual(await usage.json(), { rows_read: 42, rows_written: 7, storage_bytes: 4096, bytes_synced: 0 });
    const again = await fetch(tenant, { method: "POST" });
    const againBody = await again.json();
    assert.equal(again.status, 200, "a repeated POST finds what the first made");
    assert.equal(againBody.url, body.url);

    assert.equal((await fetch(tenant, { method: "DELETE" })).status, 204);
    const gone = await fetch(tenant);
    assert.deepEqual([gone.status, (await gone.json()).code], [404, "not_found"]);

    // A customer's own file: checked in wasm inside workerd, then uploaded in chunks.
    const upload = `http://127.0.0.1:${port}/tenants/from-file`;
    const refused = await fetch(upload, { method: "PUT", body: sqliteFile({ pageSize: 1024 }) });
    const refusedBody = await refused.json();
    assert.equal(refused.status, 400);
    assert.match(refusedBody.message, /page size of 1024; Turso needs 4096/);
    const file = sqliteFile({ pages: 3, fill: 0x77 });
    const uploaded = await fetch(upload, { method: "PUT", body: file });
    const uploadedBody = await uploaded.json();
    assert.equal(uploaded.status, 201, JSON.stringify(uploadedBody));
    assert.equal(uploadedBody.url, `libsql://from-file-${org}.turso.io`);
    const chunks = standin.server.requests.filter((r) => r.path.startsWith(`/hosts/from-file-${org}.turso.io/`) && r.path.includes("/chunk/"));
    assert.deepEqual(Buffer.concat(chunks.map((r) => r.bytes)), Buffer.from(file));
    assert.equal((await fetch(upload, { method: "DELETE" })).status, 204);

    const before = standin.server.requestsFor(org).length;
    const bad = await fetch(`http://127.0.0.1:${port}/tenants/`, { method: "POST" });
    assert.deepEqual([bad.status, (await bad.json()).code], [400, "invalid_argument"]);
    assert.equal(standin.server.requestsFor(org).length, before, "a bad name sends nothing");
    assert.deepEqual(sent(org).slice(0, 16), [
      "POST /groups 200",
      "GET /groups/acme 200",
      "GET /groups/acme/locations/lhr/wait 200",
      "POST /databases 200",
      "GET /databases/acme 200",
      "POST /databases/acme/auth/tokens?expiration=1d&authorization=read-only 200",
      "GET /databases/acme/usage 200",
      "POST /groups 409",
      "GET /groups/acme 200",
      "GET /groups/acme/locations/lhr/wait 200",
      "POST /databases 409",
      "GET /databases/acme 200",
      "POST /databases/acme/auth/tokens?expiration=1d&authorization=read-only 200",
      "DELETE /databases/acme 200",
      "DELETE /groups/acme 200",
      "GET /databases/acme/usage 404",
    ]);
  } finally {
    workerd.kill();
  }
});
