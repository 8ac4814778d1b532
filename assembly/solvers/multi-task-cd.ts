import { axpy } from "../kernels/axpy";
import { dot } from "../kernels/dot";
import { at } from "../kernels/lanes";
import { sumSquares } from "../kernels/sums";
import { elasticNetGap, l1Weight, l2Weight, weighted } from "./duality-gap";

/**
 * Block coordinate descent for the multi-task elastic net (scikit-learn's enet_coordinate_descent_multi_task):
 * (1/2)||Y - X W||_F^2 + alpha sum_j ||W_j||_2 + (beta/2)||W||_F^2 on centered data, W d x k (row j = feature j
 * across the k outputs), alpha = n lambda rho, beta = n lambda (1 - rho) for the penalty
 * lambda (rho sum_j ||W_j||_2 + (1 - rho)/2 ||W||_F^2) on the objective divided by n. A feature's row is updated
 * as a block:
 *   t = X_j^T R + ||x_j||^2 W_j,   W_j <- t max(1 - alpha / ||t||, 0) / (||x_j||^2 + beta)
 * so a feature is kept or dropped for all outputs at once. Xt is X column-major (d x n), Yt and Rt are Y and
 * the residual Y - X W output-major (k x n). Stops as cd.ts does, on the duality gap with the row norms
 * max_j ||X_j^T R - beta W_j|| in place of max |.|. Writes W in place (its start), out = [epochs, gap / n, converged].
 */
export function cdMultiTask(
  Xt: usize, n: i32, d: i32, Yt: usize, k: i32, lambda: f64, rho: f64, maxIter: i32, tol: f64,
  W: usize, Rt: usize, norms: usize, t: usize, history: usize, historyLength: i32, out: usize,
): void {
  const alpha = l1Weight(<f64>n, lambda, rho);
  const beta = l2Weight(<f64>n, lambda, rho);
  const colBytes = (<usize>n) << 3;
  memory.copy(Rt, Yt, (<usize>k) * colBytes);
  for (let j = 0; j < d; j++) {
    const xj = Xt + <usize>j * colBytes;
    store<f64>(at(norms, j), sumSquares(xj, n));
    for (let o = 0; o < k; o++) {
      const w = load<f64>(at(W, j * k + o));
      if (w != 0) axpy(-w, xj, Rt + <usize>o * colBytes, n);
    }
  }
  const yy = sumSquares(Yt, n * k);
  let gap = NaN;
  let epochs = 0;
  let converged = false;
  while (epochs < maxIter) {
    let wMax = 0.0;
    let dwMax = 0.0;
    for (let j = 0; j < d; j++) {
      const norm = load<f64>(at(norms, j));
      if (norm == 0) continue;
      const xj = Xt + <usize>j * colBytes;
      let tNorm2 = 0.0;
      for (let o = 0; o < k; o++) {
        const v = dot(xj, Rt + <usize>o * colBytes, n) + norm * load<f64>(at(W, j * k + o));
        store<f64>(at(t, o), v);
        tNorm2 += v * v;
      }
      const tNorm = Math.sqrt(tNorm2);
      const scale = tNorm > alpha ? (1.0 - alpha / tNorm) / (norm + beta) : 0.0;
      for (let o = 0; o < k; o++) {
        const old = load<f64>(at(W, j * k + o));
        const next = load<f64>(at(t, o)) * scale;
        if (next != old) {
          axpy(old - next, xj, Rt + <usize>o * colBytes, n);
          store<f64>(at(W, j * k + o), next);
        }
        dwMax = max<f64>(dwMax, abs<f64>(next - old));
        wMax = max<f64>(wMax, abs<f64>(next));
      }
    }
    epochs++;
    const rNorm2 = sumSquares(Rt, n * k);
    let groupNorms = 0.0;
    for (let j = 0; j < d; j++) groupNorms += Math.sqrt(sumSquares(W + <usize>(j * k) * 8, k));
    const w2 = sumSquares(W, d * k);
    if (epochs <= historyLength) store<f64>(at(history, epochs - 1), (0.5 * rNorm2 + weighted(alpha, groupNorms) + 0.5 * weighted(beta, w2)) / <f64>n);
    if (wMax == 0 || dwMax <= tol * wMax || epochs == maxIter) {
      let dualNorm = 0.0;
      let xtr2 = 0.0;
      for (let j = 0; j < d; j++) {
        const xj = Xt + <usize>j * colBytes;
        let s = 0.0;
        for (let o = 0; o < k; o++) {
          const g = dot(xj, Rt + <usize>o * colBytes, n);
          const v = g - weighted(beta, load<f64>(at(W, j * k + o)));
          s += v * v;
          xtr2 += g * g;
        }
        dualNorm = max<f64>(dualNorm, Math.sqrt(s));
      }
      // The single-task gap with ||.||_1 -> sum_j ||W_j||_2 and max_j |.| -> max_j ||.||_2.
      gap = elasticNetGap(rNorm2, dot(Rt, Yt, n * k), dualNorm, xtr2, groupNorms, w2, alpha, beta);
      converged = isNaN(gap) ? dwMax <= tol * wMax : gap <= tol * yy;
      if (converged) break;
    }
  }
  store<f64>(out, <f64>epochs);
  store<f64>(out, gap / <f64>n, 8);
  store<f64>(out, converged ? 1.0 : 0.0, 16);
}
