import { axpy } from "./axpy";
import { scal } from "./scal";

/** out = the mean of each column of a row-major rows x cols X (rows > 0). */
export function columnMeans(X: usize, rows: i32, cols: i32, out: usize): void {
  memory.fill(out, 0, (<usize>cols) << 3);
  const rowBytes = (<usize>cols) << 3;
  let xi = X;
  for (let i = 0; i < rows; i++) {
    axpy(1.0, xi, out, cols);
    xi += rowBytes;
  }
  scal(1.0 / <f64>rows, out, cols);
}
