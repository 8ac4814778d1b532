/** x *= alpha. */
export function scal(alpha: number, x: Float64Array): void {
  for (let i = 0; i < x.length; i++) x[i] *= alpha;
}
