// What `fit --engine` and `fit --stream` share: a model fitted from statistics alone (one set, or one per fold for
// --cv), its train R^2 from the statistics, then the output written and printed as `fit` does.

import { GramAccumulator, type GramStatistics } from "../gram-accumulator.js";
import type { LinearModel } from "../models/base.js";
import { ElasticNetCV, LassoCV } from "../models/elastic-net-cv.js";
import { createModel } from "../models/registry.js";
import { RidgeCV } from "../models/ridge-cv.js";
import { heldOutErrorsFromStatistics } from "../pipeline/held-out-statistics.js";
import { CliError } from "./cli-error.js";
import { chosenBy, print, type FitFlags } from "./fit-command.js";
import { modelFile } from "./model-file.js";
import { writeOutput } from "./output-file.js";
import { checkFinite } from "./overflow.js";

/** The models and solvers a fit from statistics can use: coordinate descent (covariance mode) and Ridge's closed form. */
const STATISTICS_MODELS = ["ridge", "lasso", "elasticnet"];
const STATISTICS_SOLVERS = ["cd", "closed-form"];

/** Why the model or solver cannot fit from statistics (`how` names the flag, `instead` what to do), or undefined. */
function statisticsRefusal(flags: FitFlags, given: Record<string, unknown>, how: string, instead: string): string | undefined {
  if (!STATISTICS_MODELS.includes(flags.model)) {
    return `${how} fits ridge, lasso or elasticnet from statistics, not --model ${flags.model}: ${instead}.`;
  }
  if (given.solver !== undefined && !STATISTICS_SOLVERS.includes(given.solver as string)) {
    return `${how} fits from statistics, which solver "${given.solver}" cannot (it needs the rows): drop --solver, or ${instead}.`;
  }
  return undefined;
}

/** Whether the model and solver fit from statistics. */
export const fitsFromStatistics = (flags: FitFlags, given: Record<string, unknown>): boolean =>
  statisticsRefusal(flags, given, "", "") === undefined;

/** Throws unless the model and solver fit from statistics (`how` names the flag, `instead` what to do). */
export function checkStatisticsFit(flags: FitFlags, given: Record<string, unknown>, how: string, instead: string): void {
  const refusal = statisticsRefusal(flags, given, how, instead);
  if (refusal !== undefined) throw new CliError(refusal);
}

/** The model from the statistics (CV over the folds with --cv), and how lambda was chosen. */
function fitFromStatistics(
  flags: FitFlags, given: Record<string, unknown>, folds: readonly GramStatistics[], total: GramStatistics, onWarning: (m: string) => void,
) {
  const modelName = flags.model === "ridge" ? "Ridge" : flags.model === "lasso" ? "Lasso" : "ElasticNet";
  if (flags.cv === undefined) return { model: createModel(modelName, { ...given, onWarning }).fitGram(total), chosen: "" };
  // Each fold trains on the total minus its own statistics (k-fold for ridge too: leave-one-out needs the rows).
  const how = `${flags.cv}-fold`;
  if (flags.model === "ridge") {
    const fitted = new RidgeCV(given).fitFolds(folds);
    return { model: fitted.model, chosen: chosenBy(how, fitted) };
  }
  const ratios = given.l1Ratio;
  if (total.yy === 0) {
    // As in memory: every lambda of an L1 penalty gives zero weights, and ElasticNetCV keeps the first of tied mixes.
    const l1Ratio = Array.isArray(ratios) ? ratios[0] as number : ratios;
    return { model: createModel(modelName, { ...given, l1Ratio, onWarning }).fitGram(total), chosen: " (constant, so every lambda gives zero weights: nothing to cross-validate)" };
  }
  const fitted = new (flags.model === "lasso" ? LassoCV : ElasticNetCV)({ ...given, onWarning }).fitFolds(folds);
  return { model: fitted.model, chosen: chosenBy(how, fitted, Array.isArray(ratios) ? fitted.l1Ratio : undefined) };
}

/** The statistics of all rows: the folds' merged exactly. */
function merged(folds: readonly GramStatistics[]): GramStatistics {
  const total = GramAccumulator.fromJSON(folds[0]);
  for (const fold of folds.slice(1)) total.merge(GramAccumulator.fromJSON(fold));
  return total.toJSON();
}

/**
 * R^2 on the rows the statistics summarize: 1 - (residual sum of squares) / (centered sum of squares of y); a
 * constant y scores 1 if predicted exactly and 0 otherwise (as `score` does).
 */
function trainR2(model: LinearModel, total: GramStatistics): number {
  const [mse] = heldOutErrorsFromStatistics(total, [model.coef], [model.intercept]);
  if (total.yy === 0) return mse === 0 ? 1 : 0;
  return 1 - (total.n * mse) / total.yy;
}


/** Fits from the statistics (the folds' with --cv), writes --output once the fit succeeded, and prints. */
export function finishFromStatistics(
  folds: readonly GramStatistics[], names: { featureNames: string[]; targets: string[] }, flags: FitFlags,
  given: Record<string, unknown>, note: string,
): void {
  const warnings: string[] = [];
  const total = merged(folds);
  const { model, chosen } = fitFromStatistics(flags, given, folds, total, (message) => void warnings.push(message));
  checkFinite("the fit", model.coef, model.intercepts);
  for (const warning of warnings) console.warn(`regularized: warning: ${warning}`);
  if (flags.output !== undefined) writeOutput(flags.output, JSON.stringify(modelFile(model, names.featureNames, names.targets), null, 1) + "\n");
  print(model, names, flags, `${chosen}${note}`, { rows: total.n, r2: trainR2(model, total) });
}
