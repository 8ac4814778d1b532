// The rows a command fits: the columns of a CSV file (or standard input), or the embedded diabetes data.

import { loadDiabetes } from "../datasets/diabetes.js";
import { CliError } from "./cli-error.js";
import { readCsv, splitTargets, type Split } from "./csv.js";
import { sourceName } from "./input-source.js";
import { repeatedName } from "../csv/table.js";

/** How the coefficient tables and the path name the intercept. */
export const INTERCEPT = "(intercept)";

/** The diabetes data's target column. */
const DIABETES_TARGET = "target";

/** Refuses target names before any reading: one needed with a file, none named twice, and none but "target" without a file. */
export function checkTargets(file: string | undefined, targets: readonly string[]): void {
  const twice = repeatedName(targets);
  if (twice !== undefined) throw new CliError(`--target "${twice}" is given twice: name each target column once.`);
  if (file !== undefined && targets.length === 0) {
    throw new CliError(`--target is required with a file: name the column of ${sourceName(file)} to predict.`);
  }
  const other = targets.find((name) => name !== DIABETES_TARGET);
  if (file === undefined && other !== undefined) {
    throw new CliError(`--target "${other}" names a column of a CSV file, but no file was given (without one, the command uses the diabetes data, ` +
      `whose target is "${DIABETES_TARGET}"). Give the file, or - for standard input.`);
  }
}

/** Features and targets from a CSV file, or the embedded diabetes data when no file is given. */
export function loadData(file: string | undefined, targets: readonly string[]): Split & { source: string } {
  if (file === undefined) {
    const { X, y, featureNames } = loadDiabetes();
    return { X: X.map((row) => Array.from(row)), y: Array.from(y), featureNames, targets: [DIABETES_TARGET], source: "diabetes" };
  }
  const source = sourceName(file);
  return { ...splitTargets(readCsv(file), targets, source), source };
}

/** Whether every row has the same target value (then every lambda of a lasso or elastic net gives zero weights). */
export function isConstant(y: readonly number[]): boolean {
  return y.every((value) => value === y[0]);
}

/** Refuses a feature named as a column or row the output adds (such as "(intercept)"), which would be read as that one. */
export function checkReserved(featureNames: readonly string[], reserved: readonly string[], source: string): void {
  const clash = featureNames.find((name) => reserved.includes(name));
  if (clash !== undefined) {
    throw new CliError(`${source} has a feature column named "${clash}", a name the output gives its own ${clash === "lambda" ? "column" : "row"}: rename the column.`);
  }
}
