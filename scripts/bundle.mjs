// The browser build: ESM files with the WASM core embedded (no .wasm path, no bundler configuration):
// dist/browser/regularized.js, and worker.js beside it for fitInWorker.
import { build } from "esbuild";

await build({
  entryPoints: { regularized: "src/index.ts", worker: "src/worker/worker-entry.ts" },
  bundle: true,
  format: "esm",
  platform: "browser",
  target: "es2022",
  outdir: "dist/browser",
  sourcemap: true,
  logLevel: "warning",
});
console.log("bundled dist/browser/regularized.js and dist/browser/worker.js");
