// Node and Bun: read the module from disk next to this file and instantiate it
// synchronously, so the import needs no top-level await and no init() call.
import { readFileSync } from "node:fs";
import { initSync } from "./turso_platform_wasm.js";

initSync({ module: readFileSync(new URL("./turso_platform_wasm_bg.wasm", import.meta.url)) });

export { createGroup, createClient, TursoClientError } from "./turso_platform_wasm.js";
