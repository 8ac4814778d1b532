// One epoch of mini-batch training, the twin of assembly/solvers/sgd.ts.

import type { SgdParams } from "../../contract.js";
import { dot } from "../kernels/dot.js";

export function sgdEpoch(
  X: Float64Array, cols: number, y: Float64Array, order: Int32Array, count: number, batchSize: number,
  theta: Float64Array, params: SgdParams, m: Float64Array, v: Float64Array, state: Float64Array,
): number {
  const { optimizer, lr, beta1, beta2, eps, lambda, rho, fitIntercept } = params;
  const last = fitIntercept ? cols : cols - 1;
  const l1 = lambda * rho;
  const l2 = lambda * (1 - rho);
  const coupledL2 = optimizer === "adamw" ? 0 : l2;
  const decay = optimizer === "adamw" ? l2 : 0;
  const g = new Float64Array(cols + 1);
  let t = state[0];
  let lossSum = 0;
  for (let start = 0; start < count; start += batchSize) {
    const size = Math.min(batchSize, count - start);
    g.fill(0);
    const b = theta[cols];
    for (let k = 0; k < size; k++) {
      const row = order[start + k];
      const offset = row * cols;
      const ri = dot(X, theta, cols, offset) + b - y[row];
      lossSum += ri * ri;
      for (let j = 0; j < cols; j++) g[j] += ri * X[offset + j];
      g[cols] += ri;
    }
    const inverse = 1 / size;
    for (let j = 0; j < cols; j++) {
      const wj = theta[j];
      const sign = (wj > 0 ? 1 : 0) - (wj < 0 ? 1 : 0);
      g[j] = g[j] * inverse + l1 * sign + coupledL2 * wj;
    }
    g[cols] *= inverse;
    t += 1;
    const c1 = 1 - beta1 ** t;
    const c2 = 1 - beta2 ** t;
    for (let j = 0; j <= last; j++) {
      const old = theta[j];
      let step = g[j];
      if (optimizer !== "sgd") {
        m[j] = beta1 * m[j] + (1 - beta1) * g[j];
        v[j] = beta2 * v[j] + (1 - beta2) * g[j] * g[j];
        step = m[j] / c1 / (Math.sqrt(v[j] / c2) + eps);
      }
      let next = old - lr * (step + (j < cols ? decay * old : 0));
      // At 0 the gradient is the data's alone (sign(0) = 0, L2 term 0): within lambda rho, 0 stays optimal.
      if (j < cols && l1 > 0 && ((old > 0 && next < 0) || (old < 0 && next > 0) || (old === 0 && Math.abs(g[j]) <= l1))) next = 0;
      theta[j] = next;
    }
  }
  state[0] = t;
  return lossSum / (2 * Math.max(count, 1));
}
