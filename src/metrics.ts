// Measures of fit shared by the dense models and the sparse ones.

import { powerOfTwoScaler, rangeExponent } from "./power-of-two.js";

/**
 * Coefficient of determination R^2 = 1 - SS_res / SS_tot of k outputs (row-major n x k truth and predictions),
 * averaged over the outputs; a constant output scores 1 if predicted exactly and 0 otherwise (scikit-learn's
 * convention).
 */
export function rSquared(truth: ArrayLike<number>, predicted: ArrayLike<number>, k: number): number {
  const n = truth.length / k;
  let total = 0;
  for (let o = 0; o < k; o++) {
    const column = Float64Array.from({ length: n }, (_, i) => truth[i * k + o]);
    // Differences taken times a power of two (exact) that brings the truth near 1, so that the sums of squares of
    // huge or tiny targets stay finite; their ratio is unchanged.
    const scale = powerOfTwoScaler(rangeExponent(column));
    const constant = column.every((v) => v === column[0]);
    let sum = 0;
    for (let i = 0; i < n; i++) sum += scale(column[i]);
    const mean = sum / n;
    let residual = 0;
    let spread = 0;
    for (let i = 0; i < n; i++) {
      residual += scale(column[i] - predicted[i * k + o]) ** 2;
      spread += (scale(column[i]) - mean) ** 2;
    }
    total += constant ? (residual === 0 ? 1 : 0) : 1 - residual / spread;
  }
  return total / k;
}
