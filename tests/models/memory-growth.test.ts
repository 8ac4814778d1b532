import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { createWasmBackend } from "../../src/backends/wasm/index.js";
import { chooseBuild, instantiateCoreSync } from "../../src/backends/wasm/instantiate.js";
import { getBackend } from "../../src/index.js";
import { LeastSquaresData } from "../../src/design/least-squares-data.js";
import { solve as runSolver } from "../../src/solvers/table.js";

describe("fits across a growth of WASM memory", () => {
  it("the closed form reads its blocks through live views while allocating (fresh 1 MiB memory)", () => {
    const [n, d] = [600, 150];
    const X = { data: Float64Array.from({ length: n * d }, (_, k) => Math.sin(k * 0.37) + (k % 7) / 7), rows: n, cols: d };
    const y = Float64Array.from({ length: n }, (_, i) => Math.cos(i));
    const solve = (backend: ReturnType<typeof getBackend>) =>
      backend.scope((scope) => {
        const raw = { X: scope.fromArray(X.data), Y: scope.fromArray(y), n, d, k: 1 };
        const data = new LeastSquaresData(backend, raw, { fitIntercept: true, standardize: false });
        try {
          const params = {
            owner: "test", lambda: 0.01, rho: 0, maxIter: 1, tol: 0, positive: false, precompute: "auto" as const,
            selection: "cyclic" as const, seed: 0, learningRate: 1, fitIntercept: true,
          };
          return runSolver("closed-form", backend, data, params, null, false).w;
        } finally {
          data.free();
        }
      });
    const fresh = createWasmBackend(instantiateCoreSync(chooseBuild(undefined)));
    const before = fresh.heap.byteLength;
    const wasm = solve(fresh);
    expect(fresh.heap.byteLength).toBeGreaterThan(before);
    const js = solve(getBackend("js"));
    wasm.forEach((w, j) => expect(Math.abs(w - js[j])).toBeLessThanOrEqual(1e-9 * (1 + Math.abs(js[j]))));
  });

  it("prepared data copy blocks through live views while allocating (standardized, weighted, fresh 1 MiB memory)", () => {
    const [n, d] = [20_000, 10];
    const X = Float64Array.from({ length: n * d }, (_, k) => Math.sin(k * 0.37) * (1 + (k % d)));
    const y = Float64Array.from({ length: n }, (_, i) => Math.cos(i));
    const weights = Float64Array.from({ length: n }, (_, i) => 1 + (i % 3));
    const forms = (backend: ReturnType<typeof getBackend>) =>
      backend.scope((scope) => {
        const raw = { X: scope.fromArray(X), Y: scope.fromArray(y), n, d, k: 1 };
        const plain = scope.own(new LeastSquaresData(backend, raw, { fitIntercept: true, standardize: true }));
        const weighted = scope.own(new LeastSquaresData(backend, raw, { fitIntercept: true, standardize: true, sampleWeight: weights }));
        return [plain.uncentered().X.values.slice(), weighted.rows().values.slice(), weighted.columns().values.slice()];
      });
    const fresh = createWasmBackend(instantiateCoreSync(chooseBuild(undefined)));
    const before = fresh.heap.byteLength;
    const wasm = forms(fresh);
    expect(fresh.heap.byteLength).toBeGreaterThan(before);
    const js = forms(getBackend("js"));
    wasm.forEach((values, f) => expect(Array.from(values)).toEqual(Array.from(js[f])));
  });

  it("cross-validation reads each fold's rows in place while the memory grows (a fresh process, one thread)", () => {
    // LassoCV on 10,000 x 100 on a memory that is not shared (it detaches on growth): the fold statistics against
    // the same folds fitted one by one from copies of their rows (LassoCV's own folds: foldIds).
    const dist = new URL("../../dist/index.js", import.meta.url).href;
    const script = `
      const m = await import(${JSON.stringify(dist)});
      await m.init({ threads: 1 });
      const [n, d] = [10000, 100];
      const X = new Float64Array(n * d).map((_, i) => Math.sin(i * 0.37) * (1 + (i % 5)));
      const y = new Float64Array(n).map((_, i) => X[i * d] - 2 * X[i * d + 3] + Math.cos(i));
      const cv = new m.LassoCV({ nFolds: 3, nLambdas: 5 }).fit({ data: X, rows: n, cols: d }, y);
      const folds = [0, 1, 2].map((f) => {
        const rows = [...cv.foldIds.keys()].filter((i) => cv.foldIds[i] === f);
        const acc = new m.GramAccumulator(d);
        acc.update(rows.map((i) => Array.from(X.subarray(i * d, (i + 1) * d))), rows.map((i) => y[i]));
        return acc;
      });
      const fromCopies = new m.LassoCV({ nLambdas: 5, lambdas: cv.cvResults[0].lambdas }).fitFolds(folds);
      process.stdout.write(JSON.stringify({ cv: Array.from(cv.cvResults[0].cvMean), copies: Array.from(fromCopies.cvResults[0].cvMean) }));`;
    const child = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" });
    expect(child.status, child.stderr).toBe(0);
    const { cv, copies } = JSON.parse(child.stdout) as { cv: number[]; copies: number[] };
    cv.forEach((v, i) => expect(Math.abs(v - copies[i])).toBeLessThanOrEqual(1e-9 * copies[i]));
  }, 30_000);
});
