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

  it("bundles cleanly into a user's esbuild build for the browser", async () => {
    const { build } = await import("esbuild");
    const result = await build({
      stdin: { contents: 'import { init, Lasso } from "./dist/browser/regularized.js"; await init(); console.log(new Lasso());', resolveDir: process.cwd() },
      bundle: true, format: "esm", platform: "browser", write: false, logLevel: "silent",
    });
    expect(result.errors).toEqual([]);
    expect(result.outputFiles[0].text.length).toBeGreaterThan(100_000);
  });

  it("the browser bundle is one ESM file with the WASM core inside and no Node imports", () => {
    const bundle = readFileSync("dist/browser/regularized.js", "utf8");
    expect(bundle).toMatch(/export \{/);
    expect(bundle).not.toMatch(/from ["']node:/);
    expect(bundle).not.toMatch(/\.wasm["']/);
    expect(bundle).toContain("coreWasmBase64");
  });
});
