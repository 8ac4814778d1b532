// `npm run size`: what an app importing only { init, Ridge } weighs once bundled by esbuild (minified, browser,
// ESM), built from the package's browser entry (what a bundler resolves "regularized" to) and from the sources,
// with the largest inputs. The guard of issue 14 is 45 KB gzip; tests/architecture/bundle-size.test.ts keeps the
// data sets out and the size from growing.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const APP = (from) => `import { init, Ridge } from ${JSON.stringify(from)};
await init();
console.log(new Ridge({ lambda: 1 }).fit([[1, 2], [3, 4], [5, 7]], [1, 2, 3]).predict([[1, 2]]));
`;

/** Bundles the app importing from `from`; returns its minified and gzip sizes and its inputs by size. */
export async function appSize(from) {
  const dir = mkdtempSync(join(tmpdir(), "regularized-size-"));
  try {
    const entry = join(dir, "app.js");
    writeFileSync(entry, APP(from));
    const result = await build({
      entryPoints: [entry], bundle: true, minify: true, format: "esm", platform: "browser", target: "es2022",
      write: false, metafile: true, logLevel: "warning", absWorkingDir: resolve("."),
    });
    const [output] = result.outputFiles;
    const inputs = Object.entries(Object.values(result.metafile.outputs)[0].inputs)
      .map(([path, { bytesInOutput }]) => ({ path, bytes: bytesInOutput }))
      .sort((a, b) => b.bytes - a.bytes);
    return { text: output.text, minified: output.contents.length, gzip: gzipSync(output.contents, { level: 9 }).length, inputs };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
  for (const [label, from] of [["package browser entry (dist/browser/regularized.js)", resolve("dist/browser/regularized.js")], ["sources (src/index.ts)", resolve("src/index.ts")]]) {
    const size = await appSize(from);
    console.log(`{ init, Ridge } from the ${label}: ${kb(size.minified)} minified, ${kb(size.gzip)} gzip`);
    for (const { path, bytes } of size.inputs.slice(0, 8)) console.log(`  ${kb(bytes).padStart(9)}  ${path}`);
  }
}
