// Penalized multinomial logistic regression in the symmetric parameterization of glmnet and scikit-learn (a weight
// vector and an intercept per class, each class's weights penalized) by glmnet's partial Newton (Friedman, Hastie &
// Tibshirani 2010, section 4): each outer iteration takes the classes in turn; for class k, the others held, the
// log-loss's quadratic approximation in (w_k, b_k) is the weighted least-squares problem with
//   h_i = s_i p_ik (1 - p_ik),  z_i = eta_ik + (y_ik - p_ik) / (p_ik (1 - p_ik)),
// solved by the elastic net's coordinate descent, and a line search along class k's step keeps the objective from
// rising (beyond rounding). The fit stops once the KKT residual over every class, relative to the gradient's scale
// at W = 0, is <= tol.

import type { Backend, F64Block } from "../backend.js";
import { weightedMean, type BinomialParams } from "./binomial-newton.js";
import { logSumExp } from "./link.js";
import {
  coefficientViolation, correlations, innerData, linear, MAX_HALVINGS, MIN_VARIANCE, notHigher, penalty, newtonStepSolve, type InnerData, type NewtonStepProblem,
} from "./newton-step.js";

export interface MultinomialFit {
  /** d x K, row-major: column k holds class k's weights. */
  coef: Float64Array;
  /** K intercepts (determined up to a common constant: only their differences matter). */
  intercepts: Float64Array;
  /** Outer iterations run (each a Newton step per class). */
  nIter: number;
  converged: boolean;
  objective: number;
  /** The relative KKT residual at the returned weights. */
  kkt: number;
  /** The objective after each outer iteration. */
  history: Float64Array;
}

/** The resident problem: X, row weights, and each row's class (0 to K - 1). */
interface Problem extends NewtonStepProblem {
  labels: Int32Array;
  K: number;
}

/** Row i's softmax of eta (n x K, row-major) into p (K). */
function softmaxRow(eta: Float64Array, i: number, K: number, p: Float64Array): void {
  const logZ = logSumExp(eta, i * K, K);
  for (let k = 0; k < K; k++) p[k] = Math.exp(eta[i * K + k] - logZ);
}

/** (1/n) sum_i s_i (log sum_k e^eta_ik - eta_i,y_i) + sum_k lambda P(w_k). */
function objectiveAt({ n, K, labels, weights }: Problem, eta: Float64Array, W: Float64Array[], params: BinomialParams): number {
  let loss = 0;
  for (let i = 0; i < n; i++) loss += weights[i] * (logSumExp(eta, i * K, K) - eta[i * K + labels[i]]);
  return loss / n + W.reduce((s, w) => s + penalty(w, params.lambda, params.rho), 0);
}

/** s_i (p_ik - y_ik) for every row and class: the loss's gradient in eta, times n. */
function residuals({ n, K, labels, weights }: Problem, eta: Float64Array): Float64Array[] {
  const R = Array.from({ length: K }, () => new Float64Array(n));
  const p = new Float64Array(K);
  for (let i = 0; i < n; i++) {
    softmaxRow(eta, i, K, p);
    for (let k = 0; k < K; k++) R[k][i] = weights[i] * (p[k] - (labels[i] === k ? 1 : 0));
  }
  return R;
}

/** The largest violation of the optimality conditions over every class (see coefficientViolation). */
function kktResidual(problem: Problem, eta: Float64Array, W: Float64Array[], params: BinomialParams): number {
  const { n } = problem;
  let worst = 0;
  residuals(problem, eta).forEach((r, k) => {
    const g = correlations(problem, r).map((gj, j) => gj + params.lambda * (1 - params.rho) * W[k][j]);
    worst = Math.max(worst, coefficientViolation(g, W[k], params));
    if (params.fitIntercept) worst = Math.max(worst, Math.abs(r.reduce((s, v) => s + v, 0) / n));
  });
  return worst;
}

/** max over classes and features of |x_j^T s (y_k - mean y_k)| / n: the gradient's scale at W = 0. */
function gradientScale(problem: Problem): number {
  const { K, labels, weights } = problem;
  let largest = Number.MIN_VALUE;
  for (let k = 0; k < K; k++) {
    const indicator = Float64Array.from(labels, (label) => (label === k ? 1 : 0));
    const mean = weightedMean(indicator, weights);
    const g = correlations(problem, indicator.map((v, i) => weights[i] * (v - mean)));
    for (const v of g) largest = Math.max(largest, Math.abs(v));
  }
  return largest;
}

/** Writes class k's column of eta = X w_k + b_k. */
function setClass(problem: Problem, eta: Float64Array, k: number, w: Float64Array, b: number): void {
  const column = linear(problem, w, b);
  for (let i = 0; i < problem.n; i++) eta[i * problem.K + k] = column[i];
}

/**
 * Fits the penalized multinomial model to X (resident in `backend`, n x d row-major) and labels 0 to K - 1 (every
 * class present), from W = 0 and the intercepts of the class frequencies (centered), or from `start` (coef d x K).
 */
export function fitMultinomial(
  backend: Backend, X: F64Block, n: number, d: number, labels: Int32Array, K: number, params: BinomialParams,
  start?: { coef: Float64Array; intercepts: Float64Array }, inner?: InnerData,
): MultinomialFit {
  const weights = params.sampleWeight ?? new Float64Array(n).fill(1);
  if (!inner) {
    return backend.scope((scope) => fitMultinomial(backend, X, n, d, labels, K, params, start, innerData(scope, backend, X, n, d, weights)));
  }
  const problem: Problem = { backend, X, n, d, labels, K, weights, ...inner };
  const scale = gradientScale(problem);
  const W: Float64Array[] = Array.from({ length: K }, () => new Float64Array(d));
  const b = new Float64Array(K);
  if (start) {
    W.forEach((w, k) => w.forEach((_, j) => (w[j] = start.coef[j * K + k])));
    b.set(start.intercepts);
  } else if (params.fitIntercept) {
    const frequency = new Float64Array(K);
    labels.forEach((label, i) => (frequency[label] += problem.weights[i]));
    const logs = Array.from(frequency, Math.log);
    const mean = logs.reduce((s, v) => s + v, 0) / K;
    logs.forEach((v, k) => (b[k] = v - mean));
  }
  const eta = new Float64Array(n * K);
  for (let k = 0; k < K; k++) setClass(problem, eta, k, W[k], b[k]);
  let objective = objectiveAt(problem, eta, W, params);
  let kkt = kktResidual(problem, eta, W, params) / scale;
  const history: number[] = [];
  const p = new Float64Array(K);
  let nIter = 0;
  while (kkt > params.tol && nIter < params.maxIter) {
    nIter++;
    const before = objective;
    let moved = false;
    for (let k = 0; k < K; k++) {
      const h = new Float64Array(n);
      // h_i (z_i - eta_ik) = s_i (y_ik - p_ik): class k's weighted residual at the current point.
      const r = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        softmaxRow(eta, i, K, p);
        h[i] = problem.weights[i] * Math.max(p[k] * (1 - p[k]), MIN_VARIANCE);
        r[i] = problem.weights[i] * ((labels[i] === k ? 1 : 0) - p[k]);
      }
      const column = Float64Array.from({ length: n }, (_, i) => eta[i * K + k]);
      const step = newtonStepSolve(problem, column, h, r, W[k], b[k], params, params.tol * scale);
      const [w0, b0] = [W[k], b[k]];
      let t = 1;
      for (let halving = 0; halving <= MAX_HALVINGS; halving++, t /= 2) {
        const trial = t === 1 ? step.w : Float64Array.from(w0, (v, j) => v + t * (step.w[j] - v));
        const trialB = t === 1 ? step.b : b0 + t * (step.b - b0);
        setClass(problem, eta, k, trial, trialB);
        W[k] = trial;
        const trialObjective = objectiveAt(problem, eta, W, params);
        if (notHigher(trialObjective, objective)) {
          [b[k], objective, moved] = [trialB, trialObjective, true];
          break;
        }
        W[k] = w0;
        setClass(problem, eta, k, w0, b0);
      }
    }
    history.push(objective);
    const previous = kkt;
    kkt = kktResidual(problem, eta, W, params) / scale;
    // Neither the objective nor the residual moved: rounding has the last word.
    if (!(moved && objective < before) && kkt >= previous) break;
  }
  const coef = new Float64Array(d * K);
  W.forEach((w, k) => w.forEach((v, j) => (coef[j * K + k] = v)));
  return { coef, intercepts: b, nIter, converged: kkt <= params.tol, objective, kkt, history: Float64Array.from(history) };
}
