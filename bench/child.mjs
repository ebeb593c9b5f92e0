// One fresh process: node bench/child.mjs <contender> <stand-in URL> <mode> [calls]
//   cold:   time to import and set up, then the first call
//   memory: peak RSS after `calls` calls (and wasm linear memory, for wasm)
import { load } from "./contenders.mjs";

const [contender, baseUrl, mode, calls = "0"] = process.argv.slice(2);
const org = `${mode}-${contender}-${process.pid}`;
const started = performance.now();
const create = await load(contender, baseUrl, org);
const loaded = performance.now();
await create("first");
const firstCall = performance.now();
const report = { importMs: loaded - started, firstCallMs: firstCall - loaded };
if (mode === "memory") {
  for (let i = 0; i < Number(calls); i++) await create(`g-${i}`);
  report.maxRssBytes = process.resourceUsage().maxRSS * 1024;
  if (contender === "wasm") {
    const { initSync } = await import("../pkg/turso_platform_wasm.js");
    report.wasmMemoryBytes = initSync().memory.buffer.byteLength;
  }
}
console.log(JSON.stringify(report));
