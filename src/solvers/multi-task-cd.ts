// Block coordinate descent for the multi-task elastic net: the group of feature j is its row of W (d x k).

import { solver, type SolverParams } from "./solver.js";

export const multiTaskCd = solver<SolverParams>({
  multiOutput: true,
  fromStatistics: false,
  weighted: true,
  scaleFree: true,
  iterative: true,
  iterations: (params) => params.maxIter,
  solve({ backend, data, params, start, history, scope }) {
    const { n, d, k } = data;
    const { lambda, rho, maxIter, tol, seed } = params;
    const Yt = scope.uninitialized(k * n);
    backend.transpose(data.centeredTargets(), n, k, null, Yt);
    const W = start ? scope.fromArray(start) : scope.alloc(d * k);
    const cd = { lambda, rho, lambdaPrev: Number.NaN, maxIter, tol, positive: false, selection: "cyclic" as const, seed };
    const result = backend.cdMultiTask(data.columns(), n, d, Yt, k, cd, W, history);
    return { ...result, w: W.values.slice() };
  },
});
