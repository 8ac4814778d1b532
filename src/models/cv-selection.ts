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
  let best = 0;
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
 * sum_f W_f / (k - 1)); with equal weights, the sample standard deviation / sqrt(k).
 */
export function meanAndStandardError(
  values: Float64Array[], cols: number, weights?: ArrayLike<number>,
): { mean: Float64Array; standardError: Float64Array } {
  const k = values.length;
  const W = weights ?? new Float64Array(k).fill(1);
  let total = 0;
  for (let f = 0; f < k; f++) total += W[f];
  const mean = new Float64Array(cols);
  const standardError = new Float64Array(cols);
  for (let i = 0; i < cols; i++) {
    let sum = 0;
    values.forEach((row, f) => (sum += W[f] * row[i]));
    mean[i] = sum / total;
    let squares = 0;
    values.forEach((row, f) => (squares += W[f] * (row[i] - mean[i]) ** 2));
    standardError[i] = k > 1 ? Math.sqrt(squares / total / (k - 1)) : 0;
  }
  return { mean, standardError };
}
