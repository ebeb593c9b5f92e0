// Load and memory: 1,000 concurrent calls whose answers never cross over,
// and 100,000 sequential calls after which neither wasm linear memory nor
// the JS heap has grown. The stand-in runs in its own process, so only this
// package's memory is measured here.
import assert from "node:assert/strict";
import { getHeapSpaceStatistics, setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { after, before, test } from "node:test";
import { createClient, createGroup } from "turso-platform-wasm";
import { initSync } from "../../../pkg/turso_platform_wasm.js";
import { spawnStandin } from "../../standin/server.mjs";
import { TOKEN } from "../helpers.mjs";

setFlagsFromString("--expose-gc");
const collectGarbage = runInNewContext("gc");
// The package is already instantiated: this returns its exports, memory included.
const wasmMemory = initSync().memory;

let standin;
let baseUrl;

before(async () => {
  standin = await spawnStandin();
  baseUrl = standin.url;
});

after(() => standin.kill());

test("1,000 concurrent calls each get their own answer", async () => {
  const org = "load-concurrent";
  const names = Array.from({ length: 1_000 }, (_, i) => `concurrent-${i}`);
  const groups = await Promise.all(names.map((name) => createGroup(org, TOKEN, name, "lhr", null, { baseUrl })));
  assert.deepEqual(
    groups.map((g) => g.name),
    names,
  );
  assert.equal(new Set(groups.map((g) => g.uuid)).size, names.length);
  const seen = await (await fetch(`${baseUrl}/__standin/requests?org=${org}`)).json();
  assert.equal(seen.length, names.length);
  const uuidCreatedFor = new Map(seen.map((r) => [JSON.parse(r.body).name, r.created]));
  for (const group of groups) assert.equal(group.uuid, uuidCreatedFor.get(group.name), group.name);
});

test("100,000 sequential calls: wasm memory and the JS heap stay flat after warm-up", async (t) => {
  const turso = createClient({ org: "load-sequential", token: TOKEN, baseUrl });
  // Alternating the flat call and the client, and successes and conflicts.
  const call = (i) =>
    i % 2 === 0
      ? createGroup("load-sequential", TOKEN, `g-${i}`, "lhr", ["vector"], { baseUrl })
      : turso.groups.create(`g-${i - 1}`, { location: "lhr" }).catch((error) => error);
  // The JS heap's data, after several collections so that finalizers have
  // run; V8's compiled code is left out, as it grows with JIT tiering, not
  // with what a call keeps.
  const measure = async () => {
    for (let round = 0; round < 5; round++) {
      await new Promise((resolve) => setImmediate(resolve));
      collectGarbage();
    }
    const heap = getHeapSpaceStatistics()
      .filter((space) => !space.space_name.includes("code"))
      .reduce((total, space) => total + space.space_used_size, 0);
    return { wasm: wasmMemory.buffer.byteLength, heap };
  };

  const warmUp = 20_000;
  for (let i = 0; i < warmUp; i++) await call(i);
  const start = await measure();
  const started = performance.now();
  for (let i = warmUp; i < 100_000; i++) {
    const result = await call(i);
    if (i % 2 === 1) assert.equal(result.code, "conflict");
  }
  const end = await measure();
  const perCallMs = (performance.now() - started) / (100_000 - warmUp);
  t.diagnostic(
    `wasm memory ${start.wasm} -> ${end.wasm} bytes; JS heap data ${start.heap} -> ${end.heap} bytes; ${perCallMs.toFixed(3)} ms a call`,
  );
  assert.equal(end.wasm, start.wasm, "wasm linear memory grew after warm-up");
  // 2 MiB over 80,000 calls is 26 bytes a call: one object kept per call would exceed it.
  assert.ok(end.heap - start.heap < 2 * 1024 * 1024, `the JS heap grew by ${end.heap - start.heap} bytes`);
});
