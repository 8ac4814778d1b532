// What `fit --model logistic` prints: the coefficients (a column per class for the multinomial model), then the
// train accuracy, the log loss and the confusion matrix; or the model file (--format json), or the coefficients as CSV.

import { markdownTable } from "markdown-table";
import type { LogisticRegression } from "../models/logistic-regression.js";
import { classifierMetrics } from "./classification-metrics.js";
import { csvCell } from "./csv.js";
import type { FitFlags } from "./fit-command.js";
import { INTERCEPT } from "./load-data.js";
import type { Labelled } from "./load-labelled.js";
import { modelFile } from "./model-file.js";

/** The coefficient table: a row per feature and one for the intercept; one column (binomial) or one per class. */
function coefficientRows(model: LogisticRegression, featureNames: readonly string[], show: (value: number) => string): string[][] {
  const { coef, intercepts } = model;
  const k = intercepts.length;
  const header = k === 1 ? ["coef"] : model.classes.map(String);
  return [
    ["feature", ...header],
    ...featureNames.map((name, j) => [name, ...header.map((_, o) => show(coef[j * k + o]))]),
    [INTERCEPT, ...Array.from(intercepts, show)],
  ];
}

/** A Markdown table with its first column left-aligned and the others right-aligned; "|" in a cell escaped. */
function table(rows: string[][]): string {
  const escaped = rows.map((row) => row.map((cell) => cell.replaceAll("|", "\\|")));
  return markdownTable(escaped, { align: ["l", ...rows[0].slice(1).map(() => "r" as const)] });
}

/** What the coefficients mean, for the title. */
function meaning(model: LogisticRegression): string {
  const classes = model.classes.map(String);
  if (classes.length === 2 && model.intercepts.length === 1) {
    return `classes ${classes[0]} and ${classes[1]}; coef: the log-odds of ${classes[1]}`;
  }
  return `${classes.length} classes; coef: one column per class (softmax)`;
}

/** Prints the classifier as --format asks; the table is followed by the train accuracy, log loss and confusion matrix. */
export function printClassifier(model: LogisticRegression, data: Labelled, flags: FitFlags, chosen: string): void {
  if (flags.format === "json") {
    console.log(JSON.stringify(modelFile(model, data.featureNames, [data.target])));
    return;
  }
  if (flags.format === "csv") {
    console.log(coefficientRows(model, data.featureNames, String).map((row) => row.map(csvCell).join(",")).join("\n"));
    return;
  }
  console.log(`LogisticRegression on ${data.X.length} rows, target ${data.target}${chosen}, ${meaning(model)}\n`);
  console.log(table(coefficientRows(model, data.featureNames, (value) => (value === 0 ? "0" : value.toPrecision(6)))));
  const { hits, rows, logLoss, confusion } = classifierMetrics(model, data.X, data.y);
  console.log(`\ntrain accuracy ${(hits / rows).toFixed(4)} (${hits} of ${rows} rows), log loss ${logLoss.toPrecision(6)} (mean -log p of each row's class)\n`);
  const classes = model.classes.map(String);
  console.log("confusion matrix (rows: true class, columns: predicted class):\n");
  console.log(table([["true \\ predicted", ...classes], ...confusion.map((counts, t) => [classes[t], ...counts.map(String)])]));
}
