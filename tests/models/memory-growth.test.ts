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
});
