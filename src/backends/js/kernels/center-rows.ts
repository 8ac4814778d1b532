/** out = X - 1 mean^T, row by row (out may be X). */
export function centerRows(X: Float64Array, rows: number, cols: number, mean: Float64Array, out: Float64Array): void {
  for (let i = 0, offset = 0; i < rows; i++, offset += cols) {
    for (let j = 0; j < cols; j++) out[offset + j] = X[offset + j] - mean[j];
  }
}
