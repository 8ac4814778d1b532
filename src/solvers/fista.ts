// FISTA (Beck & Teboulle 2009) with restart: the step 1/L from the largest eigenvalue of X^T X / n, the L1 or
// group-lasso proximal map.

import type { FistaParams } from "../backend.js";
import { solver, type SolverParams } from "./solver.js";

/** Power iterations for the Lipschitz constant, and the margin against their slight underestimate. */
const POWER_ITERATIONS = 200;
const LIPSCHITZ_MARGIN = 1.01;

export const fista = solver<SolverParams>({
  multiOutput: false,
  fromStatistics: false,
  weighted: true,
  iterative: true,
  iterations: (params) => params.maxIter,
  solve({ backend, data, params, start, history, scope }) {
    const { n, d } = data;
    const { lambda, rho, maxIter, tol, positive, groups } = params;
    const X = data.rows();
    const L = LIPSCHITZ_MARGIN * backend.largestEigenvalue(X, n, d, POWER_ITERATIONS) + lambda * (1 - rho);
    const fistaParams: FistaParams = {
      lambda, rho, L: L > 0 ? L : 1, maxIter, tol, positive,
      groups: groups && { ids: scope.fromInt32(groups.ids), count: groups.count, weights: scope.fromArray(groups.weights) },
    };
    const w = start ? scope.fromArray(start) : scope.alloc(d);
    const result = backend.fista(X, n, d, data.centeredTargets(), fistaParams, w, history);
    return { ...result, w: w.values.slice() };
  },
});
