import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Backend } from "../../src/backend.js";
import { fitBinomial, type BinomialFit } from "../../src/logistic/binomial-newton.js";
import { sigmoid } from "../../src/logistic/link.js";
import { bothBackends } from "../helpers.js";

interface Case {
  design: string;
  lambda: number;
  rho: number;
  coef: number[];
  intercept: number;
  objective: number;
  probabilities: number[];
  kkt: number;
}
const fixture = JSON.parse(readFileSync(new URL("../fixtures/sklearn-logistic.json", import.meta.url), "utf8")) as {
  designs: Record<string, { X: number[][]; y: number[] }>;
  cases: Case[];
};

/** data/breast_cancer.csv, each feature centered and divided by its population std; y = 1 for "malignant". */
function cancerStandardized(): { X: number[][]; y: number[] } {
  const rows = readFileSync(new URL("../../data/breast_cancer.csv", import.meta.url), "utf8").trim().split(/\r?\n/).slice(1)
    .map((line) => line.split(","));
  const raw = rows.map((row) => row.slice(0, 30).map(Number));
  const n = raw.length;
  const means = raw[0].map((_, j) => raw.reduce((s, row) => s + row[j], 0) / n);
  const sds = means.map((m, j) => Math.sqrt(raw.reduce((s, row) => s + (row[j] - m) ** 2, 0) / n));
  return { X: raw.map((row) => row.map((v, j) => (v - means[j]) / sds[j])), y: rows.map((row) => (row[30] === "malignant" ? 1 : 0)) };
}

const designs = { ...fixture.designs, cancerStandardized: cancerStandardized() };
const [js, wasm] = bothBackends();

function fit(b: Backend, c: Case, tol = 1e-10): BinomialFit {
  const { X, y } = designs[c.design as keyof typeof designs];
  const [n, d] = [X.length, X[0].length];
  return b.scope((scope) => fitBinomial(b, scope.fromArray(Float64Array.from(X.flat())), n, d, Float64Array.from(y), {
    lambda: c.lambda, rho: c.rho, fitIntercept: true, maxIter: 100, tol, positive: false, sampleWeight: null,
  }));
}

describe("binomial logistic regression by proximal Newton (KKT residual 1e-10) against scikit-learn (saga at tol 1e-12)", () => {
  for (const c of fixture.cases) {
    it(`${c.design}, lambda ${c.lambda}, rho ${c.rho}: the objective within 1e-8, probabilities within 1e-6, the same zeros, both backends`, () => {
      const { X } = designs[c.design as keyof typeof designs];
      const fits = [fit(js, c), fit(wasm, c)];
      for (const f of fits) {
        expect(f.converged).toBe(true);
        // Objectives compared, not only weights: ours may be the lower (sklearn's kkt is recorded in the fixture).
        expect(f.objective).toBeLessThanOrEqual(c.objective * (1 + 1e-8));
        expect(f.objective).toBeGreaterThanOrEqual(c.objective * (1 - 1e-8));
        X.forEach((row, i) => {
          const p = sigmoid(row.reduce((s, v, j) => s + v * f.coef[j], f.intercept));
          expect(Math.abs(p - c.probabilities[i])).toBeLessThanOrEqual(1e-6);
        });
        expect(Array.from(f.coef, (v) => v === 0)).toEqual(c.coef.map((v) => v === 0));
      }
      // The two backends: the same weights to 1e-10 of the largest.
      const scale = Math.max(...Array.from(fits[0].coef, Math.abs), Math.abs(fits[0].intercept));
      fits[0].coef.forEach((v, j) => expect(Math.abs(v - fits[1].coef[j])).toBeLessThanOrEqual(1e-10 * scale));
      expect(Math.abs(fits[0].intercept - fits[1].intercept)).toBeLessThanOrEqual(1e-10 * scale);
    });
  }
});

describe("binomial sample weights", () => {
  it("an integer weight counts as that many copies of the row (scikit-learn's sample_weight), on both backends", () => {
    const { X, y } = fixture.designs.generated;
    const weights = X.map((_, i) => 1 + (i % 3));
    const copies = X.flatMap((row, i) => Array.from({ length: weights[i] }, () => row));
    const copiedY = y.flatMap((v, i) => Array.from({ length: weights[i] }, () => v));
    const params = { lambda: 0.02, rho: 0.7, fitIntercept: true, maxIter: 100, tol: 1e-10, positive: false };
    for (const b of [js, wasm]) {
      const [weighted, repeated] = b.scope((scope) => [
        // normalizeWeights' scaling: the weights summing to n.
        fitBinomial(b, scope.fromArray(Float64Array.from(X.flat())), X.length, 8, Float64Array.from(y), {
          ...params, sampleWeight: Float64Array.from(weights, (w) => (w * X.length) / weights.reduce((s, v) => s + v, 0)),
        }),
        fitBinomial(b, scope.fromArray(Float64Array.from(copies.flat())), copies.length, 8, Float64Array.from(copiedY), { ...params, sampleWeight: null }),
      ]);
      expect(weighted.converged && repeated.converged).toBe(true);
      repeated.coef.forEach((v, j) => expect(Math.abs(v - weighted.coef[j])).toBeLessThanOrEqual(1e-8));
      expect(Math.abs(repeated.intercept - weighted.intercept)).toBeLessThanOrEqual(1e-8);
      expect(Array.from(weighted.coef, (v) => v === 0)).toEqual(Array.from(repeated.coef, (v) => v === 0));
    }
  });

  it("keeps the weights non-negative under positive, where the KKT conditions hold one-sided", () => {
    const { X, y } = fixture.designs.wide;
    for (const b of [js, wasm]) {
      const fitted = b.scope((scope) => fitBinomial(b, scope.fromArray(Float64Array.from(X.flat())), X.length, 60, Float64Array.from(y), {
        lambda: 0.02, rho: 1, fitIntercept: true, maxIter: 100, tol: 1e-10, positive: true, sampleWeight: null,
      }));
      expect(fitted.converged).toBe(true);
      expect(fitted.coef.every((v) => v >= 0)).toBe(true);
      // The optimality conditions, written out here: g_j = (1/n) sum_i (p_i - y_i) x_ij; w_j > 0 needs g_j = -lambda,
      // w_j = 0 needs g_j >= -lambda; and the mean residual is 0.
      const r = X.map((row, i) => sigmoid(row.reduce((s, v, j) => s + v * fitted.coef[j], fitted.intercept)) - y[i]);
      expect(Math.abs(r.reduce((s, v) => s + v, 0) / X.length)).toBeLessThanOrEqual(1e-8);
      for (let j = 0; j < 60; j++) {
        const g = r.reduce((s, v, i) => s + v * X[i][j], 0) / X.length;
        if (fitted.coef[j] > 0) expect(Math.abs(g + 0.02)).toBeLessThanOrEqual(1e-8);
        else expect(g).toBeGreaterThanOrEqual(-0.02 - 1e-8);
      }
    }
  });
});

describe("binomial logistic regression against glmnet 4.1.6 on the raw breast cancer features (standardize = FALSE)", () => {
  const glmnet = JSON.parse(readFileSync(new URL("../fixtures/glmnet-logistic.json", import.meta.url), "utf8")) as {
    cases: { rho: number; lambda: number; coef: number[]; intercept: number; objective: number }[];
  };
  const rows = readFileSync(new URL("../../data/breast_cancer.csv", import.meta.url), "utf8").trim().split(/\r?\n/).slice(1)
    .map((line) => line.split(","));
  const X = Float64Array.from(rows.flatMap((row) => row.slice(0, 30).map(Number)));
  const y = Float64Array.from(rows, (row) => (row[30] === "malignant" ? 1 : 0));
  for (const c of glmnet.cases) {
    it(`lambda ${c.lambda}, rho ${c.rho}: an objective no higher than glmnet's (thresh 1e-14) beyond 1e-8, the same zeros`, () => {
      for (const b of [js, wasm]) {
        const fitted = b.scope((scope) => fitBinomial(b, scope.fromArray(X), rows.length, 30, y, {
          lambda: c.lambda, rho: c.rho, fitIntercept: true, maxIter: 200, tol: 1e-10, positive: false, sampleWeight: null,
        }));
        expect(fitted.converged).toBe(true);
        expect(fitted.objective).toBeLessThanOrEqual(c.objective * (1 + 1e-8));
        expect(fitted.objective).toBeGreaterThanOrEqual(c.objective * (1 - 1e-8));
        expect(Array.from(fitted.coef, (v) => v === 0)).toEqual(c.coef.map((v) => v === 0));
      }
    });
  }
});
