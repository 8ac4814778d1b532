/** out (cols x rows) = (X - 1 mean^T)^T for a row-major rows x cols X, or X^T as it is without mean. */
export function transpose(X: Float64Array, rows: number, cols: number, mean: Float64Array | null, out: Float64Array): void {
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) out[j * rows + i] = mean ? X[i * cols + j] - mean[j] : X[i * cols + j];
  }
}
