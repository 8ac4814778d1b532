import { centerRows } from "./center-rows.js";
import { dot } from "./dot.js";

/**
 * G = Xc^T Xc and XtY = Xc^T Yc for Xc = X - 1 xMean^T, Yc = Y - 1 yMean^T (Y rows x k). Like the WASM
 * kernel: rows centered four at a time into a small buffer, their rank-4 update added to the upper
 * triangle of G (one read and write of G per four products), the lower triangle mirrored at the end.
 */
export function centeredGram(
  X: Float64Array, rows: number, cols: number, xMean: Float64Array, Y: Float64Array, k: number,
  yMean: Float64Array, G: Float64Array, XtY: Float64Array,
): void {
  G.fill(0, 0, cols * cols);
  XtY.fill(0, 0, cols * k);
  const c = new Float64Array(4 * cols);
  const yc = new Float64Array(4 * k);
  let i = 0;
  for (; i + 4 <= rows; i += 4) {
    centerRows(X.subarray(i * cols, (i + 4) * cols), 4, cols, xMean, c);
    centerRows(Y.subarray(i * k, (i + 4) * k), 4, k, yMean, yc);
    for (let j = 0; j < cols; j++) {
      const [s0, s1, s2, s3] = [c[j], c[cols + j], c[2 * cols + j], c[3 * cols + j]];
      const g = j * cols;
      for (let l = j; l < cols; l++) {
        G[g + l] += s0 * c[l] + s1 * c[cols + l] + (s2 * c[2 * cols + l] + s3 * c[3 * cols + l]);
      }
      for (let o = 0; o < k; o++) {
        XtY[j * k + o] += s0 * yc[o] + s1 * yc[k + o] + s2 * yc[2 * k + o] + s3 * yc[3 * k + o];
      }
    }
  }
  for (; i < rows; i++) {
    centerRows(X.subarray(i * cols, (i + 1) * cols), 1, cols, xMean, c);
    centerRows(Y.subarray(i * k, (i + 1) * k), 1, k, yMean, yc);
    for (let j = 0; j < cols; j++) {
      for (let l = j; l < cols; l++) G[j * cols + l] += c[j] * c[l];
      for (let o = 0; o < k; o++) XtY[j * k + o] += c[j] * yc[o];
    }
  }
  mirrorUpper(G, cols);
}

/** Copies the upper triangle of a row-major n x n matrix onto its lower triangle. */
export function mirrorUpper(A: Float64Array, n: number): void {
  for (let i = 1; i < n; i++) {
    for (let j = 0; j < i; j++) A[i * n + j] = A[j * n + i];
  }
}

/** K = X X^T for a row-major rows x cols X. */
export function rowGram(X: Float64Array, rows: number, cols: number, K: Float64Array): void {
  for (let i = 0; i < rows; i++) {
    const xi = X.subarray(i * cols, (i + 1) * cols);
    for (let l = i; l < rows; l++) K[i * rows + l] = dot(X, xi, cols, l * cols);
  }
  mirrorUpper(K, rows);
}
