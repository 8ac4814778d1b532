// Bundles the smallest real app, `import { init, Ridge } from "regularized"`, as a user's esbuild build for the
// browser would (minified ESM), and measures it: for `npm run size` and tests/architecture/bundle-size.test.ts.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const ROOT = resolve(import.meta.dirname, "..");

/** The app: init, then one Ridge fit and prediction. */
export const RIDGE_APP = {
  imports: "init, Ridge",
  body: "await init();\nconsole.log(new Ridge({ lambda: 1 }).fit([[1, 2], [3, 4], [5, 7]], [1, 2, 3]).predict([[1, 2]]));\n",
};

/**
 * Bundles `app` (the names it imports, its code) importing from `from`: "package" resolves `regularized` through
 * package.json's exports (the browser condition: dist/browser/regularized.js, as a user's bundler does; needs
 * `npm run build`), "source" imports src/index.ts. Returns the minified bundle, its size, its gzip size (level
 * 9) and esbuild's metafile.
 */
export async function bundleApp(from, app = RIDGE_APP) {
  const dir = mkdtempSync(join(tmpdir(), "regularized-size-"));
  try {
    mkdirSync(join(dir, "node_modules"));
    symlinkSync(ROOT, join(dir, "node_modules", "regularized"), "dir");
    const specifier = from === "package" ? "regularized" : join(ROOT, "src/index.ts");
    const result = await build({
      stdin: { contents: `import { ${app.imports} } from ${JSON.stringify(specifier)};\n${app.body}`, resolveDir: dir, loader: "ts" },
      bundle: true, minify: true, format: "esm", platform: "browser", target: "es2022",
      write: false, metafile: true, logLevel: "silent", absWorkingDir: ROOT,
    });
    const text = result.outputFiles[0].text;
    return { text, minified: Buffer.byteLength(text), gzip: gzipSync(text, { level: 9 }).length, metafile: result.metafile };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
