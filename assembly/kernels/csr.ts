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
