// glmnet's inner coordinate descent of one logistic Newton step: the twin of assembly/solvers/logistic-cd.ts.

import type { LogisticCdParams } from "../../contract.js";
import { dot } from "../kernels/dot.js";

/** sum_i h_i x_i^2 over x = Xc[offset, offset + n), in the core's two lanes. */
function weightedSquares(Xc: Float64Array, offset: number, h: Float64Array, n: number): number {
  let [even, odd] = [0, 0];
  let i = 0;
  for (; i + 2 <= n; i += 2) {
    const [a, b] = [Xc[offset + i], Xc[offset + i + 1]];
    even += h[i] * (a * a);
    odd += h[i + 1] * (b * b);
  }
  let sum = even + odd;
  for (; i < n; i++) sum += h[i] * (Xc[offset + i] * Xc[offset + i]);
  return sum;
}

/**
 * Epochs over the coordinates in `set` (and the intercept) from w and b, carrying r in place; v_j computed where NaN;
 * between whole-set epochs, epochs over the nonzero weights only until they settle.
 * Returns the epochs run and the new intercept.
 */
export function logisticCd(
  Xc: Float64Array, rows: number, h: Float64Array, r: Float64Array, w: Float64Array, v: Float64Array, set: Int32Array,
  setSize: number, params: LogisticCdParams, b: number,
): { epochs: number; b: number } {
  const { lambda, rho, positive, fitIntercept, maxEpochs, tol } = params;
  const n = rows;
  const l1 = lambda * rho;
  const l2 = lambda * (1 - rho);
  let hsum = 0;
  for (let i = 0; i < rows; i++) hsum += h[i];
  let epochs = 0;
  let whole = true;
  while (epochs < maxEpochs) {
    epochs++;
    let largest = 0;
    for (let m = 0; m < setSize; m++) {
      const j = set[m];
      if (!whole && w[j] === 0) continue;
      const offset = j * rows;
      if (Number.isNaN(v[j])) v[j] = weightedSquares(Xc, offset, h, rows) / n;
      const vj = v[j];
      const denominator = vj + l2;
      if (!(denominator > 0)) continue;
      const u = dot(Xc, r, rows, offset) / n + vj * w[j];
      const shrunk = positive ? Math.max(u - l1, 0) : Math.max(u - l1, 0) + Math.min(u + l1, 0);
      const next = shrunk / denominator;
      if (next === w[j]) continue;
      const delta = next - w[j];
      w[j] = next;
      for (let i = 0; i < rows; i++) r[i] -= delta * (h[i] * Xc[offset + i]);
      largest = Math.max(largest, vj * delta * delta);
    }
    if (fitIntercept && hsum > 0) {
      let total = 0;
      for (let i = 0; i < rows; i++) total += r[i];
      const delta = total / hsum;
      if (delta !== 0) {
        b += delta;
        for (let i = 0; i < rows; i++) r[i] -= delta * h[i];
        largest = Math.max(largest, (hsum / n) * delta * delta);
      }
    }
    if (largest <= tol) {
      if (whole) break;
      whole = true;
    } else whole = false;
  }
  return { epochs, b };
}
