import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Backend, CdParams, IterativeResult } from "../../src/backend.js";
import { cdMultiTask as cdMultiTaskJs } from "../../src/backends/js/solvers/multi-task-cd.js";
import { chooseWorkingSet, safeSphere } from "../../src/backends/js/solvers/working-set.js";
import { bothBackends, centered, type Centered, closeAll, denseDesign, design, on, weightScale } from "../helpers.js";

const [js, wasm] = bothBackends();

/** A centered design with k centered outputs: Yt (k x n, output-major) and Y (n x k). */
interface MultiTask extends Centered {
  k: number;
  Y: Float64Array;
  Yt: Float64Array;
}

const runsOf = (designs: fc.Arbitrary<{ X: number[][]; y: number[] }>) => fc
  .record({ data: designs, k: fc.integer({ min: 1, max: 3 }), fraction: fc.double({ min: 0.01, max: 0.9, noNaN: true }), rho: fc.constantFrom(0, 0.5, 1) })
  .chain((r) =>
    fc.record({
      ...Object.fromEntries(Object.entries(r).map(([key, v]) => [key, fc.constant(v)])),
      extra: fc.array(fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: r.k, maxLength: r.k }), {
        minLength: r.data.y.length,
        maxLength: r.data.y.length,
      }),
    }) as fc.Arbitrary<typeof r & { extra: number[][] }>,
  )
  .map(({ data: { X, y }, k, fraction, rho, extra }) => {
    const data = centered(X, y);
    const { n, d } = data;
    const Y = new Float64Array(n * k);
    for (let o = 0; o < k; o++) {
      const column = extra.map((row, i) => (o === 0 ? y[i] : row[o]));
      const mean = column.reduce((s, v) => s + v, 0) / n;
      column.forEach((v, i) => (Y[i * k + o] = v - mean));
    }
    const Yt = new Float64Array(k * n);
    for (let i = 0; i < n; i++) for (let o = 0; o < k; o++) Yt[o * n + i] = Y[i * k + o];
    // lambda_max = max_j ||X_j^T Y|| / (n rho)
    let largest = 0;
    for (let j = 0; j < d; j++) {
      let norm2 = 0;
      for (let o = 0; o < k; o++) {
        let s = 0;
        for (let i = 0; i < n; i++) s += data.X[i * d + j] * Y[i * k + o];
        norm2 += s * s;
      }
      largest = Math.max(largest, Math.sqrt(norm2));
    }
    const lambda = (fraction * largest) / (n * Math.max(rho, 0.1)) + 1e-3;
    return { data: { ...data, k, Y, Yt } as MultiTask, lambda, rho };
  });

/** (1/2n)||Y - X W||_F^2 + lambda (rho sum_j ||W_j|| + (1 - rho)/2 ||W||_F^2), computed here. */
function objective({ n, d, k, X, Y }: MultiTask, W: ArrayLike<number>, lambda: number, rho: number): number {
  let loss = 0;
  for (let i = 0; i < n; i++) {
    for (let o = 0; o < k; o++) {
      let r = Y[i * k + o];
      for (let j = 0; j < d; j++) r -= X[i * d + j] * W[j * k + o];
      loss += r * r;
    }
  }
  let groups = 0;
  let squares = 0;
  for (let j = 0; j < d; j++) {
    let s = 0;
    for (let o = 0; o < k; o++) s += W[j * k + o] ** 2;
    groups += Math.sqrt(s);
    squares += s;
  }
  return loss / (2 * n) + lambda * (rho * groups + 0.5 * (1 - rho) * squares);
}

function fit(b: Backend, data: MultiTask, params: CdParams): IterativeResult & { W: Float64Array; history: Float64Array } {
  const { n, d, k, Xt, Yt } = data;
  return on(b, [Xt, Yt, new Float64Array(d * k), new Float64Array(params.maxIter)], ([bXt, bYt, W, history]) => ({
    ...b.cdMultiTask(bXt, n, d, bYt, k, params, W, history),
    W: W.values.slice(),
    history: history.values.slice(),
  }));
}

const options = { positive: false, selection: "cyclic" as const, seed: 0 };

/**
 * Narrow designs, and wide ones (d >= 25 > n) where the working sets of rows leave features out: the same epochs
 * on both backends for dense ones (see denseDesign; tol 1e-8 keeps a set's end clear of rounding), the same
 * optimum for any.
 */
const SHAPES = [
  // tol 0 would end a set's epochs where no weight moves, a test at rounding level (gap-safe screening can leave a
  // set short of every row even here): tol 1e-8 keeps it clear of it.
  { shape: "narrow", runs: runsOf(design()), sameEpochs: runsOf(design()), epochTol: 1e-8, share: 1 },
  { shape: "wide", runs: runsOf(design(5, 20, 60, 25)), sameEpochs: runsOf(denseDesign(5, 20, 25, 60)), epochTol: 1e-8, share: 0.5 },
];

for (const { shape, runs, sameEpochs, epochTol, share } of SHAPES) {
  describe(`cdMultiTask on ${shape} designs: the JS and WASM backends agree`, () => {
    it("on the weights and objectives of the same epochs (relative 1e-9)", () => {
      fc.assert(
        fc.property(sameEpochs, ({ data, lambda, rho }) => {
          const params: CdParams = { lambda, rho, lambdaPrev: Number.NaN, maxIter: 30, tol: epochTol, ...options };
          const [a, c] = [fit(js, data, params), fit(wasm, data, params)];
          // A fit may stop where its gap is within rounding of tol * ||Y||^2 on one backend and not the other.
          const epochs = Math.min(a.nIter, c.nIter);
          expect(closeAll(a.history.subarray(0, epochs), c.history.subarray(0, epochs), 1e-9)).toBe(true);
          if (a.nIter !== c.nIter) expect(a.nIter < c.nIter ? a.converged : c.converged).toBe(true);
          else expect(closeAll(a.W, c.W, 1e-9, weightScale({ ...data, yy: data.Y.reduce((s, v) => s + v * v, 0) }, data.n * lambda * (1 - rho)))).toBe(true);
        }),
        { numRuns: Math.round(60 * share) },
      );
    });

    it("reach the same optimum: each objective, computed here, is within its duality gap of the better one", () => {
      fc.assert(
        fc.property(runs, ({ data, lambda, rho }) => {
          const params: CdParams = { lambda, rho, lambdaPrev: Number.NaN, maxIter: 20_000, tol: 1e-10, ...options };
          const fits = [fit(js, data, params), fit(wasm, data, params)];
          const objectives = fits.map((f) => objective(data, f.W, lambda, rho));
          const best = Math.min(...objectives);
          fits.forEach((f, i) => {
            expect(f.dualGap).toBeGreaterThanOrEqual(-1e-12 * best - 1e-300);
            expect(objectives[i] - best).toBeLessThanOrEqual(f.dualGap + 1e-10 * best + 1e-14);
            expect(Math.abs(f.history[Math.min(f.nIter, f.history.length) - 1] - objectives[i])).toBeLessThanOrEqual(1e-9 * objectives[i] + 1e-300);
          });
        }),
        { numRuns: Math.round(40 * share) },
      );
    });
  });
}

describe("gap-safe screening of rows (the JS twin's; the core agrees with it epoch by epoch above)", () => {
  it("never screens a row of the optimum's support, from any point on the way to it", () => {
    let screenedAny = 0;
    const problems = runsOf(design(5, 20, 60, 25)).filter(({ rho }) => rho > 0);
    fc.assert(
      fc.property(problems, fc.integer({ min: 0, max: 4 }), ({ data, lambda, rho }, epochs) => {
        const { n, d, k, X, Y, Xt, Yt } = data;
        const [alpha, beta] = [n * lambda * rho, n * lambda * (1 - rho)];
        const solve = (maxIter: number, tol: number) => {
          const W = new Float64Array(d * k);
          if (maxIter > 0) cdMultiTaskJs(Xt, n, d, Yt, k, { lambda, rho, lambdaPrev: Number.NaN, maxIter, tol, ...options }, W, null);
          return W;
        };
        const best = solve(100_000, 1e-14);
        const at = solve(epochs, 0);
        // The gap at `at`, written out here: R = Y - X W, G = X^T R, the dual point s [R; -sqrt(beta) W] with
        // s = min(1, alpha / max_j ||G_j - beta W_j||).
        const R = Float64Array.from(Y);
        for (let i = 0; i < n; i++) for (let o = 0; o < k; o++) for (let j = 0; j < d; j++) R[i * k + o] -= X[i * d + j] * at[j * k + o];
        const G = new Float64Array(d * k);
        const norms = new Float64Array(d);
        for (let i = 0; i < n; i++) {
          for (let j = 0; j < d; j++) {
            norms[j] += X[i * d + j] ** 2;
            for (let o = 0; o < k; o++) G[j * k + o] += X[i * d + j] * R[i * k + o];
          }
        }
        const rowNorm = (M: Float64Array, j: number, shift = 0) =>
          Math.sqrt(Array.from({ length: k }, (_, o) => (M[j * k + o] - shift * at[j * k + o]) ** 2).reduce((a, b) => a + b, 0));
        const dualNorm = Math.max(...Array.from({ length: d }, (_, j) => rowNorm(G, j, beta)));
        const s = dualNorm > alpha ? alpha / dualNorm : 1;
        const [rr, ww] = [R.reduce((t, v) => t + v * v, 0), at.reduce((t, v) => t + v * v, 0)];
        const ry = R.reduce((t, v, i) => t + v * Y[i], 0);
        const groups = Array.from({ length: d }, (_, j) => rowNorm(at, j)).reduce((a, b) => a + b, 0);
        const gap = rr / 2 + alpha * groups + (beta * ww) / 2 - (s * ry - (s * s * (rr + beta * ww)) / 2);
        const rowG = Float64Array.from({ length: d }, (_, j) => rowNorm(G, j));
        const rowW = Float64Array.from({ length: d }, (_, j) => rowNorm(at, j));
        const kept = new Set(chooseWorkingSet(rowG, rowW, norms, alpha, false, d, safeSphere(gap, dualNorm, alpha, beta, Y.reduce((t, v) => t + v * v, 0))));
        const scale = Math.max(...Array.from(best, Math.abs));
        for (let j = 0; j < d; j++) if (rowNorm(best, j) > 1e-9 * scale) expect(kept.has(j)).toBe(true);
        screenedAny += rowW.filter((v) => v === 0).length - Array.from(kept).filter((j) => rowW[j] === 0).length;
      }),
      { numRuns: 40 },
    );
    // The rule is not idle: some zero rows were left out.
    expect(screenedAny).toBeGreaterThan(0);
  });
});
