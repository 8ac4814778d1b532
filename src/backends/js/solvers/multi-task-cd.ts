// Block coordinate descent for the multi-task elastic net, the twin of assembly/solvers/multi-task-cd.ts.

import type { CdParams, IterativeResult } from "../../contract.js";
import { dot } from "../kernels/dot.js";
import { sumSquares } from "../kernels/sums.js";
import { runEpochs } from "./cd.js";
import { penaltyWeights, weighted } from "./duality-gap.js";

/** Xt: d x n (columns of X); Yt: k x n (outputs); W: d x k, the start, written in place. */
export function cdMultiTask(
  Xt: Float64Array, n: number, d: number, Yt: Float64Array, k: number, params: CdParams, W: Float64Array,
  history: Float64Array | null,
): IterativeResult {
  const [alpha, beta] = penaltyWeights(n, params);
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
  const sweep = (): [number, number] => {
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
    return [wMax, dwMax];
  };
  // The single-task gap with ||.||_1 -> sum_j ||W_j||_2 and max_j |.| -> max_j ||.||_2.
  const measure = () => {
    let groupNorms = 0;
    for (let j = 0; j < d; j++) groupNorms += Math.sqrt(sumSquares(W.subarray(j * k, (j + 1) * k)));
    return { rNorm2: sumSquares(Rt), l1: groupNorms, w2: sumSquares(W.subarray(0, d * k)) };
  };
  const dual = () => {
    let xtaMax = 0;
    let xtr2 = 0;
    for (let j = 0; j < d; j++) {
      let s = 0;
      for (let o = 0; o < k; o++) {
        const g = dot(column(j), residual(o), n);
        s += (g - weighted(beta, W[j * k + o])) ** 2;
        xtr2 += g * g;
      }
      xtaMax = Math.max(xtaMax, Math.sqrt(s));
    }
    return { rDotY: dot(Rt, Yt, n * k), xtaMax, xtr2 };
  };
  return runEpochs(alpha, beta, params, n, yy, history, sweep, measure, dual);
}
