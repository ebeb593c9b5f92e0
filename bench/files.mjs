// Memory while a database file moves: databases.upload of a file from disk
// (fs.openAsBlob) and of one already in memory, and databases.export read to
// its end, each against the stand-in (in a child process, with chunks of
// `--chunk-mib`), in a fresh Node process of its own. The process samples
// its memory every 2 ms while it works; what is reported is the peak above
// what it held just before the call, beside the package's bound: twice the
// chunk and a constant. Each case runs twice: as V8 collects garbage by
// itself (RSS then grows with the file, as chunks already sent wait to be
// collected), and with a full collection at every sample, for what is still
// held: RSS, and the JS heap with its external memory.
//
//   node bench/files.mjs [--size-mib 64] [--chunk-mib 8]
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { spawnStandin } from "../tests/standin/server.mjs";
import { sqliteFile } from "../tests/js/files.mjs";

const run = promisify(execFile);
const flag = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const MIB = 2 ** 20;
const sizeMib = flag("--size-mib", 64);
const chunkMib = flag("--chunk-mib", 8);
const CASES = ["upload from disk", "upload from memory", "export"];

/** One case, in a fresh process: prints the peak RSS above its baseline, in bytes. */
const CHILD = `
import { openAsBlob, readFileSync } from "node:fs";
import { createClient } from "turso-platform-wasm";
const [url, path, name, kind, size, gc] = process.argv.slice(2);
const turso = createClient({ org: "bench", token: "standin-token", baseUrl: url, databaseUrl: (host) => url + "/hosts/" + host });
await turso.groups.ensure("g", { location: "lhr" });
// Warm up: the module, undici, and one small upload and export.
const small = readFileSync(path).subarray(0, 4096);
small.writeUInt32BE(1, 28);
const warm = kind.replaceAll(" ", "-") + "-" + gc + "-warm";
await turso.databases.upload(warm, small, { group: "g" });
await new Response(await turso.databases.export(warm)).arrayBuffer();
const data = kind === "upload from disk" ? await openAsBlob(path) : kind === "upload from memory" ? readFileSync(path) : undefined;
globalThis.gc();
// RSS, and what V8 and its buffers hold: the JS heap, and external memory
// (ArrayBuffers, wasm's memory among them).
const measure = () => {
  const { rss, heapUsed, external } = process.memoryUsage();
  return { rss, live: heapUsed + external };
};
const baseline = measure();
const peak = { ...baseline };
const sample = () => {
  const now = measure();
  peak.rss = Math.max(peak.rss, now.rss);
  peak.live = Math.max(peak.live, now.live);
};
const sampler = setInterval(() => {
  if (gc === "collect") globalThis.gc();
  sample();
}, 2);
if (kind === "export") {
  const reader = (await turso.databases.export(name)).getReader();
  let bytes = 0;
  for (let read = await reader.read(); !read.done; read = await reader.read()) bytes += read.value.length;
  if (bytes !== Number(size)) throw new Error("the export is " + bytes + " bytes");
} else {
  await turso.databases.upload(name, data, { group: "g" });
}
clearInterval(sampler);
sample();
console.log(JSON.stringify({ rss: peak.rss - baseline.rss, live: peak.live - baseline.live }));
`;

const standin = await spawnStandin({ chunkSize: chunkMib * MIB });
const dir = await mkdtemp(join(tmpdir(), "bench-files-"));
try {
  const path = join(dir, "big.db");
  await writeFile(path, sqliteFile({ pages: (sizeMib * MIB) / 4096 }));
  // Written inside the repository, so that the package resolves by its name.
  await mkdir(new URL("out/", import.meta.url), { recursive: true });
  const childPath = new URL("out/files-child.mjs", import.meta.url).pathname;
  await writeFile(childPath, CHILD);
  const peaks = {};
  for (const gc of ["lazy", "collect"]) {
    for (const kind of CASES) {
      const name = kind === "export" ? "upload-from-disk-lazy" : `${kind.replaceAll(" ", "-")}-${gc}`;
      const args = ["--expose-gc", childPath, standin.url, path, name, kind, String(sizeMib * MIB), gc];
      const { stdout } = await run(process.execPath, args);
      peaks[`${kind} ${gc}`] = JSON.parse(stdout);
    }
  }
  const mib = (bytes) => (bytes / MIB).toFixed(1).padStart(8);
  console.log(`file ${sizeMib} MiB, chunks of ${chunkMib} MiB; the bound, 2 × chunk + a constant: ${2 * chunkMib} MiB + c`);
  console.log("peak above the baseline (MiB)      RSS, as V8 collects   RSS, collected every 2 ms   heap + external, collected");
  for (const kind of CASES) {
    const [lazy, collected] = [peaks[`${kind} lazy`], peaks[`${kind} collect`]];
    console.log(`  ${kind.padEnd(30)}${mib(lazy.rss)}${" ".repeat(14)}${mib(collected.rss)}${" ".repeat(20)}${mib(collected.live)}`);
  }
} finally {
  await rm(dir, { recursive: true, force: true });
  standin.kill();
}
