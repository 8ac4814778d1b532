// Plain-TypeScript kernels: the reference for the WASM core and the speed baseline it is measured against.
// Same algorithms as assembly/kernels (row-major X, one pass per row for the fused gradient), written as the
// straightforward loops a TypeScript developer would write.

/**
 * x . y over n elements, x read from `xOffset`. Four partial sums break the chain of dependent additions
 * (as the WASM core's accumulators do), which is what a performance-minded TypeScript loop looks like.
 */
export function dot(x: Float64Array, y: Float64Array, n: number = x.length, xOffset = 0): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let j = 0;
  for (; j + 4 <= n; j += 4) {
    const i = xOffset + j;
    s0 += x[i] * y[j];
    s1 += x[i + 1] * y[j + 1];
    s2 += x[i + 2] * y[j + 2];
    s3 += x[i + 3] * y[j + 3];
  }
  for (; j < n; j++) s0 += x[xOffset + j] * y[j];
  return s0 + s1 + (s2 + s3);
}

/** y += alpha * x over n elements. */
export function axpy(alpha: number, x: Float64Array, y: Float64Array, n: number = x.length): void {
  for (let i = 0; i < n; i++) y[i] += alpha * x[i];
}

/** x *= alpha. */
export function scal(alpha: number, x: Float64Array): void {
  for (let i = 0; i < x.length; i++) x[i] *= alpha;
}

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

/** out = X w for a row-major rows x cols X. */
export function gemv(X: Float64Array, rows: number, cols: number, w: Float64Array, out: Float64Array): void {
  for (let i = 0; i < rows; i++) out[i] = dot(X, w, cols, i * cols);
}

/** out = X^T r for a row-major rows x cols X, read row by row (out += r_i * x_i). */
export function gemvT(X: Float64Array, rows: number, cols: number, r: Float64Array, out: Float64Array): void {
  out.fill(0, 0, cols);
  for (let i = 0, offset = 0; i < rows; i++, offset += cols) {
    const ri = r[i];
    for (let j = 0; j < cols; j++) out[j] += ri * X[offset + j];
  }
}

/**
 * One pass over the rows of X: r = X w + b - y, grad = X^T r / rows; returns (1/2 rows) ||r||^2.
 */
export function squaredLossGradient(
  X: Float64Array, rows: number, cols: number, w: Float64Array, b: number, y: Float64Array,
  r: Float64Array, grad: Float64Array,
): number {
  grad.fill(0, 0, cols);
  let sumSq = 0;
  for (let i = 0, offset = 0; i < rows; i++, offset += cols) {
    const ri = dot(X, w, cols, offset) + b - y[i];
    r[i] = ri;
    sumSq += ri * ri;
    for (let j = 0; j < cols; j++) grad[j] += ri * X[offset + j];
  }
  const scale = 1 / rows;
  for (let j = 0; j < cols; j++) grad[j] *= scale;
  return sumSq / (2 * rows);
}

/** sum_i x_i. */
export function sum(x: Float64Array, n: number = x.length): number {
  let total = 0;
  for (let i = 0; i < n; i++) total += x[i];
  return total;
}

/** out = the mean of each column of a row-major rows x cols X. */
export function columnMeans(X: Float64Array, rows: number, cols: number, out: Float64Array): void {
  out.fill(0, 0, cols);
  for (let i = 0, offset = 0; i < rows; i++, offset += cols) {
    for (let j = 0; j < cols; j++) out[j] += X[offset + j];
  }
  const scale = 1 / rows;
  for (let j = 0; j < cols; j++) out[j] *= scale;
}

/** out = X - 1 mean^T, row by row (out may be X). */
export function centerRows(X: Float64Array, rows: number, cols: number, mean: Float64Array, out: Float64Array): void {
  for (let i = 0, offset = 0; i < rows; i++, offset += cols) {
    for (let j = 0; j < cols; j++) out[offset + j] = X[offset + j] - mean[j];
  }
}

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

/** out (cols x rows) = X^T for a row-major rows x cols X. */
export function transpose(X: Float64Array, rows: number, cols: number, out: Float64Array): void {
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) out[j * rows + i] = X[i * cols + j];
  }
}
