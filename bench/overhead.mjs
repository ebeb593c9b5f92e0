// What each layer of a call costs: this package and the SDK against plain
// fetch, framed by floors.
//
//   bench/floor/measure.sh && node bench/overhead.mjs [calls]   (default 10,000 a round)
//   node bench/overhead.mjs --network [calls]                     (default 2,000 a round)
//   … --also=<dir>   also time another build of this package, such as one
//                    from before a change (a copy of pkg/), side by side
//
// By default the network is taken out: `fetch` is replaced by one that
// answers at once with a copy of a real answer from the stand-in, so only
// the contenders' own work on the CPU is timed. With --network they all call
// the stand-in, as in bench/run.mjs.
//
// The floors: plain JavaScript doing the same work, and bench/floor/, the
// smallest wasm module that creates a group with the same dependencies and
// none of the checks, in two designs: Rust driving the call through fetch,
// timers and futures, as this package does, or JavaScript driving it and
// calling into wasm only to make the body and read the answer. What a floor
// costs above the JavaScript one is the price of its design, paid before any
// of this package's checks.
import { spawnStandin } from "../tests/standin/server.mjs";
import { CONTENDERS, REQUEST_HEADERS, groupsUrl, load, loadBuild, sameWorkInJs, wasmFloor } from "./contenders.mjs";

const network = process.argv.includes("--network");
const also = process.argv.find((arg) => arg.startsWith("--also="))?.slice("--also=".length);
const CALLS = Number(process.argv.slice(2).find((arg) => /^\d+$/.test(arg)) ?? (network ? 2_000 : 10_000));
const ROUNDS = 5;
const ORG = "bench-overhead";

const standin = await spawnStandin();
try {
  const baseUrl = network ? standin.url : "http://127.0.0.1:9";
  if (!network) {
    const answer = await recordAnswer(standin.url);
    globalThis.fetch = async () => new Response(answer.body, answer);
  }

  // Each contender has its own organization, so that the names it creates
  // never clash with another's on the stand-in.
  const creates = {};
  for (const c of CONTENDERS) creates[c] = await load(c, baseUrl, `${ORG}-${c}`);
  if (also) creates["wasm, --also"] = await loadBuild(also, baseUrl, `${ORG}-also`);
  creates["same work in JS"] = sameWorkInJs(baseUrl, `${ORG}-js`);
  creates["floor, Rust-driven"] = await wasmFloor(baseUrl, `${ORG}-rust-floor`, "hand-filled");
  creates["floor, JS-driven"] = await wasmFloor(baseUrl, `${ORG}-js-floor`, "js-driven");
  const names = Object.keys(creates);

  const roundMedians = Object.fromEntries(names.map((c) => [c, []]));
  for (let round = -1; round < ROUNDS; round++) {
    const samples = Object.fromEntries(names.map((c) => [c, []]));
    for (let i = 0; i < CALLS; i++) {
      for (const c of names.map((_, k) => names[(k + round + 1) % names.length])) {
        const started = performance.now();
        await creates[c](`r${round + 1}-${i}`);
        samples[c].push((performance.now() - started) * 1000);
      }
    }
    // Round -1 warms every contender up and is not counted.
    if (round >= 0) for (const c of names) roundMedians[c].push(median(samples[c]));
  }

  const fetchUs = median(roundMedians.fetch);
  const jsFloorUs = median(roundMedians["same work in JS"]);
  const where = network ? "against the stand-in" : "without the network";
  console.log(`µs a call ${where}: median of ${ROUNDS} round medians, ${CALLS} calls a round, interleaved\n`);
  console.log(`${"contender".padEnd(20)}${"median".padStart(8)}${"rounds".padStart(14)}${"÷ fetch".padStart(10)}${"above JS floor".padStart(16)}`);
  for (const c of names) {
    const rounds = roundMedians[c];
    const us = median(rounds);
    const range = `${Math.min(...rounds).toFixed(0)}–${Math.max(...rounds).toFixed(0)}`;
    console.log(
      `${c.padEnd(20)}${us.toFixed(1).padStart(8)}${range.padStart(14)}${(us / fetchUs).toFixed(2).padStart(10)}${(us - jsFloorUs).toFixed(1).padStart(16)}`,
    );
  }
} finally {
  standin.kill();
}

function median(values) {
  return [...values].sort((a, b) => a - b)[values.length >> 1];
}

// One Create Group answer from the stand-in, to replay.
async function recordAnswer(standinUrl) {
  const response = await fetch(groupsUrl(standinUrl, ORG), {
    method: "POST",
    headers: REQUEST_HEADERS,
    body: JSON.stringify({ name: "recorded", location: "lhr" }),
  });
  const headers = Object.fromEntries([...response.headers].filter(([name]) => !["connection", "keep-alive", "date"].includes(name)));
  return { status: response.status, headers, body: new Uint8Array(await response.arrayBuffer()) };
}
