// The three ways of calling the API that the benchmark compares, each as
// `call(name)` against the stand-in at `baseUrl`: Create Group (a POST) or
// Retrieve Group (a GET) by the operation asked for; and two floors that the
// diagnostic scripts measure this package's Create Group against.
import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

export const TOKEN = "standin-token";
export const CONTENDERS = ["fetch", "sdk", "wasm"];
export const REQUEST_HEADERS = { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" };

export function groupsUrl(baseUrl, org) {
  return `${baseUrl}/v1/organizations/${encodeURIComponent(org)}/groups`;
}

/** The operations timed per call: Create Group, and Retrieve Group. */
export const OPERATIONS = ["create", "get"];

export async function load(contender, baseUrl, org, operation = "create") {
  switch (contender) {
    case "fetch": {
      const url = groupsUrl(baseUrl, org);
      const read = async (response) => {
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        return (await response.json()).group;
      };
      if (operation === "get") {
        const headers = { authorization: REQUEST_HEADERS.authorization };
        return async (name) => read(await fetch(`${url}/${encodeURIComponent(name)}`, { headers }));
      }
      return async (name) =>
        read(await fetch(url, { method: "POST", headers: REQUEST_HEADERS, body: JSON.stringify({ name, location: "lhr" }) }));
    }
    case "sdk": {
      const { createClient } = await import("@tursodatabase/api");
      const turso = createClient({ org, token: TOKEN, baseUrl: `${baseUrl}/v1/` });
      return operation === "get" ? (name) => turso.groups.get(name) : (name) => turso.groups.create(name, "lhr");
    }
    case "wasm":
      return wasmCalls(await import("turso-platform-wasm"), baseUrl, org, operation);
    default:
      throw new Error(`unknown contender ${contender}`);
  }
}

// Another build of this package, such as one from before a change: the
// directory `scripts/build.sh` made, its Node entry loaded as a module of
// its own.
export async function loadBuild(dir, baseUrl, org, operation = "create") {
  return wasmCalls(await import(pathToFileURL(join(resolve(dir), "node.js")).href), baseUrl, org, operation);
}

function wasmCalls({ createClient }, baseUrl, org, operation) {
  const turso = createClient({ org, token: TOKEN, baseUrl });
  return operation === "get" ? (name) => turso.groups.get(name) : (name) => turso.groups.create(name, "lhr");
}

// Plain JavaScript doing the same work as this package: a timeout, the
// header checks, the body read as bytes, JSON decoding. The floor for this
// design without wasm. `steps` can replace how the body is made and how the
// answer is read.
export function sameWorkInJs(baseUrl, org, steps = {}) {
  const { requestBody = (name) => JSON.stringify({ name, location: "lhr" }), readGroup = (bytes) => JSON.parse(new TextDecoder().decode(bytes)).group } = steps;
  const url = groupsUrl(baseUrl, org);
  return async (name) => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 60_000);
    try {
      const headers = new Headers(REQUEST_HEADERS);
      const response = await fetch(url, { method: "POST", headers, body: requestBody(name), signal: controller.signal });
      for (const header of ["retry-after", "content-encoding", "content-length"]) response.headers.get(header);
      return readGroup(new Uint8Array(await response.arrayBuffer()));
    } finally {
      clearTimeout(timer);
    }
  };
}

// `bench/floor/` as `bench/floor/measure.sh` builds it: the smallest wasm
// module that creates a group with this package's dependencies, with none of
// its checks. `variant` is "hand-filled" (Rust drives the call, as in this
// package) or "js-driven" (the same work in JS, with the body made and the
// answer read by wasm).
export async function wasmFloor(baseUrl, org, variant) {
  const dir = new URL(`out/floor/${variant}/`, import.meta.url);
  const floor = await import(new URL("turso_platform_wasm_size_floor.js", dir)).catch(() => {
    throw new Error(`bench/out/floor/${variant}/ is missing: run bench/floor/measure.sh first`);
  });
  floor.initSync({ module: await readFile(new URL("turso_platform_wasm_size_floor_bg.wasm", dir)) });
  if (variant === "js-driven") return sameWorkInJs(baseUrl, org, floor);
  const url = groupsUrl(baseUrl, org);
  return (name) => floor.createGroup(url, TOKEN, name);
}
