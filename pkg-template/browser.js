// Browsers and bundlers: the module is found through `new URL(…, import.meta.url)`,
// which bundlers such as Vite rewrite to their own asset URL.
import init from "./turso_platform_wasm.js";

await init({ module_or_path: new URL("./turso_platform_wasm_bg.wasm", import.meta.url) });

export { createGroup, createClient, TursoClientError } from "./turso_platform_wasm.js";
