// What the proximal Newton fits of the logistic models share: the resident problem, the weighted elastic net that
// each Newton step solves (the quadratic approximation of the log-loss plus the penalty), and the line search's
// test.

import type { Backend, F64Block } from "../backend.js";
import { LeastSquaresData } from "../design/least-squares-data.js";
import { solve } from "../solvers/table.js";

/** The smallest p (1 - p) an IRLS weight takes (glmnet's floor), so that near-separable rows keep a weight. */
export const MIN_VARIANCE = 1e-5;
/** Halvings of a step before a Newton iteration gives up on lowering the objective. */
export const MAX_HALVINGS = 50;
/**
 * How far above the current objective (relatively) a step may land and still count as not raising it: near the
 * optimum a Newton step changes the objective by about the square of the KKT residual, below what the sum of n
 * log-losses resolves.
 */
const ROUNDING = 1e-12;
/** Epochs each inner coordinate descent may run. */
const INNER_MAX_ITER = 100_000;
/** The inner fits' duality-gap tolerance, near what rounding allows, so that the Newton steps are exact. */
const INNER_TOL = 1e-14;

/** X (n x d, row-major) resident in a backend, and the row weights (summing to n). */
export interface NewtonProblem {
  backend: Backend;
  X: F64Block;
  n: number;
  d: number;
  weights: Float64Array;
}

/** The penalty lambda (rho ||w||_1 + (1 - rho)/2 ||w||^2) and the constraints of a fit. */
export interface PenaltyParams {
  lambda: number;
  rho: number;
  fitIntercept: boolean;
  positive: boolean;
}

/** Whether a trial objective does not raise the current one beyond rounding. */
export function notHigher(trial: number, current: number): boolean {
  return trial <= current + ROUNDING * Math.abs(current);
}

/**
 * The minimizer (w', b') of (1/2n) sum_i h_i (z_i - x_i w' - b')^2 + lambda P(w'), by the library's coordinate
 * descent (covariance or residual mode by cost, working sets, on the problem's backend) from w.
 */
export function weightedElasticNet(
  { backend, X, n, d }: NewtonProblem, h: Float64Array, z: Float64Array, w: Float64Array, params: PenaltyParams,
): { w: Float64Array; b: number } {
  const total = h.reduce((s, v) => s + v, 0);
  return backend.scope((scope) => {
    const raw = { X, Y: scope.fromArray(z), n, d, k: 1 };
    const data = scope.own(new LeastSquaresData(backend, raw, { fitIntercept: params.fitIntercept, standardize: false, sampleWeight: h }));
    // The prepared data rescale h to sum to n: the same minimizer needs lambda n / sum h.
    const cd = {
      owner: "LogisticRegression", lambda: (params.lambda * n) / total, rho: params.rho, maxIter: INNER_MAX_ITER, tol: INNER_TOL,
      positive: params.positive, precompute: "auto" as const, selection: "cyclic" as const, seed: 0, learningRate: 0,
      fitIntercept: params.fitIntercept,
    };
    const result = solve("cd", backend, data, cd, data.scaled(w), false);
    const { coef, intercepts } = data.original(result.w, result.intercepts);
    return { w: coef, b: intercepts[0] };
  });
}

/** eta = X w + b. */
export function linear({ backend, X, n, d }: NewtonProblem, w: Float64Array, b: number): Float64Array {
  return backend.scope((scope) => {
    const out = scope.alloc(n);
    backend.gemv(X, n, d, scope.fromArray(w), out);
    return out.values.map((v) => v + b);
  });
}

/** X^T r / n. */
export function correlations({ backend, X, n, d }: NewtonProblem, r: Float64Array): Float64Array {
  return backend.scope((scope) => {
    const out = scope.alloc(d);
    backend.gemvT(X, n, d, scope.fromArray(r), out);
    return out.values.map((v) => v / n);
  });
}

/** lambda (rho ||w||_1 + (1 - rho)/2 ||w||^2). */
export function penalty(w: ArrayLike<number>, lambda: number, rho: number): number {
  let l1 = 0;
  let l2 = 0;
  for (let j = 0; j < w.length; j++) {
    l1 += Math.abs(w[j]);
    l2 += w[j] * w[j];
  }
  return lambda * (rho * l1 + 0.5 * (1 - rho) * l2);
}

/**
 * The largest violation of one coefficient vector's optimality conditions, given the smooth part's gradient g
 * (the loss's plus lambda (1 - rho) w): |g_j + lambda rho sign(w_j)| where w_j != 0, max(|g_j| - lambda rho, 0)
 * where w_j = 0 (max(-g_j - lambda rho, 0) when positive).
 */
export function coefficientViolation(g: ArrayLike<number>, w: ArrayLike<number>, params: PenaltyParams): number {
  const a = params.lambda * params.rho;
  let worst = 0;
  for (let j = 0; j < w.length; j++) {
    let violation: number;
    if (w[j] !== 0) violation = Math.abs(g[j] + a * Math.sign(w[j]));
    else violation = params.positive ? Math.max(-g[j] - a, 0) : Math.max(Math.abs(g[j]) - a, 0);
    worst = Math.max(worst, violation);
  }
  return worst;
}
