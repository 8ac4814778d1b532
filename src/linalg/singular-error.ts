/** Thrown when a linear system has no unique solution to working precision. */
export class SingularMatrixError extends Error {
  constructor(
    message: string,
    /** The elimination step whose pivot vanished. */
    readonly step: number,
  ) {
    super(message);
    this.name = "SingularMatrixError";
  }
}

/** n * machine epsilon * max|A|: a pivot at or below it is zero to working precision. */
export function pivotThreshold(A: Float64Array, n: number): number {
  let largest = 0;
  for (const v of A) largest = Math.max(largest, Math.abs(v));
  return n * Number.EPSILON * largest;
}
