// The feature columns of a CSV file as the commands fit them: number columns as numbers, text columns one-hot
// encoded (on their own, said on standard error, or by --one-hot), --exclude'd columns dropped; and at predict, the
// columns of a model file read by name and encoded as its fit's were.

import { cellPlace, cellValue, checkRowLength, type CsvRecord } from "../csv/table.js";
import { isDecimal } from "../options/checks.js";
import type { CategoryColumn, ColumnEncoding, NamedMatrix } from "../tables/columns.js";
import { encodeTable, type SourceColumn } from "../tables/encode.js";
import { CliError } from "./cli-error.js";

/** The flags that choose and encode feature columns. */
export interface ColumnFlags {
  /** Number columns to one-hot encode as categories (codes such as zip codes). */
  oneHot?: string[];
  /** Columns to leave out. */
  exclude?: string[];
}

/** The features of a CSV file: rows of numbers, their names, and the columns they encode. */
export interface CsvFeatures {
  X: number[][];
  featureNames: string[];
  columns: ColumnEncoding[];
}

/** The features as fit takes them with their names: a model fitted on it keeps its names and encoding. */
export function namedFeatures({ X, featureNames, columns }: CsvFeatures): NamedMatrix {
  return { data: Float64Array.from(X.flat()), rows: X.length, cols: featureNames.length, featureNames, columns };
}

/** A CSV column's cells (trimmed text). */
export interface CellColumn {
  name: string;
  cells: string[];
}

/** The refusal of a missing cell. */
const missingCell = (where: string) => new CliError(`${where}: missing value. Fill it in, or drop the row.`);

/**
 * A column of cells as a source: text when `asText`, or (at fit, `allowText`) when no cell is a number; numbers
 * otherwise. At fit, a column of numbers and text is refused at its first cell that is not a number, saying how to
 * one-hot encode or exclude it; at predict, a number column takes numbers only.
 */
function cellSource(column: CellColumn, lines: readonly number[], source: string, asText: boolean, allowText: boolean): SourceColumn {
  const { name, cells } = column;
  const where = (i: number) => cellPlace(source, lines[i], name);
  const empty = cells.findIndex((cell) => cell === "");
  if (empty >= 0) throw missingCell(where(empty));
  const text = asText || (allowText && !cells.some(isDecimal));
  // A one-hot column's categories are its cells as written: codes keep their leading zeros (01234 is not 1234).
  if (text) return { name, type: "text", value: (i) => cells[i] };
  const numbers = cells.map((cell, i) => {
    try {
      return cellValue(cell, 0, () => where(i));
    } catch (error) {
      if (!allowText || isDecimal(cell)) throw error;
      throw new CliError(`${(error as Error).message.replace(/\.$/, "")}; if "${name}" holds categories, one-hot encode it with --one-hot ${name}, ` +
        `or drop it with --exclude ${name}.`);
    }
  });
  return { name, type: "number", value: (i) => numbers[i] };
}

/** The cells of the named columns, each row checked to have one cell per column. */
export function cellColumns(columns: readonly string[], data: readonly CsvRecord[], source: string, names: readonly string[]): CellColumn[] {
  const indices = names.map((name) => columns.indexOf(name));
  const cells = names.map((): string[] => []);
  for (const { record, info } of data) {
    checkRowLength(record.length, columns, source, info.lines);
    indices.forEach((c, k) => cells[k].push(record[c]));
  }
  return names.map((name, k) => ({ name, cells: cells[k] }));
}

/** The first of --one-hot and --exclude given, as messages name it; undefined when neither is. */
export const columnFlag = (flags: ColumnFlags): string | undefined => (flags.oneHot ? "--one-hot" : flags.exclude ? "--exclude" : undefined);

/** Refuses --one-hot and --exclude for a command that reads `file` into statistics (`how`), not rows in memory. */
export function checkInMemoryColumns(flags: ColumnFlags, file: string | undefined, how: string): void {
  const flag = columnFlag(flags);
  if (flag === undefined) return;
  throw new CliError(`${flag} encodes the rows in memory, but this command reads ${file} into statistics (${how}): ` +
    "drop the flag, or give a CSV file of numeric features (select the columns first).");
}

/** Rows of numbers from a row-major block. */
function rowsOf(data: Float64Array, rows: number, cols: number): number[][] {
  return Array.from({ length: rows }, (_, i) => Array.from(data.subarray(i * cols, (i + 1) * cols)));
}

/** Refuses --one-hot and --exclude names that are not columns of the file (or are its targets). */
function checkNamed(flags: ColumnFlags, features: readonly string[], columns: readonly string[], source: string): void {
  for (const [flag, names] of [["--exclude", flags.exclude], ["--one-hot", flags.oneHot]] as const) {
    const unknown = (names ?? []).find((name) => !columns.includes(name));
    if (unknown !== undefined) throw new CliError(`${flag} ${unknown}: ${source} has no such column (its columns are ${columns.join(", ")}).`);
  }
  const target = (flags.oneHot ?? []).find((name) => !features.includes(name));
  if (target !== undefined) throw new CliError(`--one-hot ${target}: that column is ${flags.exclude?.includes(target) ? "excluded" : "the target"}, not a feature.`);
}

/**
 * The feature columns of the file (all but the targets and --exclude'd ones), encoded: text columns one-hot, said
 * to `say`. Errors name the source, the line and the column.
 */
export function csvFeatures(columns: readonly string[], data: readonly CsvRecord[], source: string, targets: readonly string[],
  flags: ColumnFlags, say: (message: string) => void): CsvFeatures {
  const features = columns.filter((name) => !targets.includes(name) && !(flags.exclude ?? []).includes(name));
  checkNamed(flags, features, columns, source);
  if (features.length === 0) throw new CliError(`${source} has no feature columns left: every column is a --target or --exclude'd.`);
  const lines = data.map(({ info }) => info.lines);
  const oneHot = flags.oneHot ?? [];
  const sources = cellColumns(columns, data, source, features).map((column) => cellSource(column, lines, source, oneHot.includes(column.name), true));
  const encoded = encodeTable(sources, data.length, { oneHot }, () => {});
  const auto = encoded.columns.filter((c): c is CategoryColumn => c.kind === "category" && !oneHot.includes(c.name));
  if (auto.length > 0) {
    const listed = auto.map((c) => `${c.name} (${c.categories.length} categor${c.categories.length === 1 ? "y" : "ies"})`).join(", ");
    say(`one-hot encoding the text column${auto.length > 1 ? "s" : ""} ${listed} as <column>=<value> features; --exclude drops a column.`);
  }
  return { X: rowsOf(encoded.data, encoded.rows, encoded.cols), featureNames: encoded.featureNames, columns: encoded.columns };
}

/**
 * The rows of a file to predict, read as the model's fit read its columns: each column found by name (others
 * ignored), numbers as numbers, categories one-hot, a category the model never saw given zeros (said to `warn`).
 */
export function csvFeaturesFor(model: readonly ColumnEncoding[], columns: readonly string[], data: readonly CsvRecord[], source: string,
  warn: (message: string) => void): number[][] {
  const names = model.map((column) => column.name);
  const missing = names.filter((name) => !columns.includes(name));
  if (missing.length > 0) {
    throw new CliError(`${source} lacks the model's features ${missing.join(", ")}: its columns are ${columns.join(", ")}. ` +
      "Add them (columns are matched by name, in any order; other columns are ignored).");
  }
  const lines = data.map(({ info }) => info.lines);
  const sources = cellColumns(columns, data, source, names).map((column, c) => cellSource(column, lines, source, model[c].kind === "category", false));
  const encoded = encodeTable(sources, data.length, { columns: model }, warn);
  return rowsOf(encoded.data, encoded.rows, encoded.cols);
}
