// Exact rescaling by powers of two, for data whose sums overflow (or underflow) double precision.

/**
 * v * 2^e, in two factors so that neither overflows (2^e alone is Infinity past e = 1023 and 0 below e = -1074,
 * while a subnormal times 2^1074 is representable). Exact unless the result leaves the normal range.
 */
export function timesPowerOfTwo(v: number, e: number): number {
  const half = Math.trunc(e / 2);
  return v * 2 ** half * 2 ** (e - half);
}

/** The exponent e that brings the largest |value| into [1, 2) (near it: log2 may round), or 0 for all zeros. */
export function rangeExponent(values: Float64Array): number {
  let largest = 0;
  for (let i = 0; i < values.length; i++) largest = Math.max(largest, Math.abs(values[i]));
  return largest > 0 ? -Math.floor(Math.log2(largest)) : 0;
}

/** Multiplies every value by 2^e in place. */
export function scaleByPowerOfTwo(values: Float64Array, e: number): void {
  if (e === 0) return;
  for (let i = 0; i < values.length; i++) values[i] = timesPowerOfTwo(values[i], e);
}
