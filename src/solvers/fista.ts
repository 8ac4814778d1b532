// FISTA (Beck & Teboulle 2009) with restart: the step 1/L from the largest eigenvalue of X^T X / n (exact from
// the Gram matrix for few features, by power iteration otherwise), the L1 or group-lasso proximal map.

import type { Backend, FistaParams } from "../backend.js";
import { symmetricEigen } from "../linalg/symmetric-eigen.js";
import type { PreparedData } from "./prepared-data.js";
import { solver, type SolverParams } from "./solver.js";

/** Power iterations for the Lipschitz constant, and the margin against their slight underestimate. */
const POWER_ITERATIONS = 200;
const LIPSCHITZ_MARGIN = 1.01;
/**
 * Up to this many features the largest eigenvalue comes from the d x d Gram matrix (one pass over the rows,
 * then Jacobi on d x d), not from 200 power iterations over the rows (two passes each).
 */
const GRAM_EIGEN_LIMIT = 64;

/** The largest eigenvalue of X^T X / n for the prepared rows X. */
function largestEigenvalue(backend: Backend, data: PreparedData): number {
  const { n, d } = data;
  if (d <= GRAM_EIGEN_LIMIT && d < n) {
    const { values } = symmetricEigen(data.gram().G.values, d);
    return Math.max(...values) / n;
  }
  return LIPSCHITZ_MARGIN * backend.largestEigenvalue(data.rows(), n, d, POWER_ITERATIONS);
}

export const fista = solver<SolverParams>({
  multiOutput: false,
  fromStatistics: false,
  weighted: true,
  scaleFree: true,
  iterative: true,
  iterations: (params) => params.maxIter,
  solve({ backend, data, params, start, history, scope }) {
    const { n, d } = data;
    const { lambda, rho, maxIter, tol, positive, groups } = params;
    const X = data.rows();
    const L = largestEigenvalue(backend, data) + lambda * (1 - rho);
    const fistaParams: FistaParams = {
      lambda, rho, L: L > 0 ? L : 1, maxIter, tol, positive,
      groups: groups && { ids: scope.fromInt32(groups.ids), count: groups.count, weights: scope.fromArray(groups.weights) },
    };
    const w = start ? scope.fromArray(start) : scope.alloc(d);
    const result = backend.fista(X, n, d, data.centeredTargets(), fistaParams, w, history);
    return { ...result, w: w.values.slice() };
  },
});
