import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Backend } from "../../src/backend.js";
import { fitMultinomial, type MultinomialFit } from "../../src/logistic/multinomial-newton.js";
import { bothBackends } from "../helpers.js";

interface Case {
  lambda: number;
  rho: number;
  /** K x d, scikit-learn's coef_. */
  coef: number[][];
  intercept: number[];
  objective: number;
  probabilities: number[][];
}
const fixture = JSON.parse(readFileSync(new URL("../fixtures/sklearn-logistic.json", import.meta.url), "utf8")) as {
  designs: Record<string, { X: number[][]; y: number[] }>;
  multinomialCases: Case[];
};
const { X, y } = fixture.designs.threeClasses;
const [n, d, K] = [X.length, X[0].length, 3];
const [js, wasm] = bothBackends();

function fit(b: Backend, c: Case): MultinomialFit {
  return b.scope((scope) => fitMultinomial(b, scope.fromArray(Float64Array.from(X.flat())), n, d, Int32Array.from(y), K, {
    lambda: c.lambda, rho: c.rho, fitIntercept: true, maxIter: 200, tol: 1e-10, positive: false, sampleWeight: null,
  }));
}

/** Row i's class probabilities from coef (d x K) and intercepts, computed here. */
function probabilities(f: MultinomialFit, i: number): number[] {
  const t = Array.from({ length: K }, (_, k) => X[i].reduce((s, v, j) => s + v * f.coef[j * K + k], f.intercepts[k]));
  const top = Math.max(...t);
  const e = t.map((v) => Math.exp(v - top));
  const total = e.reduce((s, v) => s + v, 0);
  return e.map((v) => v / total);
}

describe("multinomial logistic regression by partial Newton against scikit-learn (saga at tol 1e-12)", () => {
  for (const c of fixture.multinomialCases) {
    it(`lambda ${c.lambda}, rho ${c.rho}: the objective within 1e-8, probabilities within 1e-6, both backends agreeing`, () => {
      const fits = [fit(js, c), fit(wasm, c)];
      for (const f of fits) {
        expect(f.converged).toBe(true);
        expect(f.objective).toBeLessThanOrEqual(c.objective * (1 + 1e-8));
        expect(f.objective).toBeGreaterThanOrEqual(c.objective * (1 - 1e-8));
        X.forEach((_, i) => probabilities(f, i).forEach((p, k) => expect(Math.abs(p - c.probabilities[i][k])).toBeLessThanOrEqual(1e-6)));
      }
      const scale = Math.max(...Array.from(fits[0].coef, Math.abs));
      fits[0].coef.forEach((v, j) => expect(Math.abs(v - fits[1].coef[j])).toBeLessThanOrEqual(1e-9 * scale));
    });
  }
});
