// Coordinate descent for the elastic net (scikit-learn's enet_path solver, glmnet's): covariance mode on the Gram
// form when only statistics are at hand or when usesGram says so, residual mode on the columns otherwise.

import type { Backend, CdParams } from "../backend.js";
import type { PreparedData } from "./prepared-data.js";
import { solver, type SolverOutcome, type SolverParams } from "./solver.js";

/**
 * Below this many features a single fit's Gram product (n d^2 / 2 multiply-adds) measured cheaper than residual
 * mode's passes over the columns (10,000 to 100,000 rows).
 */
const GRAM_SINGLE_FIT_FEATURES = 32;

/**
 * Whether coordinate descent works on the Gram matrix for these data and options. "auto": paths (glmnet's and
 * scikit-learn's enet_path) when n > d, where the Gram product is shared by every lambda; a single fit
 * (scikit-learn's Lasso works on the columns) only where the product is also cheap, d < 32.
 */
export function usesGram(data: PreparedData, precompute: "auto" | boolean, singleFit: boolean): boolean {
  if (!data.hasRows) return true;
  if (precompute !== "auto") return precompute;
  return data.n > data.d && (!singleFit || data.d < GRAM_SINGLE_FIT_FEATURES);
}

const cdParams = ({ lambda, rho, maxIter, tol, positive, selection, seed }: SolverParams, lambdaPrev: number): CdParams =>
  ({ lambda, rho, lambdaPrev, maxIter, tol, positive, selection, seed });

export const coordinateDescent = solver<SolverParams>({
  multiOutput: false,
  fromStatistics: true,
  weighted: true,
  scaleFree: true,
  iterative: true,
  iterations: (params) => params.maxIter,
  solve({ backend, data, params, start, history, scope, pathLength, lambdaPrev }) {
    const { n, d } = data;
    const w = start ? scope.fromArray(start) : scope.alloc(d);
    if (usesGram(data, params.precompute, pathLength === 1)) {
      const result = backend.cdGram(data.gram().G, data.gram().q, data.yy[0], d, n, cdParams(params, lambdaPrev), w, history);
      return { ...result, w: w.values.slice() };
    }
    const state = data.columnState();
    const known = (state.normsKnown ? 1 : 0) | (state.gAt !== null && sameValues(state.gAt, w.values) ? 2 : 0);
    const result = backend.cdResidual(
      data.columns(), n, d, data.centeredTargets(), cdParams(params, lambdaPrev), w, scope.alloc(n), state.norms, state.g, known, history);
    state.normsKnown = true;
    state.gAt = w.values.slice();
    return { ...result, w: state.gAt.slice() };
  },
});

function sameValues(a: Float64Array, b: Float64Array): boolean {
  if (a.length !== b.length) return false;
  for (let j = 0; j < a.length; j++) if (!Object.is(a[j], b[j])) return false;
  return true;
}

/**
 * Covariance-mode paths of problems given by statistics alone (cross-validation's folds, d coordinates each) on one
 * grid, in one backend call that runs them side by side: paths[f][i] is problem f's fit at lambdas[i], each as a
 * path of single fits gives it (from the previous fit's weights, the first from 0).
 */
export function cdGramPaths(backend: Backend, datas: readonly PreparedData[], lambdas: ArrayLike<number>, params: SolverParams): SolverOutcome[][] {
  const d = datas[0].d;
  const count = lambdas.length;
  return backend.scope((scope) => {
    const W = datas.map(() => scope.alloc(count * d));
    const results = datas.map(() => scope.alloc(3 * count));
    const problems = datas.map((data) => ({ ...data.gram(), yy: data.yy[0], n: data.n }));
    backend.cdGramPaths(problems, d, scope.fromArray(Float64Array.from(lambdas)), count, cdParams(params, Number.NaN), W, results);
    return datas.map((_, f) => Array.from({ length: count }, (_, i) => {
      const [nIter, dualGap, converged] = results[f].values.subarray(3 * i, 3 * i + 3);
      return { w: W[f].values.slice(i * d, (i + 1) * d), nIter, dualGap, converged: converged === 1 };
    }));
  });
}
