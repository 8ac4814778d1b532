// Block coordinate descent for the multi-task elastic net, the twin of assembly/solvers/multi-task-cd.ts.

import type { CdParams, IterativeResult } from "../../backend.js";
import { elasticNetGap } from "./duality-gap.js";
import { dot, sumSquares } from "./kernels.js";

/** Xt: d x n (columns of X); Yt: k x n (outputs); W: d x k, the start, written in place. */
export function cdMultiTask(
  Xt: Float64Array, n: number, d: number, Yt: Float64Array, k: number, params: CdParams, W: Float64Array,
  history: Float64Array | null,
): IterativeResult {
  const { alpha, beta, maxIter, tol } = params;
  const Rt = Yt.slice(0, n * k);
  const norms = new Float64Array(d);
  const t = new Float64Array(k);
  const column = (j: number) => Xt.subarray(j * n, (j + 1) * n);
  const residual = (o: number) => Rt.subarray(o * n, (o + 1) * n);
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
  let gap = Number.NaN;
  let epochs = 0;
  let converged = false;
  while (epochs < maxIter) {
    let wMax = 0;
    let dwMax = 0;
    for (let j = 0; j < d; j++) {
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
    const rNorm2 = sumSquares(Rt);
    let groupNorms = 0;
    for (let j = 0; j < d; j++) groupNorms += Math.sqrt(sumSquares(W.subarray(j * k, (j + 1) * k)));
    const w2 = sumSquares(W.subarray(0, d * k));
    if (history && epochs <= history.length) history[epochs - 1] = (0.5 * rNorm2 + alpha * groupNorms + 0.5 * beta * w2) / n;
    if (wMax === 0 || dwMax <= tol * wMax || epochs === maxIter) {
      let dualNorm = 0;
      let xtr2 = 0;
      for (let j = 0; j < d; j++) {
        let s = 0;
        for (let o = 0; o < k; o++) {
          const g = dot(column(j), residual(o), n);
          s += (g - beta * W[j * k + o]) ** 2;
          xtr2 += g * g;
        }
        dualNorm = Math.max(dualNorm, Math.sqrt(s));
      }
      gap = elasticNetGap(rNorm2, dot(Rt, Yt, n * k), dualNorm, xtr2, groupNorms, w2, alpha, beta);
      converged = Number.isNaN(gap) ? dwMax <= tol * wMax : gap <= tol * yy;
      if (converged) break;
    }
  }
  return { nIter: epochs, dualGap: gap / n, converged };
}
