/** out = A x for A in CSR form (values, columnIndices, rowPointers). */
export function csrMatVec(
  values: Float64Array, columnIndices: Int32Array, rowPointers: Int32Array, rows: number, x: Float64Array, out: Float64Array,
): void {
  for (let i = 0; i < rows; i++) {
    let sum = 0;
    for (let k = rowPointers[i]; k < rowPointers[i + 1]; k++) sum += values[k] * x[columnIndices[k]];
    out[i] = sum;
  }
}

/** out[i k + o] = A_o . X_i for the rows X_i of X (n x d) and the rows A_o of a k x d CSR matrix. */
export function csrTimesRows(
  values: Float64Array, columnIndices: Int32Array, rowPointers: Int32Array, k: number, X: Float64Array, n: number, d: number,
  out: Float64Array,
): void {
  for (let i = 0; i < n; i++) {
    for (let o = 0; o < k; o++) {
      let sum = 0;
      for (let p = rowPointers[o]; p < rowPointers[o + 1]; p++) sum += values[p] * X[i * d + columnIndices[p]];
      out[i * k + o] = sum;
    }
  }
}
