import { at } from "./lanes";

const TILE = 8;

/**
 * out (cols x rows) = (X - 1 mean^T)^T for a row-major rows x cols X: the columns of X, centered by `mean`
 * (cols values), or X^T as it is when mean is 0. In 8 x 8 tiles to keep both sides in cache, each 2 x 2 block
 * of a tile moved as two f64x2 loads and two shuffled stores.
 */
export function transpose(X: usize, rows: i32, cols: i32, mean: usize, out: usize): void {
  const centered = mean != 0;
  for (let i0 = 0; i0 < rows; i0 += TILE) {
    const i1 = min(i0 + TILE, rows);
    for (let j0 = 0; j0 < cols; j0 += TILE) {
      const j1 = min(j0 + TILE, cols);
      let i = i0;
      for (; i + 2 <= i1; i += 2) {
        const row = at(X, i * cols);
        const next = at(X, (i + 1) * cols);
        let j = j0;
        for (; j + 2 <= j1; j += 2) {
          let a = v128.load(at(row, j));
          let b = v128.load(at(next, j));
          if (centered) {
            const m = v128.load(at(mean, j));
            a = f64x2.sub(a, m);
            b = f64x2.sub(b, m);
          }
          v128.store(at(out, j * rows + i), v128.shuffle<f64>(a, b, 0, 2));
          v128.store(at(out, (j + 1) * rows + i), v128.shuffle<f64>(a, b, 1, 3));
        }
        for (; j < j1; j++) {
          const m = centered ? load<f64>(at(mean, j)) : 0.0;
          store<f64>(at(out, j * rows + i), centered ? load<f64>(at(row, j)) - m : load<f64>(at(row, j)));
          store<f64>(at(out, j * rows + i + 1), centered ? load<f64>(at(next, j)) - m : load<f64>(at(next, j)));
        }
      }
      for (; i < i1; i++) {
        for (let j = j0; j < j1; j++) {
          const v = load<f64>(at(X, i * cols + j));
          store<f64>(at(out, j * rows + i), centered ? v - load<f64>(at(mean, j)) : v);
        }
      }
    }
  }
}
