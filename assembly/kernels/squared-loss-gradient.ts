import { axpy } from "./axpy";
import { dot } from "./dot";
import { at } from "./lanes";
import { scal } from "./scal";

/**
 * One pass over the rows of a row-major X (rows x cols) that computes, for weights w and bias b,
 * the residual r = X w + b - y, the gradient grad = X^T r / n, and returns the loss (1/2n) ||r||^2.
 * Each row is read once from memory: its dot with w gives r_i, then r_i * x_i is added to grad
 * while the row is still in cache.
 */
export function squaredLossGradient(
  X: usize, rows: i32, cols: i32, w: usize, b: f64, y: usize, r: usize, grad: usize,
): f64 {
  memory.fill(grad, 0, (<usize>cols) << 3);
  const rowBytes = (<usize>cols) << 3;
  let xi = X;
  let sumSq = 0.0;
  for (let i = 0; i < rows; i++) {
    const ri = dot(xi, w, cols) + b - load<f64>(at(y, i));
    store<f64>(at(r, i), ri);
    sumSq += ri * ri;
    axpy(ri, xi, grad, cols);
    xi += rowBytes;
  }
  scal(1.0 / <f64>rows, grad, cols);
  return sumSq / (2.0 * <f64>rows);
}
