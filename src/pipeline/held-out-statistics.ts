// Held-out errors of fitted models on a fold given only by its sufficient statistics (no rows).

import type { GramStatistics } from "../gram-accumulator.js";

/**
 * The mean squared error on a fold of each of several models (coefs[l], intercepts[l]), from the fold's
 * statistics: n_f, the means m and ybar, the centered C = sum x~ x~^T, q = sum x~ y~, yy = sum y~^2 (x = m + x~,
 * y = ybar + y~). Each residual is e_i = delta + (y~_i - w.x~_i) with delta = ybar - b - w.m; the centered parts
 * sum to 0 over the fold, so
 *
 *     MSE = delta^2 + (yy - 2 w.q + w^T C w) / n_f,
 *
 * the centered error corrected by the fold's mean offset delta. The bracket is a difference of sums of squares:
 * rounding can take it below 0 when the fit is near exact, and it is then 0.
 */
export function heldOutErrorsFromStatistics(fold: GramStatistics, coefs: readonly Float64Array[], intercepts: ArrayLike<number>): Float64Array {
  const { n, nFeatures: d, xMean, yMean, xx, xy, yy } = fold;
  return Float64Array.from(coefs, (w, l) => {
    let offset = yMean - intercepts[l];
    let wq = 0;
    let wCw = 0;
    for (let j = 0; j < d; j++) {
      if (w[j] === 0) continue;
      offset -= w[j] * xMean[j];
      wq += w[j] * xy[j];
      let row = 0;
      for (let c = 0; c < d; c++) row += xx[j * d + c] * w[c];
      wCw += w[j] * row;
    }
    return offset * offset + Math.max(yy - 2 * wq + wCw, 0) / n;
  });
}
