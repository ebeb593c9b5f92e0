// Bundled by `vite build` with no plugin: the package's .wasm goes through
// Vite's own asset handling.
import * as turso from "turso-platform-wasm";
import { smokeInPage } from "../smoke.js";

smokeInPage(turso);
