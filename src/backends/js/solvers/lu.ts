// LU with partial pivoting (Golub & Van Loan, Algorithm 3.4.1), the twin of assembly/solvers/lu.ts.

function swapRows(A: Float64Array, a: number, b: number, width: number): void {
  for (let j = 0; j < width; j++) {
    const t = A[a * width + j];
    A[a * width + j] = A[b * width + j];
    A[b * width + j] = t;
  }
}

/**
 * In place: P A = L U for a row-major n x n A (unit L below the diagonal, U on and above). pivots[k] is the
 * row swapped into row k at step k. Returns -1, or the step whose largest pivot is <= threshold.
 */
export function luDecompose(A: Float64Array, n: number, pivots: Float64Array, threshold: number): number {
  for (let k = 0; k < n; k++) {
    let p = k;
    let largest = Math.abs(A[k * n + k]);
    for (let i = k + 1; i < n; i++) {
      const v = Math.abs(A[i * n + k]);
      if (v > largest) {
        largest = v;
        p = i;
      }
    }
    pivots[k] = p;
    if (!(largest > threshold)) return k;
    if (p !== k) swapRows(A, k, p, n);
    const inverse = 1 / A[k * n + k];
    for (let i = k + 1; i < n; i++) {
      const l = A[i * n + k] * inverse;
      A[i * n + k] = l;
      if (l === 0) continue;
      for (let j = k + 1; j < n; j++) A[i * n + j] -= l * A[k * n + j];
    }
  }
  return -1;
}

/** Solves A X = B in place (B row-major n x k) from the factors and pivots of luDecompose. */
export function luSolve(LU: Float64Array, n: number, pivots: Float64Array, B: Float64Array, k: number): void {
  for (let i = 0; i < n; i++) if (pivots[i] !== i) swapRows(B, i, pivots[i], k);
  for (let i = 1; i < n; i++) {
    for (let j = 0; j < i; j++) {
      const l = LU[i * n + j];
      if (l !== 0) for (let o = 0; o < k; o++) B[i * k + o] -= l * B[j * k + o];
    }
  }
  for (let i = n - 1; i >= 0; i--) {
    for (let j = i + 1; j < n; j++) {
      const u = LU[i * n + j];
      if (u !== 0) for (let o = 0; o < k; o++) B[i * k + o] -= u * B[j * k + o];
    }
    const inverse = 1 / LU[i * n + i];
    for (let o = 0; o < k; o++) B[i * k + o] *= inverse;
  }
}
