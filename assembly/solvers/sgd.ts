import { axpy } from "../kernels/axpy";
import { dot } from "../kernels/dot";
import { at } from "../kernels/lanes";

/** Optimizer codes of sgdEpoch. */
export const OPTIMIZER_SGD: i32 = 0;
export const OPTIMIZER_ADAM: i32 = 1;
export const OPTIMIZER_ADAMW: i32 = 2;

/**
 * One epoch of mini-batch training of (1/2n)||X w + b - y||^2 + lambda (rho ||w||_1 + (1 - rho)/2 ||w||^2) over
 * the rows listed in `order` (i32 row indices, count of them), in batches of batchSize. Parameters are packed
 * as theta = [w (cols), b], with gradient g = [X_B^T r_B / |B| + penalty gradient, mean(r_B)] (the bias is
 * never penalized, and stays 0 without fitIntercept; sign(0) = 0). The L2 part enters the gradient for "sgd" and "adam" and is decoupled weight
 * decay for "adamw" (Loshchilov & Hutter). With an L1 part, the seed's rule makes zeros exact and stable: a
 * step that carries a weight across zero stops at exactly 0, and a weight at 0 stays there while the batch's
 * data gradient is within lambda rho of 0.
 * state = [t] (Adam's step count, updated); m, v (cols + 1) are Adam's moments; g (cols + 1) and r (batchSize)
 * are scratch. Returns the mean squared residual / 2 over the epoch's batches (before each step).
 */
export function sgdEpoch(
  X: usize, cols: i32, y: usize, order: usize, count: i32, batchSize: i32,
  theta: usize, optimizer: i32, lr: f64, beta1: f64, beta2: f64, eps: f64, lambda: f64, rho: f64, fitIntercept: bool,
  m: usize, v: usize, g: usize, r: usize, state: usize,
): f64 {
  const last = fitIntercept ? cols : cols - 1;
  const rowBytes = (<usize>cols) << 3;
  const l1 = lambda * rho;
  const l2 = lambda * (1.0 - rho);
  const coupledL2 = optimizer == OPTIMIZER_ADAMW ? 0.0 : l2;
  const decay = optimizer == OPTIMIZER_ADAMW ? l2 : 0.0;
  let t = load<f64>(state);
  let lossSum = 0.0;
  for (let start = 0; start < count; start += batchSize) {
    const size = min(batchSize, count - start);
    memory.fill(g, 0, (<usize>(cols + 1)) << 3);
    const b = load<f64>(at(theta, cols));
    for (let k = 0; k < size; k++) {
      const row = load<i32>(order + ((<usize>(start + k)) << 2));
      const xi = X + <usize>row * rowBytes;
      const ri = dot(xi, theta, cols) + b - load<f64>(at(y, row));
      store<f64>(at(r, k), ri);
      lossSum += ri * ri;
      axpy(ri, xi, g, cols);
      store<f64>(at(g, cols), load<f64>(at(g, cols)) + ri);
    }
    const inverse = 1.0 / <f64>size;
    for (let j = 0; j < cols; j++) {
      const wj = load<f64>(at(theta, j));
      const sign = (wj > 0 ? 1.0 : 0.0) - (wj < 0 ? 1.0 : 0.0);
      store<f64>(at(g, j), load<f64>(at(g, j)) * inverse + l1 * sign + coupledL2 * wj);
    }
    store<f64>(at(g, cols), load<f64>(at(g, cols)) * inverse);
    t += 1.0;
    const c1 = 1.0 - Math.pow(beta1, t);
    const c2 = 1.0 - Math.pow(beta2, t);
    for (let j = 0; j <= last; j++) {
      const old = load<f64>(at(theta, j));
      const gj = load<f64>(at(g, j));
      let step: f64;
      if (optimizer == OPTIMIZER_SGD) step = gj;
      else {
        const mj = beta1 * load<f64>(at(m, j)) + (1.0 - beta1) * gj;
        const vj = beta2 * load<f64>(at(v, j)) + (1.0 - beta2) * gj * gj;
        store<f64>(at(m, j), mj);
        store<f64>(at(v, j), vj);
        step = mj / c1 / (Math.sqrt(vj / c2) + eps);
      }
      let next = old - lr * (step + (j < cols ? decay * old : 0.0));
      if (j < cols && l1 > 0 && ((old > 0 && next < 0) || (old < 0 && next > 0) || (old == 0 && abs<f64>(gj) <= l1))) next = 0.0;
      store<f64>(at(theta, j), next);
    }
  }
  store<f64>(state, t);
  return lossSum / (2.0 * <f64>max(count, 1));
}
