import { at } from "./lanes";

/**
 * out = A x for a rows x cols matrix A in CSR form: the non-zeros of row i are values[k] at column
 * columnIndices[k] for rowPointers[i] <= k < rowPointers[i + 1] (indices are i32).
 */
export function csrMatVec(values: usize, columnIndices: usize, rowPointers: usize, rows: i32, x: usize, out: usize): void {
  for (let i = 0; i < rows; i++) {
    const start = load<i32>(rowPointers + ((<usize>i) << 2));
    const end = load<i32>(rowPointers + ((<usize>(i + 1)) << 2));
    let s0 = 0.0;
    let s1 = 0.0;
    let k = start;
    for (; k + 2 <= end; k += 2) {
      s0 += load<f64>(at(values, k)) * load<f64>(at(x, load<i32>(columnIndices + ((<usize>k) << 2))));
      s1 += load<f64>(at(values, k + 1)) * load<f64>(at(x, load<i32>(columnIndices + ((<usize>(k + 1)) << 2))));
    }
    if (k < end) s0 += load<f64>(at(values, k)) * load<f64>(at(x, load<i32>(columnIndices + ((<usize>k) << 2))));
    store<f64>(at(out, i), s0 + s1);
  }
}

/**
 * out[i * k + o] = A_o . X_i for every row X_i of a row-major n x d X and every row o of a k x d CSR matrix A
 * (the predictions of k outputs whose weights are the rows of A).
 */
export function csrTimesRows(
  values: usize, columnIndices: usize, rowPointers: usize, k: i32, X: usize, n: i32, d: i32, out: usize,
): void {
  const rowBytes = (<usize>d) << 3;
  for (let i = 0; i < n; i++) {
    const xi = X + <usize>i * rowBytes;
    for (let o = 0; o < k; o++) {
      const end = load<i32>(rowPointers + ((<usize>(o + 1)) << 2));
      let sum = 0.0;
      for (let p = load<i32>(rowPointers + ((<usize>o) << 2)); p < end; p++) {
        sum += load<f64>(at(values, p)) * load<f64>(at(xi, load<i32>(columnIndices + ((<usize>p) << 2))));
      }
      store<f64>(at(out, i * k + o), sum);
    }
  }
}
