/**
 * x . y over n elements, x read from `xOffset`. Four partial sums break the chain of dependent additions
 * (as the WASM core's accumulators do), which is what a performance-minded TypeScript loop looks like.
 */
export function dot(x: Float64Array, y: Float64Array, n: number = x.length, xOffset = 0): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let j = 0;
  for (; j + 4 <= n; j += 4) {
    const i = xOffset + j;
    s0 += x[i] * y[j];
    s1 += x[i + 1] * y[j + 1];
    s2 += x[i + 2] * y[j + 2];
    s3 += x[i + 3] * y[j + 3];
  }
  for (; j < n; j++) s0 += x[xOffset + j] * y[j];
  return s0 + s1 + (s2 + s3);
}
