// The benchmark: plain fetch, @tursodatabase/api and this package, creating
// and getting groups against the local stand-in, side by side in one run.
//
//   node bench/run.mjs            the full run (about 8 minutes here)
//   node bench/run.mjs --quick    fewer calls, to try it out
//   --out DIR                     write the JSON and the chart there instead
//
// Contenders are interleaved call by call (A B C A B C …, starting with a
// different one each round) so that drift on this shared machine hits every
// contender alike; results are reported as medians with min and max, and as
// ratios to plain fetch. Prints a table, writes bench/out/results.json and
// bench/out/chart.svg.
import { execFile } from "node:child_process";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { cpus, totalmem } from "node:os";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { spawnStandin } from "../tests/standin/server.mjs";
import { CONTENDERS, load, OPERATIONS } from "./contenders.mjs";

const run = promisify(execFile);
const ROOT = new URL("../", import.meta.url);
const outAt = process.argv.indexOf("--out");
const OUT = outAt > 0 ? pathToFileURL(`${process.argv[outAt + 1]}/`) : new URL("out/", import.meta.url);
const quick = process.argv.includes("--quick");
const PLAN = quick
  ? { rounds: 2, callsPerRound: 300, throughputCalls: 640, coldStarts: 5, memoryCalls: 2_000, wasmMemoryCalls: 5_000 }
  : { rounds: 5, callsPerRound: 2_000, throughputCalls: 6_400, coldStarts: 15, memoryCalls: 20_000, wasmMemoryCalls: 100_000 };
const CONCURRENCY = 64;

const standin = await spawnStandin();
try {
  const results = {
    date: new Date().toISOString(),
    machine: `${cpus().length} × ${cpus()[0]?.model ?? "unknown CPU"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
    plan: PLAN,
    perCall: Object.fromEntries(await sequentially(OPERATIONS, perCall)),
    throughput: await throughput(),
    coldStart: await coldStart(),
    size: await sizes(),
    memory: await memory(),
  };
  await mkdir(OUT, { recursive: true });
  await writeFile(new URL("results.json", OUT), `${JSON.stringify(results, null, 2)}\n`);
  await writeFile(new URL("chart.svg", OUT), chart(results));
  console.log(table(results));
  console.log(`\nwrote ${new URL("results.json", OUT).pathname} and ${new URL("chart.svg", OUT).pathname}`);
} finally {
  standin.kill();
}

function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), p99: at(0.99), min: sorted[0], max: sorted.at(-1), n: sorted.length };
}

/** `[item, await work(item)]` for each item, one after another. */
async function sequentially(items, work) {
  const done = [];
  for (const item of items) done.push([item, await work(item)]);
  return done;
}

/** Per-call times of one operation; Retrieve Group gets one group that exists. */
async function perCall(operation) {
  const creates = {};
  for (const c of CONTENDERS) {
    const org = `bench-${operation}-${c}`;
    creates[c] = await load(c, standin.url, org, operation);
    if (operation === "get") {
      await (await load("fetch", standin.url, org))("kept");
      const get = creates[c];
      creates[c] = () => get("kept");
    }
  }
  for (const c of CONTENDERS) for (let i = 0; i < 200; i++) await creates[c](`warm-${i}`);
  const all = Object.fromEntries(CONTENDERS.map((c) => [c, []]));
  const roundMedians = Object.fromEntries(CONTENDERS.map((c) => [c, []]));
  for (let round = 0; round < PLAN.rounds; round++) {
    const order = CONTENDERS.map((_, i) => CONTENDERS[(i + round) % CONTENDERS.length]);
    const samples = Object.fromEntries(CONTENDERS.map((c) => [c, []]));
    for (let i = 0; i < PLAN.callsPerRound; i++) {
      for (const c of order) {
        const started = performance.now();
        await creates[c](`r${round}-${i}`);
        samples[c].push((performance.now() - started) * 1000);
      }
    }
    for (const c of CONTENDERS) {
      all[c].push(...samples[c]);
      roundMedians[c].push(stats(samples[c]).median);
    }
  }
  return Object.fromEntries(
    CONTENDERS.map((c) => {
      const overall = stats(all[c]);
      const rounds = stats(roundMedians[c]);
      return [c, { medianUs: overall.median, p99Us: overall.p99, roundMedianMinUs: rounds.min, roundMedianMaxUs: rounds.max, calls: overall.n }];
    }),
  );
}

async function throughput() {
  const creates = {};
  for (const c of CONTENDERS) creates[c] = await load(c, standin.url, `bench-throughput-${c}`);
  const perSecond = Object.fromEntries(CONTENDERS.map((c) => [c, []]));
  for (let round = 0; round < PLAN.rounds; round++) {
    for (const c of CONTENDERS.map((_, i) => CONTENDERS[(i + round) % CONTENDERS.length])) {
      let next = 0;
      const started = performance.now();
      const worker = async () => {
        while (next < PLAN.throughputCalls) await creates[c](`t${round}-${next++}`);
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
      perSecond[c].push(PLAN.throughputCalls / ((performance.now() - started) / 1000));
    }
  }
  return Object.fromEntries(
    CONTENDERS.map((c) => {
      const s = stats(perSecond[c]);
      return [c, { medianCallsPerSecond: s.median, min: s.min, max: s.max, concurrency: CONCURRENCY }];
    }),
  );
}

async function child(contender, mode, calls = 0) {
  const { stdout } = await run(process.execPath, [new URL("child.mjs", import.meta.url).pathname, contender, standin.url, mode, String(calls)], {
    cwd: ROOT.pathname,
  });
  return JSON.parse(stdout);
}

async function coldStart() {
  const samples = Object.fromEntries(CONTENDERS.map((c) => [c, { importMs: [], firstCallMs: [] }]));
  for (let i = 0; i < PLAN.coldStarts; i++) {
    for (const c of CONTENDERS.map((_, k) => CONTENDERS[(k + i) % CONTENDERS.length])) {
      const report = await child(c, "cold");
      samples[c].importMs.push(report.importMs);
      samples[c].firstCallMs.push(report.firstCallMs);
    }
  }
  return Object.fromEntries(
    CONTENDERS.map((c) => {
      const imported = stats(samples[c].importMs);
      const first = stats(samples[c].firstCallMs);
      return [c, { importMedianMs: imported.median, importMinMs: imported.min, importMaxMs: imported.max, firstCallMedianMs: first.median, firstCallMinMs: first.min, firstCallMaxMs: first.max, processes: imported.n }];
    }),
  );
}

function compressed(bytes) {
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

// Each file is compressed on its own, as a server sends it, and the totals
// are their sums.
async function sizes() {
  const pkg = new URL("pkg/", ROOT);
  const snippets = (await run("find", ["snippets", "-name", "*.js"], { cwd: pkg.pathname })).stdout.trim().split("\n");
  const [wasm, ...glueFiles] = await Promise.all(
    ["turso_platform_wasm_bg.wasm", "turso_platform_wasm.js", "browser.js", ...snippets].map(async (f) => compressed(await readFile(new URL(f, pkg)))),
  );
  const glue = sum(glueFiles);
  const { stdout: sdkBundle } = await run(
    new URL("node_modules/.bin/esbuild", ROOT).pathname,
    // No tsconfig.json from a folder above the checkout may change the bundle.
    ["--bundle", "--minify", "--format=esm", "--platform=browser", "--log-level=error", "--tsconfig-raw={}", "node_modules/@tursodatabase/api/dist/index.js"],
    { cwd: ROOT.pathname, maxBuffer: 16 * 1024 * 1024 },
  );
  return {
    wasm: { wasm, glue, total: sum([wasm, glue]) },
    sdk: { bundle: compressed(Buffer.from(sdkBundle)) },
  };
}

function sum(sizes) {
  const total = { raw: 0, gzip: 0, brotli: 0 };
  for (const size of sizes) for (const key of Object.keys(total)) total[key] += size[key];
  return total;
}

async function memory() {
  const result = {};
  for (const c of CONTENDERS) result[c] = await child(c, "memory", PLAN.memoryCalls);
  result.wasmAfterManyCalls = { calls: PLAN.wasmMemoryCalls, ...(await child("wasm", "memory", PLAN.wasmMemoryCalls)) };
  return result;
}

function table(r) {
  const f = (n, digits = 0) => n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
  const perCallRows = (operation) => {
    const base = r.perCall[operation].fetch.medianUs;
    return [
      "",
      `per call, groups.${operation} (µs)`.padEnd(30) + "median   p99      round medians    ÷ fetch",
      ...CONTENDERS.map((c) => {
        const p = r.perCall[operation][c];
        return `  ${c.padEnd(27)} ${f(p.medianUs).padStart(6)}   ${f(p.p99Us).padStart(6)}   ${f(p.roundMedianMinUs)}–${f(p.roundMedianMaxUs)}`.padEnd(67) + f(p.medianUs / base, 2);
      }),
    ];
  };
  const lines = [
    `machine: ${r.machine}; ${r.date}`,
    ...OPERATIONS.flatMap(perCallRows),
    "",
    `throughput (calls/s, ${CONCURRENCY} in flight)   median   min–max`,
    ...CONTENDERS.map((c) => {
      const t = r.throughput[c];
      return `  ${c.padEnd(36)} ${f(t.medianCallsPerSecond).padStart(6)}   ${f(t.min)}–${f(t.max)}`;
    }),
    "",
    "cold start (ms)        import+init median (min–max)   first call median (min–max)",
    ...CONTENDERS.map((c) => {
      const s = r.coldStart[c];
      return `  ${c.padEnd(20)} ${f(s.importMedianMs, 1)} (${f(s.importMinMs, 1)}–${f(s.importMaxMs, 1)})`.padEnd(55) + `${f(s.firstCallMedianMs, 1)} (${f(s.firstCallMinMs, 1)}–${f(s.firstCallMaxMs, 1)})`;
    }),
    "",
    "size (bytes)           raw       gzip -9   brotli",
    ...[
      ["wasm: .wasm", r.size.wasm.wasm],
      ["wasm: JS glue", r.size.wasm.glue],
      ["wasm: total", r.size.wasm.total],
      ["sdk: min. bundle", r.size.sdk.bundle],
    ].map(([label, s]) => `  ${label.padEnd(20)} ${f(s.raw).padStart(8)}  ${f(s.gzip).padStart(8)}  ${f(s.brotli).padStart(8)}`),
    "",
    `memory after ${f(r.plan.memoryCalls)} calls: peak RSS`,
    ...CONTENDERS.map((c) => `  ${c.padEnd(20)} ${f(r.memory[c].maxRssBytes / 2 ** 20, 1)} MiB`),
    `  wasm linear memory after ${f(r.memory.wasmAfterManyCalls.calls)} calls: ${f(r.memory.wasmAfterManyCalls.wasmMemoryBytes)} bytes`,
  ];
  return lines.join("\n");
}

function chart(r) {
  const rows = CONTENDERS.map((c) => ({ c, median: r.perCall.create[c].medianUs, p99: r.perCall.create[c].p99Us }));
  const max = Math.max(...rows.map((row) => row.p99));
  const width = 640;
  const scale = (v) => (v / max) * (width - 200);
  const bars = rows
    .map((row, i) => {
      const y = 50 + i * 60;
      return `<text x="10" y="${y + 22}" font-size="14">${row.c}</text>
  <rect x="120" y="${y}" width="${scale(row.p99).toFixed(1)}" height="34" fill="#c9d7f0"/>
  <rect x="120" y="${y + 6}" width="${scale(row.median).toFixed(1)}" height="22" fill="#1f6feb"/>
  <text x="${(130 + scale(row.p99)).toFixed(1)}" y="${y + 22}" font-size="12">${row.median.toFixed(0)} µs median, ${row.p99.toFixed(0)} µs p99, ${(row.median / r.perCall.create.fetch.medianUs).toFixed(2)}× fetch</text>`;
    })
    .join("\n  ");
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width + 160}" height="${60 + rows.length * 60}" font-family="sans-serif">
  <text x="10" y="25" font-size="16" font-weight="bold">Create Group, per call (dark: median, light: p99), ${r.date.slice(0, 10)}</text>
  ${bars}
</svg>
`;
}
