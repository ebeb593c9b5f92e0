// Serves the demo page and the built package on 127.0.0.1.
//
//   node www/serve.mjs [--port 8080] [--api http://127.0.0.1:8787]
//
// /pkg/* comes from ../pkg (run scripts/build.sh first); /config.json tells
// the page which API base URL to prefill.
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
};

export async function serveDemo({ port = 0, host = "127.0.0.1", apiBaseUrl }) {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://demo").pathname);
    if (path === "/config.json") {
      res.writeHead(200, { "content-type": TYPES[".json"] });
      return res.end(JSON.stringify({ baseUrl: apiBaseUrl }));
    }
    const [base, relative] = path.startsWith("/pkg/") ? [PKG, path.slice(5)] : [WWW, path === "/" ? "index.html" : path];
    const file = normalize(join(base, relative));
    if (!file.startsWith(base) || file.endsWith(".mjs")) {
      res.writeHead(404);
      return res.end("not found");
    }
    try {
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
