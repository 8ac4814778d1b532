// What the proximal Newton fits of the logistic models share: the resident problem, the weighted elastic net that
// each Newton step solves (the quadratic approximation of the log-loss plus the penalty), and the line search's
// test.

import type { Backend, F64Block, Scope } from "../backend.js";
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
/**
 * Below this many features (and with more rows than features) a Newton step is solved on the weighted Gram matrix
 * (covariance mode, n d^2 once, then d^2 per epoch), whose epochs stay cheap however many strongly correlated
 * features need; above it by glmnet's coordinate descent on the raw columns (n per coordinate and epoch).
 */
const GRAM_FEATURES = 32;
/** The Gram-mode fits' duality-gap tolerance, near what rounding allows, so that the Newton steps are exact. */
const GRAM_INNER_TOL = 1e-14;
/** Epochs each Gram-mode coordinate descent may run. */
const GRAM_MAX_ITER = 100_000;
/** Epochs each inner coordinate descent may run, and the rounds of its working set. */
const INNER_MAX_EPOCHS = 100_000;
const MAX_ROUNDS = 1_000;
/**
 * The inner epochs stop once the largest v_j dw_j^2 of one is below (INNER_SHARE kkt)^2 / max_j v_j, kkt the
 * violation of the optimality conditions the outer loop stops at: a coordinate's violation after such an epoch is
 * about v_j |dw_j| <= INNER_SHARE kkt, so each Newton step is as exact as the fit needs (an inexact Newton method),
 * no more. With 1/4 >= p (1 - p), max_j v_j <= (1/4) max_j (1/n) sum_i s_i x_ij^2.
 */
const INNER_SHARE = 0.1;

/** X (n x d, row-major) resident in a backend, and the row weights (summing to n). */
export interface NewtonProblem {
  backend: Backend;
  X: F64Block;
  n: number;
  d: number;
  weights: Float64Array;
}

/** What the Newton steps read beside X, made once for every fit on the same rows (innerData). */
export interface InnerData {
  /** X column-major (d x n; columnMajor), which the inner coordinate descent reads. */
  columns: F64Block;
  /** A bound on the inner problems' v_j = (1/n) sum_i h_i x_ij^2 (curvatureBound). */
  curvature: number;
  /** The binomial fit's gradient scale at w = 0, once known (the same for every lambda). */
  gradientScale?: number;
}

/** The problem of a Newton fit: X and the data its steps read. */
export type NewtonStepProblem = NewtonProblem & InnerData;

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
 * One Newton step's weighted least squares at eta = X w + b: the minimizer (w', b') of
 * (1/2n) sum_i h_i (z_i - x_i w' - b')^2 + lambda P(w'), r_i = h_i (z_i - eta_i) given, on the weighted Gram matrix
 * for few features (weightedGram), by glmnet's inner loop otherwise (weightedCd); kkt is the violation the
 * outer loop stops at.
 */
export function newtonStepSolve(
  problem: NewtonStepProblem, eta: Float64Array, h: Float64Array, r: Float64Array, w: Float64Array, b: number, params: PenaltyParams,
  kkt: number, correlationsOfR?: Float64Array,
): { w: Float64Array; b: number } {
  if (problem.n > problem.d && problem.d < GRAM_FEATURES) {
    return weightedGram(problem, h, Float64Array.from(eta, (t, i) => (h[i] > 0 ? t + r[i] / h[i] : t)), w, params);
  }
  return weightedCd(problem, h, r, w, b, params, kkt, correlationsOfR);
}

/**
 * The minimizer (w', b') of (1/2n) sum_i h_i (z_i - x_i w' - b')^2 + lambda P(w'), by the library's coordinate
 * descent in covariance mode (the weighted, centered Gram matrix) from w.
 */
function weightedGram(
  { backend, X, n, d }: NewtonProblem, h: Float64Array, z: Float64Array, w: Float64Array, params: PenaltyParams,
): { w: Float64Array; b: number } {
  const total = h.reduce((s, v) => s + v, 0);
  return backend.scope((scope) => {
    const raw = { X, Y: scope.fromArray(z), n, d, k: 1 };
    const data = scope.own(new LeastSquaresData(backend, raw, { fitIntercept: params.fitIntercept, standardize: false, sampleWeight: h }));
    // The prepared data rescale h to sum to n: the same minimizer needs lambda n / sum h.
    const cd = {
      owner: "LogisticRegression", lambda: (params.lambda * n) / total, rho: params.rho, maxIter: GRAM_MAX_ITER, tol: GRAM_INNER_TOL,
      positive: params.positive, precompute: true, selection: "cyclic" as const, seed: 0, learningRate: 0,
      fitIntercept: params.fitIntercept,
    };
    const result = solve("cd", backend, data, cd, data.scaled(w), false);
    const { coef, intercepts } = data.original(result.w, result.intercepts);
    return { w: coef, b: intercepts[0] };
  });
}

/**
 * The minimizer (w', b') of (1/2n) sum_i h_i (z_i - x_i w' - b')^2 + lambda P(w') from (w, b), given the weighted
 * residual r_i = h_i (z_i - x_i w - b) there (for the log-loss's quadratic approximation, s_i (y_i - p_i)): glmnet's
 * inner loop, coordinate descent on the raw columns of X (the core's logisticCd) over a working set, the support of
 * w and the coordinates that violate their optimality condition (|x_j^T r| / n > lambda rho at w_j = 0), grown by
 * the violators until none is left. `correlationsOfR`, when known, is X^T r / n at the start (the log-loss's
 * gradient, negated), which spares the first pass over X.
 */
function weightedCd(
  problem: NewtonStepProblem, h: Float64Array, residual: Float64Array, w: Float64Array, b: number, params: PenaltyParams, kkt: number,
  correlationsOfR?: Float64Array,
): { w: Float64Array; b: number } {
  const { backend, n, d } = problem;
  const Xc = problem.columns;
  const a = params.lambda * params.rho;
  const cd = {
    lambda: params.lambda, rho: params.rho, positive: params.positive, fitIntercept: params.fitIntercept,
    maxEpochs: INNER_MAX_EPOCHS, tol: (INNER_SHARE * kkt) ** 2 / problem.curvature,
  };
  return backend.scope((scope) => {
    const [hb, r, wb, g] = [scope.fromArray(h), scope.fromArray(residual), scope.fromArray(w), scope.alloc(d)];
    const v = scope.fromArray(new Float64Array(d).fill(Number.NaN));
    const inSet = Uint8Array.from(w, (value) => (value !== 0 ? 1 : 0));
    const members = [...inSet.keys()].filter((j) => inSet[j] === 1);
    let bias = b;
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const known = round === 0 ? correlationsOfR : undefined;
      if (!known) backend.gemv(Xc, d, n, r, g);
      const gv = g.values;
      let added = 0;
      for (let j = 0; j < d; j++) {
        if (inSet[j]) continue;
        const gj = known ? known[j] : gv[j] / n;
        if ((params.positive ? gj : Math.abs(gj)) > a) [inSet[j], added] = [1, added + members.push(j)];
      }
      if (round > 0 && added === 0) break;
      if (members.length === 0 && !params.fitIntercept) break;
      bias = backend.logisticCd(Xc, n, d, hb, r, wb, v, scope.fromInt32(Int32Array.from(members)), members.length, cd, bias).b;
    }
    return { w: wb.values.slice(), b: bias };
  });
}

/** InnerData for X (n x d, row-major) and row weights, its blocks in `scope`. */
export function innerData(scope: Scope, backend: Backend, X: F64Block, n: number, d: number, weights: Float64Array): InnerData {
  return { columns: columnMajor(scope, backend, X, n, d), curvature: curvatureBound(X, n, d, weights) };
}

/** (1/4) max_j (1/n) sum_i s_i x_ij^2 (at least the smallest positive double): a bound on every v_j of a Newton step. */
function curvatureBound(X: F64Block, n: number, d: number, weights: Float64Array): number {
  const squares = new Float64Array(d);
  const values = X.values;
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) squares[j] += weights[i] * values[i * d + j] ** 2;
  return Math.max(0.25 * Math.max(...squares) / n, Number.MIN_VALUE);
}

/** X (n x d, row-major) column-major (d x n: feature j at row j), in `scope`: what the inner coordinate descent reads. */
function columnMajor(scope: Scope, backend: Backend, X: F64Block, n: number, d: number): F64Block {
  const block = scope.uninitialized(n * d);
  backend.transpose(X, n, d, null, block);
  return block;
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
