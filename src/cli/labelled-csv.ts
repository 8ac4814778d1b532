// A CSV table whose target columns hold text: class labels ("B", "malignant", true, 3) rather than numbers. The
// feature columns follow the numeric table's rules (src/csv/table.ts), with the same messages.

import { cellPlace, cellValue, checkRowLength, type CsvRecord } from "../csv/table.js";
import { CliError } from "./cli-error.js";
import { headerAndData, targetColumns } from "./csv.js";

/** Numeric features and the text of each target column. */
export interface LabelledTable {
  X: number[][];
  featureNames: string[];
  /** Per target column (in the order named), each row's cell as written (trimmed). */
  cells: string[][];
  /** Each data row's file line, for messages. */
  lines: number[];
}

/**
 * Checks the header and the rows as the numeric table does, reading the feature cells as decimal numbers and
 * keeping the `targets` columns' cells as text (none may be empty); errors name the source, the line and the column.
 */
export function labelledTable(records: readonly CsvRecord[], source: string, targets: readonly string[]): LabelledTable {
  const { columns, data } = headerAndData(records, source);
  const { indices, isTarget, featureNames } = targetColumns(columns, targets, source);
  const cells: string[][] = targets.map(() => []);
  const X = data.map(({ record, info }) => {
    checkRowLength(record.length, columns, source, info.lines);
    const where = (c: number) => cellPlace(source, info.lines, columns[c]);
    const row: number[] = [];
    record.forEach((cell, c) => {
      if (!isTarget(c)) {
        row.push(cellValue(cell, c, where));
        return;
      }
      if (cell === "") throw new CliError(`${where(c)}: missing label. Fill it in, or drop the row.`);
      cells[indices.indexOf(c)].push(cell);
    });
    return row;
  });
  return { X, featureNames, cells, lines: data.map(({ info }) => info.lines) };
}
