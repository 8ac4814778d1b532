// The seed's gradient-descent loop, the twin of assembly/solvers/gd.ts.

import type { GdOutcome, GdParams, GdResult } from "../../contract.js";
import { elasticNetPenalty, sign } from "../kernels/penalties.js";
import { squaredLossGradient } from "../kernels/squared-loss-gradient.js";
import { sum } from "../kernels/sums.js";

/**
 * From w = 0, b = 0: loss = (1/2n)||X w + b - y||^2 + P(w) appended to history; stop when |previous - loss|
 * < tol (or at once on a non-finite loss); w and b take a gradient step (see stepWeights). Writes w in place.
 */
export function gdFit(
  X: Float64Array, rows: number, cols: number, y: Float64Array, params: GdParams, w: Float64Array,
  history: Float64Array | null,
): GdResult {
  const { lambda, rho, learningRate, maxIter, tol, fitIntercept } = params;
  const r = new Float64Array(rows);
  const grad = new Float64Array(cols);
  w.fill(0, 0, cols);
  let b = 0;
  const pass = () => squaredLossGradient(X, rows, cols, w, b, y, r, grad) + elasticNetPenalty(w, lambda, rho);
  const step = () => {
    stepWeights(w, grad, lambda, rho, learningRate);
    if (fitIntercept) b -= learningRate * (sum(r) / rows);
  };
  const run = gdLoop(maxIter, tol, history, pass, step);
  return { intercept: b, ...run };
}

/**
 * The loop of gdFit around a pass (the objective at the current weights, leaving their gradient for the step) and
 * a step: the objective of each iteration to history; stop when |previous - loss| < tol, or at once on a
 * non-finite objective. The WASM backend runs it too, over stripes of rows on the core's threads.
 */
export function gdLoop(
  maxIter: number, tol: number, history: Float64Array | null, pass: () => number, step: () => void,
): { nIter: number; outcome: GdOutcome; loss: number } {
  let previous = Infinity;
  let outcome: GdOutcome = "maxIter";
  let nIter = 0;
  let loss = Number.NaN;
  while (nIter < maxIter) {
    loss = pass();
    if (history && nIter < history.length) history[nIter] = loss;
    nIter++;
    if (!Number.isFinite(loss)) {
      outcome = "diverged";
      break;
    }
    if (Math.abs(previous - loss) < tol) {
      outcome = "converged";
      break;
    }
    previous = loss;
    step();
  }
  return { nIter, outcome, loss };
}

/**
 * w_j -= learningRate (g_j + lambda (rho sign(w_j) + (1 - rho) w_j)). With an L1 part (lambda rho > 0), a step
 * that would carry w_j across zero leaves it at exactly 0, and a w_j at 0 stays while |g_j| <= lambda rho.
 */
export function stepWeights(w: Float64Array, grad: Float64Array, lambda: number, rho: number, learningRate: number): void {
  const threshold = lambda * rho;
  const l1 = threshold > 0;
  for (let j = 0; j < w.length; j++) {
    const wj = w[j];
    const g = grad[j];
    if (l1 && wj === 0 && Math.abs(g) <= threshold) continue;
    let next = wj - learningRate * (g + lambda * (rho * sign(wj) + (1 - rho) * wj));
    if (l1 && ((wj > 0 && next < 0) || (wj < 0 && next > 0))) next = 0;
    w[j] = next;
  }
}
