// Property: the JS and WASM backends give the same fits (relative 1e-10) on random problems.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { ElasticNet, init, Lasso, Ridge } from "../../src/index.js";

beforeAll(() => init());

const value = fc.double({ min: -2, max: 2, noNaN: true });
const problem = fc
  .record({ rows: fc.integer({ min: 2, max: 30 }), cols: fc.integer({ min: 1, max: 12 }) })
  .chain(({ rows, cols }) =>
    fc.record({
      X: fc.array(fc.array(value, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows }),
      y: fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: rows, maxLength: rows }),
      lambda: fc.double({ min: 0.01, max: 2, noNaN: true }),
      // Ratios away from 0: with a tiny L1 part a zero crossing decided by rounding is clipped in one backend only.
      l1Ratio: fc.constantFrom(0, 0.1, 0.5, 0.9, 1),
    }),
  );

/**
 * |a_i - b_i| <= tolerance * scale, the scale being the largest of |a|, |b| and `unit` (max |y|, the size of
 * the sums that form the residuals: a coefficient or intercept near 0 is a difference of such sums).
 */
function close(a: ArrayLike<number>, b: ArrayLike<number>, tolerance: number, unit = 0): void {
  let scale = Math.max(unit, 1e-300);
  for (let i = 0; i < b.length; i++) scale = Math.max(scale, Math.abs(a[i]), Math.abs(b[i]));
  for (let i = 0; i < b.length; i++) expect(Math.abs(a[i] - b[i])).toBeLessThanOrEqual(tolerance * scale);
}

describe("fits agree across backends", () => {
  it("Ridge closed form", () => {
    fc.assert(
      fc.property(problem, ({ X, y, lambda }) => {
        const [wasm, js] = (["wasm", "js"] as const).map((backend) => new Ridge({ lambda, backend }).fit(X, y));
        const unit = Math.max(...y.map(Math.abs));
        close(wasm.coef, js.coef, 1e-10, unit);
        close([wasm.intercept], [js.intercept], 1e-10, unit);
      }),
    );
  });

  it("gradient descent for Ridge, Lasso and ElasticNet (a fixed number of iterations)", () => {
    fc.assert(
      fc.property(problem, ({ X, y, lambda, l1Ratio }) => {
        // At |x_j^T y| / n = lambda (the generator's bounds meet there: |x| = 2, |y| = 10, lambda = 2) the first
        // step's clip at zero is decided by rounding, differently on each backend (and the L1 subgradient then
        // keeps the two apart): such ties are left out.
        const n = y.length;
        const ties = X[0].some((_, j) => [1, l1Ratio].some((rho) =>
          Math.abs(Math.abs(X.reduce((s, row, i) => s + row[j] * y[i], 0)) / n - lambda * rho) <= 1e-9 * lambda));
        fc.pre(!ties);
        // tol 0 runs exactly maxIter iterations on both; a step of 0.02 is stable for |x| <= 2, d <= 12.
        const options = { lambda, solver: "gd" as const, learningRate: 0.02, maxIter: 300, tol: 0, onWarning: () => {} };
        const fits = (["wasm", "js"] as const).map((backend) => [
          new Ridge({ ...options, solver: "gd", backend }).fit(X, y),
          new Lasso({ ...options, backend }).fit(X, y),
          new ElasticNet({ ...options, l1Ratio, backend }).fit(X, y),
        ]);
        const unit = Math.max(...y.map(Math.abs));
        fits[0].forEach((wasm, m) => {
          const js = fits[1][m];
          close(wasm.coef, js.coef, 1e-10, unit);
          close([wasm.intercept], [js.intercept], 1e-10, unit);
          close(wasm.history, js.history, 1e-10);
        });
      }),
      { numRuns: 60 },
    );
  });
});

describe("exact solvers agree across backends", () => {
  it("CD (both modes) and FISTA give the same coefficients on the fixture designs", async () => {
    const { default: fixture } = await import("../fixtures/sklearn-enet.json", { with: { type: "json" } });
    for (const design of Object.values(fixture.designs)) {
      for (const options of [{ precompute: true }, { precompute: false }, { solver: "fista" as const }]) {
        const [wasm, js] = (["wasm", "js"] as const).map((backend) =>
          new ElasticNet({ lambda: 0.05, l1Ratio: 0.8, tol: 1e-10, maxIter: 100_000, ...options, backend }).fit(design.X, design.y));
        const unit = Math.max(...Array.from(js.coef, Math.abs));
        close(wasm.coef, js.coef, 1e-7, unit);
      }
    }
  });
});
