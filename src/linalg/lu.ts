// LU decomposition with partial pivoting and the solves built on it, computed by the chosen backend.

import { getBackend } from "../backends/registry.js";
import { copyMatrixIn } from "../copy-in.js";
import { checkSameLength, isRows, type MatrixInput } from "../input.js";
import type { BackendOptions } from "../options/schema.js";
import { pivotThreshold, SingularMatrixError } from "./singular-error.js";

/** P A = L U for a square A. */
export interface LuDecomposition {
  /** Order of A. */
  n: number;
  /** Unit lower-triangular factor, as rows. */
  L: Float64Array[];
  /** Upper-triangular factor, as rows. */
  U: Float64Array[];
  /** The pivot order: row i of P A is row pivots[i] of A. */
  pivots: Int32Array;
  /** L (strictly below the diagonal) and U packed row-major, as the solvers use them. */
  packed: Float64Array;
  /** The row swapped into row k at elimination step k (LAPACK's ipiv, 0-based). */
  swaps: Float64Array;
}

/**
 * LU decomposition with partial pivoting (row swaps): P A = L U. Throws a {@link SingularMatrixError} when a
 * pivot is at or below n * eps * max|A| (A is singular to working precision).
 */
export function luDecompose(A: MatrixInput, options: BackendOptions = {}): LuDecomposition {
  const backend = getBackend(options.backend);
  const [packed, swaps, n, threshold] = backend.scope((s) => {
    const { block: a, rows: n } = copyMatrixIn(backend, s, A, "A", (cols, rows) => {
      if (rows !== cols) throw new RangeError(`A must be square, got ${rows} x ${cols}.`);
    });
    const threshold = pivotThreshold(a.values, n);
    const p = s.alloc(n);
    const step = backend.luDecompose(a, n, p, threshold);
    if (step >= 0) {
      throw new SingularMatrixError(
        `A is singular to working precision: no pivot above ${threshold.toExponential(2)} in column ${step}. ` +
          "The system has no unique solution; for ridge regression use lambda > 0.",
        step,
      );
    }
    return [a.values.slice(), p.values.slice(), n, threshold] as const;
  });
  const pivots = Int32Array.from({ length: n }, (_, i) => i);
  swaps.forEach((p, k) => ([pivots[k], pivots[p]] = [pivots[p], pivots[k]]));
  const L = Array.from({ length: n }, (_, i) =>
    Float64Array.from({ length: n }, (_, j) => (j < i ? packed[i * n + j] : j === i ? 1 : 0)));
  const U = Array.from({ length: n }, (_, i) => Float64Array.from({ length: n }, (_, j) => (j >= i ? packed[i * n + j] : 0)));
  return { n, L, U, pivots, packed, swaps };
}

type RightHandSides = ArrayLike<number> | ArrayLike<ArrayLike<number>>;


/** Solves A x = b from an LU decomposition; b is a vector (returns a vector) or n x k rows (returns rows). */
export function luSolve(lu: LuDecomposition, b: ArrayLike<number>, options?: BackendOptions): Float64Array;
export function luSolve(lu: LuDecomposition, b: ArrayLike<ArrayLike<number>>, options?: BackendOptions): Float64Array[];
export function luSolve(lu: LuDecomposition, b: RightHandSides, options: BackendOptions = {}): Float64Array | Float64Array[] {
  const backend = getBackend(options.backend);
  const isVector = !isRows(b);
  const [x, k] = backend.scope((s) => {
    const { block: rhs, cols: k } = copyMatrixIn(backend, s, b, "b", (_, rows) => checkSameLength(lu.n, "the order of A", rows, "b"));
    const [a, p] = [s.fromArray(lu.packed), s.fromArray(lu.swaps)];
    backend.luSolve(a, lu.n, p, rhs, k);
    return [rhs.values.slice(), k] as const;
  });
  return isVector ? x : Array.from({ length: lu.n }, (_, i) => x.slice(i * k, (i + 1) * k));
}

/** Solves A x = b by LU with partial pivoting: one right-hand side (a vector) or several (n x k rows). */
export function solve(A: MatrixInput, b: ArrayLike<number>, options?: BackendOptions): Float64Array;
export function solve(A: MatrixInput, b: ArrayLike<ArrayLike<number>>, options?: BackendOptions): Float64Array[];
export function solve(
  A: MatrixInput, b: RightHandSides, options: BackendOptions = {},
): Float64Array | Float64Array[] {
  return luSolve(luDecompose(A, options), b as ArrayLike<number>, options);
}
