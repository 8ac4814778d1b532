// Cholesky A = U^T U, row-oriented and right-looking, the twin of assembly/solvers/cholesky.ts.

/**
 * In place: U in the upper triangle of a symmetric positive definite row-major n x n A (its strict lower
 * triangle untouched). Returns -1, or the step whose pivot is <= threshold (not positive definite).
 */
export function choleskyDecompose(A: Float64Array, n: number, threshold: number): number {
  for (let k = 0; k < n; k++) {
    const pivot = A[k * n + k];
    if (!(pivot > threshold)) return k;
    const root = Math.sqrt(pivot);
    A[k * n + k] = root;
    const inverse = 1 / root;
    for (let j = k + 1; j < n; j++) A[k * n + j] *= inverse;
    for (let i = k + 1; i < n; i++) {
      const u = A[k * n + i];
      if (u === 0) continue;
      for (let j = i; j < n; j++) A[i * n + j] -= u * A[k * n + j];
    }
  }
  return -1;
}

/** Solves A X = B in place (B row-major n x k) from choleskyDecompose's U: U^T Y = B, then U X = Y. */
export function choleskySolve(U: Float64Array, n: number, B: Float64Array, k: number): void {
  for (let i = 0; i < n; i++) {
    const inverse = 1 / U[i * n + i];
    for (let o = 0; o < k; o++) B[i * k + o] *= inverse;
    for (let j = i + 1; j < n; j++) {
      const u = U[i * n + j];
      if (u !== 0) for (let o = 0; o < k; o++) B[j * k + o] -= u * B[i * k + o];
    }
  }
  for (let i = n - 1; i >= 0; i--) {
    for (let j = i + 1; j < n; j++) {
      const u = U[i * n + j];
      if (u !== 0) for (let o = 0; o < k; o++) B[i * k + o] -= u * B[j * k + o];
    }
    const inverse = 1 / U[i * n + i];
    for (let o = 0; o < k; o++) B[i * k + o] *= inverse;
  }
}
