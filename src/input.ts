// Validation and normalization of user input: every error names the argument and, for data, the position.

import { checkBlockSize, MAX_BLOCK_VALUES } from "./block-limit.js";
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

/** Advice when the data are more than one block holds. */
const TOO_LARGE = "pass fewer rows at a time (predict in chunks; fit on a sample, or accumulate the statistics chunk by chunk with GramAccumulator)";

/**
 * Whether a value is taken as an array: a plain array, a typed array, or an array-like object ({ length, 0: ...}).
 * A DataView has no entries to read and is not one.
 */
function isArrayLike(value: unknown): value is ArrayLike<unknown> {
  if (Array.isArray(value)) return true;
  if (ArrayBuffer.isView(value)) return !(value instanceof DataView);
  return typeof value === "object" && value !== null && typeof (value as { length?: unknown }).length === "number";
}

/**
 * The length of an array argument, refusing what no array of numbers has: a length that is not a non-negative
 * integer (a lying array-like), and BigInt typed arrays (their values are not numbers).
 */
function lengthOf(values: ArrayLike<unknown>, name: string): number {
  if (values instanceof BigInt64Array || values instanceof BigUint64Array) {
    throw new TypeError(`${name} is ${describe(values)}, whose entries are BigInts: convert it to numbers first, e.g. Float64Array.from(${name}, Number).`);
  }
  const { length } = values;
  if (!Number.isInteger(length) || length < 0) {
    throw new TypeError(`${name} has length ${length}, which no array has: pass an array of numbers or a Float64Array.`);
  }
  return length;
}

/**
 * Whether a value is given as rows (its first entry an object: a matrix, or targets with several outputs). A value
 * longer than a block holds is not read at all: it is taken as a vector, which the size check then refuses.
 */
export function isRows(value: unknown): boolean {
  if (typeof value !== "object" || value === null) return false;
  const { length } = value as ArrayLike<unknown>;
  if (!(length > 0 && length <= MAX_BLOCK_VALUES)) return false;
  const first = (value as ArrayLike<unknown>)[0];
  return typeof first === "object" && first !== null;
}

/** Entry i of an array as messages show it: a hole reads as one, not as undefined. */
function describeEntry(source: ArrayLike<unknown>, i: number): string {
  return i in source ? describe(source[i]) : "a hole (empty slot)";
}

/** The TypeError for an entry that is not a number. */
function notNumberError(where: string, source: ArrayLike<unknown>, i: number): TypeError {
  return new TypeError(`${where} is ${describeEntry(source, i)}: every entry must be a finite number.`);
}

/** The index of the first entry of a plain array that is not a number (holes included), or -1. */
function firstNonNumber(source: readonly unknown[]): number {
  for (let i = 0; i < source.length; i++) if (typeof source[i] !== "number") return i;
  return -1;
}

/**
 * Copies a plain array of numbers into target at offset; returns the index of the first non-number, or -1.
 * TypedArray.set copies an array of doubles at memory speed but coerces what is not a number ("2" to 2, null to
 * 0) and throws on a BigInt; the read-only type check after it costs little (V8 knows the entries of an array of
 * doubles are numbers), and a failed check aborts the whole copy, so no coerced value is ever used.
 */
function copyArray(source: readonly unknown[], target: Float64Array, offset: number): number {
  try {
    target.set(source as readonly number[], offset);
  } catch (error) {
    const bad = firstNonNumber(source);
    if (bad < 0) throw error;
    return bad;
  }
  return firstNonNumber(source);
}

/**
 * Copies `source` into `target` at `offset`: typed arrays in one block copy, other arrays entry by entry with
 * a type check (so "2" or null is an error, not a silent coercion). `where(i)` names entry i in messages.
 */
function copyNumbers(source: ArrayLike<unknown>, target: Float64Array, offset: number, where: (i: number) => string): void {
  if (ArrayBuffer.isView(source)) {
    target.set(source as unknown as ArrayLike<number>, offset);
    return;
  }
  const bad = Array.isArray(source) ? copyArray(source, target, offset) : copyArray(Array.from(source), target, offset);
  if (bad >= 0) throw notNumberError(where(bad), source, bad);
}

/** The RangeError for a NaN or infinite entry, named by `where`. */
export function nonFiniteError(where: string, value: number): RangeError {
  return new RangeError(`${where} is ${value}: every entry must be a finite number (remove or impute it).`);
}

/** Throws a RangeError naming the first NaN or infinite entry of `values`. */
function checkAllFinite(values: Float64Array, where: (k: number) => string): void {
  for (let k = 0; k < values.length; k++) {
    if (!Number.isFinite(values[k])) throw nonFiniteError(where(k), values[k]);
  }
}

/**
 * A matrix argument whose shape has been read but none of its values: it copies itself, type-checked, into any
 * row-major float64 target (a fresh array, or a backend block), and names entry k in messages.
 */
export interface MatrixSource {
  readonly rows: number;
  readonly cols: number;
  /** Copies every value into target[0 .. rows * cols), throwing a TypeError at the first non-number. */
  copyTo(target: Float64Array): void;
  /** Entry k of the row-major data, as messages name it. */
  where(k: number): string;
}

/** A vector argument read the same way (its length known, no value read yet). */
export function vectorSource(values: unknown, name: string): MatrixSource {
  if (!isArrayLike(values)) {
    throw new TypeError(`${name} must be an array of numbers or a Float64Array, got ${describe(values)}.`);
  }
  const length = lengthOf(values, name);
  checkBlockSize(length, `${name} has ${length} values`, TOO_LARGE);
  const where = (i: number) => `${name}[${i}]`;
  return { rows: length, cols: 1, copyTo: (target) => copyNumbers(values, target, 0, where), where };
}

/** Copies a vector into a Float64Array, checking that every entry is a finite number. */
export function toVector(values: unknown, name: string): Float64Array {
  const source = vectorSource(values, name);
  const out = new Float64Array(source.rows);
  source.copyTo(out);
  checkAllFinite(out, source.where);
  return out;
}

/** toVector without the copy when the values are a Float64Array already: checked in place, for a caller that only reads them. */
export function vectorView(values: unknown, name: string): Float64Array {
  if (!(values instanceof Float64Array)) return toVector(values, name);
  const source = vectorSource(values, name);
  checkAllFinite(values, source.where);
  return values;
}

/** Throws a RangeError unless the two lengths agree. */
export function checkSameLength(a: number, aName: string, b: number, bName: string): void {
  if (a !== b) {
    throw new RangeError(`${bName} has length ${b} but ${aName} has length ${a}: they must match.`);
  }
}

/**
 * Reads the shape of a matrix argument: rows (`number[][]`, `Float64Array[]`), `{ data, rows, cols }`, or a 1-D
 * array, read as a single column (one feature). Ragged rows and empty matrices are refused here, before any copy.
 */
export function matrixSource(input: unknown, name: string): MatrixSource {
  if (isArrayLike(input)) {
    // Each entry is a row (of one value for a 1-D array): the length alone can be too large, before any read.
    const rows = lengthOf(input, name);
    checkBlockSize(rows, `${name} has ${rows} rows, so at least ${rows} values`, TOO_LARGE);
    return isRows(input) ? rowsSource(input, name) : checkedShape(vectorSource(input, name), name);
  }
  if (typeof input === "object" && input !== null && "data" in input) {
    return shapedSource(input as { data: unknown; rows: unknown; cols: unknown }, name);
  }
  throw new TypeError(
    `${name} must be an array of rows (number[][] or Float64Array[]), { data, rows, cols }, or a 1-D array ` +
      `of one feature, got ${describe(input)}.`,
  );
}

/** Refuses an empty matrix, and one larger than a block holds, from its shape alone. */
function checkShape(rows: number, cols: number, name: string): void {
  if (rows === 0 || cols === 0) {
    throw new RangeError(`${name} is empty (${rows} x ${cols}): pass at least one row and one column.`);
  }
  checkBlockSize(rows * cols, `${name} is ${rows} x ${cols} = ${rows * cols} values`, TOO_LARGE);
}

function checkedShape(source: MatrixSource, name: string): MatrixSource {
  checkShape(source.rows, source.cols, name);
  return source;
}

/**
 * toMatrix without the copy when the input is `{ data, rows, cols }` with a Float64Array of exactly rows * cols
 * values: checked in place, for a caller that only reads it.
 */
export function matrixView(input: unknown, name: string): Matrix {
  const data = (input as { data?: unknown } | null)?.data;
  if (!(data instanceof Float64Array)) return toMatrix(input, name);
  const source = matrixSource(input, name);
  if (data.length !== source.rows * source.cols) return toMatrix(input, name);
  checkAllFinite(data, source.where);
  return { data, rows: source.rows, cols: source.cols };
}

/** Copies a matrix into row-major float64, checking shape and values (see {@link matrixSource}). */
export function toMatrix(input: unknown, name: string): Matrix {
  const source = matrixSource(input, name);
  const data = new Float64Array(source.rows * source.cols);
  source.copyTo(data);
  checkAllFinite(data, source.where);
  return { data, rows: source.rows, cols: source.cols };
}

function rowsSource(rowsInput: ArrayLike<unknown>, name: string): MatrixSource {
  const rows = lengthOf(rowsInput, name);
  const rowLength = (i: number): number => {
    const row = rowsInput[i];
    // A plain array's length is always valid: no message (a string per row) to build.
    if (Array.isArray(row)) return row.length;
    if (!isArrayLike(row)) {
      throw new TypeError(`${name}[${i}] is ${describeEntry(rowsInput, i)}: every row must be an array of numbers (number[] or Float64Array).`);
    }
    return lengthOf(row, `${name}[${i}]`);
  };
  const cols = rowLength(0);
  checkShape(rows, cols, name);
  for (let i = 1; i < rows; i++) {
    if (rowLength(i) !== cols) {
      throw new RangeError(
        `${name}[${i}] has ${rowLength(i)} entries but ${name}[0] has ${cols}: every row needs the same length.`,
      );
    }
  }
  const where = (k: number) => {
    const i = Math.floor(k / cols);
    const j = k - i * cols;
    return `${name}[${i}][${j}] (row ${i}, column ${j})`;
  };
  return {
    rows,
    cols,
    copyTo(target) {
      for (let i = 0; i < rows; i++) {
        const row = rowsInput[i] as ArrayLike<unknown>;
        // Typed rows are one block copy each, plain arrays the checked copy: no per-row closure for either.
        if (row instanceof Float64Array || row instanceof Float32Array) {
          target.set(row, i * cols);
          continue;
        }
        if (!Array.isArray(row)) {
          copyNumbers(row, target, i * cols, (j) => where(i * cols + j));
          continue;
        }
        const bad = copyArray(row, target, i * cols);
        if (bad >= 0) throw notNumberError(where(i * cols + bad), row, bad);
      }
    },
    where,
  };
}

function shapedSource(input: { data: unknown; rows: unknown; cols: unknown }, name: string): MatrixSource {
  const { rows, cols } = input;
  if (!Number.isInteger(rows) || !Number.isInteger(cols) || (rows as number) < 0 || (cols as number) < 0) {
    throw new TypeError(`${name}.rows and ${name}.cols must be non-negative integers, got ${describe(rows)} and ${describe(cols)}.`);
  }
  const r = rows as number;
  const c = cols as number;
  checkShape(r, c, name);
  const data = input.data;
  if (!isArrayLike(data)) {
    throw new TypeError(`${name}.data must be an array of numbers (row-major), got ${describe(data)}.`);
  }
  const length = lengthOf(data, `${name}.data`);
  if (length !== r * c) {
    throw new RangeError(`${name}.data has ${length} values but rows * cols = ${r} * ${c} = ${r * c}.`);
  }
  const where = (k: number) => {
    const i = Math.floor(k / c);
    return `${name}.data[${k}] (row ${i}, column ${k - i * c})`;
  };
  return { rows: r, cols: c, copyTo: (target) => copyNumbers(data, target, 0, where), where };
}
