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
