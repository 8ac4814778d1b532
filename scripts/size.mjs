// `npm run size`: the minified and gzipped size of an app importing only { init, Ridge }, bundled from the package
// as a user gets it (the exports' browser condition) and, for comparison, from src/index.ts; then the largest
// inputs of the source bundle (the package bundle has one input, dist/browser/regularized.js).
import { bundleApp } from "./size-bundle.mjs";

const TOP = 15;
const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;

const [pkg, source] = [await bundleApp("package"), await bundleApp("source")];
console.log("{ init, Ridge } app, esbuild --bundle --minify --platform=browser --format=esm");
console.log(`  from the package (dist/browser/regularized.js): ${kib(pkg.minified)} minified, ${kib(pkg.gzip)} gzip (${pkg.gzip} bytes)`);
console.log(`  from src/index.ts:                              ${kib(source.minified)} minified, ${kib(source.gzip)} gzip (${source.gzip} bytes)`);
const inputs = Object.entries(Object.values(source.metafile.outputs)[0].inputs)
  .map(([path, { bytesInOutput }]) => [path, bytesInOutput])
  .sort((a, b) => b[1] - a[1]);
console.log(`Largest of the source bundle's ${inputs.length} inputs (minified bytes):`);
for (const [path, bytes] of inputs.slice(0, TOP)) console.log(`  ${String(bytes).padStart(7)}  ${path}`);
