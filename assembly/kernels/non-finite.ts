import { at } from "./lanes";

/** Values tested per branch of the SIMD pass: eight f64x2 vectors in four accumulators. */
const BLOCK: i32 = 16;

/**
 * The index of the first NaN, +Infinity or -Infinity among n f64 values at x, or -1.
 * v - v is +0 for every finite v and NaN for NaN and +-Infinity, and a sum of such differences stays 0 only while
 * all of them are 0: the SIMD pass adds them up over a block and branches once per block. The first block whose
 * sum is NaN (or the tail past the last whole block) is scanned value by value.
 */
export function firstNonFinite(x: usize, n: i32): i32 {
  let i = 0;
  for (; i + BLOCK <= n; i += BLOCK) {
    const p = at(x, i);
    const v0 = v128.load(p);
    const v1 = v128.load(p, 16);
    const v2 = v128.load(p, 32);
    const v3 = v128.load(p, 48);
    const v4 = v128.load(p, 64);
    const v5 = v128.load(p, 80);
    const v6 = v128.load(p, 96);
    const v7 = v128.load(p, 112);
    const a0 = f64x2.add(f64x2.sub(v0, v0), f64x2.sub(v4, v4));
    const a1 = f64x2.add(f64x2.sub(v1, v1), f64x2.sub(v5, v5));
    const a2 = f64x2.add(f64x2.sub(v2, v2), f64x2.sub(v6, v6));
    const a3 = f64x2.add(f64x2.sub(v3, v3), f64x2.sub(v7, v7));
    const s = f64x2.add(f64x2.add(a0, a1), f64x2.add(a2, a3));
    if (v128.any_true(f64x2.ne(s, s))) break;
  }
  for (; i < n; i++) {
    const v = load<f64>(at(x, i));
    if (v - v != 0) return i;
  }
  return -1;
}
