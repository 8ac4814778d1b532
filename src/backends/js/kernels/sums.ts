/** sum_i x_i^2. */
export function sumSquares(x: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < x.length; i++) sum += x[i] * x[i];
  return sum;
}

/** sum_i |x_i|. */
export function sumAbs(x: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < x.length; i++) sum += Math.abs(x[i]);
  return sum;
}

/** sum_i x_i. */
export function sum(x: Float64Array, n: number = x.length): number {
  let total = 0;
  for (let i = 0; i < n; i++) total += x[i];
  return total;
}
