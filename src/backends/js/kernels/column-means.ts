/** out = the mean of each column of a row-major rows x cols X. */
export function columnMeans(X: Float64Array, rows: number, cols: number, out: Float64Array): void {
  out.fill(0, 0, cols);
  for (let i = 0, offset = 0; i < rows; i++, offset += cols) {
    for (let j = 0; j < cols; j++) out[j] += X[offset + j];
  }
  const scale = 1 / rows;
  for (let j = 0; j < cols; j++) out[j] *= scale;
}
