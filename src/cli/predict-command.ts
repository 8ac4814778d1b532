// `regularized predict`: a model file's predictions for the rows of a CSV file, one column per target; for a
// classifier, the predicted label and the probability of each class.

import type { LinearModel } from "../models/base.js";
import type { LogisticRegression } from "../models/logistic-regression.js";
import { isClassifier } from "../models/registry.js";
import { CliError } from "./cli-error.js";
import type { ColumnEncoding } from "../tables/columns.js";
import { csvCell, headerAndData, readRecords } from "./csv.js";
import { csvFeaturesFor } from "./feature-table.js";
import { STDIN } from "./input-source.js";
import { readModelFile } from "./model-file.js";

/** The error for a row whose prediction is not finite (its values too large for the model). */
function overflowed(row: number, source: string, value: number): CliError {
  return new CliError(`the prediction for data row ${row + 1} of ${source} overflowed double precision (${value}): ` +
    "its values are too large for this model. Rescale them as the training data was.");
}

/** The regression model's predictions: a header of the target names, then a line per data row. */
function regressionLines(model: LinearModel, X: number[][], targets: readonly string[], source: string): string[] {
  const predictions = model.predict(X);
  const k = targets.length;
  const overflow = predictions.findIndex((value) => !Number.isFinite(value));
  if (overflow >= 0) throw overflowed(Math.floor(overflow / k), source, predictions[overflow]);
  const lines = [targets.map(csvCell).join(",")];
  for (let i = 0; i < predictions.length; i += k) lines.push(Array.from(predictions.subarray(i, i + k), String).join(","));
  return lines;
}

/** The name of the column of class `label`'s probability. */
export const probabilityColumn = (label: unknown): string => `p(${String(label)})`;

/**
 * The classifier's predictions: a header of the target's name and p(<class>) per class (in the model's sorted
 * classes), then per data row the predicted label and each class's probability.
 */
function classifierLines(model: LogisticRegression, X: number[][], target: string, source: string): string[] {
  const scores = model.decisionFunction(X);
  const overflow = scores.findIndex((value) => !Number.isFinite(value));
  if (overflow >= 0) throw overflowed(Math.floor(overflow / (scores.length / X.length)), source, scores[overflow]);
  const classes = model.classes;
  const K = classes.length;
  const labels = model.predict(X);
  const p = model.predictProba(X);
  const lines = [[target, ...classes.map(probabilityColumn)].map(csvCell).join(",")];
  labels.forEach((label, i) => lines.push([csvCell(String(label)), ...Array.from(p.subarray(i * K, (i + 1) * K), String)].join(",")));
  return lines;
}

/** Prints the predictions as CSV. */
export function predict(modelPath: string, dataPath: string): void {
  if (modelPath === STDIN && dataPath === STDIN) {
    throw new CliError("the model and the data cannot both be - (standard input): give one of them as a file.");
  }
  const { model, featureNames, targets } = readModelFile(modelPath);
  const { records, source } = readRecords(dataPath);
  const { columns, data } = headerAndData(records, source);
  // The model's columns: its one-hot encoding, or (files of numeric features) one number column per feature.
  const encoding = model.columns ?? featureNames.map((name): ColumnEncoding => ({ name, kind: "number" }));
  const X = csvFeaturesFor(encoding, columns, data, source, (message) => console.warn(`regularized: warning: ${message}`));
  const lines = isClassifier(model) ? classifierLines(model, X, targets[0], source) : regressionLines(model, X, targets, source);
  process.stdout.write(lines.join("\n") + "\n");
}
