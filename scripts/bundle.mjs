// The browser build: ESM files with the WASM core embedded (no .wasm path, no bundler configuration):
// dist/browser/regularized.js, worker.js beside it for fitInWorker, and for the core's threads in a cross-origin
// isolated worker, loaded only there: core-wasm-shared.generated.js (the shared-memory builds) and
// wasm/core-thread-entry.js (each found from the importing file, as in dist/).
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { build } from "esbuild";

/**
 * Marks esbuild's wrappers of CommonJS dependencies (papaparse) @__PURE__: top-level calls, which a user's bundler
 * would otherwise keep, and with them the dependency, in every app, whether it reads CSV or not.
 */
const pureCommonJs = (code) => code
  .replace(/^(var require_\w+ = )(__commonJS\()/gm, "$1/* @__PURE__ */ $2")
  .replace(/^(var import_\w+ = )__toESM\((require_\w+\(\))/gm, "$1/* @__PURE__ */ __toESM(/* @__PURE__ */ $2");

const { outputFiles } = await build({
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
  write: false,
});
for (const { path, text } of outputFiles) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, path.endsWith(".js") ? pureCommonJs(text) : text);
}
console.log("bundled dist/browser/: regularized.js, worker.js, core-wasm-shared.generated.js, wasm/core-thread-entry.js");
