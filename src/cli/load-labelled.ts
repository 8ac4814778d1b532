// The rows a classifier fits: numeric features and a target column of class labels, from a CSV file (or standard
// input), or the embedded breast cancer data.

import { loadBreastCancer } from "../datasets/breast-cancer.js";
import type { Label } from "../models/logistic-regression.js";
import { isDecimal } from "../options/checks.js";
import { cellPlace, cellValue } from "../csv/table.js";
import { CliError } from "./cli-error.js";
import type { ColumnFlags, CsvFeatures } from "./feature-table.js";
import { readCsvTable } from "./labelled-csv.js";
import { BREAST_CANCER, checkColumnFlags, embeddedFeatures, sayOnStderr } from "./load-data.js";

/** Features (with their encoding), one label per row, and the names of the columns. */
export interface Labelled extends CsvFeatures {
  y: Label[];
  target: string;
  source: string;
}

/** Whether a cell reads as a boolean label. */
const isBoolean = (cell: string) => /^(true|false)$/i.test(cell);

/**
 * A column's cells as labels of one type: numbers when every cell is a decimal number, booleans when every cell is
 * true or false (in any case), and the text as written otherwise.
 */
export function toLabels(cells: readonly string[], lines: readonly number[], source: string, column: string): Label[] {
  if (cells.every(isDecimal)) return cells.map((cell, i) => cellValue(cell, 0, () => cellPlace(source, lines[i], column)));
  if (cells.every(isBoolean)) return cells.map((cell) => cell.toLowerCase() === "true");
  return [...cells];
}

/** The classes of labels, with their counts, in first-seen order. */
export function classCounts(y: readonly Label[]): Map<Label, number> {
  const counts = new Map<Label, number>();
  for (const label of y) counts.set(label, (counts.get(label) ?? 0) + 1);
  return counts;
}

/** More distinct numbers than this, and more than half the rows, read as a measurement rather than classes. */
const MAX_NUMERIC_CLASSES = 20;

/** Refuses a target a classifier cannot fit: one class only, or numbers that look like a measurement. */
function checkClasses(y: readonly Label[], target: string, source: string): void {
  const counts = classCounts(y);
  if (counts.size < 2) {
    throw new CliError(`"${target}" holds one class only (${JSON.stringify(y[0])} in every row of ${source}): --model logistic needs rows of at least two classes. ` +
      "Add rows of the other classes, or name another --target.");
  }
  if (typeof y[0] === "number" && counts.size > MAX_NUMERIC_CLASSES && 2 * counts.size > y.length) {
    throw new CliError(`"${target}" holds ${counts.size} distinct numbers in ${y.length} rows: that is a measurement, not classes. ` +
      "Predict it with a regression --model (lasso, ridge, elasticnet), or group it into a few classes to classify by it.");
  }
}

/**
 * The features and labels of a CSV file (the `target` column read as labels), or of the embedded breast cancer data
 * without a file (whose target checkTargets has checked).
 */
export function loadLabelled(file: string | undefined, target: string, flags: ColumnFlags = {}, say = sayOnStderr): Labelled {
  checkColumnFlags(file, flags);
  if (file === undefined) {
    const { X, y, featureNames } = loadBreastCancer();
    return { ...embeddedFeatures(X, featureNames), y, target: BREAST_CANCER.target, source: BREAST_CANCER.name };
  }
  const { features, cells: [cells], lines, source } = readCsvTable(file, [target], flags, say);
  const empty = cells.indexOf("");
  if (empty >= 0) throw new CliError(`${cellPlace(source, lines[empty], target)}: missing label. Fill it in, or drop the row.`);
  const y = toLabels(cells, lines, source, target);
  checkClasses(y, target, source);
  return { ...features, y, target, source };
}
