// RidgeCV with sampleWeight (scikit-learn's RidgeCV(sample_weight=...)): the weighted leave-one-out errors against
// a brute-force refit without each row, and the weighted refit against the same rows repeated.
import { beforeAll, describe, expect, it } from "vitest";
import { init, Ridge, RidgeCV } from "../../src/index.js";
import { closeAll } from "../helpers.js";

beforeAll(() => init());

const X = [[1, 2], [2, 1], [3, 5], [4, 2], [5, 7], [6, 1], [2, 2], [7, 3]];
const y = [1, 2, 4, 3, 6, 5, 2, 8];
const weights = [1, 2, 1, 3, 0, 1, 2, 1];
const lambdas = [1, 0.1, 0.01];

/**
 * The weighted leave-one-out error by refitting: Ridge on the other rows, weighted, with the penalty of the full
 * data held (scikit-learn's convention): weights s scaled to sum to n, the held-out objective
 * sum_{j != i} s_j r_j^2 + n lambda ||w||^2, which Ridge (weights rescaled to sum to n - 1) meets at
 * lambda n / (n - s_i). The error of row i counts s_i times; the mean is over the n rows.
 */
function bruteForceErrors(fitIntercept: boolean, backend: "wasm" | "js"): number[] {
  const n = X.length;
  const total = weights.reduce((a, b) => a + b, 0);
  const s = weights.map((w) => (w * n) / total);
  return lambdas.map((lambda) => {
    let sum = 0;
    for (let i = 0; i < n; i++) {
      if (s[i] === 0) continue;
      const others = [...X.keys()].filter((j) => j !== i);
      const model = new Ridge({ lambda: (n * lambda) / (n - s[i]), fitIntercept, backend })
        .fit(others.map((j) => X[j]), others.map((j) => y[j]), { sampleWeight: others.map((j) => s[j]) });
      sum += s[i] * (y[i] - model.predict([X[i]])[0]) ** 2;
    }
    return sum / n;
  });
}

/** Each row repeated as many times as its (integer) weight. */
function repeated(): { X: number[][]; y: number[] } {
  const rows = weights.flatMap((w, i) => Array.from({ length: w }, () => i));
  return { X: rows.map((i) => X[i]), y: rows.map((i) => y[i]) };
}

describe.each(["wasm", "js"] as const)("RidgeCV with sampleWeight on the %s backend", (backend) => {
  it.each([true, false])("weighs the leave-one-out errors as refits without each row do (fitIntercept %s)", (fitIntercept) => {
    const cv = new RidgeCV({ lambdas, fitIntercept, backend }).fit(X, y, { sampleWeight: weights });
    expect(closeAll(cv.cvMean, bruteForceErrors(fitIntercept, backend), 1e-10)).toBe(true);
    const unweighted = new RidgeCV({ lambdas, fitIntercept, backend }).fit(X, y);
    expect(closeAll(cv.cvMean, unweighted.cvMean, 1e-3)).toBe(false);
  });

  it("refits at the chosen lambda as Ridge does on the rows repeated by their weights", () => {
    const cv = new RidgeCV({ lambdas, backend }).fit(X, y, { sampleWeight: weights });
    const copies = repeated();
    const plain = new Ridge({ lambda: cv.lambda, backend }).fit(copies.X, copies.y);
    expect(closeAll(cv.coef, plain.coef, 1e-10)).toBe(true);
    expect(cv.intercept).toBeCloseTo(plain.intercept, 10);
  });

  it("equals the unweighted fit for weights that are all equal", () => {
    const weighted = new RidgeCV({ lambdas, backend }).fit(X, y, { sampleWeight: X.map(() => 3) });
    const plain = new RidgeCV({ lambdas, backend }).fit(X, y);
    expect(closeAll(weighted.cvMean, plain.cvMean, 1e-12)).toBe(true);
    expect(closeAll(weighted.coef, plain.coef, 1e-12)).toBe(true);
  });
});

describe("RidgeCV refuses what leave-one-out cannot do", () => {
  it.each<[string, () => unknown, ErrorConstructor, RegExp]>([
    ["one row", () => new RidgeCV().fit([[1, 2]], [3]), RangeError, /^RidgeCV has 1 row: leave-one-out cross-validation needs at least 2 \(one to leave out, one to fit on\)/],
    ["one row of positive weight", () => new RidgeCV().fit(X, y, { sampleWeight: [0, 0, 5, 0, 0, 0, 0, 0] }), RangeError, /^RidgeCV has 1 row of positive weight: leave-one-out cross-validation needs at least 2/],
    ["a negative weight", () => new RidgeCV().fit(X, y, { sampleWeight: [1, 1, -1, 1, 1, 1, 1, 1] }), RangeError, /^sampleWeight\[2\] must be a finite number >= 0, got -1\.$/],
    ["a NaN weight", () => new RidgeCV().fit(X, y, { sampleWeight: [1, 1, Number.NaN, 1, 1, 1, 1, 1] }), RangeError, /^sampleWeight\[2\] must be a finite number >= 0, got NaN\.$/],
    ["weights all zero", () => new RidgeCV().fit(X, y, { sampleWeight: X.map(() => 0) }), RangeError, /^sampleWeight sums to 0: give at least one row a positive weight\.$/],
    ["too few weights", () => new RidgeCV().fit(X, y, { sampleWeight: [1, 2] }), RangeError, /^sampleWeight has length 2 but the rows of X has length 8: they must match\.$/],
    ["an unknown fit option", () => new RidgeCV().fit(X, y, { sampleWeights: [1] } as never), TypeError, /^Unknown option "sampleWeights" for fit\(X, y, options\) \(did you mean "sampleWeight"\?\)/],
  ])("%s", (_, call, type, message) => {
    expect(call).toThrow(type);
    expect(call).toThrow(message);
  });
});
