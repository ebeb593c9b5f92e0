// A failure inside the wasm module (a panic, an abort, an out-of-memory
// abort, an `unreachable` trap) before sending, inside an await, while
// decoding the answer, or where a call goes on after its timer or its
// signal cut it short: the call rejects with a TursoClientError of code
// "internal", so do the calls in flight, nothing reaches the host, and the
// next call works on a fresh instance of the module. Run against tests/out/probe-pkg/, the build with the
// test-only panic-probe feature (src/bindings/probe.rs), in Node, workerd
// and Chromium.
import assert from "node:assert/strict";
import { execFile, spawn } from "node:child_process";
import { cp, mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { serveStatic } from "../../../www/serve.mjs";
import { fetchWhenUp, freshOrg, launchChromium, refusedPort, useStandin, workerdConfig } from "../helpers.mjs";

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const PROBE = join(ROOT, "tests/out/probe-pkg");
const CHILD = fileURLToPath(new URL("guard-child.mjs", import.meta.url));
const KINDS = ["panic", "abort", "oom", "unreachable"];
const standin = useStandin();

/**
 * Where a probe fails, and the call that reaches it: the marker sits in the
 * organization's slug (the URL) or in the group's name (the answer). A call
 * to be cut short goes to the stand-in's slow organization.
 */
function probeCall(place, kind) {
  const marker = `probe-${place}-${kind}`;
  if (place === "while-decoding") return [freshOrg("probe"), marker];
  if (place === "after-cutoff") return [`fault-slow--${freshOrg(marker)}`, "g"];
  return [`${marker}--${process.pid}`, "g"];
}

function assertFailedInternally(report, place, kind) {
  assert.equal(report.failed.typed, true);
  assert.equal(report.failed.code, "internal");
  if (kind === "panic") assert.match(report.failed.message, new RegExp(`a deliberate panic ${place}, at `));
  assert.match(report.failed.message, /the calls in flight were rejected, and the next call starts a fresh instance of the module/);
  assert.equal(report.failed.attempts, 0);
  assert.deepEqual(report.inFlight, report.failed, "the call in flight rejects with the same error");
  assert.equal(report.later, "resolved", "a client made before the failure works on the fresh instance");
  assert.equal(report.laterFlat, "resolved", "so does createGroup");
  assert.equal(report.createClient, "resolved", "so does a client made after");
  assert.equal(report.timers, 0, "the calls' timers are cleared");
  assert.equal(report.collected, true, "a client collected after the failure is freed quietly");
}

const article = (kind) => (kind === "panic" ? "a" : "an");

async function child(how, org, name) {
  const { stdout, stderr } = await run(process.execPath, ["--expose-gc", "--unhandled-rejections=strict", CHILD, PROBE, standin.url, how, org, name]);
  assert.equal(stderr, "", "nothing reaches the host");
  return JSON.parse(stdout);
}

describe("a failure inside the module stays inside the calls' promises", () => {
  test("the probe build answers as the package does when no probe is asked for", async () => {
    const report = await child("client", freshOrg("probe-none"), "g");
    assert.equal(report.failed, "resolved");
    assert.equal(report.later, "resolved");
  });

  for (const place of ["before-sending", "inside-await", "while-decoding"]) {
    for (const kind of KINDS) {
      test(`in Node: ${article(kind)} ${kind} ${place}`, async () => {
        const [org, name] = probeCall(place, kind);
        assertFailedInternally(await child("client", org, name), place, kind);
        if (place === "before-sending") assert.equal(standin.server.requestsFor(org).length, 0);
      });
    }
  }

  for (const [how, kinds] of [["timeout", KINDS], ["abort", ["panic", "oom"]]]) {
    for (const kind of kinds) {
      test(`in Node: ${article(kind)} ${kind} after the call's ${how === "timeout" ? "timer" : "signal"} cut it short`, async () => {
        const [org, name] = probeCall("after-cutoff", kind);
        assertFailedInternally(await child(how, org, name), "after-cutoff", kind);
        assert.equal(standin.server.requestsFor(org).length, 1, "the request was on the wire");
      });
    }
  }

  test("in Node: the flat createGroup too", async () => {
    for (const kind of ["panic", "unreachable"]) {
      const report = await child("flat", `probe-before-sending-${kind}--flat-${process.pid}`, "g");
      assert.equal(report.failed.code, "internal");
      assert.equal(report.later, "resolved");
      assert.equal(report.laterFlat, "resolved");
    }
    const decoding = await child("flat", freshOrg("probe-flat"), "probe-while-decoding-oom");
    assert.equal(decoding.failed.code, "internal");
  });

  test("in workerd: the Worker answers every request after the failure", async () => {
    const dir = join(ROOT, "tests/out/probe-worker/");
    await mkdir(dir, { recursive: true });
    await writeFile(
      join(dir, "source.js"),
      `import { createClient } from "../probe-pkg/workerd.js";
export default {
  async fetch(request, env) {
    const params = new URL(request.url).searchParams;
    if (!params.has("org")) return new Response("up");
    // Once the module failed, createClient throws its error too.
    const created = async () =>
      createClient({ org: params.get("org"), token: "standin-token", baseUrl: env.API }).groups.create(params.get("name"), "lhr");
    return created().then(
      (group) => Response.json({ name: group.name }),
      (error) => Response.json({ code: error.code }),
    );
  },
};
`,
    );
    await run(join(ROOT, "node_modules/.bin/esbuild"), [
      join(dir, "source.js"), "--bundle", "--format=esm", "--external:*.wasm", "--tsconfig-raw={}", `--outfile=${join(dir, "worker.js")}`,
    ]);
    await cp(join(PROBE, "turso_platform_wasm_bg.wasm"), join(dir, "turso_platform_wasm_bg.wasm"));
    const port = await refusedPort();
    await writeFile(join(dir, "config.capnp"), workerdConfig(port, { API: standin.url }));
    const workerd = spawn(join(ROOT, "node_modules/.bin/workerd"), ["serve", "config.capnp"], { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
    let logs = "";
    workerd.stdout.on("data", (chunk) => (logs += chunk));
    workerd.stderr.on("data", (chunk) => (logs += chunk));
    try {
      const worker = `http://127.0.0.1:${port}/`;
      assert.equal(await (await fetchWhenUp(worker)).text(), "up");
      const asked = async (org, name) => {
        const text = await (await fetch(`${worker}?org=${org}&name=${name}`)).text();
        try {
          return JSON.parse(text);
        } catch {
          assert.fail(`${text}\n${logs}`);
        }
      };
      assert.deepEqual(await asked(freshOrg("worker-before"), "g"), { name: "g" });
      assert.deepEqual(await asked(`probe-inside-await-panic--worker-${process.pid}`, "g"), { code: "internal" });
      assert.deepEqual(await asked(freshOrg("worker-after"), "g"), { name: "g" }, "a later call works, on a fresh instance");
      assert.deepEqual(await asked(`probe-before-sending-unreachable--worker-${process.pid}`, "g"), { code: "internal" });
      assert.deepEqual(await asked(freshOrg("worker-after-again"), "g"), { name: "g" }, "and again after a second failure");
      assert.equal(await (await fetch(worker)).text(), "up");
      assert.doesNotMatch(logs, /Uncaught|uncaught/, logs);
    } finally {
      workerd.kill();
    }
  });

  describe("in Chromium", () => {
    let browser;
    let site;
    before(async () => {
      await writeFile(
        join(PROBE, "probe.html"),
        `<!doctype html>
<script type="importmap">{ "imports": { "turso-platform-wasm": "./browser.js" } }</script>
<script>
  window.reached = [];
  window.onerror = (message) => window.reached.push(String(message));
  window.addEventListener("unhandledrejection", (event) => window.reached.push(String(event.reason)));
</script>
<script type="module">
  import { createClient } from "turso-platform-wasm";
  const params = new URLSearchParams(location.search);
  const turso = createClient({ org: params.get("org"), token: "standin-token", baseUrl: params.get("api") });
  const limits = params.has("timeoutMs") ? { timeoutMs: Number(params.get("timeoutMs")) } : {};
  window.outcome = await turso.groups.create(params.get("name"), { location: "lhr", ...limits }).then(
    () => "resolved",
    (error) => error.code,
  );
  // A call after the failure works, on a fresh instance of the module.
  const after = createClient({ org: "acme-after", token: "standin-token", baseUrl: params.get("api") });
  window.later = await after.groups.list().then(() => "resolved", (error) => error.code);
  // Time for anything thrown outside the promises to reach window.onerror.
  await new Promise((resolve) => setTimeout(resolve, 200));
  window.done = true;
</script>
`,
      );
      site = await serveStatic({ mounts: { "/": PROBE } });
      browser = await launchChromium();
    });
    after(async () => {
      await browser?.close();
      await site?.close();
    });

    const cases = [["inside-await", "panic"], ["while-decoding", "oom"], ["before-sending", "unreachable"], ["after-cutoff", "abort"]];
    for (const [place, kind] of cases) {
      test(`no error reaches window.onerror: ${kind} ${place}`, async () => {
        const [org, name] = probeCall(place, kind);
        const page = await browser.newPage();
        const errors = [];
        page.on("pageerror", (error) => errors.push(String(error)));
        const limits = place === "after-cutoff" ? "&timeoutMs=100" : "";
        await page.goto(`${site.url}probe.html?api=${encodeURIComponent(standin.url)}&org=${org}&name=${name}${limits}`);
        await page.waitForFunction(() => window.done === true);
        assert.deepEqual(await page.evaluate(() => [window.outcome, window.later, window.reached]), ["internal", "resolved", []]);
        assert.deepEqual(errors, []);
        await page.close();
      });
    }
  });
});
