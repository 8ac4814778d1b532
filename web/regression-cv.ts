// The regression mode's cross-validation: LassoCV, ElasticNetCV (l1Ratio 0.5) or RidgeCV (exact leave-one-out over
// the path's grid) on the training rows, standardized as the page's fits are: the mean squared error per lambda with
// its standard error, and glmnet's lambda.min and lambda.1se.

import { ElasticNetCV, LassoCV, RidgeCV } from "../src/index.js";

/** Folds of LassoCV and ElasticNetCV. */
export const REGRESSION_FOLDS = 5;

/** A cross-validation's curve and choices, as the CV chart draws them. */
export interface RegressionCv {
  /** How the errors were found, for the caption. */
  how: string;
  lambdas: number[];
  mean: number[];
  standardError: number[];
  lambdaMin: number;
  lambda1se: number;
}

/** Cross-validates `model` ("Lasso", "ElasticNet" or "Ridge") on the rows; Ridge over `ridgeGrid`. */
export function crossValidateRegression(model: string, X: number[][], y: number[], ridgeGrid: number[]): RegressionCv {
  if (model === "Ridge") {
    const cv = new RidgeCV({ lambdas: ridgeGrid, standardize: true }).fit(X, y);
    // RidgeCV's cvStd is over the rows' leave-one-out errors: the standard error divides by the square root of n.
    return {
      how: `RidgeCV, leave-one-out over ${X.length} rows`, lambdas: Array.from(cv.candidates), mean: Array.from(cv.cvMean),
      standardError: Array.from(cv.cvStd, (sd) => sd / Math.sqrt(X.length)), lambdaMin: cv.lambdaMin, lambda1se: cv.lambda1se,
    };
  }
  const options = { nFolds: REGRESSION_FOLDS, standardize: true, onWarning: () => {} };
  const cv = model === "Lasso" ? new LassoCV(options).fit(X, y) : new ElasticNetCV({ ...options, l1Ratio: 0.5 }).fit(X, y);
  const [result] = cv.cvResults;
  return {
    how: `${model === "Lasso" ? "LassoCV" : "ElasticNetCV, l1Ratio 0.5"}, ${REGRESSION_FOLDS} folds`, lambdas: Array.from(result.lambdas),
    mean: Array.from(result.cvMean), standardError: Array.from(result.cvStd, (sd) => sd / Math.sqrt(REGRESSION_FOLDS)),
    lambdaMin: cv.lambdaMin, lambda1se: cv.lambda1se,
  };
}
