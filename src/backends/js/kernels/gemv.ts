import { dot } from "./dot.js";

/** out = X w for a row-major rows x cols X. */
export function gemv(X: Float64Array, rows: number, cols: number, w: Float64Array, out: Float64Array): void {
  for (let i = 0; i < rows; i++) out[i] = dot(X, w, cols, i * cols);
}
