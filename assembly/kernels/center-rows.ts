import { at } from "./lanes";

/** out = X - 1 mean^T: subtracts the column means from every row of a row-major rows x cols X. */
export function centerRows(X: usize, rows: i32, cols: i32, mean: usize, out: usize): void {
  const rowBytes = (<usize>cols) << 3;
  for (let i = 0; i < rows; i++) {
    const src = X + <usize>i * rowBytes;
    const dst = out + <usize>i * rowBytes;
    let j = 0;
    for (; j + 2 <= cols; j += 2) {
      v128.store(at(dst, j), f64x2.sub(v128.load(at(src, j)), v128.load(at(mean, j))));
    }
    for (; j < cols; j++) store<f64>(at(dst, j), load<f64>(at(src, j)) - load<f64>(at(mean, j)));
  }
}
