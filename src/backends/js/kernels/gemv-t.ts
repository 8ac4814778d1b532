/** out = X^T r for a row-major rows x cols X, read row by row (out += r_i * x_i). */
export function gemvT(X: Float64Array, rows: number, cols: number, r: Float64Array, out: Float64Array): void {
  out.fill(0, 0, cols);
  for (let i = 0, offset = 0; i < rows; i++, offset += cols) {
    const ri = r[i];
    for (let j = 0; j < cols; j++) out[j] += ri * X[offset + j];
  }
}
