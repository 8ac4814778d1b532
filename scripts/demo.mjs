// `npm run demo`: bundles web/app.ts and serves web/ on http://127.0.0.1:5173 (or the port given), cross-origin
// isolated (COOP and COEP headers), so that the page's workers can run the core on threads.
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, normalize } from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";

const TYPES = { ".html": "text/html", ".js": "text/javascript", ".map": "application/json", ".png": "image/png", ".csv": "text/csv" };

/**
 * Bundles the page's script into web/dist/app.js, and its threads check (a Web Worker) into threads-worker.js
 * with the files the core's threads load from beside it: the shared-memory builds and the thread script.
 */
export async function bundleDemo() {
  await build({
    entryPoints: {
      app: "web/app.ts",
      "threads-worker": "web/threads-worker.ts",
      "core-wasm-shared.generated": "src/backends/wasm/core-wasm-shared.generated.ts",
      "wasm/core-thread-entry": "src/backends/wasm/core-thread-entry.ts",
    },
    bundle: true, format: "esm", platform: "browser", target: "es2022", outdir: "web/dist", sourcemap: true, logLevel: "warning",
  });
}

/**
 * Cross-origin isolation (COOP and COEP): SharedArrayBuffer exists, so a worker of the page can run the core on
 * threads. Every file here is same-origin, which require-corp allows.
 */
const ISOLATION = { "cross-origin-opener-policy": "same-origin", "cross-origin-embedder-policy": "require-corp" };

/** Serves web/ from a local port; resolves to the server once it listens. */
export function serveDemo(port = 5173) {
  const server = createServer((request, response) => {
    let path;
    try {
      path = normalize(decodeURIComponent((request.url ?? "/").split("?")[0])).replace(/^(\.\.[/\\])+/, "");
    } catch {
      response.writeHead(400, ISOLATION).end("bad request");
      return;
    }
    const file = join("web", path === "/" ? "index.html" : path);
    let body;
    try {
      body = readFileSync(file);
    } catch {
      response.writeHead(404, ISOLATION).end("not found");
      return;
    }
    response.writeHead(200, { ...ISOLATION, "content-type": TYPES[extname(file)] ?? "application/octet-stream" }).end(body);
  });
  return new Promise((resolve) => server.listen(port, "127.0.0.1", () => resolve(server)));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await bundleDemo();
  const server = await serveDemo(Number(process.argv[2] ?? 5173));
  console.log(`regularized demo on http://127.0.0.1:${server.address().port}/ (Ctrl-C to stop)`);
}
