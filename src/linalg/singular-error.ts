// The library's errors live in errors.ts (the worker restores their classes from there); linalg re-exports this one.
export { SingularMatrixError } from "../errors.js";

/** n * machine epsilon * max|A|: a pivot at or below it is zero to working precision. */
export function pivotThreshold(A: Float64Array, n: number): number {
  let largest = 0;
  for (const v of A) largest = Math.max(largest, Math.abs(v));
  return n * Number.EPSILON * largest;
}
