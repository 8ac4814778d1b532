// What one entry of the solver table is: a map from (backend, prepared data, parameters, warm start) to weights.

import type { Backend, F64Block, Scope } from "../backend.js";
import type { PreparedData } from "./prepared-data.js";

/** Parameters of the least-squares solvers: the penalty lambda (rho ||w||_1 + (1 - rho)/2 ||w||^2) and how to stop. */
export interface SolverParams {
  /** The model's name, for messages. */
  owner: string;
  lambda: number;
  /** l1Ratio: 1 lasso, 0 ridge. */
  rho: number;
  maxIter: number;
  tol: number;
  positive: boolean;
  /**
   * CD: covariance mode (true), residual mode (false), or "auto": covariance mode when n > d for a path, and for
   * a single fit only when d is also below 32 (see usesGram).
   */
  precompute: "auto" | boolean;
  selection: "cyclic" | "random";
  seed: number;
  /** gd: the step size. */
  learningRate: number;
  /** gd and sgd fit their own bias on uncentered rows. */
  fitIntercept: boolean;
  /** FISTA: the group lasso's groups (group id of each feature, group count, one weight per group) instead of the L1 norm. */
  groups?: { ids: Int32Array; count: number; weights: Float64Array };
}

/** What a solver is handed for one fit. */
export interface SolveRequest<P> {
  backend: Backend;
  data: PreparedData;
  params: P;
  /** Weights to start from on the data's scale (d x k), or null for zeros. */
  start: Float64Array | null;
  /** Where the objective of each iteration goes (the first history.length), or null. */
  history: F64Block | null;
  /** Blocks the solver allocates here are freed after the fit. */
  scope: Scope;
  /** How many lambdas the path this fit belongs to has: 1 for a single fit. */
  pathLength: number;
  /** The lambda of the path's previous fit, whose weights `start` holds; NaN for the first fit. */
  lambdaPrev: number;
}

/** How a fit ended: the weights on the data's scale (d x k), and intercepts when the solver fitted its own. */
export interface SolverOutcome {
  w: Float64Array;
  intercepts?: Float64Array;
  nIter: number;
  converged: boolean;
  /** Duality gap on the objective (divided by n); NaN for solvers without one. */
  dualGap: number;
}

export interface SolverEntry<P> {
  /** Fits several outputs at once (else y must be one vector). */
  readonly multiOutput: boolean;
  /** Can fit from sufficient statistics alone (GramData), without the rows. */
  readonly fromStatistics: boolean;
  /** Accepts sample weights. */
  readonly weighted: boolean;
  /**
   * Its solution follows exactly when X and y are multiplied by constants and the penalty is mapped to match
   * (no step size of the user's, as gd and sgd have), so a fit that overflows can be rerun on rescaled data.
   */
  readonly scaleFree: boolean;
  /** Records an objective per iteration (the runner allocates history for it). */
  readonly iterative: boolean;
  /** The iteration limit of these parameters (the history's length). */
  iterations(params: P): number;
  solve(request: SolveRequest<P>): SolverOutcome;
}

/** Declares an entry (a typed identity, so entries read as data). */
export const solver = <P>(entry: SolverEntry<P>): SolverEntry<P> => entry;
