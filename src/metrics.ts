// Measures of fit shared by the dense models and the sparse ones.

/**
 * Coefficient of determination R^2 = 1 - SS_res / SS_tot of k outputs (row-major n x k truth and predictions),
 * averaged over the outputs; a constant output scores 1 if predicted exactly and 0 otherwise (scikit-learn's
 * convention).
 */
export function rSquared(truth: ArrayLike<number>, predicted: ArrayLike<number>, k: number): number {
  const n = truth.length / k;
  let total = 0;
  for (let o = 0; o < k; o++) {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += truth[i * k + o] / n;
    let residual = 0;
    let spread = 0;
    for (let i = 0; i < n; i++) {
      residual += (truth[i * k + o] - predicted[i * k + o]) ** 2;
      spread += (truth[i * k + o] - mean) ** 2;
    }
    total += spread === 0 ? (residual === 0 ? 1 : 0) : 1 - residual / spread;
  }
  return total / k;
}
