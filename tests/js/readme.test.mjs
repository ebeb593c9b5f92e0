// The README's `<!-- example: node -->` blocks, run as written against a stand-in.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { promisify } from "node:util";
import { test } from "node:test";
import { createGroup } from "turso-platform-wasm";
import { freshOrg, TOKEN, useStandin } from "./helpers.mjs";

const run = promisify(execFile);
const OUT = new URL("../out/", import.meta.url);
const standin = useStandin();

async function examples() {
  const readme = await readFile(new URL("../../README.md", import.meta.url), "utf8");
  return [...readme.matchAll(/<!-- example: node -->\n```js\n([\s\S]*?)```/g)].map((m) => m[1]);
}

async function runExample(index, org) {
  const code = (await examples())[index];
  // Written inside the repository so that the package resolves by its name.
  await mkdir(OUT, { recursive: true });
  const file = new URL(`readme-example-${index}.mjs`, OUT);
  await writeFile(file, code);
  const env = {
    ...process.env,
    TURSO_ORG: org,
    TURSO_API_TOKEN: TOKEN,
    TURSO_API_URL: standin.url,
    TURSO_REGION_URL: `${standin.url}/region`,
  };
  const { stdout } = await run(process.execPath, [file.pathname], { env });
  return stdout;
}

test("the README has the examples this file runs", async () => {
  assert.equal((await examples()).length, 4);
});

test("the usage example creates three groups", async () => {
  const org = freshOrg("readme");
  const stdout = await runExample(0, org);
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
  const stdout = await runExample(0, org);
  assert.match(stdout, /^new-group exists already: group already exists\n/);
});

test("the cancelling example prints aborted and sends nothing", async () => {
  const org = freshOrg("readme-abort");
  assert.equal(await runExample(1, org), "aborted\n");
  assert.equal(standin.server.requestsFor(org).length, 0);
});

test("the groups example walks a group from creation to deletion", async () => {
  const org = freshOrg("readme-groups");
  const stdout = await runExample(2, org);
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
  const stdout = await runExample(3, freshOrg("readme-locations"));
  assert.equal(stdout, "6 locations; the closest is London, United Kingdom\n");
});
