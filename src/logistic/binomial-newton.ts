// Penalized binomial logistic regression by proximal Newton, glmnet's method (Friedman, Hastie & Tibshirani 2010,
// "Regularization Paths for Generalized Linear Models via Coordinate Descent", section 3). At (w, b) the mean
// log-loss is replaced by its quadratic approximation, a weighted least-squares problem
//   (1/2n) sum_i h_i (z_i - x_i w' - b')^2,  h_i = s_i p_i (1 - p_i),  z_i = eta_i + (y_i - p_i) / (p_i (1 - p_i)),
// which the elastic net's coordinate descent solves with the same penalty (covariance or residual mode, working sets,
// on either backend) from the current weights. A backtracking line search along the step keeps the objective from
// rising (beyond rounding). The fit stops once the optimality (KKT) residual, relative to the gradient's scale at w = 0, is <= tol.

import type { Backend, F64Block } from "../backend.js";
import {
  coefficientViolation, correlations, linear, MAX_HALVINGS, MIN_VARIANCE, notHigher, penalty, weightedElasticNet, type NewtonProblem,
  type PenaltyParams,
} from "./newton-step.js";
import { logLoss, sigmoid } from "./link.js";

/** What a binomial fit takes: the penalty lambda (rho ||w||_1 + (1 - rho)/2 ||w||^2) and how to stop. */
export interface BinomialParams extends PenaltyParams {
  /** Newton iterations at most. */
  maxIter: number;
  /** Stop once the KKT residual / max_j |x_j^T (y - mean y)| / n is <= tol. */
  tol: number;
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

/** The resident problem a fit works on: X (n x d, row-major), row weights, and labels y in {0, 1}. */
interface Problem extends NewtonProblem {
  y: Float64Array;
}

/** The objective (1/n) sum_i s_i loss_i + lambda P(w) at eta = X w + b. */
function objectiveAt(problem: Problem, eta: Float64Array, w: Float64Array, params: BinomialParams): number {
  const { n, y, weights } = problem;
  let loss = 0;
  for (let i = 0; i < n; i++) loss += weights[i] * logLoss(eta[i], y[i]);
  return loss / n + penalty(w, params.lambda, params.rho);
}

/**
 * The largest violation of the optimality conditions at (w, b) with eta = X w + b (see coefficientViolation), with
 * |mean of s (p - y)| for a fitted intercept.
 */
function kktResidual(problem: Problem, eta: Float64Array, w: Float64Array, params: BinomialParams): number {
  const { n, y, weights } = problem;
  const r = Float64Array.from(eta, (t, i) => weights[i] * (sigmoid(t) - y[i]));
  const g = correlations(problem, r).map((gj, j) => gj + params.lambda * (1 - params.rho) * w[j]);
  const worst = coefficientViolation(g, w, params);
  return params.fitIntercept ? Math.max(worst, Math.abs(r.reduce((s, v) => s + v, 0) / n)) : worst;
}

/** max_j |x_j^T s (y - mean_s y)| / n: the gradient's scale at w = 0 (lambda_max times rho). */
function gradientScale(problem: Problem): number {
  const { y, weights } = problem;
  const mean = weightedMean(y, weights);
  const g = correlations(problem, Float64Array.from(y, (v, i) => weights[i] * (v - mean)));
  return Math.max(...Array.from(g, Math.abs), Number.MIN_VALUE);
}

/**
 * One Newton step's weighted elastic net: IRLS weights h and working response z at eta, solved by coordinate
 * descent from (w, b). Returns the minimizer (w', b') of the quadratic approximation plus the penalty.
 */
function newtonStep(problem: Problem, eta: Float64Array, w: Float64Array, params: BinomialParams): { w: Float64Array; b: number } {
  const { n, y, weights } = problem;
  const h = new Float64Array(n);
  const z = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const p = sigmoid(eta[i]);
    const variance = Math.max(p * (1 - p), MIN_VARIANCE);
    h[i] = weights[i] * variance;
    z[i] = eta[i] + (y[i] - p) / variance;
  }
  return weightedElasticNet(problem, h, z, w, params);
}

/** sum_i s_i v_i / sum_i s_i. */
export function weightedMean(v: ArrayLike<number>, weights: Float64Array): number {
  let [total, mass] = [0, 0];
  for (let i = 0; i < weights.length; i++) [total, mass] = [total + weights[i] * v[i], mass + weights[i]];
  return total / mass;
}

/** The starting intercept: the log-odds of the (weighted) mean label, or 0 without an intercept. */
function startingIntercept({ y, weights }: Problem, fitIntercept: boolean): number {
  if (!fitIntercept) return 0;
  const mean = weightedMean(y, weights);
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
    const before = objective;
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
      if (notHigher(trialObjective, objective)) {
        [w, b, eta, objective, accepted] = [trial, trialB, trialEta, trialObjective, true];
      }
    }
    history.push(objective);
    const previous = kkt;
    kkt = kktResidual(problem, eta, w, params) / scale;
    // Neither the objective nor the residual moved: rounding has the last word.
    if (!(accepted && objective < before) && kkt >= previous) break;
  }
  return { coef: w, intercept: b, nIter, converged: kkt <= params.tol, objective, kkt, history: Float64Array.from(history) };
}
