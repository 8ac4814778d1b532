import { gemv } from "./gemv";
import { gemvT } from "./gemv-t";
import { at } from "./lanes";
import { scal } from "./scal";
import { sumSquares } from "./sums";

/** Seed of the power iteration's start vector (any fixed value; shared with the JS twin). */
const START_SEED: u32 = 0x9e3779b9;

/**
 * Largest eigenvalue of X^T X / rows by power iteration (v <- X^T X v / ||X^T X v||), X row-major rows x cols,
 * until the estimate changes by less than 1e-10 relative or maxIter. The start vector has entries drawn
 * uniformly from [0.5, 1.5) (mulberry32 from a fixed seed): a symmetric start such as (1, ..., 1) can be
 * orthogonal to the top eigenvector of a structured X and then converge to a smaller eigenvalue.
 * v (cols), u (cols) and t (rows) are scratch.
 */
export function largestEigenvalue(X: usize, rows: i32, cols: i32, maxIter: i32, v: usize, u: usize, t: usize): f64 {
  let state = START_SEED;
  for (let j = 0; j < cols; j++) {
    state += 0x6d2b79f5;
    let z = state;
    z = (z ^ (z >>> 15)) * (z | 1);
    z ^= z + (z ^ (z >>> 7)) * (z | 61);
    store<f64>(at(v, j), 0.5 + <f64>(z ^ (z >>> 14)) / 4294967296.0);
  }
  scal(1.0 / Math.sqrt(sumSquares(v, cols)), v, cols);
  let estimate = 0.0;
  for (let k = 0; k < maxIter; k++) {
    gemv(X, rows, cols, v, t);
    gemvT(X, rows, cols, t, u);
    const norm = Math.sqrt(sumSquares(u, cols));
    if (norm == 0) return 0.0;
    const next = norm / <f64>rows;
    memory.copy(v, u, (<usize>cols) << 3);
    scal(1.0 / norm, v, cols);
    const settled = abs<f64>(next - estimate) <= 1e-10 * next;
    estimate = next;
    if (settled) break;
  }
  return estimate;
}
