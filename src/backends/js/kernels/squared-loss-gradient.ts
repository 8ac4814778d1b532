import { dot } from "./dot.js";

/**
 * One pass over the rows of X: r = X w + b - y, grad = X^T r / rows; returns (1/2 rows) ||r||^2.
 */
export function squaredLossGradient(
  X: Float64Array, rows: number, cols: number, w: Float64Array, b: number, y: Float64Array,
  r: Float64Array, grad: Float64Array,
): number {
  grad.fill(0, 0, cols);
  let sumSq = 0;
  for (let i = 0, offset = 0; i < rows; i++, offset += cols) {
    const ri = dot(X, w, cols, offset) + b - y[i];
    r[i] = ri;
    sumSq += ri * ri;
    for (let j = 0; j < cols; j++) grad[j] += ri * X[offset + j];
  }
  const scale = 1 / rows;
  for (let j = 0; j < cols; j++) grad[j] *= scale;
  return sumSq / (2 * rows);
}
