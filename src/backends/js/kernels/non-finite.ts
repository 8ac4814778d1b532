/** Values tested per branch of the first pass, as in the WASM twin. */
const BLOCK = 16;

/**
 * The index of the first NaN, +Infinity or -Infinity among the first n values of x, or -1. v - v is 0 for finite
 * v and NaN otherwise, so a block's sum of them is 0 only when the whole block is finite; the first block that is
 * not (or the tail) is scanned value by value.
 */
export function firstNonFinite(x: Float64Array, n: number = x.length): number {
  let i = 0;
  for (; i + BLOCK <= n; i += BLOCK) {
    let s = 0;
    for (let j = i; j < i + BLOCK; j++) s += x[j] - x[j];
    if (s !== 0) break;
  }
  for (; i < n; i++) {
    const v = x[i];
    if (v - v !== 0) return i;
  }
  return -1;
}
