// LogisticRegression's first-order solvers (fista, gd) against scikit-learn's objectives, the Newton fit and each
// other; the duality gap every solver reports.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DivergedError, init, LogisticRegression } from "../../src/index.js";

const fixture = JSON.parse(readFileSync(new URL("../fixtures/sklearn-logistic.json", import.meta.url), "utf8")) as {
  designs: Record<string, { X: number[][]; y: number[] }>;
  cases: { design: string; lambda: number; rho: number; objective: number; probabilities: number[] }[];
  multinomialCases: { lambda: number; rho: number; objective: number; probabilities: number[][] }[];
};

await init();

/** The objective (1/n) sum_i log-loss + lambda P(w), computed here from the probabilities and weights. */
function objective(model: LogisticRegression, X: number[][], y: number[], lambda: number, rho: number): number {
  const p = model.predictProba(X);
  const K = model.classes.length;
  const loss = -y.reduce((s, label, i) => s + Math.log(p[i * K + model.classes.indexOf(label)]), 0) / y.length;
  const w = model.coef;
  return loss + lambda * (rho * w.reduce((s, v) => s + Math.abs(v), 0) + 0.5 * (1 - rho) * w.reduce((s, v) => s + v * v, 0));
}

describe("LogisticRegression with solver fista", () => {
  const cases = fixture.cases.filter((c) => c.design === "generated" || c.design === "imbalanced");
  it.each(cases)("$design, lambda $lambda, rho $rho: scikit-learn's objective (1e-8) and probabilities (1e-6) on both backends", (c) => {
    const { X, y } = fixture.designs[c.design];
    const fits = (["wasm", "js"] as const).map((backend) =>
      new LogisticRegression({ lambda: c.lambda, l1Ratio: c.rho, solver: "fista", tol: 1e-12, maxIter: 100_000, backend }).fit(X, y));
    for (const model of fits) {
      expect(model.converged).toBe(true);
      const value = objective(model, X, y, c.lambda, c.rho);
      expect(value).toBeLessThanOrEqual(c.objective * (1 + 1e-8));
      expect(value).toBeGreaterThanOrEqual(c.objective * (1 - 1e-8));
      // The gap bounds the distance to the optimum, which is at most scikit-learn's objective.
      expect(value - model.dualGap).toBeLessThanOrEqual(c.objective * (1 + 1e-12));
      const p = model.predictProba(X);
      c.probabilities.forEach((v, i) => expect(Math.abs(p[2 * i + 1] - v)).toBeLessThanOrEqual(1e-6));
    }
    const [a, b] = fits.map((m) => m.coef);
    const scale = Math.max(...Array.from(a, Math.abs));
    a.forEach((v, j) => expect(Math.abs(v - b[j])).toBeLessThanOrEqual(1e-10 * scale));
  });

  it("fits three classes (softmax): scikit-learn's multinomial objectives within 1e-8", () => {
    const { X, y } = fixture.designs.threeClasses;
    for (const c of fixture.multinomialCases) {
      const model = new LogisticRegression({ lambda: c.lambda, l1Ratio: c.rho, solver: "fista", tol: 1e-12, maxIter: 200_000 }).fit(X, y);
      const value = objective(model, X, y, c.lambda, c.rho);
      expect(Math.abs(value - c.objective)).toBeLessThanOrEqual(1e-8 * c.objective);
    }
  });

  it("keeps the weights >= 0 under positive, at the Newton fit's objective", () => {
    const { X, y } = fixture.designs.generated;
    const options = { lambda: 0.02, l1Ratio: 0.5, positive: true, tol: 1e-12, maxIter: 100_000 };
    const fista = new LogisticRegression({ ...options, solver: "fista" }).fit(X, y);
    const newton = new LogisticRegression({ ...options, tol: 1e-12 }).fit(X, y);
    expect(fista.coef.every((v) => v >= 0)).toBe(true);
    expect(fista.coef.some((v) => v === 0)).toBe(true);
    const [a, b] = [objective(fista, X, y, 0.02, 0.5), objective(newton, X, y, 0.02, 0.5)];
    expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-9 * b);
  });
});

describe("LogisticRegression with solver gd (the seed's loop)", () => {
  it("records the objective per iteration, never rising at a small step, and reports its gap", () => {
    const { X, y } = fixture.designs.generated;
    const model = new LogisticRegression({ lambda: 0.05, l1Ratio: 0, solver: "gd", learningRate: 0.1, maxIter: 3000, tol: 1e-12, onWarning: () => {} }).fit(X, y);
    const h = model.history;
    expect(h[0]).toBeCloseTo(Math.log(2), 13);
    for (let t = 1; t < h.length; t++) expect(h[t]).toBeLessThanOrEqual(h[t - 1] * (1 + 1e-15));
    // The gap at the result bounds how far it is above Newton's optimum.
    const best = new LogisticRegression({ lambda: 0.05, l1Ratio: 0, tol: 1e-12 }).fit(X, y);
    const [value, optimum] = [objective(model, X, y, 0.05, 0), objective(best, X, y, 0.05, 0)];
    expect(value - optimum).toBeLessThanOrEqual(model.dualGap * (1 + 1e-9));
    expect(value - optimum).toBeGreaterThanOrEqual(-1e-12);
  });

  it("warns to lower learningRate when the objective rose between iterations without diverging", () => {
    const { X, y } = fixture.designs.generated;
    const warnings: string[] = [];
    const model = new LogisticRegression({ lambda: 0.01, solver: "gd", learningRate: 40, maxIter: 200, onWarning: (m) => warnings.push(m) }).fit(X, y);
    const h = model.history;
    expect(h.some((v, t) => t > 0 && v > h[t - 1])).toBe(true);
    expect(warnings).toEqual([expect.stringContaining("lower learningRate (40): the objective rose between iterations")]);
  });

  it("throws DivergedError, naming the learning rate, when the step is far too long", () => {
    const { X, y } = fixture.designs.generated;
    const big = X.map((row) => row.map((v) => v * 1e3));
    expect(() => new LogisticRegression({ solver: "gd", learningRate: 1e3, maxIter: 500 }).fit(big, y)).toThrow(DivergedError);
  });

  it("setOptions to another solver drops the options only gd took (as the regression models do)", () => {
    const { X, y } = fixture.designs.generated;
    const model = new LogisticRegression({ lambda: 0.05, solver: "gd", learningRate: 0.1, maxIter: 50, onWarning: () => {} }).fit(X, y);
    model.setOptions({ solver: "newton-cd", tol: 1e-10 }).fit(X, y);
    expect(model.toJSON().options).not.toHaveProperty("learningRate");
    expect(Array.from(model.coef)).toEqual(Array.from(new LogisticRegression({ lambda: 0.05, tol: 1e-10, maxIter: 50 }).fit(X, y).coef));
  });

  it("refuses what gd cannot do, saying what to use", () => {
    expect(() => new LogisticRegression({ solver: "gd", positive: true })).toThrow(/positive/);
    expect(() => new LogisticRegression({ solver: "gd", warmStart: true })).toThrow(/warmStart/);
    expect(() => new LogisticRegression({ solver: "lbfgs" as "gd" })).toThrow(/newton-cd, fista or gd|"newton-cd", "fista", "gd"/);
  });
});

describe("every solver reports its duality gap", () => {
  it("newton-cd's gap is small at its fit and bounds the distance to fista's tighter fit", () => {
    const { X, y } = fixture.designs.imbalanced;
    const loose = new LogisticRegression({ lambda: 0.01, l1Ratio: 1, tol: 1e-3 }).fit(X, y);
    const tight = new LogisticRegression({ lambda: 0.01, l1Ratio: 1, solver: "fista", tol: 1e-13, maxIter: 200_000 }).fit(X, y);
    const gap = loose.dualGap;
    expect(gap).toBeGreaterThan(0);
    const excess = objective(loose, X, y, 0.01, 1) - objective(tight, X, y, 0.01, 1);
    expect(excess).toBeLessThanOrEqual(gap * (1 + 1e-9) + 1e-15);
    const json = loose.toJSON();
    expect(json.fitted?.dualGap).toBe(gap);
    expect(LogisticRegression.fromJSON(JSON.stringify(json)).dualGap).toBe(gap);
    expect(() => LogisticRegression.fromJSON({ ...json, fitted: { ...json.fitted!, dualGap: "small" as unknown as number } })).toThrow("fitted.dualGap must be a number or null");
  });
});
