import { at } from "./lanes";

/** out (cols x rows) = X^T for a row-major rows x cols X, in 8 x 8 tiles to keep both sides in cache. */
export function transpose(X: usize, rows: i32, cols: i32, out: usize): void {
  const TILE = 8;
  for (let i0 = 0; i0 < rows; i0 += TILE) {
    const i1 = min(i0 + TILE, rows);
    for (let j0 = 0; j0 < cols; j0 += TILE) {
      const j1 = min(j0 + TILE, cols);
      for (let i = i0; i < i1; i++) {
        for (let j = j0; j < j1; j++) store<f64>(at(out, j * rows + i), load<f64>(at(X, i * cols + j)));
      }
    }
  }
}
