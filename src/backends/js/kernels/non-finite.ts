/** The index of the first NaN or +-Infinity among the first n values of x, or -1. */
export function firstNonFinite(x: Float64Array, n: number = x.length): number {
  for (let i = 0; i < n; i++) if (!Number.isFinite(x[i])) return i;
  return -1;
}
