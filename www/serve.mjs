// Serves the demo page and the built package on 127.0.0.1.
//
//   node www/serve.mjs [--port 8080] [--api http://127.0.0.1:8787]
//
// /pkg/* comes from ../pkg (run scripts/build.sh first); /config.json tells
// the page which API base URL to prefill, and where the stand-in at that URL
// serves each database's own server, for uploads and downloads.
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const WWW = fileURLToPath(new URL(".", import.meta.url));
const PKG = fileURLToPath(new URL("../pkg/", import.meta.url));
const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".wasm": "application/wasm",
  ".png": "image/png",
};

/**
 * Serves files from `mounts` (URL prefix → folder) and JSON from `json`
 * (path → value) on 127.0.0.1. Nothing outside the mounted folders is served.
 */
export async function serveStatic({ mounts, json = {}, port = 0, host = "127.0.0.1" }) {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://static").pathname);
    if (path in json) {
      res.writeHead(200, { "content-type": TYPES[".json"] });
      return res.end(JSON.stringify(json[path]));
    }
    const prefix = Object.keys(mounts)
      .filter((p) => path.startsWith(p))
      .sort((a, b) => b.length - a.length)[0];
    const base = prefix === undefined ? undefined : mounts[prefix];
    const relative = path.slice(prefix?.length ?? 0) || "index.html";
    const file = base && normalize(join(base, relative));
    try {
      if (!file || !file.startsWith(base)) throw new Error("outside the mounts");
      const body = await readFile(file);
      res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
      res.end(body);
    } catch {
      res.writeHead(404);
      res.end("not found");
    }
  });
  await new Promise((resolve) => server.listen(port, host, resolve));
  return {
    url: `http://${host}:${server.address().port}/`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/**
 * The demo: www/ at /, the built package at /pkg/, and the API to prefill,
 * with where the stand-in serves each database's own server.
 */
export function serveDemo({ port, apiBaseUrl }) {
  const config = { baseUrl: apiBaseUrl, databaseHosts: `${apiBaseUrl}/hosts` };
  return serveStatic({ mounts: { "/": WWW, "/pkg/": PKG }, json: { "/config.json": config }, port });
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const flag = (name, fallback) => {
    const at = process.argv.indexOf(name);
    return at > 0 ? process.argv[at + 1] : fallback;
  };
  const demo = await serveDemo({
    port: Number(flag("--port", "8080")),
    apiBaseUrl: flag("--api", "http://127.0.0.1:8787"),
  });
  console.log(`Demo page listening on ${demo.url}`);
}
