// Errors that say where and what: the caller's own frames in the stack, the
// call and its request in the message, and every field in JSON.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { createClient } from "turso-platform-wasm";
import { assertNeverShown, rejection, TOKEN, useStandin } from "../helpers.mjs";

const standin = useStandin();
const run = promisify(execFile);
const CALLER = fileURLToPath(new URL("caller.mjs", import.meta.url));

test("a rejection's stack has the frames of the code that awaits it, whatever the call", async () => {
  const { stdout } = await run(process.execPath, [CALLER, standin.url]);
  const stacks = JSON.parse(stdout);
  assert.equal(Object.keys(stacks).length, 6);
  for (const [what, stack] of Object.entries(stacks)) {
    assert.match(stack, /^TursoClientError: /, what);
    assert.match(stack, /\n +at (async )?.*caller\.mjs:\d+:\d+/, `${what}: the caller's line is missing from\n${stack}`);
    assert.doesNotMatch(stack, /wasm-function/, what);
  }
});

test("an unhandled rejection prints the caller's line, not a line of minified glue", async () => {
  const failed = await run(process.execPath, [CALLER, standin.url, "uncaught"]).then(
    () => assert.fail("the process was to fail"),
    (error) => error,
  );
  assert.equal(failed.code, 1);
  assert.match(failed.stderr, /TursoClientError: groups\.get: GET \/v1\/organizations\/fault-html-500\/groups\/g answered HTTP 500/);
  assert.match(failed.stderr, /caller\.mjs:\d+:\d+/);
  const longest = Math.max(...failed.stderr.split("\n").map((line) => line.length));
  assert.ok(longest < 300, `a line of ${longest} characters in\n${failed.stderr}`);
});

test("JSON.stringify keeps the message and every field, and no secret", async () => {
  const turso = createClient({ org: "fault-echo-token", token: TOKEN, baseUrl: standin.url });
  const error = await rejection(turso.groups.get("g"), { code: "unauthorized" });
  assert.deepEqual(JSON.parse(JSON.stringify(error)), {
    name: "TursoClientError",
    message: "groups.get: GET /v1/organizations/fault-echo-token/groups/g answered HTTP 401: bad credentials: Bearer [redacted]",
    code: "unauthorized",
    operation: "groups.get",
    status: 401,
    body: '{"error":"bad credentials: Bearer [redacted]"}',
    attempts: 1,
  });
  const refused = await rejection(turso.databases.create("db", { group: "g", size_limt: "1gb" }), { code: "invalid_argument" });
  assert.deepEqual(JSON.parse(JSON.stringify(refused)), {
    name: "TursoClientError",
    message: "databases.create: options.size_limt is not an option it takes; did you mean size_limit?",
    code: "invalid_argument",
    operation: "databases.create",
    field: "size_limt",
    attempts: 0,
  });
  assertNeverShown(TOKEN, [error, refused]);
});

test("a baseUrl with @tursodatabase/api's /v1 is refused with what to write instead", () => {
  for (const baseUrl of ["https://api.turso.tech/v1/", "https://api.turso.tech/v1"]) {
    assert.throws(
      () => createClient({ org: "acme", token: TOKEN, baseUrl }),
      (error) =>
        error.code === "invalid_argument" &&
        error.field === "baseUrl" &&
        error.message ===
          'createClient: baseUrl ends in /v1, as @tursodatabase/api\'s does; this package puts the API\'s version in each path itself, so leave it out: write "https://api.turso.tech"',
    );
  }
});
