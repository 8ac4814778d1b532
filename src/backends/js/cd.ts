// Coordinate descent for the elastic net, the twin of assembly/solvers/cd.ts (see there for the method).

import type { CdParams, IterativeResult } from "../../backend.js";
import { dualNorms, elasticNetGap } from "./duality-gap.js";
import { dot, sumAbs, sumSquares } from "./kernels.js";
import { mulberry32, randomIndex } from "./random.js";

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

/** Covariance mode on G = X^T X, q = X^T y, yy = ||y||^2, keeping h = q - G w. */
export function cdGram(
  G: Float64Array, q: Float64Array, yy: number, d: number, n: number, params: CdParams, w: Float64Array,
  history: Float64Array | null,
): IterativeResult {
  const { alpha, beta, maxIter, tol, positive } = params;
  const pick = order(params);
  const h = new Float64Array(d);
  for (let j = 0; j < d; j++) h[j] = q[j] - dot(G, w, d, j * d);
  let gap = Number.NaN;
  let epochs = 0;
  let converged = false;
  while (epochs < maxIter) {
    let wMax = 0;
    let dwMax = 0;
    for (let f = 0; f < d; f++) {
      const j = pick(f, d);
      const norm = G[j * d + j];
      if (norm === 0) continue;
      const wj = w[j];
      const next = coordinate(h[j] + norm * wj, norm, alpha, beta, positive);
      if (next !== wj) {
        const delta = wj - next;
        for (let l = 0; l < d; l++) h[l] += delta * G[j * d + l];
        w[j] = next;
      }
      dwMax = Math.max(dwMax, Math.abs(next - wj));
      wMax = Math.max(wMax, Math.abs(next));
    }
    epochs++;
    const wq = dot(w, q, d);
    const rNorm2 = yy - wq - dot(w, h, d);
    const l1 = sumAbs(w);
    const w2 = sumSquares(w);
    if (history && epochs <= history.length) history[epochs - 1] = (0.5 * rNorm2 + alpha * l1 + 0.5 * beta * w2) / n;
    if (wMax === 0 || dwMax <= tol * wMax || epochs === maxIter) {
      const [xtaMax, xtr2] = dualNorms(h, w, beta, positive);
      gap = elasticNetGap(rNorm2, yy - wq, xtaMax, xtr2, l1, w2, alpha, beta);
      converged = Number.isNaN(gap) ? dwMax <= tol * wMax : gap <= tol * yy;
      if (converged) break;
    }
  }
  return { nIter: epochs, dualGap: gap / n, converged };
}

/** Residual mode on the columns of X (Xt, d x n), keeping r = y - X w (written to r). */
export function cdResidual(
  Xt: Float64Array, n: number, d: number, y: Float64Array, params: CdParams, w: Float64Array, r: Float64Array,
  history: Float64Array | null,
): IterativeResult {
  const { alpha, beta, maxIter, tol, positive } = params;
  const pick = order(params);
  const norms = new Float64Array(d);
  r.set(y.subarray(0, n));
  for (let j = 0; j < d; j++) {
    const offset = j * n;
    for (let i = 0; i < n; i++) norms[j] += Xt[offset + i] * Xt[offset + i];
    if (w[j] !== 0) for (let i = 0; i < n; i++) r[i] -= w[j] * Xt[offset + i];
  }
  const yy = sumSquares(y);
  let gap = Number.NaN;
  let epochs = 0;
  let converged = false;
  while (epochs < maxIter) {
    let wMax = 0;
    let dwMax = 0;
    for (let f = 0; f < d; f++) {
      const j = pick(f, d);
      const norm = norms[j];
      if (norm === 0) continue;
      const offset = j * n;
      const wj = w[j];
      const next = coordinate(dot(Xt, r, n, offset) + norm * wj, norm, alpha, beta, positive);
      if (next !== wj) {
        const delta = wj - next;
        for (let i = 0; i < n; i++) r[i] += delta * Xt[offset + i];
        w[j] = next;
      }
      dwMax = Math.max(dwMax, Math.abs(next - wj));
      wMax = Math.max(wMax, Math.abs(next));
    }
    epochs++;
    const rNorm2 = sumSquares(r);
    const l1 = sumAbs(w);
    const w2 = sumSquares(w);
    if (history && epochs <= history.length) history[epochs - 1] = (0.5 * rNorm2 + alpha * l1 + 0.5 * beta * w2) / n;
    if (wMax === 0 || dwMax <= tol * wMax || epochs === maxIter) {
      const g = Float64Array.from({ length: d }, (_, j) => dot(Xt, r, n, j * n));
      const [xtaMax, xtr2] = dualNorms(g, w, beta, positive);
      gap = elasticNetGap(rNorm2, dot(r, y, n), xtaMax, xtr2, l1, w2, alpha, beta);
      converged = Number.isNaN(gap) ? dwMax <= tol * wMax : gap <= tol * yy;
      if (converged) break;
    }
  }
  return { nIter: epochs, dualGap: gap / n, converged };
}
