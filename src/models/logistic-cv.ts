// Cross-validated penalized logistic regression (cv.glmnet's): stratified folds, each fold's path on the grid of
// all rows, the held-out deviance (or accuracy, or AUC) per lambda, lambda.min and lambda.1se, and the model refitted
// on all rows at lambda.min.

import { mulberry32, shuffled } from "../backends/random.js";
import { getBackend } from "../backends/registry.js";
import { NotFittedError } from "../errors.js";
import { checkSameLength, toMatrix, toVector, type MatrixInput } from "../input.js";
import { fitLogistic } from "../logistic/fit.js";
import { logProbabilities, mostProbable } from "../logistic/link.js";
import { predictResident } from "../pipeline/predict.js";
import { encodeLabels, type Label } from "../logistic/labels.js";
import { resolveOptions, type Resolved } from "../options/schema.js";
import { checkFitOptions, type FitOptions } from "./base.js";
import type { ColumnEncoding } from "../tables/columns.js";
import { fitSchema } from "../tables/feature-schema.js";
import type { TableRecord } from "../tables/records.js";
import { meanAndStandardError, selectLambda } from "./cv-selection.js";
import type { LogisticPathOptions } from "./logistic-path.js";
import { LogisticRegression, logisticSettings } from "./logistic-regression.js";

/** Options of {@link LogisticRegressionCV}: the path's, and the folds'. */
export interface LogisticRegressionCVOptions extends LogisticPathOptions {
  /** Stratified folds (default 5): each class's rows dealt in turn, after a shuffle from seed. */
  nFolds?: number;
  /** "deviance" (default, cv.glmnet's), "accuracy" or "auc" (two classes). */
  scoring?: "deviance" | "accuracy" | "auc";
  seed?: number;
  onWarning?: (message: string) => void;
}

/**
 * Each row's fold: every class's rows, shuffled from seed, dealt round-robin into k folds (continuing from where
 * the last class stopped), so that each fold holds each class in proportion.
 */
export function stratifiedFolds(indices: Int32Array, classes: readonly Label[], k: number, seed: number): Int32Array {
  const folds = new Int32Array(indices.length);
  const next = mulberry32(seed);
  let dealt = 0;
  classes.forEach((label, c) => {
    const rows = [...indices.keys()].filter((i) => indices[i] === c);
    if (rows.length < k) {
      throw new RangeError(`class ${JSON.stringify(label)} has ${rows.length} rows but nFolds is ${k}: every fold needs a row of each class to test on; use nFolds <= ${rows.length}, or more rows of that class.`);
    }
    for (const row of shuffled(rows, next)) folds[row] = dealt++ % k;
  });
  return folds;
}

/**
 * The area under the ROC curve of scores for the positive rows, with row weights: the weighted share of
 * (positive, negative) pairs that the scores order right, ties counting half (Mann-Whitney).
 */
export function auc(scores: Float64Array, positive: boolean[], weights: ArrayLike<number>): number {
  if (scores.some(Number.isNaN)) return Number.NaN;
  const order = [...scores.keys()].sort((a, b) => scores[a] - scores[b]);
  let [wins, negativesBelow, positives] = [0, 0, 0];
  for (let start = 0; start < order.length;) {
    let end = start;
    let [tiedPositives, tiedNegatives] = [0, 0];
    for (; end < order.length && scores[order[end]] === scores[order[start]]; end++) {
      if (positive[order[end]]) tiedPositives += weights[order[end]];
      else tiedNegatives += weights[order[end]];
    }
    wins += tiedPositives * (negativesBelow + tiedNegatives / 2);
    [negativesBelow, positives] = [negativesBelow + tiedNegatives, positives + tiedPositives];
    start = end;
  }
  return wins / (positives * negativesBelow);
}

/**
 * LogisticRegressionCV: chooses lambda by stratified k-fold cross-validation over the path (cv.glmnet's
 * deviance by default), then refits on all rows at lambdaMin; `lambda1se` follows glmnet's one-standard-error rule.
 */
export class LogisticRegressionCV {
  private readonly options: Resolved<"LogisticRegressionCV">;
  private result?: {
    model: LogisticRegression; lambdas: Float64Array; cvMean: Float64Array; cvStd: Float64Array; cvStandardError: Float64Array;
    lambdaMin: number; lambda1se: number;
    foldIds: Int32Array;
  };

  constructor(options: LogisticRegressionCVOptions = {}) {
    this.options = resolveOptions("LogisticRegressionCV", options);
  }

  /**
   * Cross-validates, then fits the model on all rows at lambdaMin; returns this. With `sampleWeight`, each fold's
   * fits take its training rows' weights, the held-out scores are weighted means, and the folds count by their
   * weight (cv.glmnet's `weights`).
   */
  fit(X: MatrixInput, y: ArrayLike<Label>, fitOptions: FitOptions = {}): this {
    const o = this.options;
    const { sampleWeight, featureNames } = checkFitOptions(fitOptions);
    const schema = fitSchema(X, featureNames, "LogisticRegressionCV");
    const matrix = toMatrix(X, "X");
    const { classes, indices } = encodeLabels(y);
    if (indices.length !== matrix.rows) throw new RangeError(`y has ${indices.length} labels but X has ${matrix.rows} rows: give one label per row.`);
    const weights = sampleWeight === undefined ? new Float64Array(matrix.rows).fill(1) : toVector(sampleWeight, "sampleWeight");
    checkSameLength(matrix.rows, "the rows of X", weights.length, "sampleWeight");
    if (o.scoring === "auc" && classes.length !== 2) throw new RangeError(`scoring "auc" needs two classes, and y holds ${classes.length}: use "deviance" or "accuracy".`);
    const K = classes.length;
    const labels = Array.from(y);
    const settings = logisticSettings(o);
    const foldIds = stratifiedFolds(indices, classes, o.nFolds, o.seed);
    // The grid of all rows (cv.glmnet's), shared by every fold.
    const lambdas = o.lambdas ?? fitLogistic(matrix, labels, settings, { nLambdas: o.nLambdas, eps: o.eps, gridOnly: true }, weights).lambdas;
    const d = matrix.cols;
    const scores: Float64Array[] = [];
    const foldWeights: number[] = [];
    const classIndices = Array.from({ length: K }, (_, k) => k);
    for (let fold = 0; fold < o.nFolds; fold++) {
      const train = [...foldIds.keys()].filter((i) => foldIds[i] !== fold);
      const test = [...foldIds.keys()].filter((i) => foldIds[i] === fold);
      const s = test.map((i) => weights[i]);
      const mass = s.reduce((sum, v) => sum + v, 0);
      // A fold whose held-out rows all weigh 0 scores nothing: it is left out (cv.glmnet's na.rm), not fitted.
      if (!(mass > 0)) {
        o.onProgress?.(fold + 1, o.nFolds);
        continue;
      }
      const subset = (rows: number[]) => ({ data: Float64Array.from(rows.flatMap((i) => Array.from(matrix.data.subarray(i * d, (i + 1) * d)))), rows: rows.length, cols: d });
      const path = fitLogistic(subset(train), train.map((i) => labels[i]), settings, { lambdas }, train.map((i) => weights[i]));
      foldWeights.push(mass);
      // The held-out rows resident once; each fit's log-probabilities from its decision values, as predictLogProba's.
      const backend = getBackend(o.backend);
      scores.push(backend.scope((scope) => {
        const held = scope.fromArray(subset(test).data);
        // Lower is better for every score kept here: the deviance, and minus the accuracy or the AUC.
        return Float64Array.from(path.states, (state) => {
          const logP = logProbabilities(predictResident(backend, held, test.length, d, state.coef, state.intercepts), path.multinomial, K);
          const own = (r: number) => logP[r * K + indices[test[r]]];
          if (o.scoring === "deviance") return (-2 * s.reduce((sum, v, r) => sum + v * own(r), 0)) / mass;
          // A row is right when predict's class (the argmax, ties to the first class) is its own.
          const predicted = mostProbable(logP, classIndices);
          const right = (r: number) => predicted[r] === indices[test[r]];
          if (o.scoring === "accuracy") return -s.reduce((sum, v, r) => sum + (right(r) ? v : 0), 0) / mass;
          // The second class's log-odds against the first.
          return -auc(Float64Array.from(test, (_, r) => logP[r * K + 1] - logP[r * K]), test.map((i) => indices[i] === 1), s);
        });
      }));
      o.onProgress?.(fold + 1, o.nFolds);
    }
    if (scores.length === 0) throw new RangeError("sampleWeight gives every fold's held-out rows weight 0: give rows of each fold a positive weight.");
    // A fold's AUC is NaN where its held-out positives or negatives all weigh 0: left out of that lambda's mean.
    const { mean, standardError } = meanAndStandardError(scores, lambdas.length, foldWeights, true);
    const { lambdaMin, lambda1se } = selectLambda({ lambdas, mean, standardError });
    const sign = o.scoring === "deviance" ? 1 : -1;
    const { l1Ratio, fitIntercept, standardize, maxIter, tol, positive, classWeight, multiClass, backend, onWarning } = o;
    const model = new LogisticRegression({
      lambda: lambdaMin, l1Ratio, fitIntercept, standardize, maxIter, tol, positive, classWeight, multiClass, backend, onWarning,
    }).fit(matrix, labels, { sampleWeight: weights });
    model.useSchema(schema);
    this.result = {
      model, lambdas, lambdaMin, lambda1se, foldIds, cvMean: mean.map((v) => sign * v),
      cvStd: standardError.map((se) => se * Math.sqrt(scores.length)), cvStandardError: standardError,
    };
    return this;
  }

  private fitted(use: string) {
    if (!this.result) throw new NotFittedError("LogisticRegressionCV", use);
    return this.result;
  }

  /** The lambda of the best mean held-out score (the largest such lambda on ties). */
  get lambdaMin(): number {
    return this.fitted("reading lambdaMin").lambdaMin;
  }

  /** The largest lambda whose mean score is within one standard error of the best (glmnet's rule). */
  get lambda1se(): number {
    return this.fitted("reading lambda1se").lambda1se;
  }

  /** The grid, decreasing. */
  get lambdas(): Float64Array {
    return this.fitted("reading lambdas").lambdas.slice();
  }

  /** The mean held-out score per lambda (deviance, accuracy or AUC). */
  get cvMean(): Float64Array {
    return this.fitted("reading cvMean").cvMean.slice();
  }

  /** The standard error of cvMean per lambda (cv.glmnet's cvsd): what lambda1se is measured in. */
  get cvStandardError(): Float64Array {
    return this.fitted("reading cvStandardError").cvStandardError.slice();
  }

  /** The standard deviation over folds of the held-out score, per lambda (cvStandardError times sqrt(folds)). */
  get cvStd(): Float64Array {
    return this.fitted("reading cvStd").cvStd.slice();
  }

  /** Each row's fold (0 to nFolds - 1). */
  get foldIds(): Int32Array {
    return this.fitted("reading foldIds").foldIds.slice();
  }

  /** The model refitted on all rows at lambdaMin. */
  get model(): LogisticRegression {
    return this.fitted("reading model").model;
  }

  get classes(): Label[] {
    return this.model.classes;
  }

  get coef(): Float64Array {
    return this.model.coef;
  }

  /** The features' names, when the fit was given them (see LogisticRegression.featureNames). */
  get featureNames(): string[] | undefined {
    return this.fitted("reading featureNames").model.featureNames;
  }

  /** The table columns the features encode, when the fit was given names (see LogisticRegression.columns). */
  get columns(): ColumnEncoding[] | undefined {
    return this.fitted("reading columns").model.columns;
  }

  predict(X: MatrixInput | readonly TableRecord[]): Label[] {
    return this.fitted("predict").model.predict(X);
  }

  predictProba(X: MatrixInput | readonly TableRecord[]): Float64Array {
    return this.fitted("predictProba").model.predictProba(X);
  }

  score(X: MatrixInput | readonly TableRecord[], y: ArrayLike<Label>): number {
    return this.fitted("score").model.score(X, y);
  }
}
