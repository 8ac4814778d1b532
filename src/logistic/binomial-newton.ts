// Penalized binomial logistic regression by proximal Newton, glmnet's method (Friedman, Hastie & Tibshirani 2010,
// "Regularization Paths for Generalized Linear Models via Coordinate Descent", section 3). At (w, b) the mean
// log-loss is replaced by its quadratic approximation, a weighted least-squares problem
//   (1/2n) sum_i h_i (z_i - x_i w' - b')^2,  h_i = s_i p_i (1 - p_i),  z_i = eta_i + (y_i - p_i) / (p_i (1 - p_i)),
// which the elastic net's coordinate descent solves with the same penalty (covariance or residual mode, working sets,
// on either backend) from the current weights. A backtracking line search along the step keeps the objective from
// rising. The fit stops once the optimality (KKT) residual, relative to the gradient's scale at w = 0, is <= tol.

import type { Backend, F64Block } from "../backend.js";
import { LeastSquaresData } from "../design/least-squares-data.js";
import { solve } from "../solvers/table.js";

/** The smallest p (1 - p) an IRLS weight takes (glmnet's floor), so that near-separable rows keep a weight. */
const MIN_VARIANCE = 1e-5;
/**
 * How far above the current objective (relatively) a step may land and still count as not raising it: near the
 * optimum a Newton step changes the objective by about the square of the KKT residual, below what the sum of n
 * log-losses resolves.
 */
const ROUNDING = 1e-12;
/** Halvings of the step before a Newton iteration gives up on lowering the objective. */
const MAX_HALVINGS = 50;
/** Epochs each inner coordinate descent may run. */
const INNER_MAX_ITER = 100_000;
/** The inner fits' duality-gap tolerance, near what rounding allows, so that the Newton steps are exact. */
const INNER_TOL = 1e-14;

/** What a binomial fit takes: the penalty lambda (rho ||w||_1 + (1 - rho)/2 ||w||^2) and how to stop. */
export interface BinomialParams {
  lambda: number;
  rho: number;
  fitIntercept: boolean;
  /** Newton iterations at most. */
  maxIter: number;
  /** Stop once the KKT residual / max_j |x_j^T (y - mean y)| / n is <= tol. */
  tol: number;
  positive: boolean;
  /** Row weights summing to n (normalizeWeights), or null for ones. */
  sampleWeight: Float64Array | null;
}

export interface BinomialFit {
  coef: Float64Array;
  intercept: number;
  /** Newton iterations run. */
  nIter: number;
  converged: boolean;
  /** The objective at the returned weights. */
  objective: number;
  /** The relative KKT residual at the returned weights. */
  kkt: number;
  /** The objective after each Newton iteration. */
  history: Float64Array;
}

/** p = sigmoid(t), without overflow for t of either sign. */
export function sigmoid(t: number): number {
  if (t >= 0) return 1 / (1 + Math.exp(-t));
  const e = Math.exp(t);
  return e / (1 + e);
}

/** log(1 + e^t) - y t: one row's log-loss, stable for t of either sign. */
export function logLoss(t: number, y: number): number {
  return Math.max(t, 0) + Math.log1p(Math.exp(-Math.abs(t))) - y * t;
}

/** The resident problem a fit works on: X (n x d, row-major) and labels y in {0, 1}. */
interface Problem {
  backend: Backend;
  X: F64Block;
  n: number;
  d: number;
  y: Float64Array;
  weights: Float64Array;
}

/** eta = X w + b. */
function linear({ backend, X, n, d }: Problem, w: Float64Array, b: number): Float64Array {
  return backend.scope((scope) => {
    const out = scope.alloc(n);
    backend.gemv(X, n, d, scope.fromArray(w), out);
    return out.values.map((v) => v + b);
  });
}

/** The objective (1/n) sum_i s_i loss_i + lambda P(w) at eta = X w + b. */
function objectiveAt(problem: Problem, eta: Float64Array, w: Float64Array, params: BinomialParams): number {
  const { n, y, weights } = problem;
  let loss = 0;
  for (let i = 0; i < n; i++) loss += weights[i] * logLoss(eta[i], y[i]);
  let l1 = 0;
  let l2 = 0;
  for (const v of w) {
    l1 += Math.abs(v);
    l2 += v * v;
  }
  return loss / n + params.lambda * (params.rho * l1 + 0.5 * (1 - params.rho) * l2);
}

/** X^T r / n. */
function correlations({ backend, X, n, d }: Problem, r: Float64Array): Float64Array {
  return backend.scope((scope) => {
    const out = scope.alloc(d);
    backend.gemvT(X, n, d, scope.fromArray(r), out);
    return out.values.map((v) => v / n);
  });
}

/**
 * The largest violation of the optimality conditions at (w, b) with eta = X w + b: for the smooth part's gradient
 * g_j = (1/n) sum_i s_i (p_i - y_i) x_ij + lambda (1 - rho) w_j, |g_j + lambda rho sign(w_j)| where w_j != 0,
 * max(|g_j| - lambda rho, 0) where w_j = 0 (max(-g_j - lambda rho, 0) when positive), and |mean of s (p - y)| for
 * a fitted intercept.
 */
function kktResidual(problem: Problem, eta: Float64Array, w: Float64Array, params: BinomialParams): number {
  const { n, y, weights } = problem;
  const r = Float64Array.from(eta, (t, i) => weights[i] * (sigmoid(t) - y[i]));
  const g = correlations(problem, r);
  const a = params.lambda * params.rho;
  let worst = 0;
  g.forEach((gj, j) => {
    const smooth = gj + params.lambda * (1 - params.rho) * w[j];
    let violation: number;
    if (w[j] !== 0) violation = Math.abs(smooth + a * Math.sign(w[j]));
    else violation = params.positive ? Math.max(-smooth - a, 0) : Math.max(Math.abs(smooth) - a, 0);
    worst = Math.max(worst, violation);
  });
  if (params.fitIntercept) worst = Math.max(worst, Math.abs(r.reduce((s, v) => s + v, 0) / n));
  return worst;
}

/** max_j |x_j^T s (y - mean y)| / n: the gradient's scale at w = 0 (lambda_max times rho). */
function gradientScale(problem: Problem): number {
  const { n, y, weights } = problem;
  const mean = y.reduce((s, v, i) => s + weights[i] * v, 0) / n;
  const g = correlations(problem, Float64Array.from(y, (v, i) => weights[i] * (v - mean)));
  return Math.max(...Array.from(g, Math.abs), Number.MIN_VALUE);
}

/**
 * One Newton step's weighted elastic net: IRLS weights h and working response z at eta, solved by coordinate
 * descent from (w, b). Returns the minimizer (w', b') of the quadratic approximation plus the penalty.
 */
function newtonStep(problem: Problem, eta: Float64Array, w: Float64Array, params: BinomialParams): { w: Float64Array; b: number } {
  const { backend, X, n, d, y, weights } = problem;
  const h = new Float64Array(n);
  const z = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const p = sigmoid(eta[i]);
    const variance = Math.max(p * (1 - p), MIN_VARIANCE);
    h[i] = weights[i] * variance;
    z[i] = eta[i] + (y[i] - p) / variance;
    total += h[i];
  }
  return backend.scope((scope) => {
    const raw = { X, Y: scope.fromArray(z), n, d, k: 1 };
    const data = scope.own(new LeastSquaresData(backend, raw, { fitIntercept: params.fitIntercept, standardize: false, sampleWeight: h }));
    // The prepared data rescale h to sum to n: the same minimizer needs lambda n / sum h.
    const cd = {
      owner: "LogisticRegression", lambda: (params.lambda * n) / total, rho: params.rho, maxIter: INNER_MAX_ITER,
      tol: INNER_TOL, positive: params.positive, precompute: "auto" as const, selection: "cyclic" as const, seed: 0,
      learningRate: 0, fitIntercept: params.fitIntercept,
    };
    const result = solve("cd", backend, data, cd, data.scaled(w), false);
    const { coef, intercepts } = data.original(result.w, result.intercepts);
    return { w: coef, b: intercepts[0] };
  });
}

/** The starting intercept: the log-odds of the (weighted) mean label, or 0 without an intercept. */
function startingIntercept({ n, y, weights }: Problem, fitIntercept: boolean): number {
  if (!fitIntercept) return 0;
  const mean = y.reduce((s, v, i) => s + weights[i] * v, 0) / n;
  return Math.log(mean / (1 - mean));
}

/**
 * Fits the penalized binomial model to X (resident in `backend`, n x d row-major) and labels y in {0, 1} (both
 * classes present), from w = 0 and the intercept of the mean label, or from `start`.
 */
export function fitBinomial(
  backend: Backend, X: F64Block, n: number, d: number, y: Float64Array, params: BinomialParams,
  start?: { coef: Float64Array; intercept: number },
): BinomialFit {
  const problem: Problem = { backend, X, n, d, y, weights: params.sampleWeight ?? new Float64Array(n).fill(1) };
  const scale = gradientScale(problem);
  let w: Float64Array = start ? Float64Array.from(start.coef) : new Float64Array(d);
  let b = start ? start.intercept : startingIntercept(problem, params.fitIntercept);
  let eta = linear(problem, w, b);
  let objective = objectiveAt(problem, eta, w, params);
  let kkt = kktResidual(problem, eta, w, params) / scale;
  const history: number[] = [];
  let nIter = 0;
  while (kkt > params.tol && nIter < params.maxIter) {
    const step = newtonStep(problem, eta, w, params);
    nIter++;
    // Backtracking along the step: the first of t = 1, 1/2, 1/4, ... that does not raise the objective (beyond rounding).
    let t = 1;
    let accepted = false;
    for (let halving = 0; halving <= MAX_HALVINGS && !accepted; halving++, t /= 2) {
      const trial = t === 1 ? step.w : Float64Array.from(w, (v, j) => v + t * (step.w[j] - v));
      const trialB = t === 1 ? step.b : b + t * (step.b - b);
      const trialEta = linear(problem, trial, trialB);
      const trialObjective = objectiveAt(problem, trialEta, trial, params);
      if (trialObjective <= objective + ROUNDING * Math.abs(objective)) {
        [w, b, eta, objective, accepted] = [trial, trialB, trialEta, trialObjective, true];
      }
    }
    history.push(objective);
    const previous = kkt;
    kkt = kktResidual(problem, eta, w, params) / scale;
    // No step lowers the objective and the residual stands still: rounding has the last word.
    if (!accepted && kkt >= previous) break;
  }
  return { coef: w, intercept: b, nIter, converged: kkt <= params.tol, objective, kkt, history: Float64Array.from(history) };
}
