import { axpy } from "../kernels/axpy";
import { at, madd } from "../kernels/lanes";
import { scal } from "../kernels/scal";

/**
 * y -= u x over n values, inlined into the factorization's loop: a call per row update costs more than the update
 * itself for short rows, and more again over a shared memory (its bounds are reloaded after every call).
 */
// @ts-ignore: decorator
@inline function subtractScaled(u: f64, x: usize, y: usize, n: i32): void {
  const a = f64x2.splat(-u);
  let i = 0;
  for (; i + 2 <= n; i += 2) v128.store(at(y, i), madd(a, v128.load(at(x, i)), v128.load(at(y, i))));
  if (i < n) store<f64>(at(y, i), load<f64>(at(y, i)) - u * load<f64>(at(x, i)));
}

/**
 * In-place Cholesky factorization A = U^T U of a symmetric positive definite row-major n x n matrix, reading
 * and writing only its upper triangle (U there; the strict lower triangle is left as it was). Row-oriented,
 * right-looking (Golub & Van Loan, Algorithm 4.2.2 transposed): at step k the pivot row is divided by
 * sqrt(A[k][k]), then every later row i takes its rank-one update A[i][i..] -= U[k][i] U[k][i..], a SIMD
 * axpy over the contiguous tail of the row: n^3 / 3 flops, half of LU's. Returns -1, or the step k whose
 * pivot A[k][k] is <= threshold (A not positive definite to working precision); A is then partly factored.
 */
export function choleskyDecompose(A: usize, n: i32, threshold: f64): i32 {
  const rowBytes = (<usize>n) << 3;
  for (let k = 0; k < n; k++) {
    const rowK = A + <usize>k * rowBytes;
    const pivot = load<f64>(at(rowK, k));
    if (!(pivot > threshold)) return k;
    const root = Math.sqrt(pivot);
    store<f64>(at(rowK, k), root);
    scal(1.0 / root, at(rowK, k + 1), n - k - 1);
    for (let i = k + 1; i < n; i++) {
      const u = load<f64>(at(rowK, i));
      if (u != 0) subtractScaled(u, at(rowK, i), at(A + <usize>i * rowBytes, i), n - i);
    }
  }
  return -1;
}

/**
 * Solves A X = B in place for row-major B (n x k), given U from choleskyDecompose: U^T Y = B by forward
 * substitution (each solved row of Y taken out of the rows below it), then U X = Y by back substitution.
 */
export function choleskySolve(U: usize, n: i32, B: usize, k: i32): void {
  const bRow = (<usize>k) << 3;
  for (let i = 0; i < n; i++) {
    const bi = B + <usize>i * bRow;
    scal(1.0 / load<f64>(at(U, i * n + i)), bi, k);
    for (let j = i + 1; j < n; j++) {
      const u = load<f64>(at(U, i * n + j));
      if (u != 0) axpy(-u, bi, B + <usize>j * bRow, k);
    }
  }
  for (let i = n - 1; i >= 0; i--) {
    const bi = B + <usize>i * bRow;
    for (let j = i + 1; j < n; j++) {
      const u = load<f64>(at(U, i * n + j));
      if (u != 0) axpy(-u, B + <usize>j * bRow, bi, k);
    }
    scal(1.0 / load<f64>(at(U, i * n + i)), bi, k);
  }
}
