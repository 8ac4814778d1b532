// Exact leave-one-out errors of ridge regression for several lambdas from one eigendecomposition: e_i / (1 - H_ii)
// with H the hat matrix (Golub, Heath & Wahba 1979; scikit-learn's _RidgeGCV), of X_c^T X_c when n > d and of
// X_c X_c^T otherwise, so every extra lambda costs O(n min(n, d)). The intercept adds 1/n to every H_ii (s_i / n
// with sample weights).

import type { Backend } from "../backend.js";
import type { PreparedData } from "./prepared-data.js";
import { symmetricEigen } from "../linalg/symmetric-eigen.js";
import { timesPowerOfTwo } from "../power-of-two.js";

/**
 * The squared leave-one-out residual of every row, for each lambda (the penalty n lambda held fixed). With sample
 * weights s (summing to n; the data prepared with them, rows scaled by sqrt(s_i)), the residual of row i is
 * sqrt(s_i) times its own, so its square is the weighted squared error s_i e_i^2 (scikit-learn's _RidgeGCV), and
 * the intercept's share of H_ii is s_i / n.
 */
export function ridgeLeaveOneOut(
  backend: Backend, data: PreparedData, lambdas: Float64Array, fitIntercept: boolean, weights?: Float64Array,
): { errors: Float64Array[]; errorExponent: number } {
  // Data whose sums overflow or underflow are read rescaled by powers of two (X times a, y times b): with lambda
  // times a^2 (1 under standardize) the hat matrix is the same and every residual is b times its own, so the
  // squared errors come back in units of b^2 (errorExponent = 2 log2 b), where they stay finite and comparable.
  const problem = data.rescaled({ lambda: Math.max(...Array.from(lambdas)), rho: 0 });
  if (!problem) return { errors: looErrors(backend, data, lambdas, fitIntercept, weights), errorExponent: 0 };
  try {
    const ae = problem.standardized ? 0 : problem.xExponent;
    const scaled = lambdas.map((lambda) => timesPowerOfTwo(lambda, 2 * ae));
    return { errors: looErrors(backend, problem.data, scaled, fitIntercept, weights), errorExponent: 2 * problem.yExponent };
  } finally {
    problem.free();
  }
}

function looErrors(
  backend: Backend, data: PreparedData, lambdas: Float64Array, fitIntercept: boolean, weights?: Float64Array,
): Float64Array[] {
  const { n, d } = data;
  const Xs = data.rows().values.slice();
  const yc = data.centeredTargets().values.slice();
  // basis: n x m columns u_k with weights(lambda)_k: H_c = sum_k u_k u_k^T f_k(lambda).
  let basis: Float64Array;
  let m: number;
  let spectrum: Float64Array;
  let filter: (s: number, shift: number) => number;
  if (n > d) {
    // X_c^T X_c = V S V^T, U = X_c V: H_c = U diag(1 / (s + n lambda)) U^T.
    const { values, vectors } = symmetricEigen(data.gram().G.values, d);
    m = d;
    basis = new Float64Array(n * d);
    for (let i = 0; i < n; i++) {
      for (let k = 0; k < d; k++) {
        let sum = 0;
        for (let j = 0; j < d; j++) sum += Xs[i * d + j] * vectors[j * d + k];
        basis[i * d + k] = sum;
      }
    }
    spectrum = values;
    filter = (s, shift) => 1 / (s + shift);
  } else {
    // X_c X_c^T = Q S Q^T: H_c = Q diag(s / (s + n lambda)) Q^T.
    const { values, vectors } = backend.scope((scope) => {
      const K = scope.alloc(n * n);
      backend.rowGram(data.rows(), n, d, K);
      return symmetricEigen(K.values, n);
    });
    basis = vectors;
    spectrum = values;
    m = n;
    filter = (s, shift) => (s > 0 ? s / (s + shift) : 0);
  }
  const projections = new Float64Array(m);
  for (let k = 0; k < m; k++) for (let i = 0; i < n; i++) projections[k] += basis[i * m + k] * yc[i];
  const base = (i: number) => (!fitIntercept ? 0 : weights ? weights[i] / n : 1 / n);
  return Array.from(lambdas, (lambda) => {
    const f = Float64Array.from(spectrum, (s) => filter(Math.max(s, 0), n * lambda));
    return Float64Array.from({ length: n }, (_, i) => {
      let fitted = 0;
      let leverage = base(i);
      for (let k = 0; k < m; k++) {
        const u = basis[i * m + k];
        fitted += u * f[k] * projections[k];
        leverage += u * u * f[k];
      }
      return ((yc[i] - fitted) / (1 - leverage)) ** 2;
    });
  });
}
