import { axpy } from "../kernels/axpy";
import { at } from "../kernels/lanes";
import { scal } from "../kernels/scal";

/** Swaps n f64 values between two rows (a != b), two at a time. */
function swapRows(a: usize, b: usize, n: i32): void {
  let j = 0;
  for (; j + 2 <= n; j += 2) {
    const pa = at(a, j);
    const pb = at(b, j);
    const va = v128.load(pa);
    v128.store(pa, v128.load(pb));
    v128.store(pb, va);
  }
  for (; j < n; j++) {
    const pa = at(a, j);
    const pb = at(b, j);
    const va = load<f64>(pa);
    store<f64>(pa, load<f64>(pb));
    store<f64>(pb, va);
  }
}

/**
 * In-place LU decomposition with partial pivoting (Golub & Van Loan, Algorithm 3.4.1) of a row-major
 * n x n matrix A: P A = L U, with the unit lower triangle of L stored below the diagonal and U on and above
 * it. At step k the row with the largest |A[i][k]|, i >= k, is swapped into row k and its index written to
 * pivots[k] (as an f64). Returns -1, or the step k whose pivot |A[k][k]| is <= threshold (singular to
 * working precision); A is then partly factored.
 */
export function luDecompose(A: usize, n: i32, pivots: usize, threshold: f64): i32 {
  const rowBytes = (<usize>n) << 3;
  for (let k = 0; k < n; k++) {
    let p = k;
    let largest = abs<f64>(load<f64>(at(A, k * n + k)));
    for (let i = k + 1; i < n; i++) {
      const v = abs<f64>(load<f64>(at(A, i * n + k)));
      if (v > largest) {
        largest = v;
        p = i;
      }
    }
    store<f64>(at(pivots, k), <f64>p);
    if (!(largest > threshold)) return k;
    const rowK = A + <usize>k * rowBytes;
    if (p != k) swapRows(rowK, A + <usize>p * rowBytes, n);
    const inverse = 1.0 / load<f64>(at(rowK, k));
    const tail = n - k - 1;
    for (let i = k + 1; i < n; i++) {
      const rowI = A + <usize>i * rowBytes;
      const l = load<f64>(at(rowI, k)) * inverse;
      store<f64>(at(rowI, k), l);
      if (l != 0) axpy(-l, at(rowK, k + 1), at(rowI, k + 1), tail);
    }
  }
  return -1;
}

/**
 * Solves A X = B in place for row-major B (n x k, k right-hand sides), given the factors and pivots written
 * by luDecompose: applies the row swaps, then forward substitution with L and back substitution with U.
 */
export function luSolve(LU: usize, n: i32, pivots: usize, B: usize, k: i32): void {
  const bRow = (<usize>k) << 3;
  for (let i = 0; i < n; i++) {
    const p = <i32>load<f64>(at(pivots, i));
    if (p != i) swapRows(B + <usize>i * bRow, B + <usize>p * bRow, k);
  }
  for (let i = 1; i < n; i++) {
    const bi = B + <usize>i * bRow;
    for (let j = 0; j < i; j++) {
      const l = load<f64>(at(LU, i * n + j));
      if (l != 0) axpy(-l, B + <usize>j * bRow, bi, k);
    }
  }
  for (let i = n - 1; i >= 0; i--) {
    const bi = B + <usize>i * bRow;
    for (let j = i + 1; j < n; j++) {
      const u = load<f64>(at(LU, i * n + j));
      if (u != 0) axpy(-u, B + <usize>j * bRow, bi, k);
    }
    scal(1.0 / load<f64>(at(LU, i * n + i)), bi, k);
  }
}
