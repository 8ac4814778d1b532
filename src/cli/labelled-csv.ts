// A CSV file as the commands fit it: the cells of its target columns as text (numbers or class labels, which the
// caller reads), and its feature columns encoded (text columns one-hot, see feature-table.ts).

import { readRecords, headerAndData, targetColumns } from "./csv.js";
import { cellColumns, csvFeatures, type ColumnFlags, type CsvFeatures } from "./feature-table.js";

/** The features of a CSV file and its targets' cells. */
export interface CsvTable {
  features: CsvFeatures;
  /** Per target column (in the order named), each row's cell as written (trimmed). */
  cells: string[][];
  /** Each data row's file line, for messages. */
  lines: number[];
  source: string;
}

/**
 * Reads a CSV file (or standard input for `-`): checks its header and rows, encodes the feature columns (all but the
 * `targets` and the --exclude'd ones; `say` hears which text columns are one-hot encoded) and keeps the targets'
 * cells. Errors name the source, the line and the column.
 */
export function readCsvTable(file: string, targets: readonly string[], flags: ColumnFlags, say: (message: string) => void): CsvTable {
  const { records, source } = readRecords(file);
  const { columns, data } = headerAndData(records, source);
  targetColumns(columns, targets, source);
  const features = csvFeatures(columns, data, source, targets, flags, say);
  const cells = cellColumns(columns, data, source, targets).map((column) => column.cells);
  return { features, cells, lines: data.map(({ info }) => info.lines), source };
}
