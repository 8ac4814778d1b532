// FISTA with restart, the twin of assembly/solvers/fista.ts.

import type { FistaParams, IterativeResult } from "../../contract.js";
import { dot } from "../kernels/dot.js";
import { squaredLossGradient } from "../kernels/squared-loss-gradient.js";
import { sumAbs, sumSquares } from "../kernels/sums.js";
import { dualNorms, elasticNetGap, penaltyWeights, weighted } from "./duality-gap.js";

/** A rise of the objective by less than this fraction is rounding, not a too-long step. */
const ROUNDING_MARGIN = 1e-9;

/** FISTA on centered row-major X and centered y from the start w (written in place). */
export function fista(
  X: Float64Array, rows: number, cols: number, y: Float64Array, params: FistaParams, w: Float64Array,
  history: Float64Array | null, groups?: { ids: Int32Array; count: number; weights: Float64Array },
): IterativeResult {
  const { lambda, rho, L, maxIter, tol, positive } = params;
  const n = rows;
  const l1 = lambda * rho;
  const l2 = lambda * (1 - rho);
  const [alpha, beta] = penaltyWeights(n, params);
  let step = 1 / L;
  const groupNorms = (v: Float64Array) => {
    const squares = new Float64Array(groups ? groups.count : 0);
    if (groups) for (let j = 0; j < cols; j++) squares[groups.ids[j]] += v[j] * v[j];
    return squares.map(Math.sqrt);
  };
  const weightedGroupNorms = (v: Float64Array) => groupNorms(v).reduce((s, norm, g) => s + (groups as { weights: Float64Array }).weights[g] * norm, 0);
  const penalty = (v: Float64Array) => l1 * (groups ? weightedGroupNorms(v) : sumAbs(v)) + 0.5 * l2 * sumSquares(v);
  const yy = sumSquares(y);
  const r = new Float64Array(rows);
  const gw = new Float64Array(cols);
  let objective = squaredLossGradient(X, rows, cols, w, 0, y, r, gw) + penalty(w);
  const z = w.slice();
  const gz = gw.slice();
  const wPrev = new Float64Array(cols);
  const gPrev = new Float64Array(cols);
  let t = 1;
  let plain = true;
  let gap = Number.NaN;
  let iterations = 0;
  let converged = false;
  while (iterations < maxIter) {
    wPrev.set(w);
    gPrev.set(gw);
    const threshold = step * l1;
    for (let j = 0; j < cols; j++) {
      const v = z[j] - step * (gz[j] + l2 * z[j]);
      w[j] = groups ? v : positive ? Math.max(v - threshold, 0) : Math.max(v - threshold, 0) + Math.min(v + threshold, 0);
    }
    if (groups) {
      // Block soft-thresholding: v_g max(1 - t weight_g / ||v_g||, 0).
      const scale = groupNorms(w).map((norm, g) => (norm > threshold * groups.weights[g] ? 1 - (threshold * groups.weights[g]) / norm : 0));
      for (let j = 0; j < cols; j++) w[j] *= scale[groups.ids[j]];
    }
    const next = squaredLossGradient(X, rows, cols, w, 0, y, r, gw) + penalty(w);
    if (history && iterations < history.length) history[iterations] = next;
    iterations++;
    // r = X w - y and gw = X^T r / n: the residual R = -r, X^T R = -n gw.
    const xtR = gw.map((g) => -n * g);
    let [xtaMax, xtr2] = dualNorms(xtR, w, beta, positive);
    if (groups) xtaMax = Math.max(...groupNorms(xtR.map((g, j) => g - weighted(beta, w[j]))).map((norm, g) => norm / groups.weights[g]));
    const sparse = groups ? weightedGroupNorms(w) : sumAbs(w);
    gap = elasticNetGap(sumSquares(r), -dot(r, y, rows), xtaMax, xtr2, sparse, sumSquares(w), alpha, beta);
    // Without a penalty there is no dual bound: stop when the weights settle, as CD does.
    converged = Number.isNaN(gap)
      ? Math.max(...Array.from(w, (v, j) => Math.abs(v - wPrev[j]))) <= tol * Math.max(...Array.from(w, Math.abs))
      : gap <= tol * yy;
    if (converged) break;
    if (next > objective) {
      if (plain && next > objective * (1 + ROUNDING_MARGIN)) {
        // No momentum in this step: only a step longer than 1/L can raise the objective beyond rounding.
        step *= 0.5;
        w.set(wPrev);
        gw.set(gPrev);
        continue;
      }
      t = 1;
      plain = true;
      z.set(w);
      gz.set(gw);
    } else {
      const tNext = 0.5 * (1 + Math.sqrt(1 + 4 * t * t));
      const momentum = (t - 1) / tNext;
      for (let j = 0; j < cols; j++) {
        z[j] = w[j] + momentum * (w[j] - wPrev[j]);
        gz[j] = gw[j] + momentum * (gw[j] - gPrev[j]);
      }
      t = tNext;
      plain = momentum === 0;
    }
    objective = next;
  }
  return { nIter: iterations, dualGap: gap / n, converged };
}
