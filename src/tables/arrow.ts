// Arrow tables (apache-arrow's Table, as DuckDB-wasm, Arquero or a Parquet reader give them) to X with names and y.
// Number columns are read from their chunks' value buffers into the row-major matrix, never row by row.

import { describeValue, repeatedName } from "../options/checks.js";
import type { SourceColumn } from "./encode.js";
import { checkTableOptions, chooseFeatures, encodeFeatures, type TableData, type TableOptions } from "./table-options.js";

/** A chunk of an Arrow column: its values (from its first row: apache-arrow applies a slice's offset) and its null count. */
export interface ArrowChunk {
  readonly length: number;
  readonly nullCount: number;
  readonly values: ArrayLike<number | bigint>;
}

/** An Arrow column (apache-arrow's Vector): its chunks, and a value by row. */
export interface ArrowColumn {
  readonly length: number;
  readonly nullCount: number;
  readonly data: readonly ArrowChunk[];
  get(index: number): unknown;
  isValid(index: number): boolean;
}

/** An Arrow field's type: its id (Arrow's Type enum) and, for numbers, its width. */
export interface ArrowType {
  readonly typeId: number;
  readonly precision?: number;
  readonly bitWidth?: number;
}

/** What fromArrow reads of an apache-arrow Table: its row count, its schema and its columns by name. */
export interface ArrowTable {
  readonly numRows: number;
  readonly schema: { readonly fields: readonly { readonly name: string; readonly type: ArrowType }[] };
  getChild(name: string): ArrowColumn | null;
}

/** Arrow's type ids (apache-arrow's Type enum, from the format's Schema.fbs; Dictionary is the library's -1). */
const TYPE = { dictionary: -1, int: 2, float: 3, utf8: 5, bool: 6, largeUtf8: 20 } as const;
/** Float precision 0 is half precision, stored as raw 16-bit words: read through get(). */
const HALF = 0;

/** Refuses a column with nulls, naming the first. */
function checkNoNulls(column: ArrowColumn, name: string): void {
  if (column.nullCount === 0) return;
  let i = 0;
  while (column.isValid(i)) i++;
  throw new TypeError(`column "${name}" has ${column.nullCount} null(s), the first in row ${i}: fill them in (COALESCE in SQL) or drop those rows.`);
}

/** The refusal of a value that is not a finite double (NaN, an infinity, an Int64 beyond 2^53). */
function notFinite(name: string, row: number, value: unknown): RangeError {
  return new RangeError(`column "${name}" row ${row} is ${describeValue(value)}: every number must be finite (and an integer at most 2^53 in magnitude). Fix or drop the row.`);
}

/** A number column read chunk by chunk from its value buffers (Int64 converted exactly, or refused). */
function bufferColumn(column: ArrowColumn, name: string): SourceColumn {
  return {
    name,
    type: "number",
    value: (i) => Number(column.get(i)),
    scatter(target, offset, stride) {
      let row = 0;
      for (const chunk of column.data) {
        // apache-arrow gives a sliced chunk's values from its first row on (its offset already applied).
        const { values, length } = chunk;
        for (let k = 0; k < length; k++, row++) {
          const raw = values[k];
          const value = typeof raw === "bigint" ? Number(raw) : raw;
          if (!Number.isFinite(value) || (typeof raw === "bigint" && BigInt(value) !== raw)) throw notFinite(name, row, raw);
          target[offset + row * stride] = value;
        }
      }
    },
  };
}

/** A column read value by value: booleans as 1 and 0, half floats, text (dictionary-encoded text too). */
function valueColumn(column: ArrowColumn, name: string, type: "number" | "text"): SourceColumn {
  const read = type === "text" ? (i: number) => {
    // As fromRecords: an empty string is a missing value, and a NaN (a float column one-hot encoded) is no category.
    const raw = column.get(i);
    if (raw === "") throw new TypeError(`column "${name}" row ${i} is an empty string: fill it in (NULLIF and COALESCE in SQL) or drop the row.`);
    if (typeof raw === "number" && !Number.isFinite(raw)) throw notFinite(name, i, raw);
    return String(raw);
  } : (i: number) => {
    const value = Number(column.get(i));
    if (!Number.isFinite(value)) throw notFinite(name, i, column.get(i));
    return value;
  };
  return { name, type, value: read };
}

/** The source of a column by its Arrow type; `asText` reads it as categories. Refuses types that are neither numbers nor text. */
function arrowColumn(table: ArrowTable, name: string, asText: boolean): SourceColumn {
  const column = table.getChild(name) as ArrowColumn;
  checkNoNulls(column, name);
  const type = table.schema.fields.find((field) => field.name === name)!.type;
  const text = type.typeId === TYPE.utf8 || type.typeId === TYPE.largeUtf8 || type.typeId === TYPE.dictionary;
  if (asText || text) return valueColumn(column, name, "text");
  if (type.typeId === TYPE.bool || (type.typeId === TYPE.float && type.precision === HALF)) return valueColumn(column, name, "number");
  if (type.typeId === TYPE.int || type.typeId === TYPE.float) return bufferColumn(column, name);
  throw new TypeError(`column "${name}" is of Arrow type ${String(type)}: fromArrow reads numbers, booleans and text. Cast it (CAST(... AS DOUBLE) in SQL) or exclude it.`);
}

/** The target column: numbers as a Float64Array, otherwise labels (text, booleans) for a classifier. */
function arrowTarget(table: ArrowTable, name: string): Float64Array | (string | boolean)[] {
  const source = arrowColumn(table, name, false);
  if (source.type === "text") return Array.from({ length: table.numRows }, (_, i) => source.value(i) as string);
  const type = table.schema.fields.find((field) => field.name === name)!.type;
  if (type.typeId === TYPE.bool) return Array.from({ length: table.numRows }, (_, i) => source.value(i) === 1);
  const y = new Float64Array(table.numRows);
  if (source.scatter) source.scatter(y, 0, 1);
  else for (let i = 0; i < y.length; i++) y[i] = source.value(i) as number;
  return y;
}

/**
 * Reads an Arrow table (apache-arrow's `Table`: from DuckDB-wasm's query results, Arquero's `toArrow()`, or a Parquet
 * reader) into what `fit` takes: X, a row-major matrix with its feature names and encoding, and y, the `target`
 * column. Integer and Float32/Float64 columns are copied from their buffers; Float16 ones and booleans (1 and 0) value by value;
 * text and dictionary columns are one-hot encoded (`column=value`). Nulls, NaN and other types are refused, naming
 * the column.
 *
 * @example
 * const table = await conn.query("SELECT * FROM houses");        // DuckDB-wasm
 * const { X, y } = fromArrow(table, { target: "price" });
 * const model = new Ridge({ lambda: 1 }).fit(X, y);
 */
export function fromArrow(table: ArrowTable, options?: TableOptions): TableData {
  const checked = checkTableOptions(options, "fromArrow");
  if (typeof table?.getChild !== "function" || !Array.isArray(table.schema?.fields)) {
    throw new TypeError(`fromArrow takes an apache-arrow Table, got ${describeValue(table)}: for arrays of objects use fromRecords.`);
  }
  if (table.numRows === 0) throw new RangeError("fromArrow: the table has no rows; fit needs at least one.");
  const names = table.schema.fields.map((field) => field.name);
  const twice = repeatedName(names);
  if (twice !== undefined) throw new TypeError(`the Arrow table has two columns named "${twice}": give each its own name (AS in SQL), so each name picks one column.`);
  const features = chooseFeatures(names, checked, "the Arrow table");
  const X = encodeFeatures(features, table.numRows, checked, (name, asText) => arrowColumn(table, name, asText));
  return checked.target === undefined ? { X } : { X, y: arrowTarget(table, checked.target) };
}
