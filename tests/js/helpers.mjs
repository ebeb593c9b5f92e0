// Shared by the node:test files: a stand-in per file, and checks on rejections.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { inspect } from "node:util";
import { after, before } from "node:test";
import { chromium } from "playwright-core";
import { createClient, TursoClientError } from "turso-platform-wasm";
import { DEFAULT_TOKEN, startStandin } from "../standin/server.mjs";

export const TOKEN = DEFAULT_TOKEN;

/** Every declared operation, as `cargo test --test generated` lists them. */
const declared = JSON.parse(readFileSync(new URL("../operations.json", import.meta.url), "utf8"));
/** The operations that are methods of a client; the rest are steps of a workflow. */
export const operations = declared.operations.filter(({ base }) => base !== "database");
/** The methods made of several operations in turn, such as `databases.upload`. */
export const { workflows } = declared;

/** Starts a stand-in for the calling test file and stops it afterwards. */
export function useStandin() {
  const handle = {};
  before(async () => {
    handle.server = await startStandin();
    handle.url = handle.server.url;
  });
  after(() => handle.server.close());
  return handle;
}

/**
 * The README's examples of `kind`, each marked `<!-- example: kind -->` above
 * its code block, by the heading they sit under.
 */
export function readmeExamples(kind = "node") {
  const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
  const found = new Map();
  for (const section of readme.split(/^#{2,3} /m)) {
    const heading = section.slice(0, section.indexOf("\n"));
    const pattern = new RegExp(`<!-- example: ${kind} -->\n\`\`\`\\w+\n([\\s\\S]*?)\`\`\``, "g");
    for (const [, code] of section.matchAll(pattern)) {
      assert.ok(!found.has(heading), `one ${kind} example under "${heading}"`);
      found.set(heading, code);
    }
  }
  return found;
}

/** A client of `org` made against the file's stand-in: `clientFor(standin)(org, extraConfig?)`. */
export function clientFor(standin) {
  return (org, extra = {}) =>
    createClient({ org, token: TOKEN, baseUrl: standin.url, regionUrl: `${standin.url}/region`, ...extra });
}

/** The claims of a JWT the stand-in minted. */
export const claimsOf = (jwt) => JSON.parse(Buffer.from(jwt.split(".")[1], "base64url"));

let orgCounter = 0;
/** An organization slug that no other test uses. */
export function freshOrg(label) {
  orgCounter += 1;
  return `js-${label}-${process.pid}-${orgCounter}`;
}

/** Every error a test has seen, for the sweep that looks for the token. */
export const seenErrors = [];

/** Awaits a rejection, checks it is a TursoClientError with `expected`'s fields. */
export async function rejection(promise, expected) {
  let error;
  try {
    const value = await promise;
    assert.fail(`expected a ${expected.code} rejection, got ${JSON.stringify(value)}`);
  } catch (caught) {
    error = caught;
  }
  seenErrors.push(error);
  assert.ok(error instanceof TursoClientError, `not a TursoClientError: ${error}`);
  assert.ok(error instanceof Error);
  assert.equal(error.name, "TursoClientError");
  assert.equal(typeof error.message, "string");
  assert.ok(error.message.length > 0);
  assert.ok(error.stack.includes("TursoClientError"));
  assert.ok(Number.isInteger(error.attempts), "every error says how many requests were sent");
  for (const [key, value] of Object.entries(expected)) {
    assert.equal(error[key], value, `${key} of ${error.code}: ${error.message}`);
  }
  if (error.operation !== undefined) said(error);
  return error;
}

/**
 * What an error says after the name of its call, which its message starts
 * with: `name is required` of `groups.create: name is required`.
 */
export function said(error) {
  assert.equal(typeof error.operation, "string", `no operation: ${error.message}`);
  const prefix = `${error.operation}: `;
  assert.ok(error.message.startsWith(prefix), `${error.message} does not start with ${prefix}`);
  return error.message.slice(prefix.length);
}

/** A loopback port that was free a moment ago, for a server to listen on. */
export const freePort = () => refusedPort();

/** A loopback port with nothing listening on it. */
export async function refusedPort() {
  const probe = createServer();
  await new Promise((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** Asserts that no error seen so far shows `secret` in any view of it. */
export function assertNeverShown(secret, errors = seenErrors) {
  for (const error of errors) {
    const views = [
      error.message,
      error.stack,
      String(error),
      error.body ?? "",
      error.apiCode ?? "",
      error.field ?? "",
      String(error.cause ?? ""),
      JSON.stringify(error),
      JSON.stringify(Object.getOwnPropertyDescriptors(error)),
      inspect(error, { showHidden: true, depth: 5 }),
    ];
    for (const view of views) assert.ok(!view.includes(secret), `secret in ${error.code}: ${view}`);
  }
}

/** Debian's headless Chromium through Playwright; no browser is ever downloaded. */
export function launchChromium() {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

/**
 * A workerd config serving the bundle `worker.js` (with the package's .wasm
 * beside it) on 127.0.0.1:port, with text bindings from `env`; its outbound
 * fetch may reach loopback only.
 */
export function workerdConfig(port, env = {}) {
  const bindings = Object.entries(env).map(([name, text]) => `(name = ${JSON.stringify(name)}, text = ${JSON.stringify(text)})`);
  return `using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [
    (name = "main", worker = .worker),
    (name = "loopback", network = (allow = ["local"])),
  ],
  sockets = [(name = "http", address = "127.0.0.1:${port}", http = (), service = "main")],
);

const worker :Workerd.Worker = (
  modules = [
    (name = "worker.js", esModule = embed "worker.js"),
    (name = "turso_platform_wasm_bg.wasm", wasm = embed "turso_platform_wasm_bg.wasm"),
  ],
  bindings = [${bindings.join(", ")}],
  compatibilityDate = "2026-11-01",
  globalOutbound = "loopback",
);
`;
}

/** `fetch(url)` once something answers there, for a server that is starting. */
export async function fetchWhenUp(url, init) {
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      return await fetch(url, init);
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`nothing answered at ${url}`);
}
