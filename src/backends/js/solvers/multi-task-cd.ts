// Block coordinate descent for the multi-task elastic net, the twin of assembly/solvers/multi-task-cd.ts (with an
// L1 part on working sets of rows, as there).

import type { CdParams, IterativeResult } from "../../contract.js";
import { dot } from "../kernels/dot.js";
import { sumSquares } from "../kernels/sums.js";
import { elasticNetGap, penaltyWeights, weighted } from "./duality-gap.js";
import {
  chooseWorkingSet, epochsEnd, firstSetSize, INNER_GAP_RATIO, movableCount, nextSetSize, safeSphere, testsGap,
} from "./working-set.js";


/** Xt: d x n (columns of X); Yt: k x n (outputs); W: d x k, the start, written in place. */
export function cdMultiTask(
  Xt: Float64Array, n: number, d: number, Yt: Float64Array, k: number, params: CdParams, W: Float64Array,
  history: Float64Array | null,
): IterativeResult {
  const [alpha, beta] = penaltyWeights(n, params);
  const { maxIter, tol } = params;
  const Rt = Yt.slice(0, n * k);
  const norms = new Float64Array(d);
  const t = new Float64Array(k);
  const G = new Float64Array(d * k);
  const column = (j: number) => Xt.subarray(j * n, (j + 1) * n);
  const residual = (o: number) => Rt.subarray(o * n, (o + 1) * n);
  const row = (M: Float64Array, j: number) => M.subarray(j * k, (j + 1) * k);
  for (let j = 0; j < d; j++) {
    const xj = column(j);
    norms[j] = sumSquares(xj);
    for (let o = 0; o < k; o++) {
      const w = W[j * k + o];
      if (w !== 0) {
        const r = residual(o);
        for (let i = 0; i < n; i++) r[i] -= w * xj[i];
      }
    }
  }
  const yy = sumSquares(Yt.subarray(0, n * k));
  const rowNorms = (M: Float64Array) => Float64Array.from({ length: d }, (_, j) => Math.sqrt(sumSquares(row(M, j))));
  const correlateRow = (j: number) => {
    for (let o = 0; o < k; o++) G[j * k + o] = dot(column(j), residual(o), n);
  };
  /** The gap from G = X^T R over the rows listed (all when rows is null), and max ||G_j - beta W_j||: see the core's multiTaskGap. */
  const gapOver = (rows: Int32Array | null): [gap: number, dualNorm: number] => {
    let [dualNorm, xtr2, groupNorms, w2] = [0, 0, 0, 0];
    const count = rows ? rows.length : d;
    for (let f = 0; f < count; f++) {
      const j = rows ? rows[f] : f;
      let [s, rowSquares] = [0, 0];
      for (let o = 0; o < k; o++) {
        const [g, w] = [G[j * k + o], W[j * k + o]];
        const v = g - weighted(beta, w);
        s += v * v;
        xtr2 += g * g;
        rowSquares += w * w;
      }
      dualNorm = Math.max(dualNorm, Math.sqrt(s));
      groupNorms += Math.sqrt(rowSquares);
      w2 += rowSquares;
    }
    // The single-task gap with ||.||_1 -> sum_j ||W_j||_2 and max_j |.| -> max_j ||.||_2.
    return [elasticNetGap(sumSquares(Rt), dot(Rt, Yt, n * k), dualNorm, xtr2, groupNorms, w2, alpha, beta), dualNorm];
  };
  // Which rows are in the support: max_o |W_jo| (a norm of tiny entries could underflow to 0).
  const rowLargest = () => Float64Array.from({ length: d }, (_, j) => row(W, j).reduce((m, v) => Math.max(m, Math.abs(v)), 0));
  let rowW = rowLargest();
  const movable = movableCount(rowW, norms);
  for (let j = 0; j < d; j++) correlateRow(j);
  let [fullGap, dualNorm] = gapOver(null);
  let size = firstSetSize(alpha, Number.NaN, rowW, rowW, norms, d, false);
  let gap = Number.NaN;
  let epochs = 0;
  let converged = false;
  for (;;) {
    const ws = chooseWorkingSet(rowNorms(G), rowW, norms, alpha, false, size, safeSphere(fullGap, dualNorm, alpha, beta, yy));
    const complete = ws.length === movable;
    const target = Math.max(tol * yy, INNER_GAP_RATIO * fullGap);
    let inner = 0;
    while (epochs < maxIter) {
      let wMax = 0;
      let dwMax = 0;
      for (const j of ws) {
        if (norms[j] === 0) continue;
        const xj = column(j);
        let tNorm2 = 0;
        for (let o = 0; o < k; o++) {
          t[o] = dot(xj, residual(o), n) + norms[j] * W[j * k + o];
          tNorm2 += t[o] * t[o];
        }
        const tNorm = Math.sqrt(tNorm2);
        const scale = tNorm > alpha ? (1 - alpha / tNorm) / (norms[j] + beta) : 0;
        for (let o = 0; o < k; o++) {
          const old = W[j * k + o];
          const next = t[o] * scale;
          if (next !== old) {
            const r = residual(o);
            for (let i = 0; i < n; i++) r[i] += (old - next) * xj[i];
            W[j * k + o] = next;
          }
          dwMax = Math.max(dwMax, Math.abs(next - old));
          wMax = Math.max(wMax, Math.abs(next));
        }
      }
      epochs++;
      inner++;
      let [groupNorms, w2] = [0, 0];
      for (const j of ws) {
        const s = sumSquares(row(W, j));
        groupNorms += Math.sqrt(s);
        w2 += s;
      }
      if (history && epochs <= history.length) history[epochs - 1] = (0.5 * sumSquares(Rt) + weighted(alpha, groupNorms) + 0.5 * weighted(beta, w2)) / n;
      const settled = wMax === 0 || dwMax <= tol * wMax;
      if (testsGap(settled, epochs, maxIter, complete, inner)) {
        ws.forEach(correlateRow);
        const [setGap] = gapOver(ws);
        const done = epochsEnd(setGap, complete, settled, tol, yy, target);
        if (complete) [gap, converged] = [setGap, done];
        if (done) break;
      }
    }
    if (complete) break;
    for (let j = 0; j < d; j++) correlateRow(j);
    [gap, dualNorm] = gapOver(null);
    converged = gap <= tol * yy;
    if (converged || epochs >= maxIter) break;
    fullGap = gap;
    rowW = rowLargest();
    size = nextSetSize(rowW, d, size);
  }
  return { nIter: epochs, dualGap: gap / n, converged };
}
