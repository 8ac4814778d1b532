// The browser build: one ESM file with the WASM core embedded (no .wasm path, no bundler configuration).
import { build } from "esbuild";

await build({
  entryPoints: ["src/index.ts"],
  bundle: true,
  format: "esm",
  platform: "browser",
  target: "es2022",
  outfile: "dist/browser/regularized.js",
  sourcemap: true,
  logLevel: "warning",
});
console.log("bundled dist/browser/regularized.js");
