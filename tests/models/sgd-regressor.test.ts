import { beforeAll, describe, expect, it } from "vitest";
import { init, Ridge, SGDRegressor, type BackendName } from "../../src/index.js";

beforeAll(() => init());

// Pseudo-random features in [-1, 1) (the fractional part of a large multiple of a sine) and a linear target.
const hash = (i: number, j: number) => { const v = Math.sin(12.9898 * (i + 1) + 78.233 * (j + 1)) * 43758.5453; return v - Math.floor(v) - 0.5; };
const n = 400;
const X = Array.from({ length: n }, (_, i) => Array.from({ length: 5 }, (_, j) => 2 * hash(i, j)));
const y = X.map((row, i) => 1 + row.reduce((s, v, j) => s + v * (j - 2), 0) + 0.1 * hash(i, 9));

describe.each<BackendName>(["wasm", "js"])("SGDRegressor on the %s backend", (backend) => {
  const ridge = new Ridge({ lambda: 0.01, backend: "js" }).fit(X, y);

  it("full-batch SGD reaches the exact Ridge optimum (1e-9); mini-batches come within 0.01", () => {
    const full = new SGDRegressor({ lambda: 0.01, batchSize: n, learningRate: 0.5, tol: 1e-14, nIterNoChange: 20, shuffle: false, backend }).fit(X, y);
    expect(full.converged).toBe(true);
    full.coef.forEach((w, j) => expect(Math.abs(w - ridge.coef[j])).toBeLessThanOrEqual(1e-9));
    expect(Math.abs(full.intercept - ridge.intercept)).toBeLessThanOrEqual(1e-9);
    for (const optimizer of ["sgd", "adam"] as const) {
      const mini = new SGDRegressor({ lambda: 0.01, optimizer, batchSize: 16, learningRate: optimizer === "sgd" ? 0.05 : 0.01, backend }).fit(X, y);
      mini.coef.forEach((w, j) => expect(Math.abs(w - ridge.coef[j])).toBeLessThanOrEqual(0.01));
    }
  });

  it("partialFit over batch-aligned chunks equals one pass over all rows, in the same order", () => {
    const options = { lambda: 0.01, batchSize: 20, learningRate: 0.05, shuffle: false, epochs: 1, backend };
    const once = new SGDRegressor({ ...options, onWarning: () => {} }).fit(X, y);
    const chunked = new SGDRegressor(options);
    for (const [start, end] of [[0, 100], [100, 340], [340, 400]]) chunked.partialFit(X.slice(start, end), y.slice(start, end));
    expect(Array.from(chunked.coef)).toEqual(Array.from(once.coef));
    expect(chunked.intercept).toBe(once.intercept);
  });

  it("gives the same fit on both backends for the same seed, and exact zeros with an L1 penalty", () => {
    const options = { lambda: 0.1, penalty: "l1" as const, batchSize: 50, learningRate: 0.02, epochs: 50, seed: 5, onWarning: () => {} };
    const here = new SGDRegressor({ ...options, backend }).fit(X, y);
    const there = new SGDRegressor({ ...options, backend: backend === "wasm" ? "js" : "wasm" }).fit(X, y);
    here.coef.forEach((w, j) => expect(Math.abs(w - there.coef[j])).toBeLessThanOrEqual(1e-10));
    // Feature 2 has true weight 0: the L1 push leaves it at exactly 0.
    expect(here.coef[2]).toBe(0);
  });

  it("without an intercept keeps the bias at 0 in every batch: the Ridge optimum without intercept", () => {
    const shifted = y.map((v) => v + 5);
    const reference = new Ridge({ lambda: 0.01, fitIntercept: false, backend: "js" }).fit(X, shifted);
    const full = new SGDRegressor({ lambda: 0.01, fitIntercept: false, batchSize: n, learningRate: 0.5, tol: 1e-14, nIterNoChange: 20, shuffle: false, backend }).fit(X, shifted);
    expect(full.intercept).toBe(0);
    full.coef.forEach((w, j) => expect(Math.abs(w - reference.coef[j])).toBeLessThanOrEqual(1e-9));
    const mini = new SGDRegressor({ lambda: 0.01, fitIntercept: false, batchSize: 16, learningRate: 0.02, backend }).fit(X, shifted);
    expect(mini.intercept).toBe(0);
    // Mini-batch noise grows with the residuals, large here without the intercept to absorb the shift of 5.
    mini.coef.forEach((w, j) => expect(Math.abs(w - reference.coef[j])).toBeLessThanOrEqual(0.05));
  });

  it("partialFit continues a model restored from JSON, and a failed fit keeps the previous state", () => {
    const model = new SGDRegressor({ lambda: 0.01, batchSize: 16, learningRate: 0.05, backend }).fit(X, y);
    const restored = SGDRegressor.fromJSON(JSON.stringify(model));
    restored.setOptions({ learningRate: 1e-6 }).partialFit(X, y);
    restored.coef.forEach((w, j) => expect(w).toBeCloseTo(model.coef[j], 3));
    expect(restored.intercept).toBeCloseTo(model.intercept, 3);
    const before = Array.from(model.coef);
    expect(() => model.setOptions({ learningRate: 500 }).fit(X, y)).toThrow(/diverged/);
    expect(Array.from(model.coef)).toEqual(before);
  });

  it("elasticnet with full batches reaches the ElasticNet optimum; adamw runs", async () => {
    const { ElasticNet } = await import("../../src/index.js");
    const exact = new ElasticNet({ lambda: 0.05, l1Ratio: 0.5, tol: 1e-12, backend: "js" }).fit(X, y);
    const full = new SGDRegressor({ lambda: 0.05, penalty: "elasticnet", l1Ratio: 0.5, batchSize: n, learningRate: 0.5, tol: 1e-14, nIterNoChange: 20, shuffle: false, backend }).fit(X, y);
    full.coef.forEach((w, j) => expect(Math.abs(w - exact.coef[j])).toBeLessThanOrEqual(1e-6));
    const adamw = new SGDRegressor({ lambda: 0.01, optimizer: "adamw", learningRate: 0.01, backend }).fit(X, y);
    expect(adamw.score(X, y)).toBeGreaterThan(0.9);
    expect(() => new SGDRegressor({ maxIter: 10 } as object)).toThrow(/SGDRegressor has no maxIter option: use epochs/);
    expect(() => new SGDRegressor({ eps: 0 })).toThrow(/eps must be a finite number > 0/);
  });

  it("stops early on held-out rows, and rejects bad options", () => {
    const model = new SGDRegressor({ lambda: 0.001, earlyStopping: true, validationFraction: 0.2, nIterNoChange: 3, backend }).fit(X, y);
    expect(model.converged).toBe(true);
    expect(model.nIter).toBeLessThan(1000);
    expect(() => new SGDRegressor({ optimizer: "rmsprop" as "sgd" })).toThrow(/optimizer must be one of "sgd", "adam", "adamw"/);
    expect(() => new SGDRegressor({ batchSize: 0 })).toThrow(/batchSize must be an integer from 1/);
    expect(() => new SGDRegressor({ validationFraction: 1 })).toThrow(/validationFraction must be in \[0, 1\)/);
    expect(() => new SGDRegressor({ learningRate: 500, backend }).fit(X, y)).toThrow(/diverged.*lower lambda or learningRate/);
  });
});
