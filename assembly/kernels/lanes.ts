// internal: SIMD helpers inlined into the kernels, not part of the exported ABI.
// Pointers are byte addresses, lengths count f64 elements.

/** Sum of the two lanes of an f64x2 vector. */
// @ts-ignore: decorator
@inline export function laneSum(v: v128): f64 {
  return f64x2.extract_lane(v, 0) + f64x2.extract_lane(v, 1);
}

/** Byte address of element `i` of the f64 array starting at `base`. */
// @ts-ignore: decorator
@inline export function at(base: usize, i: i32): usize {
  return base + ((<usize>i) << 3);
}

/**
 * a * b + c, lane by lane. The relaxed-SIMD build (compiled with relaxed-simd enabled) uses relaxed_madd, which
 * the engine may fuse into one rounding (an FMA) or not; the plain build multiplies, then adds.
 */
// @ts-ignore: decorator
@inline export function madd(a: v128, b: v128, c: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f64x2.relaxed_madd(a, b, c);
  return f64x2.add(f64x2.mul(a, b), c);
}
