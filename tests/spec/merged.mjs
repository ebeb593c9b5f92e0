// Turso's published description with the supplement of what Turso's own
// tools use beyond it merged over it: each of the supplement's operations is
// added, or replaces the published one of the same path and method. The
// Prism suite serves it, and the type checks compare the public types with
// it; tests/spec.rs merges it the same way.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";

const read = (name) => JSON.parse(readFileSync(new URL(name, import.meta.url), "utf8"));

export function mergedSpec() {
  const spec = read("turso-platform-openapi.json");
  for (const [path, item] of Object.entries(read("supplement.openapi.json").paths)) {
    spec.paths[path] = { ...spec.paths[path], ...item };
  }
  return spec;
}

/** Writes `spec` (the merged one by default) to tests/out/`name`, and returns its path. */
export function writeSpec(name, spec = mergedSpec()) {
  const out = new URL("../out/", import.meta.url);
  mkdirSync(out, { recursive: true });
  const path = new URL(name, out).pathname;
  writeFileSync(path, JSON.stringify(spec));
  return path;
}
