/** out (cols x rows) = X^T for a row-major rows x cols X. */
export function transpose(X: Float64Array, rows: number, cols: number, out: Float64Array): void {
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) out[j * rows + i] = X[i * cols + j];
  }
}
