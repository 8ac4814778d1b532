// Exact rescaling by powers of two, for data whose sums overflow (or underflow) double precision.

/**
 * 2^e as two factors whose product it is, neither of which overflows (2^e alone is Infinity past e = 1023 and 0
 * below e = -1074, while a subnormal times 2^1074 is representable). Multiplying by both in turn is exact unless
 * the result leaves the normal range.
 */
export function powerOfTwoFactors(e: number): [number, number] {
  const half = Math.trunc(e / 2);
  return [2 ** half, 2 ** (e - half)];
}

/** v => v * 2^e with both factors computed once (for loops over many values). */
export function powerOfTwoScaler(e: number): (v: number) => number {
  if (e === 0) return (v) => v;
  const [first, second] = powerOfTwoFactors(e);
  return (v) => v * first * second;
}

/** v * 2^e (see {@link powerOfTwoFactors}). */
export function timesPowerOfTwo(v: number, e: number): number {
  return powerOfTwoScaler(e)(v);
}

/** The exponent e that brings the largest |value| into [1, 2) (near it: log2 may round), or 0 for all zeros. */
export function rangeExponent(values: Float64Array): number {
  let largest = 0;
  for (let i = 0; i < values.length; i++) largest = Math.max(largest, Math.abs(values[i]));
  return largest > 0 ? -Math.floor(Math.log2(largest)) : 0;
}

/** The largest log2 of a penalty weight on rescaled data; beyond it the data are left smaller instead. */
const PENALTY_LIMIT = 500;

/**
 * The exponents for X and y lowered, when needed, so that the rescaled penalty weights lambda rho a b and
 * lambda (1 - rho) a^2 (a = 1 under standardize) stay below 2^PENALTY_LIMIT: past that the penalty dominates the
 * loss and the data need no more scaling up. X's exponent is the one lowered (y's under standardize): the
 * rescaled weights (b / a) w of a penalty-dominated fit are tiny, and a smaller a keeps them representable.
 */
export function penaltyExponents(
  xExponent: number, yExponent: number, lambda: number, rho: number, standardized: boolean,
): [number, number] {
  if (!(lambda > 0)) return [xExponent, yExponent];
  const ae = standardized ? 0 : xExponent;
  const lasso = rho > 0 ? Math.log2(lambda * rho) + ae + yExponent : -Infinity;
  const ridge = rho < 1 && !standardized ? Math.log2(lambda * (1 - rho)) + 2 * ae : -Infinity;
  if (!(Math.max(lasso, ridge) > PENALTY_LIMIT)) return [xExponent, yExponent];
  // Lowering one exponent by s lowers the lasso weight by s and (X's) the ridge weight by 2s.
  const shift = Math.ceil(Math.max(lasso - PENALTY_LIMIT, (ridge - PENALTY_LIMIT) / 2, 0));
  return standardized ? [xExponent, yExponent - shift] : [xExponent - shift, yExponent];
}
