// Node, Bun and Deno: run-smoke.mjs <package specifier> <stand-in URL> <org>
// Prints the smoke report as JSON; exits 1 with the error if a check fails.
import { smoke } from "./smoke.js";

const [specifier, baseUrl, org] = globalThis.Deno ? Deno.args : process.argv.slice(2);
try {
  const report = await smoke(await import(specifier), { baseUrl, org });
  console.log(JSON.stringify(report));
} catch (error) {
  console.error(error);
  globalThis.Deno ? Deno.exit(1) : process.exit(1);
}
