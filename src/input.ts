// Validation and normalization of user input: every error names the argument and, for data, the position.

import { describeValue as describe } from "./options/checks.js";

/** A dense row-major matrix: element (i, j) is data[i * cols + j]. */
export interface Matrix {
  data: Float64Array;
  rows: number;
  cols: number;
}

/** A matrix as users pass it: rows of numbers, or row-major data with its shape. */
export type MatrixInput =
  | ArrayLike<number>
  | ArrayLike<ArrayLike<number>>
  | { data: ArrayLike<number>; rows: number; cols: number };

/** A vector as users pass it. */
export type VectorInput = ArrayLike<number>;

function isArrayLike(value: unknown): value is ArrayLike<unknown> {
  return (
    Array.isArray(value) ||
    ArrayBuffer.isView(value) ||
    (typeof value === "object" && value !== null && typeof (value as { length?: unknown }).length === "number")
  );
}

/**
 * Copies `source` into `target` at `offset`: typed arrays in one block copy, plain arrays entry by entry with
 * a type check (so "2" or null is an error, not a silent coercion). `where(i)` names entry i in messages.
 */
function copyNumbers(source: ArrayLike<unknown>, target: Float64Array, offset: number, where: (i: number) => string): void {
  if (ArrayBuffer.isView(source) && !(source instanceof DataView)) {
    target.set(source as unknown as ArrayLike<number>, offset);
    return;
  }
  for (let i = 0; i < source.length; i++) {
    const value = source[i];
    if (typeof value !== "number") {
      throw new TypeError(`${where(i)} is ${describe(value)}: every entry must be a finite number.`);
    }
    target[offset + i] = value;
  }
}

/** Throws a RangeError naming the first NaN or infinite entry of `values`. */
function checkAllFinite(values: Float64Array, where: (k: number) => string): void {
  for (let k = 0; k < values.length; k++) {
    if (!Number.isFinite(values[k])) {
      throw new RangeError(`${where(k)} is ${values[k]}: every entry must be a finite number (remove or impute it).`);
    }
  }
}

/** Copies a vector into a Float64Array, checking that every entry is a finite number. */
export function toVector(values: unknown, name: string): Float64Array {
  if (!isArrayLike(values)) {
    throw new TypeError(`${name} must be an array of numbers or a Float64Array, got ${describe(values)}.`);
  }
  const out = new Float64Array(values.length);
  const where = (i: number) => `${name}[${i}]`;
  copyNumbers(values, out, 0, where);
  checkAllFinite(out, where);
  return out;
}

/** Throws a RangeError unless the two lengths agree. */
export function checkSameLength(a: number, aName: string, b: number, bName: string): void {
  if (a !== b) {
    throw new RangeError(`${bName} has length ${b} but ${aName} has length ${a}: they must match.`);
  }
}

/**
 * Copies a matrix into row-major float64, checking shape and values. Accepts rows (`number[][]`,
 * `Float64Array[]`), `{ data, rows, cols }`, or a 1-D array, read as a single column (one feature).
 */
export function toMatrix(input: unknown, name: string): Matrix {
  let matrix: Matrix;
  if (isArrayLike(input)) {
    const first = input.length > 0 ? input[0] : undefined;
    matrix = isArrayLike(first) ? fromRows(input as ArrayLike<unknown>, name) : columnOf(input, name);
  } else if (typeof input === "object" && input !== null && "data" in input) {
    matrix = fromShaped(input as { data: unknown; rows: unknown; cols: unknown }, name);
  } else {
    throw new TypeError(
      `${name} must be an array of rows (number[][] or Float64Array[]), { data, rows, cols }, or a 1-D array ` +
        `of one feature, got ${describe(input)}.`,
    );
  }
  if (matrix.rows === 0 || matrix.cols === 0) {
    throw new RangeError(`${name} is empty (${matrix.rows} x ${matrix.cols}): pass at least one row and one column.`);
  }
  return matrix;
}

function columnOf(values: ArrayLike<unknown>, name: string): Matrix {
  const data = toVector(values, name);
  return { data, rows: data.length, cols: 1 };
}

function fromRows(rowsInput: ArrayLike<unknown>, name: string): Matrix {
  const rows = rowsInput.length;
  const cols = (rowsInput[0] as ArrayLike<unknown>).length;
  const data = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    const row = rowsInput[i];
    if (!isArrayLike(row)) {
      throw new TypeError(`${name}[${i}] is ${describe(row)}: every row must be an array of numbers.`);
    }
    if (row.length !== cols) {
      throw new RangeError(
        `${name}[${i}] has ${row.length} entries but ${name}[0] has ${cols}: every row needs the same length.`,
      );
    }
    copyNumbers(row, data, i * cols, (j) => `${name}[${i}][${j}] (row ${i}, column ${j})`);
  }
  checkAllFinite(data, (k) => {
    const i = Math.floor(k / cols);
    const j = k - i * cols;
    return `${name}[${i}][${j}] (row ${i}, column ${j})`;
  });
  return { data, rows, cols };
}

function fromShaped(input: { data: unknown; rows: unknown; cols: unknown }, name: string): Matrix {
  const { rows, cols } = input;
  if (!Number.isInteger(rows) || !Number.isInteger(cols) || (rows as number) < 0 || (cols as number) < 0) {
    throw new TypeError(`${name}.rows and ${name}.cols must be non-negative integers, got ${describe(rows)} and ${describe(cols)}.`);
  }
  const r = rows as number;
  const c = cols as number;
  if (!isArrayLike(input.data)) {
    throw new TypeError(`${name}.data must be an array of numbers (row-major), got ${describe(input.data)}.`);
  }
  if (input.data.length !== r * c) {
    throw new RangeError(`${name}.data has ${input.data.length} values but rows * cols = ${r} * ${c} = ${r * c}.`);
  }
  const data = new Float64Array(r * c);
  const where = (k: number) => {
    const i = Math.floor(k / c);
    return `${name}.data[${k}] (row ${i}, column ${k - i * c})`;
  };
  copyNumbers(input.data, data, 0, where);
  checkAllFinite(data, where);
  return { data, rows: r, cols: c };
}
