// The browser build: ESM files with the WASM core embedded (no .wasm path, no bundler configuration):
// dist/browser/regularized.js, worker.js beside it for fitInWorker, and for the core's threads in a cross-origin
// isolated worker, loaded only there: core-wasm-shared.generated.js (the shared-memory builds) and
// wasm/core-thread-entry.js (each found from the importing file, as in dist/).
import { build } from "esbuild";

await build({
  entryPoints: {
    regularized: "src/index.ts",
    worker: "src/worker/worker-entry.ts",
    "wasm/core-thread-entry": "src/backends/wasm/core-thread-entry.ts",
    "core-wasm-shared.generated": "src/backends/wasm/core-wasm-shared.generated.ts",
  },
  bundle: true,
  format: "esm",
  platform: "browser",
  target: "es2022",
  outdir: "dist/browser",
  sourcemap: true,
  logLevel: "warning",
});
console.log("bundled dist/browser/: regularized.js, worker.js, core-wasm-shared.generated.js, wasm/core-thread-entry.js");
