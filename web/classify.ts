// The classification mode's fits, apart from the page: penalized logistic regression on the breast cancer data
// (standardized features), at one lambda, along a path, and cross-validated.

import { loadBreastCancer, LogisticRegression, LogisticRegressionCV, logisticPath } from "../src/index.js";

export interface Rows { X: Float64Array[]; y: string[] }

/** The breast cancer data split into the rows the models learn from and the held-out rows. */
export interface ClassificationData { featureNames: string[]; classes: string[]; train: Rows; test: Rows }

/** The held-out rows: every fifth, as the regression mode's. */
export const isHeldOut = (i: number): boolean => i % 5 === 4;

/** The slider's range, log10 lambda, in this mode; the ridge-like path spans it too. */
export const LOG_LAMBDA = { min: -4, max: 1, start: -2 };

/** Folds of the cross-validation. */
export const N_FOLDS = 5;

export function breastCancerSplit(): ClassificationData {
  const { X, y, featureNames, classes } = loadBreastCancer();
  const rows = (keep: (i: number) => boolean): Rows => ({ X: X.filter((_, i) => keep(i)), y: y.filter((_, i) => keep(i)) });
  return { featureNames, classes, train: rows((i) => !isHeldOut(i)), test: rows(isHeldOut) };
}

/** The penalty mix of the page's model choice: Lasso 1, ElasticNet 0.5, Ridge 0. */
export function l1RatioOf(model: string): number {
  if (model === "Lasso") return 1;
  if (model === "ElasticNet") return 0.5;
  if (model === "Ridge") return 0;
  throw new RangeError(`Unknown model ${JSON.stringify(model)}: choose Lasso, Ridge or ElasticNet.`);
}

/** LogisticRegression at lambda, fitted on the training rows. */
export function fitAt(data: ClassificationData, l1Ratio: number, lambda: number, backend: "wasm" | "js" = "wasm"): LogisticRegression {
  return new LogisticRegression({ lambda, l1Ratio, standardize: true, backend, onWarning: () => {} }).fit(data.train.X, data.train.y);
}

/** Coefficients along decreasing lambdas: coefs[j][i] is feature j's weight at lambdas[i]. */
export interface CoefPath { lambdas: number[]; coefs: number[][]; fits: number }

/**
 * The path on the training rows: logisticPath's grid (lambdaMax down to 1e-3 of it) where there is an L1 part; for
 * l1Ratio 0, which has no lambdaMax and which logisticPath refuses, LogisticRegression over the slider's range,
 * each fit warm-started from the one before.
 */
export function coefficientPath(data: ClassificationData, l1Ratio: number): CoefPath {
  const d = data.featureNames.length;
  if (l1Ratio > 0) {
    const path = logisticPath(data.train.X, data.train.y, { l1Ratio, standardize: true });
    return { lambdas: Array.from(path.lambdas), coefs: Array.from({ length: d }, (_, j) => path.coefs.map((c) => c[j])), fits: path.lambdas.length };
  }
  const steps = 40;
  const lambdas = Array.from({ length: steps + 1 }, (_, i) => 10 ** (LOG_LAMBDA.max - ((LOG_LAMBDA.max - LOG_LAMBDA.min) * i) / steps));
  const model = new LogisticRegression({ l1Ratio: 0, standardize: true, warmStart: true, onWarning: () => {} });
  const weights = lambdas.map((lambda) => model.setOptions({ lambda }).fit(data.train.X, data.train.y).coef);
  return { lambdas, coefs: Array.from({ length: d }, (_, j) => weights.map((w) => w[j])), fits: lambdas.length };
}

/** The cross-validated deviance per lambda (decreasing), its standard error, and glmnet's two choices. */
export interface CvCurve { lambdas: number[]; mean: number[]; standardError: number[]; lambdaMin: number; lambda1se: number; fits: number }

/** LogisticRegressionCV on the training rows: N_FOLDS stratified folds from seed 0, scored by deviance; l1Ratio > 0. */
export function crossValidate(data: ClassificationData, l1Ratio: number): CvCurve {
  const cv = new LogisticRegressionCV({ l1Ratio, standardize: true, nFolds: N_FOLDS, scoring: "deviance", seed: 0, onWarning: () => {} })
    .fit(data.train.X, data.train.y);
  const lambdas = Array.from(cv.lambdas);
  return {
    lambdas, mean: Array.from(cv.cvMean),
    // cvStd is the spread over folds; the standard error of the mean (glmnet's cvsd, lambda1se's) divides it by sqrt(k).
    standardError: Array.from(cv.cvStd, (s) => s / Math.sqrt(N_FOLDS)),
    lambdaMin: cv.lambdaMin, lambda1se: cv.lambda1se, fits: N_FOLDS * lambdas.length + 1,
  };
}
