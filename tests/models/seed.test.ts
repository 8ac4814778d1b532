// The seed's named tests and its worked example (regularization-deep-dive.md).
import { beforeAll, describe, expect, it } from "vitest";
import { conditionNumber, init, Lasso, Ridge, solve, type BackendName } from "../../src/index.js";
import lassoFixture from "../fixtures/sklearn-lasso.json" with { type: "json" };

beforeAll(() => init());

const X = [[1, 0.1], [2, 0.2], [3, 0.1], [4, 0.3]];
const y = [2.1, 4.0, 6.1, 7.9];
const quiet = { onWarning: () => {} };

/** A small design with a linear target plus a fixed, deterministic perturbation. */
function design(n: number, d: number) {
  const rows = Array.from({ length: n }, (_, i) => Array.from({ length: d }, (_, j) => Math.sin(1 + i * (j + 2)) * (j + 1)));
  const target = rows.map((row, i) => row.reduce((s, v, j) => s + v * (j % 2 ? -0.5 : 1), 3) + 0.1 * Math.cos(i));
  return { rows, target };
}

describe.each<BackendName>(["wasm", "js"])("the seed's tests on the %s backend", (backend) => {
  it("zero lambda reduces to unregularized", () => {
    const { rows, target } = design(30, 3);
    // Ordinary least squares from the seed's augmented normal equations [1 | X]^T [1 | X] w_aug = [1 | X]^T y.
    const augmented = rows.map((row) => [1, ...row]);
    const A = [0, 1, 2, 3].map((a) => [0, 1, 2, 3].map((b) => augmented.reduce((s, r) => s + r[a] * r[b], 0)));
    const rhs = [0, 1, 2, 3].map((a) => augmented.reduce((s, r, i) => s + r[a] * target[i], 0));
    const [intercept, ...ols] = Array.from(solve(A, rhs, { backend: "js" }));
    const ridge = new Ridge({ lambda: 0, backend }).fit(rows, target);
    const lasso = new Lasso({ lambda: 0, tol: 1e-12, maxIter: 100000, backend }).fit(rows, target);
    const lassoGd = new Lasso({ lambda: 0, solver: "gd", learningRate: 0.05, maxIter: 200000, tol: 1e-15, backend, ...quiet }).fit(rows, target);
    ols.forEach((w, j) => {
      expect(ridge.coef[j]).toBeCloseTo(w, 9);
      expect(lasso.coef[j]).toBeCloseTo(w, 8);
      expect(lassoGd.coef[j]).toBeCloseTo(w, 5);
    });
    expect(ridge.intercept).toBeCloseTo(intercept, 9);
    expect(lasso.intercept).toBeCloseTo(intercept, 8);
  });

  it("closed form matches gd", () => {
    const { rows, target } = design(40, 4);
    const closed = new Ridge({ lambda: 0.1, backend }).fitClosedForm(rows, target);
    const gd = new Ridge({ lambda: 0.1, solver: "gd", learningRate: 0.05, maxIter: 100000, tol: 1e-15, backend }).fit(rows, target);
    expect(gd.converged).toBe(true);
    closed.coef.forEach((w, j) => expect(Math.abs(gd.coef[j] - w)).toBeLessThan(1e-6));
    expect(Math.abs(gd.intercept - closed.intercept)).toBeLessThan(1e-6);
  });

  it("takes the worked example's first step: w = [1.5, 0.09975]", () => {
    const model = new Lasso({ lambda: 0.5, solver: "gd", learningRate: 0.1, maxIter: 1, backend, ...quiet }).fit(X, y);
    expect(model.coef[0]).toBeCloseTo(1.5, 14);
    expect(model.coef[1]).toBeCloseTo(0.09975, 14);
    expect(model.intercept).toBeCloseTo(0.1 * (20.1 / 4), 14); // b -= lr * mean(error), error = -y
    expect(model.converged).toBe(false);
  });

  it("drives the noise weight to exactly 0 and keeps it there; Ridge leaves it small and non-zero", () => {
    const gd = { lambda: 0.5, solver: "gd" as const, learningRate: 0.1, tol: 0, backend, ...quiet };
    const lasso = new Lasso({ ...gd, maxIter: 5000 }).fit(X, y);
    expect(lasso.coef[1]).toBe(0);
    // scikit-learn's Lasso(alpha=0.5) optimum on the same data: [1.55, 0], intercept 1.15.
    expect(lasso.coef[0]).toBeCloseTo(lassoFixture.coef[0], 5);
    expect(lasso.intercept).toBeCloseTo(lassoFixture.intercept, 5);
    // Once at 0 it stays at 0: stopping after any later iteration finds it there.
    const firstZero = [1, 2, 3, 5, 10, 20, 50, 100, 200].find((k) => new Lasso({ ...gd, maxIter: k }).fit(X, y).coef[1] === 0);
    expect(firstZero).toBeDefined();
    for (let k = firstZero as number; k <= 3000; k += 37) expect(new Lasso({ ...gd, maxIter: k }).fit(X, y).coef[1]).toBe(0);
    const ridge = new Ridge({ ...gd, maxIter: 5000 }).fit(X, y);
    expect(Math.abs(ridge.coef[1])).toBeGreaterThan(1e-3);
    expect(Math.abs(ridge.coef[1])).toBeLessThan(0.2);
  });

  it("records the objective per iteration, decreasing for a small enough step", () => {
    const model = new Ridge({ lambda: 0.5, solver: "gd", learningRate: 0.1, maxIter: 200, backend, ...quiet }).fit(X, y);
    expect(model.history).toHaveLength(model.nIter);
    // First entry: the objective at w = 0, b = 0 is (1/2n)||y||^2 = 120.03 / 8.
    expect(model.history[0]).toBeCloseTo(120.03 / 8, 12);
    for (let i = 1; i < model.history.length; i++) expect(model.history[i]).toBeLessThanOrEqual(model.history[i - 1]);
  });

  it("does not regularize the bias: with target mean 1000 the intercept stays near 1000 under strong lambda", () => {
    const { rows } = design(50, 3);
    const target = rows.map((_, i) => 1000 + Math.sin(i));
    for (const model of [
      new Ridge({ lambda: 1e4, backend }),
      new Lasso({ lambda: 1e4, backend }),
      new Lasso({ lambda: 1e4, solver: "gd", learningRate: 0.1, maxIter: 5000, backend, ...quiet }),
    ]) {
      model.fit(rows, target);
      const mean = target.reduce((s, v) => s + v, 0) / target.length;
      expect(Math.abs(model.intercept - mean)).toBeLessThan(0.1);
      expect(Math.abs(mean - 1000)).toBeLessThan(0.1);
    }
  });
});

describe("condition number improvement", () => {
  it("cond(X^T X + lambda I) < cond(X^T X) on an ill-conditioned X", () => {
    // Two nearly collinear columns: X^T X is nearly singular.
    const Xill = Array.from({ length: 20 }, (_, i) => [i + 1, i + 1 + 1e-4 * Math.sin(i), 1]);
    const gram = [0, 1, 2].map((a) => [0, 1, 2].map((b) => Xill.reduce((s, row) => s + row[a] * row[b], 0)));
    const before = conditionNumber(gram);
    expect(before).toBeGreaterThan(1e8);
    for (const lambda of [1e-3, 1, 100]) {
      const shifted = gram.map((row, i) => row.map((v, j) => (i === j ? v + lambda : v)));
      expect(conditionNumber(shifted)).toBeLessThan(before);
    }
  });
});
