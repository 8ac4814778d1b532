// Properties of the exact solvers on random problems: the KKT conditions hold at the solution, CD and FISTA
// reach the same optimum, and both backends agree.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { ElasticNet, init } from "../../src/index.js";

beforeAll(() => init());

const problem = fc
  .record({ rows: fc.integer({ min: 5, max: 40 }), cols: fc.integer({ min: 1, max: 15 }) })
  .chain(({ rows, cols }) =>
    fc.record({
      X: fc.array(fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows }),
      y: fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: rows, maxLength: rows }),
      fraction: fc.double({ min: 0.01, max: 0.9, noNaN: true }),
      l1Ratio: fc.constantFrom(0.3, 0.7, 1),
      precompute: fc.constantFrom<"auto" | boolean>("auto", true, false),
    }),
  );

/** lambda_max = max_j |x_j^T (y - mean y)| / (n rho), computed here. */
function lambdaMax(X: number[][], y: number[], rho: number): number {
  const n = y.length;
  const yMean = y.reduce((s, v) => s + v, 0) / n;
  let largest = 0;
  for (let j = 0; j < X[0].length; j++) {
    let dotted = 0;
    for (let i = 0; i < n; i++) dotted += X[i][j] * (y[i] - yMean);
    largest = Math.max(largest, Math.abs(dotted));
  }
  return largest / (n * rho);
}

function objective(X: number[][], y: number[], coef: ArrayLike<number>, b: number, lambda: number, rho: number): number {
  let loss = 0;
  X.forEach((row, i) => (loss += (row.reduce((s, v, j) => s + v * coef[j], b) - y[i]) ** 2));
  let l1 = 0;
  let l2 = 0;
  for (const w of Array.from(coef)) {
    l1 += Math.abs(w);
    l2 += w * w;
  }
  return loss / (2 * y.length) + lambda * (rho * l1 + 0.5 * (1 - rho) * l2);
}

describe("exact solvers on random problems", () => {
  it("satisfy the KKT conditions: |x_j^T r / n - lambda (1 - rho) w_j| <= lambda rho, with equality and sign(w_j) where w_j != 0", () => {
    fc.assert(
      fc.property(problem, ({ X, y, fraction, l1Ratio, precompute }) => {
        const top = lambdaMax(X, y, l1Ratio);
        fc.pre(top > 1e-6);
        const lambda = fraction * top;
        const model = new ElasticNet({ lambda, l1Ratio, precompute, tol: 1e-12, maxIter: 100_000, onWarning: () => {} }).fit(X, y);
        const n = y.length;
        const r = y.map((v, i) => v - X[i].reduce((s, x, j) => s + x * model.coef[j], model.intercept));
        const primal = objective(X, y, model.coef, model.intercept, lambda, l1Ratio);
        // With an intercept the residuals sum to 0.
        expect(Math.abs(r.reduce((s, v) => s + v, 0))).toBeLessThanOrEqual(1e-8 * (1 + Math.max(...y.map(Math.abs))) * n);
        model.coef.forEach((w, j) => {
          // A violation delta at coordinate j would let one coordinate step lower F by delta^2 / (2 ||x_j||^2 / n),
          // so F(w) - F* <= gap bounds it: delta <= sqrt(2 (||x_j||^2 / n) gap).
          const mean = X.reduce((s, row) => s + row[j], 0) / n;
          const norm = X.reduce((s, row) => s + (row[j] - mean) ** 2, 0) / n;
          // The gap is known only to the rounding of the objectives it subtracts: at least a few eps of F, and
          // at least the size of a negative gap, which is rounding by definition.
          const gap = Math.max(Math.abs(model.dualGap), 4 * Number.EPSILON * primal);
          const slack = 1.01 * Math.sqrt(2 * (norm + lambda * (1 - l1Ratio)) * gap) + 1e-12 * (lambda + 1);
          const g = X.reduce((s, row, i) => s + row[j] * r[i], 0) / n - lambda * (1 - l1Ratio) * w;
          if (w === 0) expect(Math.abs(g)).toBeLessThanOrEqual(lambda * l1Ratio + slack);
          else expect(Math.abs(g - lambda * l1Ratio * Math.sign(w))).toBeLessThanOrEqual(slack);
        });
      }),
      { numRuns: 60 },
    );
  });

  it("reach the same optimum with CD and FISTA, on both backends, within each fit's duality gap", () => {
    fc.assert(
      fc.property(problem, ({ X, y, fraction, l1Ratio, precompute }) => {
        const top = lambdaMax(X, y, l1Ratio);
        fc.pre(top > 1e-6);
        const lambda = fraction * top;
        // Degenerate draws (exactly opposite columns, y near 0) can stall above a tighter tol at rounding level.
        const common = { lambda, l1Ratio, tol: 1e-10, onWarning: () => {} };
        const fits = [
          new ElasticNet({ ...common, maxIter: 20_000, precompute, backend: "wasm" }).fit(X, y),
          new ElasticNet({ ...common, maxIter: 20_000, precompute, backend: "js" }).fit(X, y),
          new ElasticNet({ ...common, maxIter: 20_000, solver: "fista", backend: "wasm" }).fit(X, y),
          new ElasticNet({ ...common, maxIter: 20_000, solver: "fista", backend: "js" }).fit(X, y),
        ];
        const values = fits.map((m) => objective(X, y, m.coef, m.intercept, lambda, l1Ratio));
        const best = Math.min(...values);
        // Weak duality: F(w) - F* <= gap(w), whether or not the solver met its tolerance.
        fits.forEach((m, i) => {
          expect(m.dualGap).toBeGreaterThanOrEqual(-1e-12 * best - 1e-300);
          expect(values[i] - best).toBeLessThanOrEqual(m.dualGap + 1e-10 * best + 1e-14);
        });
      }),
      { numRuns: 40 },
    );
  });
});

describe("FISTA's step", () => {
  it("comes from the top eigenvalue even when (1, ..., 1) is orthogonal to its eigenvector", async () => {
    const { getBackend } = await import("../../src/index.js");
    for (const name of ["wasm", "js"] as const) {
      const b = getBackend(name);
      // X^T X = [[2, -2], [-2, 2]]: eigenvalues 4 (along (1, -1)) and 0 (along (1, 1)); divided by n = 2.
      const X = b.fromArray([1, -1, 1, -1]);
      expect(b.largestEigenvalue(X, 2, 2, 200)).toBeCloseTo(2, 10);
      b.free(X);
    }
  });

  it("converges on a structured problem whose symmetric start once gave half the eigenvalue", () => {
    const X = [[0, 0, 0, 0, 0, 0, 0], [0, 0, 0, 0, -2.999994999984604, 0, 0], [0, 0, 0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0, 0, -2.9999950000560425], [0, 0, 0, -2.999990000020646, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0]];
    const y = [0, 0, 0, 0, 0.00000240000800001015, 0];
    for (const backend of ["wasm", "js"] as const) {
      const model = new ElasticNet({ lambda: 2.4e-9, l1Ratio: 0.3, solver: "fista", tol: 1e-10, backend }).fit(X, y);
      expect(model.converged).toBe(true);
      expect(model.coef.every(Number.isFinite)).toBe(true);
    }
  });
});
