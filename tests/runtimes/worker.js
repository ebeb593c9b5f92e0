// A Cloudflare Worker that imports the package by name and runs the smoke
// test against the stand-in named in the query: /?api=<URL>&org=<slug>.
import * as turso from "turso-platform-wasm";
import { smoke } from "./smoke.js";

export default {
  async fetch(request) {
    const params = new URL(request.url).searchParams;
    try {
      const report = await smoke(turso, { baseUrl: params.get("api"), org: params.get("org") });
      return Response.json(report);
    } catch (error) {
      return Response.json({ ok: false, error: String(error?.stack ?? error) }, { status: 500 });
    }
  },
};
