// The rows a command fits: the columns of a CSV file (or standard input), or the embedded diabetes data.

import { breastCancerColumns } from "../datasets/breast-cancer.generated.js";
import { loadDiabetes } from "../datasets/diabetes.js";
import { isDecimal } from "../options/checks.js";
import { CliError } from "./cli-error.js";
import { readRecords, splitTargets, type Split } from "./csv.js";
import { sourceName } from "./input-source.js";
import { labelledTable, type LabelledTable } from "./labelled-csv.js";
import { cellPlace, repeatedName, tableFromRecords, type CsvRecord } from "../csv/table.js";

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

/** Features and targets from a CSV file, or the embedded diabetes data when no file is given. */
export function loadData(file: string | undefined, targets: readonly string[]): Split & { source: string } {
  if (file === undefined) {
    const { X, y, featureNames } = loadDiabetes();
    return { X: X.map((row) => Array.from(row)), y: Array.from(y), featureNames, targets: [DIABETES.target], source: DIABETES.name };
  }
  const { records, source } = readRecords(file);
  try {
    return { ...splitTargets(tableFromRecords(records, source), targets, source), source };
  } catch (error) {
    throw labelsHint(records, source, targets) ?? error;
  }
}

/**
 * When a table is refused because a target column holds text (its features being good numbers), the refusal with
 * what to do if that text is class labels; undefined otherwise.
 */
function labelsHint(records: readonly CsvRecord[], source: string, targets: readonly string[]): CliError | undefined {
  let table: LabelledTable;
  try {
    table = labelledTable(records, source, targets);
  } catch {
    return undefined;
  }
  for (const [t, column] of table.cells.entries()) {
    const i = column.findIndex((cell) => !isDecimal(cell));
    if (i < 0) continue;
    return new CliError(`${cellPlace(source, table.lines[i], targets[t])}: "${column[i]}" is not a number. Write numbers in decimal, such as 0.5 or -1e3; ` +
      `if "${targets[t]}" holds class labels, classify by it with --model logistic.`);
  }
  return undefined;
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
