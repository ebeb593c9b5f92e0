// The shipped index.d.ts, checked by `tsc --strict` against tests/types/usage.ts.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
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

test("a mistake in a call is reported as itself: the bad option and what was meant, not 'No overload matches'", () => {
  const tsc = spawnSync(
    process.execPath,
    ["node_modules/typescript/bin/tsc", "-p", "tests/types/tsconfig.mistakes.json"],
    { cwd: root, encoding: "utf8" },
  );
  // tsc prints each error's first line as `file(line,col): error TSn: text`,
  // and what it adds to it on the lines below, indented.
  const reported = new Map();
  for (const [, line, text] of tsc.stdout.matchAll(/^tests\/types\/mistakes\.ts\((\d+),\d+\): error TS\d+: (.*)$/gm)) {
    reported.set(Number(line), text);
  }
  const source = readFileSync(join(root, "tests/types/mistakes.ts"), "utf8").split("\n");
  const marked = new Map();
  source.forEach((text, index) => {
    const mark = text.match(/\/\/ error: (.*)$/);
    if (mark && !text.trimStart().startsWith("//")) marked.set(index + 1, mark[1]);
  });
  assert.ok(marked.size >= 10, "the marked lines are found");
  for (const [line, expected] of marked) {
    assert.ok(reported.get(line)?.includes(expected), `line ${line}: expected "${expected}", tsc said "${reported.get(line)}"`);
  }
  assert.deepEqual([...reported.keys()].filter((line) => !marked.has(line)), [], tsc.stdout);
});
