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
 * axpy over the contiguous tail of the row: n^3 / 3 flops, half of LU's. Blocked by CHOLESKY_BLOCK steps
 * (choleskyBlock, then choleskyTrailing for the rows below): each row takes the same updates in the same order
 * as unblocked, so the bits do not depend on the blocks, nor on how threads split the trailing rows. Returns -1,
 * or the step k whose pivot A[k][k] is <= threshold (A not positive definite to working precision); A is then
 * partly factored.
 */
export function choleskyDecompose(A: usize, n: i32, threshold: f64): i32 {
  for (let k0 = 0; k0 < n; k0 += CHOLESKY_BLOCK) {
    const k1 = min(k0 + CHOLESKY_BLOCK, n);
    const failed = choleskyBlock(A, n, k0, k1, threshold);
    if (failed >= 0) return failed;
    choleskyTrailing(A, n, k0, k1, k1, n);
  }
  return -1;
}

/** Steps per block of choleskyDecompose: 64 rows of U (512 KB at n = 1,000) stay in L2 while a row takes them. */
const CHOLESKY_BLOCK: i32 = 64;

/**
 * Steps [k0, k1) of choleskyDecompose on rows k0..k1-1 only (the rows below take them in choleskyTrailing):
 * rows k0..k1-1 of U. Returns -1, or the step whose pivot is <= threshold.
 */
export function choleskyBlock(A: usize, n: i32, k0: i32, k1: i32, threshold: f64): i32 {
  const rowBytes = (<usize>n) << 3;
  for (let k = k0; k < k1; k++) {
    const rowK = A + <usize>k * rowBytes;
    const pivot = load<f64>(at(rowK, k));
    if (!(pivot > threshold)) return k;
    const root = Math.sqrt(pivot);
    store<f64>(at(rowK, k), root);
    scal(1.0 / root, at(rowK, k + 1), n - k - 1);
    for (let i = k + 1; i < k1; i++) {
      const u = load<f64>(at(rowK, i));
      if (u != 0) subtractScaled(u, at(rowK, i), at(A + <usize>i * rowBytes, i), n - i);
    }
  }
  return -1;
}

/**
 * Rows [first, end) (all at or past k1) take the updates of steps [k0, k1), in order:
 * A[i][i..] -= U[k][i] U[k][i..]. Rows are independent: threads may take ranges of them.
 */
export function choleskyTrailing(A: usize, n: i32, k0: i32, k1: i32, first: i32, end: i32): void {
  const rowBytes = (<usize>n) << 3;
  for (let i = first; i < end; i++) {
    const rowI = at(A + <usize>i * rowBytes, i);
    for (let k = k0; k < k1; k++) {
      const rowK = A + <usize>k * rowBytes;
      const u = load<f64>(at(rowK, i));
      if (u != 0) subtractScaled(u, at(rowK, i), rowI, n - i);
    }
  }
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
