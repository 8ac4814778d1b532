// The rows a command fits: the columns of a CSV file (or standard input), or the embedded diabetes data.

import { breastCancerColumns } from "../datasets/breast-cancer.generated.js";
import { loadDiabetes } from "../datasets/diabetes.js";
import { isDecimal } from "../options/checks.js";
import { CliError } from "./cli-error.js";
import type { Split } from "./csv.js";
import { columnFlag, type ColumnFlags, type CsvFeatures } from "./feature-table.js";
import { sourceName } from "./input-source.js";
import { readCsvTable } from "./labelled-csv.js";
import { cellPlace, cellValue, repeatedName } from "../csv/table.js";
import type { ColumnEncoding } from "../tables/columns.js";

/** How the coefficient tables and the path name the intercept. */
export const INTERCEPT = "(intercept)";

/** An embedded data set, used when no file is given: its name in messages and its target column. */
export interface Embedded {
  name: string;
  target: string;
}

/** The regression commands' data. */
export const DIABETES: Embedded = { name: "diabetes", target: "target" };

/** The classifier's data (`--model logistic`): its last column is the diagnosis. */
export const BREAST_CANCER: Embedded = { name: "breast cancer", target: breastCancerColumns[breastCancerColumns.length - 1] };

/** Refuses target names before any reading: one needed with a file, none named twice, and none but the embedded data's without a file. */
export function checkTargets(file: string | undefined, targets: readonly string[], embedded: Embedded = DIABETES): void {
  const twice = repeatedName(targets);
  if (twice !== undefined) throw new CliError(`--target "${twice}" is given twice: name each target column once.`);
  if (file !== undefined && targets.length === 0) {
    throw new CliError(`--target is required with a file: name the column of ${sourceName(file)} to predict.`);
  }
  const other = targets.find((name) => name !== embedded.target);
  if (file === undefined && other !== undefined) {
    throw new CliError(`--target "${other}" names a column of a CSV file, but no file was given (without one, the command uses the ${embedded.name} data, ` +
      `whose target is "${embedded.target}"). Give the file, or - for standard input.`);
  }
}

/** How the commands say what they do to the data (one-hot encoding text columns): a line on standard error. */
export const sayOnStderr = (message: string): void => void process.stderr.write(`regularized: ${message}\n`);

/** Refuses --one-hot and --exclude without a file: they choose columns of a CSV file. */
export function checkColumnFlags(file: string | undefined, flags: ColumnFlags): void {
  const given = columnFlag(flags);
  if (file === undefined && given) throw new CliError(`${given} chooses columns of a CSV file, but no file was given: give the file, or drop ${given}.`);
}

/** The embedded data's features as the commands fit them: rows, names, and number columns. */
export function embeddedFeatures(X: ArrayLike<ArrayLike<number>>, featureNames: string[]): CsvFeatures {
  return { X: Array.from(X, (row) => Array.from(row)), featureNames, columns: featureNames.map((name) => ({ name, kind: "number" })) };
}

/** The data a regression command fits: features (with their encoding), targets, and how messages name the source. */
export type Loaded = Split & { source: string; columns: ColumnEncoding[] };

/**
 * Features and targets from a CSV file (text feature columns one-hot encoded, said to `say`), or the embedded
 * diabetes data when no file is given.
 */
export function loadData(file: string | undefined, targets: readonly string[], flags: ColumnFlags = {}, say = sayOnStderr): Loaded {
  checkColumnFlags(file, flags);
  if (file === undefined) {
    const { X, y, featureNames } = loadDiabetes();
    return { ...embeddedFeatures(X, featureNames), y: Array.from(y), targets: [DIABETES.target], source: DIABETES.name };
  }
  const { features, cells, lines, source } = readCsvTable(file, targets, flags, say);
  const columns = cells.map((column, t) => column.map((cell, i) => targetValue(cell, source, lines[i], targets[t])));
  const y = columns.length === 1 ? columns[0] : lines.map((_, i) => columns.map((column) => column[i]));
  return { ...features, y, targets: [...targets], source };
}

/** A target cell as a number; a cell of text is refused with what to do if the column holds class labels. */
function targetValue(cell: string, source: string, line: number, target: string): number {
  const where = () => cellPlace(source, line, target);
  if (cell === "" || isDecimal(cell)) return cellValue(cell, 0, where);
  throw new CliError(`${where()}: "${cell}" is not a number. Write numbers in decimal, such as 0.5 or -1e3; ` +
    `if "${target}" holds class labels, classify by it with --model logistic.`);
}

/** Whether every row has the same target value (then every lambda of a lasso or elastic net gives zero weights). */
export function isConstant(y: readonly number[]): boolean {
  return y.every((value) => value === y[0]);
}

/** Refuses a feature named as a column or row the output adds (such as "(intercept)"), which would be read as that one. */
export function checkReserved(featureNames: readonly string[], reserved: readonly string[], source: string): void {
  const clash = featureNames.find((name) => reserved.includes(name));
  if (clash !== undefined) {
    throw new CliError(`${source} has a feature column named "${clash}", a name the output gives its own ${clash === INTERCEPT ? "row" : "column"}: rename the column.`);
  }
}
