// The shipped index.d.ts, checked by `tsc --strict` against tests/types/usage.ts.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { test } from "node:test";
import { writeSpec } from "../../spec/merged.mjs";

const root = fileURLToPath(new URL("../../..", import.meta.url));

test("the TypeScript declarations accept right calls, reject wrong ones, and agree with the spec", () => {
  // tests/types/spec-agreement.ts compares them with what openapi-typescript
  // makes of the spec, with the supplement merged over it.
  const generated = spawnSync(
    process.execPath,
    [
      "node_modules/openapi-typescript/bin/cli.js",
      writeSpec("turso-platform-openapi.merged.json"),
      "-o",
      "tests/types/generated/openapi.d.ts",
    ],
    { cwd: root, encoding: "utf8" },
  );
  assert.equal(generated.status, 0, generated.stdout + generated.stderr);
  const tsc = spawnSync(process.execPath, ["node_modules/typescript/bin/tsc", "-p", "tests/types"], {
    cwd: root,
    encoding: "utf8",
  });
  assert.equal(tsc.status, 0, tsc.stdout + tsc.stderr);
});
