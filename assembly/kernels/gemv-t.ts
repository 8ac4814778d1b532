import { axpy } from "./axpy";
import { at } from "./lanes";

/** out = X^T r for a row-major rows x cols matrix X, read row by row (out += r_i * x_i). */
export function gemvT(X: usize, rows: i32, cols: i32, r: usize, out: usize): void {
  memory.fill(out, 0, (<usize>cols) << 3);
  const rowBytes = (<usize>cols) << 3;
  let xi = X;
  for (let i = 0; i < rows; i++) {
    axpy(load<f64>(at(r, i)), xi, out, cols);
    xi += rowBytes;
  }
}
