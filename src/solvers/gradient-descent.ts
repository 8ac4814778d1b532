// The seed's gradient-descent loop on the rows as given, with its own intercept; under standardize on the
// centered and scaled rows, as coordinate descent (a column scaled but not centered keeps its mean, the bias then
// couples to every weight and the step that suits the scaled columns diverges), the intercept from the means.

import { DivergedError } from "../errors.js";
import { solver, type SolverParams } from "./solver.js";

export const gradientDescent = solver<SolverParams>({
  multiOutput: false,
  fromStatistics: false,
  weighted: false,
  scaleFree: false,
  iterative: true,
  iterations: (params) => params.maxIter,
  solve({ backend, data, params, start, history, scope }) {
    const { n, d } = data;
    const { lambda, rho, learningRate, maxIter, tol } = params;
    const centered = data.standardized && params.fitIntercept;
    const { X, Y } = centered ? { X: data.rows(), Y: data.centeredTargets() } : data.uncentered();
    const fitIntercept = params.fitIntercept && !centered;
    const w = start ? scope.fromArray(start) : scope.alloc(d);
    const result = backend.gdFit(X, n, d, Y, { lambda, rho, learningRate, maxIter, tol, fitIntercept }, w, history);
    if (result.outcome === "diverged") {
      const context = { ridgeWeight: lambda * (1 - rho), standardized: data.standardized };
      throw new DivergedError(params.owner, result.loss, result.nIter, learningRate, "iteration", context);
    }
    return {
      w: w.values.slice(), intercepts: centered ? undefined : Float64Array.of(result.intercept), nIter: result.nIter,
      converged: result.outcome === "converged", dualGap: Number.NaN,
    };
  },
});
