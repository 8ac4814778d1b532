// `npm run demo`: bundles web/app.ts and serves web/ on http://127.0.0.1:5173 (or the port given).
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, normalize } from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";

const TYPES = { ".html": "text/html", ".js": "text/javascript", ".map": "application/json", ".png": "image/png", ".csv": "text/csv" };

/** Bundles the page's script into web/dist/app.js. */
export async function bundleDemo() {
  await build({ entryPoints: ["web/app.ts"], bundle: true, format: "esm", platform: "browser", target: "es2022",
    outfile: "web/dist/app.js", sourcemap: true, logLevel: "warning" });
}

/** Serves web/ from a local port; resolves to the server once it listens. */
export function serveDemo(port = 5173) {
  const server = createServer((request, response) => {
    let path;
    try {
      path = normalize(decodeURIComponent((request.url ?? "/").split("?")[0])).replace(/^(\.\.[/\\])+/, "");
    } catch {
      response.writeHead(400).end("bad request");
      return;
    }
    const file = join("web", path === "/" ? "index.html" : path);
    let body;
    try {
      body = readFileSync(file);
    } catch {
      response.writeHead(404).end("not found");
      return;
    }
    response.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" }).end(body);
  });
  return new Promise((resolve) => server.listen(port, "127.0.0.1", () => resolve(server)));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await bundleDemo();
  const server = await serveDemo(Number(process.argv[2] ?? 5173));
  console.log(`regularized demo on http://127.0.0.1:${server.address().port}/ (Ctrl-C to stop)`);
}
