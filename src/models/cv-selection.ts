// Choosing lambda from cross-validated errors, as glmnet does.

export interface CvCurve {
  /** Decreasing lambdas. */
  lambdas: Float64Array;
  /** Mean CV error at each lambda. */
  mean: Float64Array;
  /** Standard error of that mean at each lambda. */
  standardError: Float64Array;
}

/**
 * lambdaMin: the lambda of the smallest mean error (the largest such lambda on ties); lambda1se: the largest
 * lambda whose mean error is within one standard error of that minimum (glmnet's "one-standard-error rule",
 * the sparsest model statistically as good as the best).
 */
export function selectLambda(curve: CvCurve): { lambdaMin: number; lambda1se: number; best: number } {
  // The first lambda with a score, then the best (NaN scores, where no fold could score, are never chosen).
  let best = Math.max(curve.mean.findIndex((m) => !Number.isNaN(m)), 0);
  curve.mean.forEach((m, i) => {
    if (m < curve.mean[best]) best = i;
  });
  const ceiling = curve.mean[best] + curve.standardError[best];
  let oneSe = best;
  for (let i = 0; i < best; i++) {
    if (curve.mean[i] <= ceiling) {
      oneSe = i;
      break;
    }
  }
  return { lambdaMin: curve.lambdas[best], lambda1se: curve.lambdas[oneSe], best };
}

/**
 * Mean and standard error of each column of rows x cols values (one row per fold), cv.glmnet's: with row weights
 * W_f (a fold's weight), mean = sum_f W_f x_f / sum_f W_f and standard error sqrt(sum_f W_f (x_f - mean)^2 /
 * sum_f W_f / (k - 1)); with equal weights, the sample standard deviation / sqrt(k). With skipNaN, a column's NaN
 * values are left out (k then counts the others); a column of NaN only has a NaN mean.
 */
export function meanAndStandardError(
  values: Float64Array[], cols: number, weights?: ArrayLike<number>, skipNaN = false,
): { mean: Float64Array; standardError: Float64Array } {
  const W = weights ?? new Float64Array(values.length).fill(1);
  const mean = new Float64Array(cols);
  const standardError = new Float64Array(cols);
  for (let i = 0; i < cols; i++) {
    const counted = values.map((row, f) => [row[i], W[f]]).filter(([v]) => !(skipNaN && Number.isNaN(v)));
    const k = counted.length;
    const total = counted.reduce((t, [, w]) => t + w, 0);
    mean[i] = counted.reduce((t, [v, w]) => t + w * v, 0) / total;
    const squares = counted.reduce((t, [v, w]) => t + w * (v - mean[i]) ** 2, 0);
    standardError[i] = k > 1 ? Math.sqrt(squares / total / (k - 1)) : 0;
  }
  return { mean, standardError };
}
