import { centerRows } from "./center-rows";
import { dot } from "./dot";
import { at } from "./lanes";

/** Row block of the rank-update in centeredGram: four rows share each load and store of G. */
const BLOCK: i32 = 4;

/**
 * G = Xc^T Xc (cols x cols) and XtY = Xc^T Yc (cols x k), where Xc = X - 1 xMean^T and Yc = Y - 1 yMean^T,
 * for row-major X (rows x cols) and Y (rows x k). Pass zero means for the uncentered products.
 * Rows are centered four at a time into `scratch` (4 cols + 4 k values), so no centered copy of X is made,
 * and each block adds its rank-4 update c0 c0^T + ... + c3 c3^T to the upper triangle of G, two rows of G at a
 * time, with one load and store of G per four products (symmetry halves the work); the lower triangle is
 * mirrored at the end.
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

/** G[j][l] += sum_b c_b[j] c_b[l] for one element of the upper triangle (the scalar path). */
// @ts-ignore: decorator
@inline function rank4Element(c0: usize, c1: usize, c2: usize, c3: usize, j: i32, l: i32, g: usize): void {
  const p = at(g, l);
  store<f64>(p, load<f64>(p) + ((load<f64>(at(c0, j)) * load<f64>(at(c0, l)) + load<f64>(at(c1, j)) * load<f64>(at(c1, l)))
    + (load<f64>(at(c2, j)) * load<f64>(at(c2, l)) + load<f64>(at(c3, j)) * load<f64>(at(c3, l)))));
}

/**
 * G[j][l] += sum_b c_b[j] c_b[l] for l >= j (the upper triangle), over four rows c0..c3 of length n.
 * Rows j and j + 1 of G are updated together, so each pair of loaded c_b[l..l+1] serves eight products.
 */
// @ts-ignore: decorator
@inline function rank4Update(c0: usize, c1: usize, c2: usize, c3: usize, n: i32, G: usize): void {
  const rowBytes = (<usize>n) << 3;
  let j = 0;
  for (; j + 2 <= n; j += 2) {
    const g = G + <usize>j * rowBytes;
    const h = g + rowBytes;
    rank4Element(c0, c1, c2, c3, j, j, g);
    rank4Element(c0, c1, c2, c3, j, j + 1, g);
    rank4Element(c0, c1, c2, c3, j + 1, j + 1, h);
    const v0 = f64x2.splat(load<f64>(at(c0, j)));
    const v1 = f64x2.splat(load<f64>(at(c1, j)));
    const v2 = f64x2.splat(load<f64>(at(c2, j)));
    const v3 = f64x2.splat(load<f64>(at(c3, j)));
    const u0 = f64x2.splat(load<f64>(at(c0, j + 1)));
    const u1 = f64x2.splat(load<f64>(at(c1, j + 1)));
    const u2 = f64x2.splat(load<f64>(at(c2, j + 1)));
    const u3 = f64x2.splat(load<f64>(at(c3, j + 1)));
    let l = j + 2;
    for (; l + 2 <= n; l += 2) {
      const x0 = v128.load(at(c0, l));
      const x1 = v128.load(at(c1, l));
      const x2 = v128.load(at(c2, l));
      const x3 = v128.load(at(c3, l));
      const pg = at(g, l);
      const ph = at(h, l);
      v128.store(pg, f64x2.add(v128.load(pg), f64x2.add(
        f64x2.add(f64x2.mul(v0, x0), f64x2.mul(v1, x1)), f64x2.add(f64x2.mul(v2, x2), f64x2.mul(v3, x3)))));
      v128.store(ph, f64x2.add(v128.load(ph), f64x2.add(
        f64x2.add(f64x2.mul(u0, x0), f64x2.mul(u1, x1)), f64x2.add(f64x2.mul(u2, x2), f64x2.mul(u3, x3)))));
    }
    for (; l < n; l++) {
      rank4Element(c0, c1, c2, c3, j, l, g);
      rank4Element(c0, c1, c2, c3, j + 1, l, h);
    }
  }
  if (j < n) rank4Element(c0, c1, c2, c3, j, j, G + <usize>j * rowBytes);
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
