/** The index of the first NaN or +-Infinity among n f64 values at x, or -1. */
export function firstNonFinite(x: usize, n: i32): i32 {
  for (let i = 0; i < n; i++) {
    const v = load<f64>(x + (<usize>i << 3));
    if (v - v != 0.0) return i;
  }
  return -1;
}
