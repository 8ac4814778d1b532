/** y += alpha * x over n elements. */
export function axpy(alpha: number, x: Float64Array, y: Float64Array, n: number = x.length): void {
  for (let i = 0; i < n; i++) y[i] += alpha * x[i];
}
