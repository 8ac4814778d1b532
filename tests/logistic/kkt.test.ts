// The optimality (KKT) conditions at LogisticRegression's solution, on random problems, computed here from the
// fitted probabilities: for each weight, the log-loss gradient g_j = (1/n) sum_i s_i (p_ij - y_ij) x_ij plus the
// ridge part balances the L1 part (|g_j + lambda (1 - rho) w_j| = lambda rho with the opposite sign of w_j where
// w_j != 0, at most lambda rho where w_j = 0), and each fitted intercept's gradient is 0.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { init, LogisticRegression } from "../../src/index.js";

await init();

const problems = fc.record({
  // Few features (the Newton steps on the weighted Gram matrix) and 32 or more (glmnet's loop on the columns).
  n: fc.integer({ min: 12, max: 60 }),
  d: fc.oneof(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 32, max: 40 })),
  K: fc.constantFrom(2, 3),
  seed: fc.integer({ min: 1, max: 2_000_000 }),
  lambda: fc.double({ min: 0.005, max: 0.2, noNaN: true }),
  rho: fc.constantFrom(0.3, 0.7, 1),
  weighted: fc.boolean(),
  solver: fc.constantFrom("newton-cd" as const, "fista" as const),
  backend: fc.constantFrom("wasm" as const, "js" as const),
}).map(({ n, d, K, seed, weighted, ...rest }) => {
  let state = seed;
  const next = () => ((state = (state * 16807) % 2147483647) / 2147483647);
  const X = Array.from({ length: n }, () => Array.from({ length: d }, () => 4 * next() - 2));
  // Labels from a noisy linear score, every class present.
  const y = X.map((row, i) => (i < K ? i : Math.min(K - 1, Math.floor((row[0] + 2 + 2 * next()) * K / 6))));
  const s = weighted ? X.map(() => 0.2 + 2 * next()) : undefined;
  return { X, y, s, K, ...rest };
});

describe("LogisticRegression's solution satisfies the KKT conditions", () => {
  it("for every weight and intercept (binomial and multinomial, weighted, newton-cd and fista, both backends)", () => {
    let [runs, checked] = [0, 0];
    fc.assert(fc.property(problems, ({ X, y, s, K, lambda, rho, solver, backend }) => {
      runs++;
      const model = new LogisticRegression({ lambda, l1Ratio: rho, solver, backend, tol: 1e-11, maxIter: solver === "fista" ? 200_000 : 100, onWarning: () => {} })
        .fit(X, y, s && { sampleWeight: s });
      if (!model.converged) return;
      checked++;
      const [n, d] = [X.length, X[0].length];
      // Sample weights count rescaled to sum to n, as for the regression models.
      const total = s ? s.reduce((a, b) => a + b, 0) : n;
      const weights = s ? s.map((v) => (v * n) / total) : X.map(() => 1);
      const p = model.predictProba(X);
      const C = model.intercepts.length;
      const coef = model.coef;
      // Column c of coef is class c's weights (multinomial), or the second class's (binomial).
      const classOf = (c: number) => (C === 1 ? 1 : c);
      const tolerance = 1e-6;
      for (let c = 0; c < C; c++) {
        const residual = X.map((_, i) => (weights[i] * (p[i * K + classOf(c)] - (y[i] === classOf(c) ? 1 : 0))) / n);
        expect(Math.abs(residual.reduce((a, b) => a + b, 0))).toBeLessThanOrEqual(tolerance);
        for (let j = 0; j < d; j++) {
          const w = coef[j * C + c];
          const g = X.reduce((t, row, i) => t + residual[i] * row[j], 0) + lambda * (1 - rho) * w;
          if (w === 0) expect(Math.abs(g)).toBeLessThanOrEqual(lambda * rho + tolerance);
          else expect(Math.abs(g + lambda * rho * Math.sign(w))).toBeLessThanOrEqual(tolerance);
        }
      }
    }), { numRuns: 60 });
    // The conditions were checked on most problems, not skipped as unconverged.
    expect(checked).toBeGreaterThanOrEqual(0.8 * runs);
  });
});
