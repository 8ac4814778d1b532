import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Backend, CdParams, IterativeResult } from "../../src/backend.js";
import {
  bothBackends, centered, type Centered, closeAll, denseDesign, design, enetObjective, on, residualState, weightScale,
} from "../helpers.js";

const [js, wasm] = bothBackends();

/**
 * Narrow designs, wide ones (d >= 25 > n) where the working sets leave coordinates out (the same epochs on both
 * backends for dense ones, the same optimum for any), and tall ones with 25 features or more.
 */
const SHAPES = [
  // With tol 0 a set's epochs end where no weight moves, a test at rounding level: tol 1e-8 keeps it clear of it
  // (narrow designs too: gap-safe screening can leave a set short of every coordinate there).
  { shape: "narrow", data: design(), sameEpochs: design(), epochTol: 1e-8, numRuns: 1 },
  { shape: "wide", data: design(5, 20, 80, 25), sameEpochs: denseDesign(5, 20, 25, 80), epochTol: 1e-8, numRuns: 0.5 },
  // n > d >= 25: covariance mode's working sets packed (at most d / 2 coordinates) on a full-rank G.
  { shape: "tall", data: design(30, 45, 28, 25), sameEpochs: design(30, 45, 28, 25), epochTol: 1e-8, numRuns: 0.3 },
];

const runsOf = (data: fc.Arbitrary<{ X: number[][]; y: number[] }>) => fc.record({
  data,
  fraction: fc.double({ min: 0.01, max: 0.9, noNaN: true }),
  rho: fc.constantFrom(0, 0.3, 0.7, 1),
  positive: fc.boolean(),
  selection: fc.constantFrom<CdParams["selection"]>("cyclic", "random"),
  seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
});

/** lambda as a fraction of lambda_max = max_j |x_j^T y| / (n rho) (1 without an L1 part). */
function lambdaAt(data: Centered, fraction: number, rho: number): number {
  const largest = Math.max(...Array.from(data.q, Math.abs));
  return (fraction * largest) / (data.n * Math.max(rho, 0.1)) + 1e-3;
}

interface Fit extends IterativeResult {
  w: Float64Array;
  history: Float64Array;
}

function cdGram(b: Backend, data: Centered, params: CdParams): Fit {
  const { d, n, G, q, yy } = data;
  return on(b, [G, q, new Float64Array(d), new Float64Array(params.maxIter)], ([bG, bq, w, history]) => ({
    ...b.cdGram(bG, bq, yy, d, n, params, w, history),
    w: w.values.slice(),
    history: history.values.slice(),
  }));
}

function cdResidual(b: Backend, data: Centered, params: CdParams): Fit & { r: Float64Array; norms: Float64Array; g: Float64Array } {
  const { d, n, Xt, y } = data;
  const blocks = [Xt, y, new Float64Array(d), new Float64Array(n), new Float64Array(d), new Float64Array(d), new Float64Array(params.maxIter)];
  return on(b, blocks, ([bXt, by, w, r, norms, g, history]) => ({
    ...b.cdResidual(bXt, n, d, by, params, w, r, norms, g, 0, history),
    w: w.values.slice(),
    r: r.values.slice(),
    norms: norms.values.slice(),
    g: g.values.slice(),
    history: history.values.slice(),
  }));
}

for (const { shape, data: shapes, sameEpochs, epochTol, numRuns: share } of SHAPES) {
  const runs = runsOf(shapes);
  describe(`cdGram and cdResidual on ${shape} designs: the JS and WASM backends agree`, () => {
    it("on the weights and objectives of the same epochs (relative 1e-9), in both modes and both orders", () => {
      fc.assert(
        fc.property(runsOf(sameEpochs), ({ data: { X, y }, fraction, rho, positive, selection, seed }) => {
          const data = centered(X, y);
          const params: CdParams = { lambda: lambdaAt(data, fraction, rho), rho, lambdaPrev: Number.NaN, maxIter: 30, tol: epochTol, positive, selection, seed };
          for (const mode of [cdGram, cdResidual]) {
            const [a, c] = [mode(js, data, params), mode(wasm, data, params)];
            // A fit may stop where its gap is within rounding of tol * ||y||^2 on one backend and not the other.
            const epochs = Math.min(a.nIter, c.nIter);
            expect(closeAll(a.history.subarray(0, epochs), c.history.subarray(0, epochs), 1e-9)).toBe(true);
            if (a.nIter !== c.nIter) expect(a.nIter < c.nIter ? a.converged : c.converged).toBe(true);
            else expect(closeAll(a.w, c.w, 1e-9, weightScale(data, data.n * params.lambda * (1 - rho)))).toBe(true);
          }
        }),
        { numRuns: Math.round(60 * share) },
      );
    });

    it("reach the same optimum in both modes: each objective, computed here, is within its duality gap of the best", () => {
      fc.assert(
        fc.property(runs, ({ data: { X, y }, fraction, rho, positive, selection, seed }) => {
          const data = centered(X, y);
          const lambda = lambdaAt(data, fraction, rho);
          // Degenerate draws (exactly opposite columns, y near 0) can stall above a tighter tol at rounding level.
          const params: CdParams = { lambda, rho, lambdaPrev: Number.NaN, maxIter: 20_000, tol: 1e-10, positive, selection, seed };
          const fits = [cdGram(js, data, params), cdGram(wasm, data, params), cdResidual(js, data, params), cdResidual(wasm, data, params)];
          const objectives = fits.map((fit) => enetObjective(data, fit.w, lambda, rho));
          const scale = data.yy / data.n;
          const best = Math.min(...objectives);
          // Weak duality: F(w) - F* <= gap(w), whether or not the solver met its tolerance.
          fits.forEach((fit, i) => {
            expect(fit.dualGap).toBeGreaterThanOrEqual(-1e-12 * best - 1e-300);
            expect(objectives[i] - best).toBeLessThanOrEqual(fit.dualGap + 1e-10 * best + 1e-14);
            // The last recorded objective is the solver's own account of the same number.
            expect(Math.abs(fit.history[Math.min(fit.nIter, fit.history.length) - 1] - objectives[i])).toBeLessThanOrEqual(1e-9 * scale + 1e-300);
            if (positive) expect(fit.w.every((v) => v >= 0)).toBe(true);
          });
          // Residual mode writes r = y - X w.
          const { n, d } = data;
          const [, , residual] = fits as [Fit, Fit, Fit & { r: Float64Array }];
          for (let i = 0; i < n; i++) {
            let r = data.y[i];
            for (let j = 0; j < d; j++) r -= data.X[i * d + j] * residual.w[j];
            expect(Math.abs(residual.r[i] - r)).toBeLessThanOrEqual(1e-9 * Math.sqrt(data.yy));
          }
        }),
        { numRuns: Math.round(40 * share) },
      );
    });
  });
}

describe("cdResidual carries a path's state from one fit to the next", () => {
  it("returns the column norms and X^T r of its w, and a fit started from them reaches the same optimum", () => {
    fc.assert(
      fc.property(runsOf(design(5, 20, 80, 25)), ({ data: { X, y }, fraction, rho, positive, selection, seed }) => {
        const data = centered(X, y);
        const { n, d, Xt } = data;
        const first = lambdaAt(data, fraction, rho);
        const second = 0.7 * first;
        const params: CdParams = { lambda: first, rho, lambdaPrev: Number.NaN, maxIter: 20_000, tol: 1e-10, positive, selection, seed };
        for (const b of [js, wasm]) {
          const blocks = [Xt, data.y, new Float64Array(d), new Float64Array(n), new Float64Array(d), new Float64Array(d)];
          on(b, blocks, ([bXt, by, w, r, norms, g]) => {
            b.cdResidual(bXt, n, d, by, params, w, r, norms, g, 0, null);
            const expected = residualState(data, w.values);
            const unit = Math.sqrt(data.yy * Math.max(...expected.norms));
            expect(closeAll(norms.values, expected.norms, 1e-12)).toBe(true);
            expect(closeAll(g.values, expected.g, 1e-9, unit)).toBe(true);
            // The next lambda from the carried state, and with nothing carried: each within its gap of the best.
            const start = w.values.slice();
            const next = { ...params, lambda: second, lambdaPrev: first };
            const carried = b.cdResidual(bXt, n, d, by, next, w, r, norms, g, 3, null);
            const carriedW = w.values.slice();
            w.values.set(start);
            const fresh = b.cdResidual(bXt, n, d, by, next, w, r, norms, g, 0, null);
            const objectives = [carriedW, w.values].map((v) => enetObjective(data, v, second, rho));
            const best = Math.min(...objectives);
            expect(objectives[0] - best).toBeLessThanOrEqual(carried.dualGap + 1e-10 * best + 1e-14);
            expect(objectives[1] - best).toBeLessThanOrEqual(fresh.dualGap + 1e-10 * best + 1e-14);
          });
        }
      }),
      { numRuns: 25 },
    );
  });
});

describe("cdGramPaths", () => {
  it("gives each problem's path as single cdGram calls from the previous fit's weights do, bit for bit, on both backends", () => {
    fc.assert(
      fc.property(fc.array(design(30, 45, 28, 25), { minLength: 1, maxLength: 3 }), fc.constantFrom(0.5, 1), fc.boolean(),
        fc.constantFrom<CdParams["selection"]>("cyclic", "random"), fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        (designs, rho, positive, selection, seed) => {
          // Problems of one width: each design's first 25 columns.
          const problems = designs.map(({ X, y }) => centered(X.map((row) => row.slice(0, 25)), y));
          const d = 25;
          const top = Math.max(...problems.map((p) => lambdaAt(p, 1, rho)));
          const lambdas = Float64Array.from({ length: 6 }, (_, i) => top * 0.5 ** i);
          const params: CdParams = { lambda: 0, rho, lambdaPrev: Number.NaN, maxIter: 5_000, tol: 1e-8, positive, selection, seed };
          // (cdGram's two backends are checked against each other above.)
          for (const b of [js, wasm]) {
            b.scope((s) => {
              const blocks = problems.map((p) => ({ G: s.fromArray(p.G), q: s.fromArray(p.q), yy: p.yy, n: p.n }));
              const [W, results] = [problems.map(() => s.alloc(lambdas.length * d)), problems.map(() => s.alloc(3 * lambdas.length))];
              b.cdGramPaths(blocks, d, s.fromArray(lambdas), lambdas.length, params, W, results);
              // The same path from single calls, each starting where the last one ended.
              problems.forEach((_, f) => {
                const w = s.alloc(d);
                lambdas.forEach((lambda, i) => {
                  const single = b.cdGram(blocks[f].G, blocks[f].q, blocks[f].yy, d, blocks[f].n, {
                    ...params, lambda, lambdaPrev: i > 0 ? lambdas[i - 1] : Number.NaN,
                  }, w, null);
                  expect(Array.from(W[f].values.subarray(i * d, (i + 1) * d))).toEqual(Array.from(w.values));
                  expect(Array.from(results[f].values.subarray(3 * i, 3 * i + 3)))
                    .toEqual([single.nIter, single.dualGap, single.converged ? 1 : 0]);
                });
              });
            });
          }
        }),
      { numRuns: 10 },
    );
  });
});
