// One failure of the wasm module on purpose, in a Node process of its own
// with no uncaughtException or unhandledRejection handler, and
// --unhandled-rejections=strict: should anything escape the calls'
// promises, Node exits with an error and this never prints its report. Run
// by guard.test.mjs against the panic-probe build:
//
//   node --expose-gc --unhandled-rejections=strict guard-child.mjs <package dir> <stand-in URL> <how> <org> <group name>
//
// <how>: "client" or "flat" (createGroup); "timeout" or "abort", a client
// call cut short by its timer or by its signal after 100 ms.
import { pathToFileURL } from "node:url";

const [pkgDir, baseUrl, how, org, name] = process.argv.slice(2);
const { createClient, createGroup, TursoClientError } = await import(pathToFileURL(`${pkgDir}/node.js`).href);
const TOKEN = "standin-token";

const outcome = (promise) =>
  promise.then(
    () => "resolved",
    (error) => ({
      typed: error instanceof TursoClientError,
      code: error?.code,
      attempts: error?.attempts,
      message: String(error?.message),
    }),
  );

// A call in flight when the module fails: it must be rejected then, not
// left pending (its own timeout would end it with "timeout" instead). The
// stand-in answers it after 10 s; its 3 s deadline must outlast the failing
// call's round trip on a loaded machine, which 400 ms once did not.
const slow = createClient({ org: "fault-slow", token: TOKEN, baseUrl });
let later = createClient({ org: "acme-later", token: TOKEN, baseUrl });
const inFlight = outcome(slow.groups.list({ timeoutMs: 3_000 }));

const cutShort = { timeout: () => ({ timeoutMs: 100 }), abort: () => ({ signal: AbortSignal.timeout(100) }) };
const failing =
  how === "flat"
    ? createGroup(org, TOKEN, name, "lhr", null, { baseUrl })
    : createClient({ org, token: TOKEN, baseUrl }).groups.create(name, { location: "lhr", ...cutShort[how]?.() });
const report = { failed: await outcome(failing), inFlight: await inFlight };
// Calls after the failure run on a fresh instance of the module: one of a
// client made before it, the flat function, and one of a client made after.
report.later = await outcome(later.groups.list());
report.laterFlat = await outcome(createGroup(`acme-flat-after-${process.pid}`, TOKEN, "g", "lhr", null, { baseUrl }));
try {
  report.createClient = await outcome(createClient({ org: "acme-after", token: TOKEN, baseUrl }).groups.list());
} catch (error) {
  report.createClient = { threw: true, typed: error instanceof TursoClientError, code: error.code };
}
// Nothing of the failed calls keeps running: no timer holds the process.
report.timers = process.getActiveResourcesInfo().filter((resource) => resource === "Timeout").length;
// A client collected after the failure is freed quietly: it holds nothing
// of any instance of the module.
let registry;
const collected = new Promise((resolve) => (registry = new FinalizationRegistry(resolve)).register(later, true));
later = undefined;
globalThis.gc();
let timer;
report.collected = await Promise.race([collected, new Promise((resolve) => (timer = setTimeout(resolve, 2000, false)))]);
clearTimeout(timer);
await new Promise((resolve) => setImmediate(resolve));
console.log(JSON.stringify(report));
