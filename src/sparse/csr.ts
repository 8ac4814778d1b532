// Compressed sparse row matrices and their product with a vector (the WASM SpMV kernel), for inference with
// pruned weights.

import { getBackend } from "../backends/registry.js";
import { checkSameLength, toMatrix, toVector, type MatrixInput, type VectorInput } from "../input.js";
import { describeValue } from "../options/checks.js";
import type { BackendOptions } from "../options/schema.js";

/** The parts of a CSR matrix: the non-zeros of row i are values[k] at columnIndices[k], rowPointers[i] <= k < rowPointers[i + 1]. */
export interface CsrParts {
  rows: number;
  cols: number;
  values: ArrayLike<number>;
  columnIndices: ArrayLike<number>;
  rowPointers: ArrayLike<number>;
}

/** The largest index the SpMV kernels take: they index with 32-bit integers. */
const INT32_MAX = 2 ** 31 - 1;

const isIndexCount = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0 && (value as number) <= INT32_MAX;

/** Integer indices in [0, largest], checked before they become 32-bit integers (where 2^32 + 1 would wrap to 1). */
function toIndices(values: ArrayLike<number>, name: string, largest: number, rule: string): Int32Array {
  const checked = toVector(values, name);
  checked.forEach((value, k) => {
    if (!(Number.isInteger(value) && value >= 0 && value <= largest)) throw new RangeError(`${name}[${k}] is ${value}: ${rule}.`);
  });
  return Int32Array.from(checked);
}

export class CsrMatrix {
  readonly rows: number;
  readonly cols: number;
  readonly values: Float64Array;
  readonly columnIndices: Int32Array;
  readonly rowPointers: Int32Array;

  /** Checks the parts: row pointers from 0 to nnz, non-decreasing; column indices in [0, cols). */
  constructor(parts: CsrParts) {
    if (typeof parts !== "object" || parts === null) {
      throw new TypeError(`CsrMatrix takes { rows, cols, rowPointers, columnIndices, values }, got ${describeValue(parts)}: pass those parts, or build one from a dense matrix with CsrMatrix.fromDense(A).`);
    }
    const { rows, cols } = parts;
    if (!isIndexCount(rows) || !isIndexCount(cols)) {
      throw new RangeError(`rows and cols must be integers from 0 to ${INT32_MAX}, got ${describeValue(rows)} and ${describeValue(cols)}.`);
    }
    this.rows = rows;
    this.cols = cols;
    this.values = toVector(parts.values, "values");
    const nnz = this.values.length;
    this.columnIndices = toIndices(parts.columnIndices, "columnIndices", cols - 1, `column indices must be integers in [0, ${cols})`);
    this.rowPointers = toIndices(parts.rowPointers, "rowPointers", nnz, `row pointers must be integers from 0 to nnz = ${nnz}`);
    checkSameLength(nnz, "values", this.columnIndices.length, "columnIndices");
    checkSameLength(rows + 1, "rows + 1", this.rowPointers.length, "rowPointers");
    if (this.rowPointers[0] !== 0 || this.rowPointers[rows] !== nnz) {
      throw new RangeError(`rowPointers must start at 0 and end at nnz = ${nnz}, got ${this.rowPointers[0]} and ${this.rowPointers[rows]}.`);
    }
    for (let i = 0; i < rows; i++) {
      if (this.rowPointers[i + 1] < this.rowPointers[i]) {
        throw new RangeError(`rowPointers decreases at row ${i}: ${this.rowPointers[i]} then ${this.rowPointers[i + 1]}.`);
      }
    }
  }

  /** The non-zeros of a dense matrix (rows, { data, rows, cols }), row by row. */
  static fromDense(A: MatrixInput): CsrMatrix {
    const { data, rows, cols } = toMatrix(A, "A");
    const values: number[] = [];
    const columnIndices: number[] = [];
    const rowPointers = [0];
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) {
        const v = data[i * cols + j];
        if (v !== 0) {
          values.push(v);
          columnIndices.push(j);
        }
      }
      rowPointers.push(values.length);
    }
    return new CsrMatrix({ rows, cols, values, columnIndices, rowPointers });
  }

  /** Number of stored non-zeros. */
  get nnz(): number {
    return this.values.length;
  }

  /** nnz / (rows cols). */
  get density(): number {
    return this.rows * this.cols === 0 ? 0 : this.nnz / (this.rows * this.cols);
  }

  /** The dense matrix, as rows. */
  toDense(): Float64Array[] {
    return Array.from({ length: this.rows }, (_, i) => {
      const row = new Float64Array(this.cols);
      for (let k = this.rowPointers[i]; k < this.rowPointers[i + 1]; k++) row[this.columnIndices[k]] = this.values[k];
      return row;
    });
  }

  /** A x, by the backend's SpMV kernel: nnz multiplications instead of rows x cols. */
  multiply(x: VectorInput, options: BackendOptions = {}): Float64Array {
    const xs = toVector(x, "x");
    checkSameLength(this.cols, "the columns of A", xs.length, "x");
    const backend = getBackend(options.backend);
    return backend.scope((scope) => {
      const out = scope.alloc(this.rows);
      backend.csrMatVec(
        scope.fromArray(this.values), scope.fromInt32(this.columnIndices), scope.fromInt32(this.rowPointers), this.rows,
        scope.fromArray(xs), out,
      );
      return out.values.slice();
    });
  }
}
