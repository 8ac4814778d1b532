// Coordinate descent for the elastic net, the twin of assembly/solvers/cd.ts (see there for the method).

import type { CdParams, IterativeResult } from "../../backend.js";
import { runEpochs } from "./cd-epochs.js";
import { dualNorms } from "./duality-gap.js";
import { dot, sumAbs, sumSquares } from "./kernels.js";
import { mulberry32, randomIndex } from "./random.js";

function coordinate(z: number, norm: number, alpha: number, beta: number, positive: boolean): number {
  if (positive && z < 0) return 0;
  return (Math.max(z - alpha, 0) + Math.min(z + alpha, 0)) / (norm + beta);
}

/** The coordinate order of one epoch: 0..d-1, or d random draws. */
function order(params: CdParams & { alpha: number; beta: number }): (f: number, d: number) => number {
  if (params.selection === "cyclic") return (f) => f;
  const next = mulberry32(params.seed);
  return (_, d) => randomIndex(next(), d);
}

/** The sweep of one epoch: update each coordinate (in order or drawn), return [max |w_j|, max change]. */
function sweeper(
  d: number, params: CdParams & { alpha: number; beta: number }, norms: (j: number) => number, z: (j: number, wj: number) => number,
  move: (j: number, delta: number) => void, w: Float64Array,
): () => [number, number] {
  const pick = order(params);
  const { alpha, beta, positive } = params;
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

/** Covariance mode on G = X^T X, q = X^T y, yy = ||y||^2, keeping h = q - G w. */
export function cdGram(
  G: Float64Array, q: Float64Array, yy: number, d: number, n: number, params: CdParams & { alpha: number; beta: number }, w: Float64Array,
  history: Float64Array | null,
): IterativeResult {
  const h = new Float64Array(d);
  for (let j = 0; j < d; j++) h[j] = q[j] - dot(G, w, d, j * d);
  const sweep = sweeper(d, params, (j) => G[j * d + j], (j, wj) => h[j] + G[j * d + j] * wj, (j, delta) => {
    for (let l = 0; l < d; l++) h[l] += delta * G[j * d + l];
  }, w);
  // ||r||^2 = yy - 2 w.q + w.G w = yy - w.q - w.h, since G w = q - h; X^T r = h.
  const measure = () => ({ rNorm2: yy - dot(w, q, d) - dot(w, h, d), l1: sumAbs(w), w2: sumSquares(w) });
  const dual = () => {
    const [xtaMax, xtr2] = dualNorms(h, w, params.beta, params.positive);
    return { rDotY: yy - dot(w, q, d), xtaMax, xtr2 };
  };
  return runEpochs(params, n, yy, history, sweep, measure, dual);
}

/** Residual mode on the columns of X (Xt, d x n), keeping r = y - X w (written to r). */
export function cdResidual(
  Xt: Float64Array, n: number, d: number, y: Float64Array, params: CdParams & { alpha: number; beta: number }, w: Float64Array, r: Float64Array,
  history: Float64Array | null,
): IterativeResult {
  const norms = new Float64Array(d);
  r.set(y.subarray(0, n));
  for (let j = 0; j < d; j++) {
    const offset = j * n;
    for (let i = 0; i < n; i++) norms[j] += Xt[offset + i] * Xt[offset + i];
    if (w[j] !== 0) for (let i = 0; i < n; i++) r[i] -= w[j] * Xt[offset + i];
  }
  const yy = sumSquares(y);
  const sweep = sweeper(d, params, (j) => norms[j], (j, wj) => dot(Xt, r, n, j * n) + norms[j] * wj, (j, delta) => {
    for (let i = 0; i < n; i++) r[i] += delta * Xt[j * n + i];
  }, w);
  const measure = () => ({ rNorm2: sumSquares(r), l1: sumAbs(w), w2: sumSquares(w) });
  const dual = () => {
    const g = Float64Array.from({ length: d }, (_, j) => dot(Xt, r, n, j * n));
    const [xtaMax, xtr2] = dualNorms(g, w, params.beta, params.positive);
    return { rDotY: dot(r, y, n), xtaMax, xtr2 };
  };
  return runEpochs(params, n, yy, history, sweep, measure, dual);
}
