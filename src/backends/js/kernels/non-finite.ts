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
    // Four partial sums, as the WASM twin's four accumulators: no chain of 16 dependent additions.
    let a0 = 0;
    let a1 = 0;
    let a2 = 0;
    let a3 = 0;
    for (let j = i; j < i + BLOCK; j += 4) {
      a0 += x[j] - x[j];
      a1 += x[j + 1] - x[j + 1];
      a2 += x[j + 2] - x[j + 2];
      a3 += x[j + 3] - x[j + 3];
    }
    if (a0 + a1 + (a2 + a3) !== 0) break;
  }
  for (; i < n; i++) {
    const v = x[i];
    if (v - v !== 0) return i;
  }
  return -1;
}
