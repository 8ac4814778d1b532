import { centerRows } from "./center-rows";
import { dot } from "./dot";
import { at } from "./lanes";

/** Row block of the rank-update in centeredGram: four rows share each load and store of G. */
const BLOCK: i32 = 4;

/**
 * G = Xc^T Xc (cols x cols) and XtY = Xc^T Yc (cols x k), where Xc = X - 1 xMean^T and Yc = Y - 1 yMean^T,
 * for row-major X (rows x cols) and Y (rows x k). Pass zero means for the uncentered products.
 * Rows are centered four at a time into `scratch` (4 cols + 4 k values), so no centered copy of X is made,
 * and each block adds its rank-4 update c0 c0^T + ... + c3 c3^T to the upper triangle of G with one load and
 * one store of G per four products (symmetry halves the work); the lower triangle is mirrored at the end.
 */
export function centeredGram(
  X: usize, rows: i32, cols: i32, xMean: usize, Y: usize, k: i32, yMean: usize,
  scratch: usize, G: usize, XtY: usize,
): void {
  const colBytes = (<usize>cols) << 3;
  const outBytes = (<usize>k) << 3;
  memory.fill(G, 0, <usize>cols * colBytes);
  memory.fill(XtY, 0, <usize>cols * outBytes);
  const c0 = scratch;
  const c1 = c0 + colBytes;
  const c2 = c1 + colBytes;
  const c3 = c2 + colBytes;
  const yc = c3 + colBytes;
  let i = 0;
  for (; i + BLOCK <= rows; i += BLOCK) {
    centerRows(X + <usize>i * colBytes, BLOCK, cols, xMean, c0);
    centerRows(Y + <usize>i * outBytes, BLOCK, k, yMean, yc);
    rank4Update(c0, c1, c2, c3, cols, G);
    for (let j = 0; j < cols; j++) {
      const a0 = load<f64>(at(c0, j));
      const a1 = load<f64>(at(c1, j));
      const a2 = load<f64>(at(c2, j));
      const a3 = load<f64>(at(c3, j));
      const row = XtY + <usize>j * outBytes;
      for (let o = 0; o < k; o++) {
        const p = at(row, o);
        store<f64>(p, load<f64>(p) + (a0 * load<f64>(at(yc, o)) + a1 * load<f64>(at(yc, k + o))
          + a2 * load<f64>(at(yc, 2 * k + o)) + a3 * load<f64>(at(yc, 3 * k + o))));
      }
    }
  }
  for (; i < rows; i++) {
    centerRows(X + <usize>i * colBytes, 1, cols, xMean, c0);
    centerRows(Y + <usize>i * outBytes, 1, k, yMean, yc);
    for (let j = 0; j < cols; j++) {
      const a = load<f64>(at(c0, j));
      const g = G + <usize>j * colBytes;
      for (let l = j; l < cols; l++) store<f64>(at(g, l), load<f64>(at(g, l)) + a * load<f64>(at(c0, l)));
      const row = XtY + <usize>j * outBytes;
      for (let o = 0; o < k; o++) store<f64>(at(row, o), load<f64>(at(row, o)) + a * load<f64>(at(yc, o)));
    }
  }
  mirrorUpper(G, cols);
}

/** G[j][l] += sum_b c_b[j] c_b[l] for l >= j (the upper triangle), over four rows c0..c3 of length n. */
// @ts-ignore: decorator
@inline function rank4Update(c0: usize, c1: usize, c2: usize, c3: usize, n: i32, G: usize): void {
  const rowBytes = (<usize>n) << 3;
  for (let j = 0; j < n; j++) {
    const s0 = load<f64>(at(c0, j));
    const s1 = load<f64>(at(c1, j));
    const s2 = load<f64>(at(c2, j));
    const s3 = load<f64>(at(c3, j));
    const v0 = f64x2.splat(s0);
    const v1 = f64x2.splat(s1);
    const v2 = f64x2.splat(s2);
    const v3 = f64x2.splat(s3);
    const g = G + <usize>j * rowBytes;
    let l = j;
    for (; l + 2 <= n; l += 2) {
      const sum = f64x2.add(
        f64x2.add(f64x2.mul(v0, v128.load(at(c0, l))), f64x2.mul(v1, v128.load(at(c1, l)))),
        f64x2.add(f64x2.mul(v2, v128.load(at(c2, l))), f64x2.mul(v3, v128.load(at(c3, l)))),
      );
      v128.store(at(g, l), f64x2.add(v128.load(at(g, l)), sum));
    }
    for (; l < n; l++) {
      const p = at(g, l);
      store<f64>(p, load<f64>(p) + ((s0 * load<f64>(at(c0, l)) + s1 * load<f64>(at(c1, l)))
        + (s2 * load<f64>(at(c2, l)) + s3 * load<f64>(at(c3, l)))));
    }
  }
}

/** Copies the upper triangle of a row-major n x n matrix onto its lower triangle. */
export function mirrorUpper(A: usize, n: i32): void {
  for (let i = 1; i < n; i++) {
    for (let j = 0; j < i; j++) store<f64>(at(A, i * n + j), load<f64>(at(A, j * n + i)));
  }
}

/** K = X X^T (rows x rows) for a row-major X: the dot product of every pair of rows, upper half mirrored. */
export function rowGram(X: usize, rows: i32, cols: i32, K: usize): void {
  const rowBytes = (<usize>cols) << 3;
  for (let i = 0; i < rows; i++) {
    const xi = X + <usize>i * rowBytes;
    for (let l = i; l < rows; l++) store<f64>(at(K, i * rows + l), dot(xi, X + <usize>l * rowBytes, cols));
  }
  mirrorUpper(K, rows);
}
