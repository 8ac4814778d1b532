import { mulberry32 } from "../../random.js";
import { gemv } from "./gemv.js";
import { gemvT } from "./gemv-t.js";
import { sumSquares } from "./sums.js";

/** Seed of the power iteration's start vector, shared with the WASM core. */
const START_SEED = 0x9e3779b9;

/** Largest eigenvalue of X^T X / rows by power iteration from a fixed pseudo-random start in [0.5, 1.5)^cols. */
export function largestEigenvalue(X: Float64Array, rows: number, cols: number, maxIter: number): number {
  const next32 = mulberry32(START_SEED);
  const v = Float64Array.from({ length: cols }, () => 0.5 + next32() / 4294967296);
  const scale = 1 / Math.sqrt(sumSquares(v));
  for (let j = 0; j < cols; j++) v[j] *= scale;
  const u = new Float64Array(cols);
  const t = new Float64Array(rows);
  let estimate = 0;
  for (let k = 0; k < maxIter; k++) {
    gemv(X, rows, cols, v, t);
    gemvT(X, rows, cols, t, u);
    const norm = Math.sqrt(sumSquares(u));
    if (norm === 0) return 0;
    const next = norm / rows;
    for (let j = 0; j < cols; j++) v[j] = u[j] * (1 / norm);
    const settled = Math.abs(next - estimate) <= 1e-10 * next;
    estimate = next;
    if (settled) break;
  }
  return estimate;
}
