// k-fold cross-validation from per-fold statistics (an engine's GROUP BY fold): each fold's training statistics
// are the other folds merged, and its test error comes from its own statistics, without a row.

import { GramAccumulator, type GramStatistics } from "../gram-accumulator.js";
import type { LinearModel } from "../models/base.js";
import { meanAndStandardError, selectLambda } from "../models/cv-selection.js";
import { ElasticNet } from "../models/elastic-net.js";
import { Lasso } from "../models/lasso.js";
import { checkL1Ratio, checkPositive, checkPositiveInteger } from "../options/checks.js";

/** Options of {@link crossValidateStatistics}; the estimator options go to every fit. */
export interface StatisticsCVOptions {
  /** 1 (the default) is the lasso; in (0, 1) the elastic net. */
  l1Ratio?: number;
  /** Lambdas of the grid (default 100), from lambdaMax down to eps * lambdaMax (default 1e-3). */
  nLambdas?: number;
  eps?: number;
  fitIntercept?: boolean;
  standardize?: boolean;
  maxIter?: number;
  tol?: number;
  onWarning?: (message: string) => void;
}

/** The CV curve, the chosen lambdas, and the model refitted on all folds at lambdaMin. */
export interface StatisticsCVResult {
  lambdas: Float64Array;
  /** Mean over folds of the test-fold mean squared error, per lambda. */
  cvMean: Float64Array;
  /** Standard deviation over folds of that error, per lambda. */
  cvStd: Float64Array;
  lambdaMin: number;
  lambda1se: number;
  model: LinearModel;
}

const merged = (folds: readonly GramStatistics[]) =>
  folds.reduce((acc, fold) => acc.merge(GramAccumulator.fromJSON(fold, "js")), new GramAccumulator(folds[0].nFeatures, "js"));

/** The statistics of all the folds' rows together (exact pairwise merging). */
export const mergeStatistics = (folds: readonly GramStatistics[]): GramStatistics => merged(folds).toJSON();

/** lambdaMax: the smallest lambda at which every weight is 0, max_j |x_j^T y| / (n rho), on the scale fitted. */
function lambdaMax(total: GramStatistics, rho: number, fitIntercept: boolean, standardize: boolean): number {
  const { n, nFeatures: d, xMean, yMean, xx, xy } = total;
  let largest = 0;
  for (let j = 0; j < d; j++) {
    const q = xy[j] + (fitIntercept ? 0 : n * xMean[j] * yMean);
    const spread = Math.sqrt(xx[j * d + j] / n);
    largest = Math.max(largest, Math.abs(q) / (standardize && spread > 0 ? spread : 1));
  }
  return largest / (n * rho);
}

/**
 * The mean squared error on a fold, from its statistics: sum (y - b - x.w)^2 = yy - 2 w.xy + w'XXw + n (ybar - b - xbar.w)^2.
 */
export function heldOutError(fold: GramStatistics, coef: ArrayLike<number>, intercept: number): number {
  const { n, nFeatures: d, xMean, yMean, xx, xy, yy } = fold;
  let quadratic = 0;
  let linear = 0;
  let offset = yMean - intercept;
  for (let j = 0; j < d; j++) {
    linear += coef[j] * xy[j];
    offset -= xMean[j] * coef[j];
    for (let l = 0; l < d; l++) quadratic += coef[j] * xx[j * d + l] * coef[l];
  }
  return Math.max(yy - 2 * linear + quadratic, 0) / n + offset * offset;
}

/**
 * Lasso (l1Ratio 1) or elastic-net CV from the statistics of k folds: for each lambda of the grid and each fold,
 * a fit from the other folds' merged statistics (fitGram) and its error on the fold; lambdaMin has the
 * smallest mean error, lambda1se follows glmnet's one-standard-error rule.
 */
export function crossValidateStatistics(folds: readonly GramStatistics[], options: StatisticsCVOptions = {}): StatisticsCVResult {
  if (!Array.isArray(folds) || folds.length < 2) throw new RangeError("crossValidateStatistics needs the statistics of at least 2 folds (an engine's result grouped by fold).");
  const rho = checkL1Ratio(options.l1Ratio ?? 1);
  if (rho === 0) throw new RangeError("l1Ratio 0 is ridge, whose path has no lambdaMax: give l1Ratio in (0, 1].");
  const nLambdas = checkPositiveInteger(options.nLambdas ?? 100, "nLambdas");
  const eps = checkPositive(options.eps ?? 1e-3, "eps");
  const { nLambdas: _n, eps: _e, l1Ratio: _r, ...estimator } = options;
  const fitIntercept = options.fitIntercept ?? true;
  const standardize = options.standardize ?? false;
  const top = lambdaMax(merged(folds).toJSON(), rho, fitIntercept, standardize);
  const lambdas = Float64Array.from({ length: nLambdas }, (_, i) => top * eps ** (nLambdas > 1 ? i / (nLambdas - 1) : 0));
  const create = (lambda: number) => (rho === 1 ? new Lasso({ ...estimator, lambda }) : new ElasticNet({ ...estimator, lambda, l1Ratio: rho }));
  const errors = folds.map((fold, f) => {
    const train = merged(folds.filter((_, g) => g !== f));
    return Float64Array.from(lambdas, (lambda) => {
      const model = create(lambda).fitGram(train);
      return heldOutError(fold, model.coef, model.intercept);
    });
  });
  const { mean, standardError } = meanAndStandardError(errors, nLambdas);
  const { lambdaMin, lambda1se } = selectLambda({ lambdas, mean, standardError });
  const cvStd = standardError.map((se) => se * Math.sqrt(folds.length));
  return { lambdas, cvMean: mean, cvStd, lambdaMin, lambda1se, model: create(lambdaMin).fitGram(merged(folds)) };
}
