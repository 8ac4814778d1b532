// One copy in: user data go straight from the caller's arrays into a block of the backend, type-checked during
// that copy, then scanned for NaN and Infinity over the block by the backend's firstNonFinite kernel (SIMD on
// the WASM backend). The size is known, and checked, from the shape before any value is read (input.ts).

import type { Backend, F64Block, Scope } from "./backend.js";
import { isRows, matrixSource, nonFiniteError, vectorSource, type MatrixSource } from "./input.js";

/** A matrix resident in a backend block, row-major. */
export interface ResidentMatrix {
  block: F64Block;
  rows: number;
  cols: number;
}

/** Copies a source, its size already checked by its shape, into a new block, then scans it for NaN and Infinity. */
function copyIn(backend: Backend, scope: Scope, source: MatrixSource): F64Block {
  const block = scope.uninitialized(source.rows * source.cols);
  source.copyTo(block.values);
  const bad = backend.firstNonFinite(block);
  if (bad >= 0) throw nonFiniteError(source.where(bad), block.values[bad]);
  return block;
}

/**
 * Copies a matrix argument (rows, `{ data, rows, cols }` or one column) into a block of the scope. `checkShape`
 * sees the shape before any value is read.
 */
export function copyMatrixIn(
  backend: Backend, scope: Scope, input: unknown, name: string, checkShape?: (cols: number, rows: number) => void,
): ResidentMatrix {
  const source = matrixSource(input, name);
  checkShape?.(source.cols, source.rows);
  return { block: copyIn(backend, scope, source), rows: source.rows, cols: source.cols };
}

/**
 * Copies a vector, or rows of values (a matrix), as the argument comes: `asRows` says which, so the caller can
 * give results back in the same shape (weights) or treat rows as several outputs (targets).
 */
export function copyValuesIn(backend: Backend, scope: Scope, input: unknown, name: string): ResidentMatrix & { asRows: boolean } {
  if (isRows(input)) return { ...copyMatrixIn(backend, scope, input, name), asRows: true };
  const block = copyVectorIn(backend, scope, input, name);
  return { block, rows: block.length, cols: 1, asRows: false };
}

/** Copies a vector argument into a block of the scope. */
export function copyVectorIn(backend: Backend, scope: Scope, input: unknown, name: string): F64Block {
  return copyIn(backend, scope, vectorSource(input, name));
}
