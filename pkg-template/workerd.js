// Cloudflare Workers (workerd): the .wasm is imported as a compiled module, as
// Wrangler and other Workers bundlers provide it, and instantiated synchronously,
// since a Worker can neither fetch a URL at start-up nor compile from bytes.
import wasmModule from "./turso_platform_wasm_bg.wasm";
import { initSync } from "./turso_platform_wasm.js";

initSync({ module: wasmModule });

export { createGroup, createClient, TursoClientError } from "./turso_platform_wasm.js";
