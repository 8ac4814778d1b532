import { axpy } from "../kernels/axpy";
import { dot } from "../kernels/dot";
import { at } from "../kernels/lanes";
import { scal } from "../kernels/scal";
import { squaredLossGradient } from "../kernels/squared-loss-gradient";
import { sum } from "../kernels/sums";
import { elasticNetPenalty } from "../kernels/penalties";

/** Outcomes of gdFit, written to out[2]. */
export const GD_CONVERGED: i32 = 0;
export const GD_MAX_ITER: i32 = 1;
export const GD_DIVERGED: i32 = 2;

/**
 * The seed's gradient-descent loop for F(w, b) = (1/2n) ||X w + b - y||^2 + P(w), P the elastic-net penalty
 * (rho = 1 lasso, rho = 0 ridge). From w = 0, b = 0, each iteration: loss = data + penalty, appended to
 * history (for the first historyLength iterations); stop when |previous - loss| < tol, or at once when the loss is not finite;
 * then w -= learningRate (X^T r / n + dP/dw) by the rule of stepWeights, b -= learningRate mean(r) (the bias
 * is never penalized; it stays 0 when fitIntercept is false).
 * Writes w (cols) in place and out = [intercept, iterations run, outcome, last objective]; r (rows) and grad
 * (cols) are scratch.
 */
export function gdFit(
  X: usize, rows: i32, cols: i32, y: usize,
  lambda: f64, rho: f64, learningRate: f64, maxIter: i32, tol: f64, fitIntercept: bool,
  w: usize, r: usize, grad: usize, history: usize, historyLength: i32, out: usize,
): void {
  memory.fill(w, 0, (<usize>cols) << 3);
  let b = 0.0;
  let previous = Infinity;
  let outcome = GD_MAX_ITER;
  let iterations = 0;
  let loss = NaN;
  while (iterations < maxIter) {
    loss = squaredLossGradient(X, rows, cols, w, b, y, r, grad) + elasticNetPenalty(w, cols, lambda, rho);
    if (iterations < historyLength) store<f64>(at(history, iterations), loss);
    iterations++;
    if (!isFinite(loss)) {
      outcome = GD_DIVERGED;
      break;
    }
    if (abs<f64>(previous - loss) < tol) {
      outcome = GD_CONVERGED;
      break;
    }
    previous = loss;
    stepWeights(w, grad, cols, lambda, rho, learningRate);
    if (fitIntercept) b -= learningRate * (sum(r, rows) / <f64>rows);
  }
  store<f64>(out, b);
  store<f64>(out, <f64>iterations, 8);
  store<f64>(out, <f64>outcome, 16);
  store<f64>(out, loss, 24);
}

/**
 * w_j -= learningRate (g_j + lambda (rho sign(w_j) + (1 - rho) w_j)), g the data gradient, sign(0) = 0.
 * With an L1 part (lambda rho > 0), the seed's "clipped back": a step that would carry w_j across zero leaves it
 * at exactly 0, and a w_j at exactly 0 stays there while |g_j| <= lambda rho (0 is then a minimizer along
 * that coordinate: the subdifferential lambda rho [-1, 1] absorbs g_j).
 */
export function stepWeights(w: usize, grad: usize, n: i32, lambda: f64, rho: f64, learningRate: f64): void {
  const threshold = lambda * rho;
  const l1 = threshold > 0;
  for (let j = 0; j < n; j++) {
    const wj = load<f64>(at(w, j));
    const g = load<f64>(at(grad, j));
    if (l1 && wj == 0 && abs<f64>(g) <= threshold) continue;
    const sign = (wj > 0 ? 1.0 : 0.0) - (wj < 0 ? 1.0 : 0.0);
    let next = wj - learningRate * (g + lambda * (rho * sign + (1.0 - rho) * wj));
    if (l1 && ((wj > 0 && next < 0) || (wj < 0 && next > 0))) next = 0;
    store<f64>(at(w, j), next);
  }
}

/**
 * One stripe of rows of gdFit's pass, for threads: r = X w + b - y on its rows, and
 * part = [sum_i r_i x_i (cols values), sum_i r_i^2, sum_i r_i], unscaled. Stripes are independent.
 */
export function gdStripe(X: usize, rows: i32, cols: i32, w: usize, b: f64, y: usize, r: usize, part: usize): void {
  memory.fill(part, 0, (<usize>cols) << 3);
  const rowBytes = (<usize>cols) << 3;
  let xi = X;
  let squares = 0.0;
  let total = 0.0;
  for (let i = 0; i < rows; i++) {
    const ri = dot(xi, w, cols) + b - load<f64>(at(y, i));
    store<f64>(at(r, i), ri);
    squares += ri * ri;
    total += ri;
    axpy(ri, xi, part, cols);
    xi += rowBytes;
  }
  store<f64>(at(part, cols), squares);
  store<f64>(at(part, cols + 1), total);
}

/**
 * The pass of gdFit from `stripes` parts of gdStripe (each cols + 2 values, added in stripe order, so the sum does
 * not depend on which thread made which): grad = sum_i r_i x_i / n over all rows, out[0] = mean(r); returns the
 * objective (1/2n) ||r||^2 + P(w).
 */
export function gdGather(parts: usize, stripes: i32, rows: i32, cols: i32, w: usize, lambda: f64, rho: f64, grad: usize, out: usize): f64 {
  const partBytes = (<usize>(cols + 2)) << 3;
  memory.copy(grad, parts, (<usize>cols) << 3);
  let squares = load<f64>(at(parts, cols));
  let total = load<f64>(at(parts, cols + 1));
  for (let s = 1; s < stripes; s++) {
    const part = parts + <usize>s * partBytes;
    axpy(1.0, part, grad, cols);
    squares += load<f64>(at(part, cols));
    total += load<f64>(at(part, cols + 1));
  }
  scal(1.0 / <f64>rows, grad, cols);
  store<f64>(out, total / <f64>rows);
  return squares / (2.0 * <f64>rows) + elasticNetPenalty(w, cols, lambda, rho);
}
