// The package as a user imports it: the built dist/ entry in Node, and the browser bundle's exports.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

describe("the built package", () => {
  it("imports from dist/ in Node and fits", async () => {
    const pkg = JSON.parse(readFileSync("package.json", "utf8"));
    expect(pkg.exports["."]).toMatchObject({ types: "./dist/index.d.ts", browser: "./dist/browser/regularized.js", node: "./dist/index.js" });
    const dist = await import(new URL("../dist/index.js", import.meta.url).href);
    await dist.init();
    const model = new dist.Ridge({ lambda: 0 }).fit([[1], [2], [3]], [2, 4, 6]);
    expect(model.coef[0]).toBeCloseTo(2, 12);
  });

  it("bundles cleanly into a user's esbuild build for the browser, through the exports' browser condition", async () => {
    const { mkdtempSync, mkdirSync, symlinkSync } = await import("node:fs");
    const { join } = await import("node:path");
    const { tmpdir } = await import("node:os");
    const app = mkdtempSync(join(tmpdir(), "regularized-esbuild-"));
    mkdirSync(join(app, "node_modules"));
    symlinkSync(process.cwd(), join(app, "node_modules", "regularized"), "dir");
    const { build } = await import("esbuild");
    const result = await build({
      stdin: { contents: 'import { init, Lasso } from "regularized"; await init(); console.log(new Lasso());', resolveDir: app },
      bundle: true, format: "esm", platform: "browser", write: false, logLevel: "silent",
    });
    expect(result.errors).toEqual([]);
    expect(result.outputFiles[0].text.length).toBeGreaterThan(100_000);
    expect(result.outputFiles[0].text).not.toMatch(/from ["']node:/);
  });

  it("builds with Vite from `import ... from \"regularized\"` as a user's app, the worker bundled beside it", async () => {
    const { mkdtempSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } = await import("node:fs");
    const { join } = await import("node:path");
    const { tmpdir } = await import("node:os");
    const app = mkdtempSync(join(tmpdir(), "regularized-vite-"));
    mkdirSync(join(app, "node_modules"));
    symlinkSync(process.cwd(), join(app, "node_modules", "regularized"), "dir");
    writeFileSync(join(app, "index.html"), '<script type="module" src="./main.js"></script>');
    writeFileSync(join(app, "main.js"), 'import { init, Lasso, fitInWorker } from "regularized";\nawait init();\nconsole.log(new Lasso(), fitInWorker);\n');
    const vite = await import("vite");
    await vite.build({ root: app, logLevel: "silent", build: { outDir: join(app, "dist"), target: "es2022" } });
    const assets = readdirSync(join(app, "dist", "assets"));
    expect(assets.some((name) => name.startsWith("index-") && name.endsWith(".js"))).toBe(true);
    expect(assets.some((name) => name.startsWith("worker-") && name.endsWith(".js"))).toBe(true);
  });

  it("the browser bundle is one ESM file with the WASM core inside and no Node imports", () => {
    const bundle = readFileSync("dist/browser/regularized.js", "utf8");
    expect(bundle).toMatch(/export \{/);
    expect(bundle).not.toMatch(/from ["']node:/);
    expect(bundle).not.toMatch(/\.wasm["']/);
    expect(bundle).toContain("coreWasm");
  });
});
