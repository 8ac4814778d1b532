// Coordinate descent for the elastic net, the twin of assembly/solvers/cd.ts (see there for the method): the
// penalty comes as lambda and rho, the weights of the unscaled objective alpha and beta (penaltyWeights).

import type { CdParams, IterativeResult } from "../../contract.js";
import { mulberry32 } from "../../random.js";
import { dot } from "../kernels/dot.js";
import { sumAbs, sumSquares } from "../kernels/sums.js";
import { dualNorms, elasticNetGap, penaltyWeights, weighted } from "./duality-gap.js";
import { randomIndex } from "./random.js";

function coordinate(z: number, norm: number, alpha: number, beta: number, positive: boolean): number {
  if (positive && z < 0) return 0;
  return (Math.max(z - alpha, 0) + Math.min(z + alpha, 0)) / (norm + beta);
}

/** The coordinate order of one epoch: 0..d-1, or d random draws. */
function order(params: CdParams): (f: number, d: number) => number {
  if (params.selection === "cyclic") return (f) => f;
  const next = mulberry32(params.seed);
  return (_, d) => randomIndex(next(), d);
}

/** The sweep of one epoch: update each coordinate (in order or drawn), return [max |w_j|, max change]. */
function sweeper(
  d: number, alpha: number, beta: number, params: CdParams, norms: (j: number) => number,
  z: (j: number, wj: number) => number, move: (j: number, delta: number) => void, w: Float64Array,
): () => [number, number] {
  const pick = order(params);
  const { positive } = params;
  return () => {
    let wMax = 0;
    let dwMax = 0;
    for (let f = 0; f < d; f++) {
      const j = pick(f, d);
      const norm = norms(j);
      if (norm === 0) continue;
      const wj = w[j];
      const next = coordinate(z(j, wj), norm, alpha, beta, positive);
      if (next !== wj) {
        move(j, wj - next);
        w[j] = next;
      }
      dwMax = Math.max(dwMax, Math.abs(next - wj));
      wMax = Math.max(wMax, Math.abs(next));
    }
    return [wMax, dwMax];
  };
}

/** What a mode reports after a sweep: ||R||^2, the L1 (or group) norm and ||w||^2. */
export interface EpochMeasure {
  rNorm2: number;
  l1: number;
  w2: number;
}

/** The dual side of the gap at the current weights: R.y, the dual norm of X^T R - beta w, ||X^T R||^2. */
export interface DualMeasure {
  rDotY: number;
  xtaMax: number;
  xtr2: number;
}

/**
 * The epoch loop of both modes here and of multi-task-cd.ts: sweep the coordinates, record the objective, and once
 * the largest weight change is small (or at the last epoch) test the duality gap.
 */
export function runEpochs(
  alpha: number,
  beta: number,
  params: { maxIter: number; tol: number },
  n: number,
  yy: number,
  history: Float64Array | null,
  sweep: () => [wMax: number, dwMax: number],
  measure: () => EpochMeasure,
  dual: () => DualMeasure,
): IterativeResult {
  const { maxIter, tol } = params;
  let gap = Number.NaN;
  let epochs = 0;
  let converged = false;
  while (epochs < maxIter) {
    const [wMax, dwMax] = sweep();
    epochs++;
    const { rNorm2, l1, w2 } = measure();
    if (history && epochs <= history.length) history[epochs - 1] = (0.5 * rNorm2 + weighted(alpha, l1) + 0.5 * weighted(beta, w2)) / n;
    if (wMax === 0 || dwMax <= tol * wMax || epochs === maxIter) {
      const { rDotY, xtaMax, xtr2 } = dual();
      gap = elasticNetGap(rNorm2, rDotY, xtaMax, xtr2, l1, w2, alpha, beta);
      converged = Number.isNaN(gap) ? dwMax <= tol * wMax : gap <= tol * yy;
      if (converged) break;
    }
  }
  return { nIter: epochs, dualGap: gap / n, converged };
}

/** Covariance mode on G = X^T X, q = X^T y, yy = ||y||^2, keeping h = q - G w. */
export function cdGram(
  G: Float64Array, q: Float64Array, yy: number, d: number, n: number, params: CdParams, w: Float64Array,
  history: Float64Array | null,
): IterativeResult {
  const [alpha, beta] = penaltyWeights(n, params);
  const h = new Float64Array(d);
  for (let j = 0; j < d; j++) h[j] = q[j] - dot(G, w, d, j * d);
  const sweep = sweeper(d, alpha, beta, params, (j) => G[j * d + j], (j, wj) => h[j] + G[j * d + j] * wj, (j, delta) => {
    for (let l = 0; l < d; l++) h[l] += delta * G[j * d + l];
  }, w);
  // ||r||^2 = yy - 2 w.q + w.G w = yy - w.q - w.h, since G w = q - h; X^T r = h.
  const measure = () => ({ rNorm2: yy - dot(w, q, d) - dot(w, h, d), l1: sumAbs(w), w2: sumSquares(w) });
  const dual = () => {
    const [xtaMax, xtr2] = dualNorms(h, w, beta, params.positive);
    return { rDotY: yy - dot(w, q, d), xtaMax, xtr2 };
  };
  return runEpochs(alpha, beta, params, n, yy, history, sweep, measure, dual);
}

/** Residual mode on the columns of X (Xt, d x n), keeping r = y - X w (written to r). */
export function cdResidual(
  Xt: Float64Array, n: number, d: number, y: Float64Array, params: CdParams, w: Float64Array, r: Float64Array,
  history: Float64Array | null,
): IterativeResult {
  const [alpha, beta] = penaltyWeights(n, params);
  const norms = new Float64Array(d);
  r.set(y.subarray(0, n));
  for (let j = 0; j < d; j++) {
    const offset = j * n;
    for (let i = 0; i < n; i++) norms[j] += Xt[offset + i] * Xt[offset + i];
    if (w[j] !== 0) for (let i = 0; i < n; i++) r[i] -= w[j] * Xt[offset + i];
  }
  const yy = sumSquares(y);
  const sweep = sweeper(d, alpha, beta, params, (j) => norms[j], (j, wj) => dot(Xt, r, n, j * n) + norms[j] * wj, (j, delta) => {
    for (let i = 0; i < n; i++) r[i] += delta * Xt[j * n + i];
  }, w);
  const measure = () => ({ rNorm2: sumSquares(r), l1: sumAbs(w), w2: sumSquares(w) });
  const dual = () => {
    const g = Float64Array.from({ length: d }, (_, j) => dot(Xt, r, n, j * n));
    const [xtaMax, xtr2] = dualNorms(g, w, beta, params.positive);
    return { rDotY: dot(r, y, n), xtaMax, xtr2 };
  };
  return runEpochs(alpha, beta, params, n, yy, history, sweep, measure, dual);
}
