// The twins of assembly/kernels/sums.ts: the same blocks and partial sums, each f64x2 accumulator of the core
// standing for one scalar accumulator here that takes the pair of terms the vector holds.

/** sum_i x_i^2 over n elements (four accumulators, eight values per step). */
export function sumSquares(x: Float64Array, n: number = x.length): number {
  let a0 = 0;
  let a1 = 0;
  let a2 = 0;
  let a3 = 0;
  let i = 0;
  for (; i + 8 <= n; i += 8) {
    a0 += x[i] * x[i] + x[i + 1] * x[i + 1];
    a1 += x[i + 2] * x[i + 2] + x[i + 3] * x[i + 3];
    a2 += x[i + 4] * x[i + 4] + x[i + 5] * x[i + 5];
    a3 += x[i + 6] * x[i + 6] + x[i + 7] * x[i + 7];
  }
  for (; i + 2 <= n; i += 2) a0 += x[i] * x[i] + x[i + 1] * x[i + 1];
  let sum = a0 + a1 + (a2 + a3);
  for (; i < n; i++) sum += x[i] * x[i];
  return sum;
}

/** sum_i |x_i| over n elements (four accumulators, eight values per step). */
export function sumAbs(x: Float64Array, n: number = x.length): number {
  let a0 = 0;
  let a1 = 0;
  let a2 = 0;
  let a3 = 0;
  let i = 0;
  for (; i + 8 <= n; i += 8) {
    a0 += Math.abs(x[i]) + Math.abs(x[i + 1]);
    a1 += Math.abs(x[i + 2]) + Math.abs(x[i + 3]);
    a2 += Math.abs(x[i + 4]) + Math.abs(x[i + 5]);
    a3 += Math.abs(x[i + 6]) + Math.abs(x[i + 7]);
  }
  for (; i + 2 <= n; i += 2) a0 += Math.abs(x[i]) + Math.abs(x[i + 1]);
  let sum = a0 + a1 + (a2 + a3);
  for (; i < n; i++) sum += Math.abs(x[i]);
  return sum;
}

/** sum_i x_i over n elements (two accumulators, four values per step). */
export function sum(x: Float64Array, n: number = x.length): number {
  let a0 = 0;
  let a1 = 0;
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    a0 += x[i] + x[i + 1];
    a1 += x[i + 2] + x[i + 3];
  }
  let total = a0 + a1;
  for (; i < n; i++) total += x[i];
  return total;
}
