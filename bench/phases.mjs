// Where a call's time goes: this package against plain JavaScript that does
// the same work (a timeout, the header checks, the body read as bytes, JSON
// decoding), each call split into phases by wrapping `fetch`.
//
//   node bench/phases.mjs [calls]      (default 3,000 per contender)
//
// The JavaScript contender is the floor for this design: what remains above
// it is the cost of crossing into and out of wasm.
import { spawnStandin } from "../tests/standin/server.mjs";
import { load, sameWorkInJs } from "./contenders.mjs";

const CALLS = Number(process.argv[2] ?? 3_000);
const WARM_UP = Math.floor(CALLS / 10);
const PHASES = ["call → fetch", "fetch → headers", "headers → body read", "body read", "body → resolved", "total"];

const standin = await spawnStandin();
try {
  const marks = {};
  const realFetch = globalThis.fetch;
  globalThis.fetch = (url, init) => {
    marks.fetch = performance.now();
    return realFetch(url, init).then((response) => {
      marks.headers = performance.now();
      const arrayBuffer = response.arrayBuffer.bind(response);
      response.arrayBuffer = () => {
        marks.bodyStart = performance.now();
        return arrayBuffer().then((bytes) => {
          marks.bodyEnd = performance.now();
          return bytes;
        });
      };
      return response;
    });
  };

  const org = "bench-phases";
  const contenders = {
    "same work in JS": sameWorkInJs(standin.url, org),
    "this package": await load("wasm", standin.url, org),
  };

  const samples = Object.fromEntries(Object.keys(contenders).map((c) => [c, PHASES.map(() => [])]));
  for (let i = 0; i < CALLS + WARM_UP; i++) {
    for (const [contender, create] of Object.entries(contenders)) {
      const started = performance.now();
      await create(`${contender === "this package" ? "wasm" : "js"}-${i}`);
      const ended = performance.now();
      if (i < WARM_UP) continue;
      const points = [started, marks.fetch, marks.headers, marks.bodyStart, marks.bodyEnd, ended];
      points.slice(1).forEach((point, phase) => samples[contender][phase].push(point - points[phase]));
      samples[contender][5].push(ended - started);
    }
  }

  const median = (values) => values.sort((a, b) => a - b)[values.length >> 1] * 1000;
  console.log(`median µs over ${CALLS} calls each, interleaved\n`);
  console.log(["phase".padEnd(22), ...Object.keys(contenders).map((c) => c.padStart(16))].join(""));
  PHASES.forEach((phase, index) => {
    const cells = Object.keys(contenders).map((c) => median(samples[c][index]).toFixed(1).padStart(16));
    console.log([phase.padEnd(22), ...cells].join(""));
  });
} finally {
  standin.kill();
}
