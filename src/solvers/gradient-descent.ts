// The seed's gradient-descent loop on the rows as given (scaled under standardize), with its own intercept.

import { DivergedError } from "../errors.js";
import { solver, type SolverParams } from "./solver.js";

export const gradientDescent = solver<SolverParams>({
  multiOutput: false,
  fromStatistics: false,
  weighted: false,
  iterative: true,
  iterations: (params) => params.maxIter,
  solve({ backend, data, params, start, history, scope }) {
    const { n, d } = data;
    const { X, Y } = data.uncentered();
    const { lambda, rho, learningRate, maxIter, tol, fitIntercept } = params;
    const w = start ? scope.fromArray(start) : scope.alloc(d);
    const result = backend.gdFit(X, n, d, Y, { lambda, rho, learningRate, maxIter, tol, fitIntercept }, w, history);
    if (result.outcome === "diverged") throw new DivergedError(params.owner, result.loss, result.nIter, learningRate);
    return {
      w: w.values.slice(), intercepts: Float64Array.of(result.intercept), nIter: result.nIter,
      converged: result.outcome === "converged", dualGap: Number.NaN,
    };
  },
});
