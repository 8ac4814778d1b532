// Penalized binomial logistic regression by proximal Newton, glmnet's method (Friedman, Hastie & Tibshirani 2010,
// "Regularization Paths for Generalized Linear Models via Coordinate Descent", section 3). At (w, b) the mean
// log-loss is replaced by its quadratic approximation, a weighted least-squares problem
//   (1/2n) sum_i h_i (z_i - x_i w' - b')^2,  h_i = s_i p_i (1 - p_i),  z_i = eta_i + (y_i - p_i) / (p_i (1 - p_i)),
// which the elastic net's coordinate descent solves with the same penalty (covariance or residual mode, working sets,
// on either backend) from the current weights. A backtracking line search along the step keeps the objective from
// rising (beyond rounding). The fit stops once the optimality (KKT) residual, relative to the gradient's scale at w = 0, is <= tol.

import type { Backend, F64Block } from "../backend.js";
import {
  coefficientViolation, correlations, innerData, linear, MAX_HALVINGS, MIN_VARIANCE, notHigher, penalty, newtonStepSolve, type InnerData, type NewtonStepProblem,
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
  /** The returned weights' point (eta, log-loss, gradient), for a next fit that starts there. */
  point: BinomialPoint;
}

/** The resident problem a fit works on: X (n x d, row-major), row weights, and labels y in {0, 1}. */
interface Problem extends NewtonStepProblem {
  y: Float64Array;
}

/**
 * What a fit knows at a point (w, b), whatever the penalty: eta = X w + b, the mean log-loss (1/n) sum_i s_i loss_i,
 * and its gradient X^T s (p - y) / n and sum_i s_i (p_i - y_i) / n (the intercept's). A path's next fit starts
 * where the last one ended: it takes them over instead of computing them again.
 */
export interface BinomialPoint {
  eta: Float64Array;
  loss: number;
  gradient: Float64Array;
  interceptGradient: number;
}

/** The point (w, b) of the problem: eta, the log-loss and its gradient (one pass over X each way). */
function pointAt(problem: Problem, w: Float64Array, b: number): BinomialPoint {
  const eta = linear(problem, w, b);
  return { eta, loss: lossAt(problem, eta), ...gradientAt(problem, eta) };
}

/** The log-loss's gradient at eta: X^T s (p - y) / n and the intercept's sum_i s_i (p_i - y_i) / n. */
function gradientAt(problem: Problem, eta: Float64Array): Pick<BinomialPoint, "gradient" | "interceptGradient"> {
  const { n, y, weights } = problem;
  const r = Float64Array.from(eta, (t, i) => weights[i] * (sigmoid(t) - y[i]));
  return { gradient: correlations(problem, r), interceptGradient: r.reduce((s, v) => s + v, 0) / n };
}

/** The mean log-loss at eta. */
function lossAt({ n, y, weights }: Problem, eta: Float64Array): number {
  let loss = 0;
  for (let i = 0; i < n; i++) loss += weights[i] * logLoss(eta[i], y[i]);
  return loss / n;
}

/**
 * The largest violation of the optimality conditions at (w, b) from the log-loss's gradient there (see
 * coefficientViolation), with the intercept's gradient for a fitted intercept.
 */
function kktResidual(point: BinomialPoint, w: Float64Array, params: BinomialParams): number {
  const g = point.gradient.map((gj, j) => gj + params.lambda * (1 - params.rho) * w[j]);
  const worst = coefficientViolation(g, w, params);
  return params.fitIntercept ? Math.max(worst, Math.abs(point.interceptGradient)) : worst;
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
function newtonStep(
  problem: Problem, point: BinomialPoint, w: Float64Array, b: number, params: BinomialParams, kkt: number,
): { w: Float64Array; b: number } {
  const { eta } = point;
  const { n, y, weights } = problem;
  const h = new Float64Array(n);
  // h_i (z_i - eta_i) = s_i (y_i - p_i): the weighted residual at the current point.
  const r = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const p = sigmoid(eta[i]);
    h[i] = weights[i] * Math.max(p * (1 - p), MIN_VARIANCE);
    r[i] = weights[i] * (y[i] - p);
  }
  // X^T r / n with r = s (y - p): the log-loss's gradient at the point, negated.
  return newtonStepSolve(problem, eta, h, r, w, b, params, kkt, point.gradient.map((g) => -g));
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
  start?: { coef: Float64Array; intercept: number; point?: BinomialPoint }, inner?: InnerData,
): BinomialFit {
  const weights = params.sampleWeight ?? new Float64Array(n).fill(1);
  if (!inner) return backend.scope((scope) => fitBinomial(backend, X, n, d, y, params, start, innerData(scope, backend, X, n, d, weights)));
  const problem: Problem = { backend, X, n, d, y, weights, ...inner };
  // The same for every fit on these rows: kept in `inner` for the path's next fits.
  const scale = (inner.gradientScale ??= gradientScale(problem));
  let w: Float64Array = start ? Float64Array.from(start.coef) : new Float64Array(d);
  let b = start ? start.intercept : startingIntercept(problem, params.fitIntercept);
  let point = start?.point ?? pointAt(problem, w, b);
  let eta = point.eta;
  let objective = point.loss + penalty(w, params.lambda, params.rho);
  let kkt = kktResidual(point, w, params) / scale;
  const history: number[] = [];
  let nIter = 0;
  while (kkt > params.tol && nIter < params.maxIter) {
    const before = objective;
    // The inner loop as exact as the stop needs: the violation tol allows, in absolute terms.
    const step = newtonStep(problem, point, w, b, params, params.tol * scale);
    nIter++;
    // Backtracking along the step: the first of t = 1, 1/2, 1/4, ... that does not raise the objective (beyond rounding).
    let t = 1;
    let accepted = false;
    for (let halving = 0; halving <= MAX_HALVINGS && !accepted; halving++, t /= 2) {
      const trial = t === 1 ? step.w : Float64Array.from(w, (v, j) => v + t * (step.w[j] - v));
      const trialB = t === 1 ? step.b : b + t * (step.b - b);
      const trialEta = linear(problem, trial, trialB);
      const trialLoss = lossAt(problem, trialEta);
      const trialObjective = trialLoss + penalty(trial, params.lambda, params.rho);
      if (notHigher(trialObjective, objective)) {
        [w, b, eta, objective, accepted] = [trial, trialB, trialEta, trialObjective, true];
        point = { eta, loss: trialLoss, ...gradientAt(problem, eta) };
      }
    }
    history.push(objective);
    const previous = kkt;
    kkt = kktResidual(point, w, params) / scale;
    // Neither the objective nor the residual moved: rounding has the last word.
    if (!(accepted && objective < before) && kkt >= previous) break;
  }
  return { coef: w, intercept: b, nIter, converged: kkt <= params.tol, objective, kkt, history: Float64Array.from(history), point };
}
