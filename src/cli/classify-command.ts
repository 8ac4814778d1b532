// `regularized fit --model logistic`: penalized logistic regression on a CSV file whose target column holds class
// labels (or on the embedded breast cancer data), lambda given or chosen by stratified CV; prints the coefficients,
// the train accuracy, log loss and confusion matrix, and writes the model file.

import { LogisticRegressionCV } from "../models/logistic-cv.js";
import { createModel } from "../models/registry.js";
import { checkClassWeight } from "./class-weight.js";
import { CliError } from "./cli-error.js";
import { namedFeatures } from "./feature-table.js";
import { printClassifier } from "./classifier-report.js";
import { checkFlags, chosenBy, type FitFlags } from "./fit-command.js";
import { BREAST_CANCER, checkReserved, INTERCEPT } from "./load-data.js";
import { classCounts, loadLabelled, type Labelled } from "./load-labelled.js";
import { modelFile } from "./model-file.js";
import { writeOutput } from "./output-file.js";
import { checkFinite } from "./overflow.js";
import { progress } from "./progress.js";
import { isParquet } from "./stream-fit.js";

/** Refuses the flags that fit least squares from statistics: a logistic fit needs the rows. */
function checkInMemory(file: string | undefined, flags: FitFlags): void {
  const how = flags.engine !== undefined ? "--engine" : flags.stream ? "--stream" : flags.threads !== undefined ? "--threads" : undefined;
  if (how !== undefined) {
    throw new CliError(`${how} serves fits from the statistics of least squares, which logistic regression has none of: drop ${how} to fit the rows in memory.`);
  }
  if (isParquet(file)) {
    throw new CliError(`--model logistic reads a CSV file (or -), and ${file} is Parquet, which is read only into the statistics of ridge, lasso and elasticnet: convert it to CSV.`);
  }
}

/** The smallest class and its row count. */
function smallestClass(y: Labelled["y"]): [string, number] {
  const [label, count] = [...classCounts(y)].reduce((least, entry) => (entry[1] < least[1] ? entry : least));
  return [JSON.stringify(label), count];
}

/** Chooses lambda by stratified k-fold CV of the deviance (cv.glmnet's), then refits on all rows at lambdaMin. */
function crossValidate(k: number, given: Record<string, unknown>, onWarning: (message: string) => void, data: Labelled) {
  const [label, count] = smallestClass(data.y);
  if (count < 2) {
    throw new CliError(`class ${label} has one row in ${data.source}, and stratified --cv needs at least two of each class (one to train on, one to test): add rows of that class, or drop --cv and give --lambda.`);
  }
  if (count < k) {
    throw new CliError(`--cv ${k} deals each class's rows into ${k} stratified folds, but class ${label} has ${count} rows in ${data.source}: give --cv ${count} or less.`);
  }
  const bar = progress("cv folds");
  const cv = new LogisticRegressionCV({ ...given, nFolds: k, onWarning, onProgress: bar }).fit(namedFeatures(data), data.y);
  bar.stop();
  return { model: cv.model, chosen: chosenBy(`${k}-fold stratified`, { lambda: cv.lambdaMin, lambda1se: cv.lambda1se }) };
}

/**
 * Fits, refuses a fit that overflowed, writes the model file (atomically), then prints; warnings (such as "did
 * not converge") wait for the fit to be accepted, as `fit` does.
 */
export function fitClassifier(file: string | undefined, flags: FitFlags, given: Record<string, unknown>): void {
  const { targets } = checkFlags(file, flags, given);
  checkInMemory(file, flags);
  const data = loadLabelled(file, targets[0] ?? BREAST_CANCER.target, flags);
  checkReserved(data.featureNames, [INTERCEPT], data.source);
  checkClassWeight(given, data.y, data.target);
  const warnings: string[] = [];
  const onWarning = (message: string) => void warnings.push(message);
  const { model, chosen } = flags.cv === undefined
    ? { model: createModel("LogisticRegression", { ...given, onWarning }).fit(namedFeatures(data), data.y), chosen: "" }
    : crossValidate(flags.cv, given, onWarning, data);
  checkFinite("the fit", model.coef, model.intercepts);
  for (const warning of warnings) console.warn(`regularized: warning: ${warning}`);
  if (flags.output !== undefined) writeOutput(flags.output, JSON.stringify(modelFile(model, data.featureNames, [data.target]), null, 1) + "\n");
  printClassifier(model, data, flags, chosen);
}
