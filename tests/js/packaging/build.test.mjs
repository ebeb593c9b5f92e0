// scripts/build.sh, which scripts/demo.sh runs first: with nothing changed
// since scripts/test.sh built pkg/, it leaves pkg/ as it is. (A build that
// esbuild warns about fails, so pkg/ being there means it printed none.)
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { stat } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { test } from "node:test";

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL("../../../", import.meta.url));

test("scripts/build.sh does not rebuild an up-to-date pkg/", async () => {
  const wasm = `${ROOT}pkg/turso_platform_wasm_bg.wasm`;
  const before = (await stat(wasm)).mtimeMs;
  const { stdout, stderr } = await run("bash", ["scripts/build.sh"], { cwd: ROOT });
  assert.match(stderr, /pkg\/ is up to date/, "pkg/ was rebuilt: something it is built from changed after scripts/test.sh built it");
  assert.doesNotMatch(stdout + stderr, /warning/i);
  assert.equal((await stat(wasm)).mtimeMs, before);
});
