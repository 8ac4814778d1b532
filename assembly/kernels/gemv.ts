import { dot } from "./dot";
import { at } from "./lanes";

/** out = X w for a row-major rows x cols matrix X. */
export function gemv(X: usize, rows: i32, cols: i32, w: usize, out: usize): void {
  const rowBytes = (<usize>cols) << 3;
  let xi = X;
  for (let i = 0; i < rows; i++) {
    store<f64>(at(out, i), dot(xi, w, cols));
    xi += rowBytes;
  }
}
