// The browser build: ESM files with the WASM core embedded (no .wasm path, no bundler configuration):
// dist/browser/regularized.js, worker.js beside it for fitInWorker, and for the core's threads in a cross-origin
// isolated worker, loaded only there: core-wasm-shared.generated.js (the shared-memory builds) and
// wasm/core-thread-entry.js (each found from the importing file, as in dist/).
import { readFileSync, writeFileSync } from "node:fs";
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
// A CommonJS dependency (papaparse, for the CSV streams) is wrapped and loaded at the bundle's top level by calls,
// which a user's bundler must keep even in an app that never reads CSV. The calls only build the module's exports:
// marked pure, they go with their last use (19 KB minified out of a { init, Ridge } app).
const entry = "dist/browser/regularized.js";
const code = readFileSync(entry, "utf8");
const pure = code
  .replace(/^(var require_\w+ = )__commonJS\(/gm, "$1/* @__PURE__ */ __commonJS(")
  .replace(/^(var import_\w+ = )__toESM\((require_\w+)\(\)/gm, "$1/* @__PURE__ */ __toESM(/* @__PURE__ */ $2()");
const marked = (pure.match(/@__PURE__ \*\/ (__commonJS|__toESM)\(/g) ?? []).length;
if (marked !== (code.match(/^var (require|import)_\w+ = (__commonJS|__toESM)\(/gm) ?? []).length) {
  throw new Error(`${entry}: a top-level __commonJS or __toESM call was not marked pure; check the patterns.`);
}
writeFileSync(entry, pure);
console.log("bundled dist/browser/: regularized.js, worker.js, core-wasm-shared.generated.js, wasm/core-thread-entry.js");
