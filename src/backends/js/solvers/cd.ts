// Coordinate descent for the elastic net, the twin of assembly/solvers/cd.ts (see there for the method): the
// penalty comes as lambda and rho, the weights of the unscaled objective alpha and beta (penaltyWeights).

import type { CdParams, IterativeResult } from "../../contract.js";
import { mulberry32 } from "../../random.js";
import { dot } from "../kernels/dot.js";
import { sumAbs, sumSquares } from "../kernels/sums.js";
import { dualNorms, elasticNetGap, penaltyWeights, weighted } from "./duality-gap.js";
import { randomIndex } from "./random.js";
import {
  chooseWorkingSet, epochsEnd, firstSetSize, INNER_GAP_RATIO, movableCount, nextSetSize, safeSphere, testsGap,
} from "./working-set.js";

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

/** The largest working set covariance mode packs (see assembly/solvers/cd.ts). */
const MAX_PACKED = 512;

/** h = q - G w over every coordinate (d x d G). */
function residuals(G: Float64Array, q: Float64Array, w: Float64Array, d: number, h: Float64Array): void {
  for (let j = 0; j < d; j++) h[j] = q[j] - dot(G, w, d, j * d);
}

/** The duality gap at w from q and h = q - G w (m coordinates), with max_j |h_j - beta w_j| (its dual point's scale). */
function gramGap(
  q: Float64Array, h: Float64Array, w: Float64Array, m: number, yy: number, alpha: number, beta: number, positive: boolean,
): [gap: number, xtaMax: number] {
  // ||r||^2 = yy - 2 w.q + w.G w = yy - w.q - w.h, since G w = q - h.
  const wq = dot(w, q, m);
  const [xtaMax, xtr2] = dualNorms(h, w, beta, positive);
  return [elasticNetGap(yy - wq - dot(w, h, m), yy - wq, xtaMax, xtr2, sumAbs(w, m), sumSquares(w, m), alpha, beta), xtaMax];
}

/**
 * Covariance mode on G = X^T X, q = X^T y, yy = ||y||^2, keeping h = q - G w; with an L1 part on packed working
 * sets (see assembly/solvers/cd.ts).
 */
export function cdGram(
  G: Float64Array, q: Float64Array, yy: number, d: number, n: number, params: CdParams, w: Float64Array,
  history: Float64Array | null,
): IterativeResult {
  const [alpha, beta] = penaltyWeights(n, params);
  const { maxIter, tol, positive } = params;
  const h = new Float64Array(d);
  residuals(G, q, w, d, h);
  const diag = Float64Array.from({ length: d }, (_, j) => G[j * d + j]);
  const movable = movableCount(w, diag);
  const pick = order(params);
  const result = { nIter: 0, gap: Number.NaN, converged: false };
  /**
   * Epochs on a problem (g m x m, b, r = b - g v, v) until maxIter or: the whole problem's gap meets tol
   * (complete), or a set's falls to target.
   */
  const epochsOn = (g: Float64Array, b: Float64Array, r: Float64Array, v: Float64Array, m: number, complete: boolean, target: number) => {
    let inner = 0;
    while (result.nIter < maxIter) {
      let wMax = 0;
      let dwMax = 0;
      for (let f = 0; f < m; f++) {
        const j = pick(f, m);
        const norm = g[j * m + j];
        if (norm === 0) continue;
        const wj = v[j];
        const next = coordinate(r[j] + norm * wj, norm, alpha, beta, positive);
        if (next !== wj) {
          const delta = wj - next;
          for (let l = 0; l < m; l++) r[l] += delta * g[j * m + l];
          v[j] = next;
        }
        dwMax = Math.max(dwMax, Math.abs(next - wj));
        wMax = Math.max(wMax, Math.abs(next));
      }
      result.nIter++;
      inner++;
      const wq = dot(v, b, m);
      const rNorm2 = yy - wq - dot(v, r, m);
      const [l1, w2] = [sumAbs(v, m), sumSquares(v, m)];
      if (history && result.nIter <= history.length) history[result.nIter - 1] = (0.5 * rNorm2 + weighted(alpha, l1) + 0.5 * weighted(beta, w2)) / n;
      const settled = wMax === 0 || dwMax <= tol * wMax;
      if (testsGap(settled, result.nIter, maxIter, complete, inner)) {
        const [xtaMax, xtr2] = dualNorms(r, v, beta, positive);
        const gap = elasticNetGap(rNorm2, yy - wq, xtaMax, xtr2, l1, w2, alpha, beta);
        const done = epochsEnd(gap, complete, settled, tol, yy, target);
        if (complete) [result.gap, result.converged] = [gap, done];
        if (done) return;
      }
    }
  };
  let [fullGap, xtaMax] = gramGap(q, h, w, d, yy, alpha, beta, positive);
  let size = firstSetSize(alpha, penaltyWeights(n, { ...params, lambda: params.lambdaPrev })[0], h, w, diag, d, positive);
  for (;;) {
    const ws = chooseWorkingSet(h, w, diag, alpha, positive, size, safeSphere(fullGap, xtaMax, alpha, beta, yy));
    const m = ws.length;
    if (m === movable || 2 * m > d || m > MAX_PACKED) {
      epochsOn(G, q, h, w, d, true, 0);
      break;
    }
    // The set's problem: G_WW, q_W, h_W (= q_W - G_WW w_W: w is 0 off the set) and w_W.
    const packedG = new Float64Array(m * m);
    ws.forEach((j, a) => ws.forEach((l, b) => (packedG[a * m + b] = G[j * d + l])));
    const [packedQ, packedH, packedW] = [q, h, w].map((v) => Float64Array.from(ws, (j) => v[j]));
    epochsOn(packedG, packedQ, packedH, packedW, m, false, Math.max(tol * yy, INNER_GAP_RATIO * fullGap));
    ws.forEach((j, a) => (w[j] = packedW[a]));
    residuals(G, q, w, d, h);
    [result.gap, xtaMax] = gramGap(q, h, w, d, yy, alpha, beta, positive);
    result.converged = result.gap <= tol * yy;
    if (result.converged || result.nIter >= maxIter) break;
    fullGap = result.gap;
    size = nextSetSize(w, d, size);
  }
  return { nIter: result.nIter, dualGap: result.gap / n, converged: result.converged };
}

/**
 * A covariance-mode path (see the core's cdGramPath): cdGram at each lambda from the previous fit's w, the first from
 * 0; fit i's w to row i of W (count x d), its [epochs, gap / n, converged] to row i of results (count x 3).
 */
export function cdGramPath(
  G: Float64Array, q: Float64Array, yy: number, d: number, n: number, lambdas: Float64Array, params: CdParams,
  W: Float64Array, results: Float64Array,
): void {
  const w = new Float64Array(d);
  lambdas.forEach((lambda, i) => {
    const { nIter, dualGap, converged } = cdGram(G, q, yy, d, n, { ...params, lambda, lambdaPrev: i > 0 ? lambdas[i - 1] : Number.NaN }, w, null);
    W.set(w, i * d);
    results.set([nIter, dualGap, converged ? 1 : 0], 3 * i);
  });
}

/** The squared column norms and X^T (y - X w) that a path carries from one fit to the next (see cdResidual). */
export interface ResidualState {
  norms: Float64Array;
  g: Float64Array;
  /** Bit 0: norms hold the squared column norms; bit 1: g holds X^T (y - X w) at the start w. */
  known: number;
}


/**
 * Residual mode on the columns of X (Xt, d x n), keeping r = y - X w (written to r), with an L1 part on working
 * sets grown from the coordinates closest to entering (see assembly/solvers/cd.ts). On return state.norms and
 * state.g hold the squared column norms and X^T r of the returned w.
 */
export function cdResidual(
  Xt: Float64Array, n: number, d: number, y: Float64Array, params: CdParams, w: Float64Array, r: Float64Array,
  state: ResidualState, history: Float64Array | null,
): IterativeResult {
  const [alpha, beta] = penaltyWeights(n, params);
  const { norms, g, known } = state;
  const { maxIter, tol, positive } = params;
  const column = (j: number) => Xt.subarray(j * n, (j + 1) * n);
  r.set(y.subarray(0, n));
  for (let j = 0; j < d; j++) {
    if ((known & 1) === 0) norms[j] = sumSquares(column(j));
    if (w[j] !== 0) for (let i = 0; i < n; i++) r[i] -= w[j] * Xt[j * n + i];
  }
  const correlate = (j: number) => (g[j] = dot(Xt, r, n, j * n));
  if ((known & 2) === 0) for (let j = 0; j < d; j++) correlate(j);
  const yy = sumSquares(y.subarray(0, n));
  const movable = movableCount(w, norms);
  /** The full duality gap and max_j |g_j - beta w_j|. */
  const fullGap = (): [gap: number, xtaMax: number] => {
    const [xtaMax, xtr2] = dualNorms(g, w, beta, positive);
    return [elasticNetGap(sumSquares(r), dot(r, y, n), xtaMax, xtr2, sumAbs(w), sumSquares(w), alpha, beta), xtaMax];
  };
  const pick = order(params);
  let [gapBound, xtaMax] = fullGap();
  let size = firstSetSize(alpha, penaltyWeights(n, { ...params, lambda: params.lambdaPrev })[0], g, w, norms, d, positive);
  let gap = Number.NaN;
  let epochs = 0;
  let converged = false;
  for (;;) {
    const ws = chooseWorkingSet(g, w, norms, alpha, positive, size, safeSphere(gapBound, xtaMax, alpha, beta, yy));
    const m = ws.length;
    const complete = m === movable;
    const target = Math.max(tol * yy, INNER_GAP_RATIO * gapBound);
    let inner = 0;
    while (epochs < maxIter) {
      let wMax = 0;
      let dwMax = 0;
      // A changed coordinate's r -= x_j delta waits to share its pass over r with the next coordinate's x^T r.
      let pending = 0;
      let delta = 0;
      for (let f = 0; f < m; f++) {
        const j = ws[pick(f, m)];
        if (norms[j] === 0) continue;
        const wj = w[j];
        const correlation = delta !== 0 ? axpyDot(delta, Xt, pending * n, r, j * n, n) : dot(Xt, r, n, j * n);
        delta = 0;
        const next = coordinate(correlation + norms[j] * wj, norms[j], alpha, beta, positive);
        if (next !== wj) {
          delta = wj - next;
          pending = j;
          w[j] = next;
        }
        dwMax = Math.max(dwMax, Math.abs(next - wj));
        wMax = Math.max(wMax, Math.abs(next));
      }
      if (delta !== 0) for (let i = 0; i < n; i++) r[i] += delta * Xt[pending * n + i];
      epochs++;
      inner++;
      const rNorm2 = sumSquares(r);
      let l1 = 0;
      let w2 = 0;
      for (const j of ws) {
        l1 += Math.abs(w[j]);
        w2 += w[j] * w[j];
      }
      if (history && epochs <= history.length) history[epochs - 1] = (0.5 * rNorm2 + weighted(alpha, l1) + 0.5 * weighted(beta, w2)) / n;
      const settled = wMax === 0 || dwMax <= tol * wMax;
      if (testsGap(settled, epochs, maxIter, complete, inner)) {
        ws.forEach(correlate);
        const [xtaMax, xtr2] = dualNorms(g, w, beta, positive, ws);
        const setGap = elasticNetGap(rNorm2, dot(r, y, n), xtaMax, xtr2, l1, w2, alpha, beta);
        const done = epochsEnd(setGap, complete, settled, tol, yy, target);
        if (complete) [gap, converged] = [setGap, done];
        if (done) break;
      }
    }
    if (complete) break;
    for (let j = 0; j < d; j++) correlate(j);
    [gap, xtaMax] = fullGap();
    converged = gap <= tol * yy;
    if (converged || epochs >= maxIter) break;
    gapBound = gap;
    size = nextSetSize(w, d, size);
  }
  return { nIter: epochs, dualGap: gap / n, converged };
}

/**
 * r += delta x (X's column from xOffset), then z . r of the updated r (z from zOffset of X) in one pass, with
 * dot()'s four partial sums.
 */
function axpyDot(delta: number, X: Float64Array, xOffset: number, r: Float64Array, zOffset: number, n: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const r0 = (r[i] += delta * X[xOffset + i]);
    const r1 = (r[i + 1] += delta * X[xOffset + i + 1]);
    const r2 = (r[i + 2] += delta * X[xOffset + i + 2]);
    const r3 = (r[i + 3] += delta * X[xOffset + i + 3]);
    s0 += X[zOffset + i] * r0;
    s1 += X[zOffset + i + 1] * r1;
    s2 += X[zOffset + i + 2] * r2;
    s3 += X[zOffset + i + 3] * r3;
  }
  for (; i < n; i++) s0 += X[zOffset + i] * (r[i] += delta * X[xOffset + i]);
  return s0 + s1 + (s2 + s3);
}
