// `regularized path --model logistic`: the penalized logistic path (glmnet's grid from lambdaMax down) as CSV; the
// binomial model's coefficients are the log-odds of the second class, the multinomial model's one line per class.

import { logisticPath, type LogisticPathResult } from "../models/logistic-path.js";
import { checkClassWeight } from "./class-weight.js";
import { CliError } from "./cli-error.js";
import { csvCell } from "./csv.js";
import { checkApplicable } from "./flags.js";
import { BREAST_CANCER, checkReserved, checkTargets, INTERCEPT } from "./load-data.js";
import { classCounts, loadLabelled } from "./load-labelled.js";
import { checkOutput } from "./output-file.js";
import { checkFinite } from "./overflow.js";
import { progress } from "./progress.js";
import type { PathFlags } from "./path-command.js";
import { isParquet } from "./stream-fit.js";

/** The column of the multinomial path's lines that names the class. */
const CLASS = "class";

/** Checks the flags of the logistic path before any reading. */
function checkLogisticFlags(file: string | undefined, flags: PathFlags, options: Record<string, unknown>): string[] {
  const targets = flags.target ?? [];
  checkTargets(file, targets, BREAST_CANCER);
  if (targets.length > 1) throw new CliError(`path follows one target, but ${targets.length} are given: trace one --target at a time.`);
  checkApplicable(options, "logisticPath", "path --model logistic");
  if (options.l1Ratio === 0) {
    throw new CliError("--l1-ratio 0 is ridge, whose path has no start (no lambda zeroes every weight): give --l1-ratio > 0, " +
      "or fit ridge-penalized logistic regression at a chosen lambda with `regularized fit --model logistic --lambda <x>`.");
  }
  const how = flags.stream ? "--stream" : flags.threads !== undefined ? "--threads" : undefined;
  if (how !== undefined) {
    throw new CliError(`${how} serves paths from the statistics of least squares, which logistic regression has none of: drop ${how} to trace the rows in memory.`);
  }
  if (isParquet(file)) throw new CliError(`path --model logistic reads a CSV file (or -), and ${file} is Parquet: convert it to CSV.`);
  if (flags.output !== undefined) checkOutput(flags.output, [file], "without --output the path goes to standard output");
  return targets;
}

/** The path's CSV lines: lambda, then the coefficients and the intercept; with several classes, a line per lambda and class. */
function pathLines(result: LogisticPathResult, featureNames: readonly string[]): string[] {
  const k = result.intercepts[0].length;
  const lines = [["lambda", ...(k === 1 ? [] : [CLASS]), ...featureNames, INTERCEPT].map(csvCell).join(",")];
  result.lambdas.forEach((lambda, i) => {
    const [coef, intercepts] = [result.coefs[i], result.intercepts[i]];
    for (let o = 0; o < k; o++) {
      const label = k === 1 ? [] : [csvCell(String(result.classes[o]))];
      lines.push([String(lambda), ...label, ...featureNames.map((_, j) => String(coef[j * k + o])), String(intercepts[o])].join(","));
    }
  });
  return lines;
}

/** The logistic path of the rows of a CSV file (the target read as labels), or of the breast cancer data, as CSV text. */
export function logisticPathText(file: string | undefined, flags: PathFlags, options: Record<string, unknown>): string {
  const targets = checkLogisticFlags(file, flags, options);
  const { X, y, featureNames, target, source } = loadLabelled(file, targets[0] ?? BREAST_CANCER.target, flags);
  checkClassWeight(options, y, target);
  checkReserved(featureNames, ["lambda", ...(classCounts(y).size > 2 ? [CLASS] : []), INTERCEPT], source);
  const bar = progress("path");
  const result = logisticPath(X, y, { ...options, onProgress: bar });
  bar.stop();
  checkFinite("the path", result.lambdas, ...result.intercepts, ...result.coefs);
  return pathLines(result, featureNames).join("\n") + "\n";
}
