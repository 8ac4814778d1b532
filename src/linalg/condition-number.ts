import { toMatrix, type MatrixInput } from "../input.js";

/**
 * Singular values of a matrix (descending) by one-sided Jacobi rotations (Hestenes 1958; Demmel & Veselic
 * 1992): pairs of columns are rotated until all are orthogonal; the singular values are then the column
 * norms. Accurate to high relative precision, O(m n^2) per sweep.
 */
export function singularValues(A: MatrixInput): Float64Array {
  const { data, rows: m, cols: n } = toMatrix(A, "A");
  const columns = Array.from({ length: n }, (_, j) => Float64Array.from({ length: m }, (_, i) => data[i * n + j]));
  for (let sweep = 0; sweep < 60; sweep++) {
    let rotated = false;
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        const a = columns[p];
        const b = columns[q];
        let alpha = 0;
        let beta = 0;
        let gamma = 0;
        for (let i = 0; i < m; i++) {
          alpha += a[i] * a[i];
          beta += b[i] * b[i];
          gamma += a[i] * b[i];
        }
        if (gamma === 0 || Math.abs(gamma) <= Number.EPSILON * Math.sqrt(alpha * beta)) continue;
        rotated = true;
        const zeta = (beta - alpha) / (2 * gamma);
        const t = Math.sign(zeta || 1) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
        const c = 1 / Math.sqrt(1 + t * t);
        const s = c * t;
        for (let i = 0; i < m; i++) {
          const ai = a[i];
          a[i] = c * ai - s * b[i];
          b[i] = s * ai + c * b[i];
        }
      }
    }
    if (!rotated) break;
  }
  const values = columns.map((column) => Math.sqrt(column.reduce((sum, v) => sum + v * v, 0)));
  return Float64Array.from(values).sort().reverse();
}

/**
 * The 2-norm condition number sigma_max / sigma_min of a square matrix (Infinity when singular), from its
 * singular values. For a symmetric positive definite matrix such as X^T X + lambda I this is the ratio of
 * its largest to smallest eigenvalue. Computed in TypeScript (a diagnostic, not part of any fit).
 */
export function conditionNumber(A: MatrixInput): number {
  const { rows, cols } = toMatrix(A, "A");
  if (rows !== cols) throw new RangeError(`A must be square, got ${rows} x ${cols}.`);
  const sigma = singularValues(A);
  const smallest = sigma[sigma.length - 1];
  return smallest === 0 ? Infinity : sigma[0] / smallest;
}
