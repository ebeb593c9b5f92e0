// The benchmark scripts still run and report everything bench/README.md
// shows: a quick bench/run.mjs, a short bench/phases.mjs and a small
// bench/files.mjs, against the stand-in. Only what they report is checked, never how fast anything was.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { CONTENDERS, OPERATIONS } from "../../../bench/contenders.mjs";

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL("../../../", import.meta.url));

test("bench/run.mjs --quick prints its table and writes the JSON and the chart", { timeout: 300_000 }, async () => {
  const out = await mkdtemp(`${tmpdir()}/bench-`);
  try {
    const { stdout } = await run(process.execPath, ["bench/run.mjs", "--quick", "--out", out], { cwd: ROOT });
    const results = JSON.parse(await readFile(`${out}/results.json`, "utf8"));
    const { plan } = results;

    for (const operation of OPERATIONS) {
      assert.match(stdout, new RegExp(`^per call, groups\\.${operation} \\(µs\\) +median`, "m"));
      for (const c of CONTENDERS) {
        const perCall = results.perCall[operation][c];
        assert.equal(perCall.calls, plan.rounds * plan.callsPerRound, `${operation} ${c}`);
        assert.ok(perCall.medianUs > 0 && perCall.p99Us >= perCall.medianUs, `${c}: ${JSON.stringify(perCall)}`);
        assert.ok(perCall.roundMedianMinUs <= perCall.roundMedianMaxUs, c);
      }
    }
    for (const c of CONTENDERS) {
      assert.ok(results.throughput[c].medianCallsPerSecond > 0, c);
      assert.equal(results.throughput[c].concurrency, 64, c);
      assert.equal(results.coldStart[c].processes, plan.coldStarts, c);
      assert.ok(results.coldStart[c].importMedianMs > 0 && results.coldStart[c].firstCallMedianMs > 0, c);
      assert.ok(results.memory[c].maxRssBytes > 0, c);
      const rows = stdout.match(new RegExp(`^  ${c} +[\\d,]+ +[\\d,]+ +[\\d,]+–[\\d,]+ +\\d+\\.\\d\\d$`, "gm"));
      assert.equal(rows?.length, OPERATIONS.length, `${c}'s per-call rows`);
    }

    // The size is the shipped file's, and compression makes it smaller.
    const { wasm, glue, total } = results.size.wasm;
    assert.equal(wasm.raw, (await stat(`${ROOT}pkg/turso_platform_wasm_bg.wasm`)).size);
    for (const entry of [wasm, glue, total, results.size.sdk.bundle]) {
      assert.ok(entry.brotli > 0 && entry.brotli < entry.gzip && entry.gzip < entry.raw, JSON.stringify(entry));
    }
    assert.equal(total.gzip, wasm.gzip + glue.gzip);
    assert.equal(results.memory.wasmAfterManyCalls.calls, plan.wasmMemoryCalls);
    assert.ok(results.memory.wasmAfterManyCalls.wasmMemoryBytes >= 65_536);

    const chart = await readFile(`${out}/chart.svg`, "utf8");
    assert.match(chart, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    for (const c of CONTENDERS) assert.match(chart, new RegExp(`>${c}</text>`));
    assert.match(stdout, new RegExp(`wrote ${out}/results.json and ${out}/chart.svg`));
  } finally {
    await rm(out, { recursive: true, force: true });
  }
});

test("bench/phases.mjs reports every phase for both contenders", { timeout: 120_000 }, async () => {
  const { stdout } = await run(process.execPath, ["bench/phases.mjs", "50"], { cwd: ROOT });
  for (const phase of ["call → fetch", "fetch → headers", "headers → body read", "body read", "body → resolved", "total"]) {
    const row = stdout.split("\n").find((line) => line.startsWith(`${phase} `));
    assert.ok(row, `no row for ${phase} in:\n${stdout}`);
    const cells = row.slice(phase.length).trim().split(/\s+/).map(Number);
    assert.equal(cells.length, 2, row);
    assert.ok(cells.every((us) => Number.isFinite(us) && us >= 0), row);
  }
});

test("bench/files.mjs reports the memory of every upload and export case", { timeout: 120_000 }, async () => {
  const { stdout } = await run(process.execPath, ["bench/files.mjs", "--size-mib", "4", "--chunk-mib", "1"], { cwd: ROOT });
  assert.match(stdout, /^file 4 MiB, chunks of 1 MiB; the bound, 2 × chunk \+ a constant: 2 MiB \+ c$/m);
  for (const kind of ["upload from disk", "upload from memory", "export"]) {
    const row = stdout.split("\n").find((line) => line.startsWith(`  ${kind} `));
    assert.ok(row, `no row for ${kind} in:\n${stdout}`);
    const cells = row.slice(kind.length + 2).trim().split(/\s+/).map(Number);
    assert.equal(cells.length, 3, row);
    assert.ok(cells.every((mib) => Number.isFinite(mib)), row);
  }
});
