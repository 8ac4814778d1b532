import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CdParams } from "../../src/backend.js";
import { cdResidual } from "../../src/backends/js/solvers/cd.js";
import { chooseWorkingSet, safeSphere } from "../../src/backends/js/solvers/working-set.js";
import { centered, type Centered, design, residualState } from "../helpers.js";

/**
 * The elastic net's duality gap at w, written out here: P(w) = ||r||^2/2 + alpha ||w||_1 + beta ||w||^2 / 2 against
 * the dual of the augmented lasso at theta = s [r; -sqrt(beta) w], s = min(1, alpha / max_j |g_j - beta w_j|) (the
 * signed max when positive): D = s y.r - s^2 (||r||^2 + beta ||w||^2) / 2.
 */
function gapAt(data: Centered, w: Float64Array, alpha: number, beta: number, positive: boolean) {
  const { r, g, norms } = residualState(data, w);
  const xta = g.map((gj, j) => gj - beta * w[j]);
  const xtaMax = Math.max(...Array.from(xta, (v) => (positive ? v : Math.abs(v))));
  const s = xtaMax > alpha ? alpha / xtaMax : 1;
  const [rr, ww] = [r.reduce((t, v) => t + v * v, 0), w.reduce((t, v) => t + v * v, 0)];
  const ry = r.reduce((t, v, i) => t + v * data.y[i], 0);
  const primal = rr / 2 + alpha * w.reduce((t, v) => t + Math.abs(v), 0) + (beta * ww) / 2;
  const dual = s * ry - (s * s * (rr + beta * ww)) / 2;
  return { gap: primal - dual, xtaMax, g, norms };
}

describe("gap-safe screening", () => {
  it("never screens a coordinate of the optimum's support, from any point on the way to it", () => {
    let screenedAny = 0;
    fc.assert(
      fc.property(
        design(5, 20, 80, 25), fc.double({ min: 0.05, max: 0.9, noNaN: true }), fc.constantFrom(0.5, 1), fc.boolean(),
        fc.integer({ min: 0, max: 4 }),
        ({ X, y }, fraction, rho, positive, epochs) => {
          const data = centered(X, y);
          const { n, d, Xt } = data;
          const largest = Math.max(...Array.from(data.q, Math.abs));
          const lambda = (fraction * largest) / (n * rho);
          const [alpha, beta] = [n * lambda * rho, n * lambda * (1 - rho)];
          const params = (maxIter: number, tol: number): CdParams =>
            ({ lambda, rho, lambdaPrev: Number.NaN, maxIter, tol, positive, selection: "cyclic", seed: 0 });
          const solve = (maxIter: number, tol: number) => {
            const w = new Float64Array(d);
            const state = { norms: new Float64Array(d), g: new Float64Array(d), known: 0 };
            if (maxIter > 0) cdResidual(Xt, n, d, data.y, params(maxIter, tol), w, new Float64Array(n), state, null);
            return w;
          };
          const best = solve(100_000, 1e-14);
          const at = solve(epochs, 0);
          const { gap, xtaMax, g, norms } = gapAt(data, at, alpha, beta, positive);
          const kept = new Set(chooseWorkingSet(g, at, norms, alpha, positive, d, safeSphere(gap, xtaMax, alpha, beta, data.yy)));
          const scale = Math.max(...Array.from(best, Math.abs));
          best.forEach((v, j) => {
            if (Math.abs(v) > 1e-9 * scale) expect(kept.has(j)).toBe(true);
          });
          screenedAny += at.filter((v) => v === 0).length - Array.from(kept).filter((j) => at[j] === 0).length;
        },
      ),
      { numRuns: 60 },
    );
    // The rule is not idle: some zero coordinates were left out.
    expect(screenedAny).toBeGreaterThan(0);
  });
});
