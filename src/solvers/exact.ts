// The exact iterative solvers of the elastic net on prepared data: coordinate descent (covariance or residual
// mode) and FISTA. Both start from a given w (warm starts, paths) and report the duality gap.

import type { Backend, F64Block, FistaParams, IterativeResult } from "../backend.js";
import type { PreparedData } from "./least-squares-data.js";

export interface ExactParams {
  lambda: number;
  rho: number;
  maxIter: number;
  tol: number;
  positive: boolean;
  /** CD: covariance mode (true), residual mode (false), or covariance mode when n > d ("auto"). */
  precompute: "auto" | boolean;
  selection: "cyclic" | "random";
  seed: number;
  recordHistory: boolean;
  /** FISTA only: the group lasso's groups instead of the L1 norm. */
  groups?: FistaParams["groups"];
}

export interface ExactResult extends IterativeResult {
  /** Weights on the data's (scaled) space. */
  w: Float64Array;
  history: Float64Array;
}

/** Iterations whose objective `history` keeps: the first 100,000 (800 KB), whatever maxIter is. */
export const HISTORY_LIMIT = 100_000;

/** Runs `solve` on a w block holding `start` and a history block, and frees both afterwards. */
function run(
  backend: Backend, start: Float64Array, params: ExactParams,
  solve: (w: F64Block, history: F64Block | null) => IterativeResult,
): ExactResult {
  const w = backend.fromArray(start);
  let history: F64Block | null = null;
  try {
    if (params.recordHistory) history = backend.alloc(Math.min(params.maxIter, HISTORY_LIMIT));
    const result = solve(w, history);
    return { ...result, w: w.values.slice(), history: history ? history.values.slice(0, Math.min(result.nIter, history.length)) : new Float64Array(0) };
  } finally {
    backend.free(w);
    if (history) backend.free(history);
  }
}

/** Whether coordinate descent works on the Gram matrix for these data and options. */
export function usesGram(data: PreparedData, precompute: "auto" | boolean): boolean {
  if (!data.hasRows) return true;
  return precompute === "auto" ? data.n > data.d : precompute;
}

export function coordinateDescent(
  backend: Backend, data: PreparedData, params: ExactParams, start: Float64Array,
): ExactResult {
  const { n, d } = data;
  const { lambda, rho, maxIter, tol, positive, selection, seed } = params;
  const cd = { lambda, rho, maxIter, tol, positive, selection, seed };
  return run(backend, start, params, (w, history) => {
    if (usesGram(data, params.precompute)) {
      const { G, q } = data.gram();
      return backend.cdGram(G, q, data.yy[0], d, n, cd, w, history);
    }
    const r = backend.alloc(n);
    try {
      return backend.cdResidual(data.columns(), n, d, data.centeredTargets(), cd, w, r, history);
    } finally {
      backend.free(r);
    }
  });
}

/** Power iterations for FISTA's Lipschitz constant, and the margin against their slight underestimate. */
const POWER_ITERATIONS = 200;
const LIPSCHITZ_MARGIN = 1.01;

export function fistaSolve(backend: Backend, data: PreparedData, params: ExactParams, start: Float64Array): ExactResult {
  const { n, d } = data;
  const { lambda, rho, maxIter, tol, positive } = params;
  const X = data.rows();
  const L = LIPSCHITZ_MARGIN * backend.largestEigenvalue(X, n, d, POWER_ITERATIONS) + lambda * (1 - rho);
  return run(backend, start, params, (w, history) =>
    backend.fista(X, n, d, data.centeredTargets(), { lambda, rho, L: L > 0 ? L : 1, maxIter, tol, positive, groups: params.groups }, w, history));
}
