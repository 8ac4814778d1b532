// Options of the estimators: defaults, and validation whose errors name the option.

import type { BackendName } from "../backend.js";
import {
  checkBoolean, checkChoice, checkL1Ratio, checkLambda, checkPositive, checkPositiveInteger, checkSeed,
} from "../options/checks.js";

export { checkBoolean, checkChoice, checkPositiveInteger };

/** Options every estimator takes. */
export interface LinearModelOptions {
  /** Regularization strength lambda >= 0 (default 1). */
  lambda?: number;
  /** Fit an unpenalized intercept (default true); false fixes it at 0. */
  fitIntercept?: boolean;
  /** `"wasm"` (default; needs `await init()`) or `"js"`. */
  backend?: BackendName;
  /** Iteration (GD, FISTA) or epoch (CD) limit (default 1000). */
  maxIter?: number;
  /**
   * Stopping tolerance. CD and FISTA: duality gap <= tol * ||y - mean(y)||^2 (default 1e-4, scikit-learn's);
   * GD: the objective changes by less than tol between iterations (default 1e-6).
   */
  tol?: number;
  /** Step size of gradient descent (default 0.01). */
  learningRate?: number;
  /** Keep the objective of every iteration (GD, FISTA) or epoch (CD), the first 100,000 of them, in `history` (default true). */
  recordHistory?: boolean;
  /** Scale each feature to unit variance for the fit, coefficients returned on the original scale (glmnet's standardize; default false). */
  standardize?: boolean;
  /** CD and FISTA: constrain the weights to be >= 0 (default false). */
  positive?: boolean;
  /** CD and FISTA: start from the current coef of a fitted model with the same features (default false). */
  warmStart?: boolean;
  /** CD: work on the Gram matrix X^T X (true), on the columns of X (false), or on X^T X when n > d ("auto", the default). */
  precompute?: "auto" | boolean;
  /** CD: visit coordinates in order (`"cyclic"`, default) or at random (`"random"`). */
  selection?: "cyclic" | "random";
  /** Seed of the random coordinate order (default 0). */
  seed?: number;
  /** Receives warnings such as "did not converge" (default `console.warn`). */
  onWarning?: (message: string) => void;
}

/** All options resolved to values. */
export interface ResolvedOptions {
  lambda: number;
  fitIntercept: boolean;
  backend: BackendName;
  solver: string;
  maxIter: number;
  tol: number;
  learningRate: number;
  recordHistory: boolean;
  standardize: boolean;
  positive: boolean;
  warmStart: boolean;
  precompute: "auto" | boolean;
  selection: "cyclic" | "random";
  seed: number;
  l1Ratio: number;
  onWarning: (message: string) => void;
}

export const DEFAULTS = {
  lambda: 1,
  fitIntercept: true,
  backend: "wasm" as BackendName,
  maxIter: 1000,
  learningRate: 0.01,
  recordHistory: true,
  standardize: false,
  positive: false,
  warmStart: false,
  precompute: "auto" as const,
  selection: "cyclic" as const,
  seed: 0,
  l1Ratio: 0.5,
};

/** The default tol of a solver: the change of objective for GD, the relative duality gap for the others. */
export const defaultTol = (solver: string): number => (solver === "gd" ? 1e-6 : 1e-4);

/** The option names every estimator accepts. */
export const COMMON_OPTION_NAMES = [
  "lambda", "fitIntercept", "backend", "solver", "maxIter", "tol", "learningRate", "recordHistory", "standardize",
  "positive", "warmStart", "precompute", "selection", "seed", "onWarning",
] as const;

/** Rejects option names outside `names`, so a typo such as `lamda` fails loudly instead of being ignored. */
export function checkOptionNames(model: string, options: unknown, names: readonly string[]): Record<string, unknown> {
  if (typeof options !== "object" || options === null) {
    throw new TypeError(`${model} options must be an object such as { lambda: 0.1 }, got ${String(options)}.`);
  }
  for (const key of Object.keys(options)) {
    if (!names.includes(key)) {
      throw new TypeError(`Unknown option "${key}" for ${model}: the options are ${names.join(", ")}.`);
    }
  }
  return Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
}

/** Validates user options against the estimator's option names and solvers and fills in the defaults. */
export function resolveOptions(
  model: string,
  options: Record<string, unknown>,
  solvers: readonly string[],
  extraNames: readonly string[] = [],
): ResolvedOptions {
  const given = checkOptionNames(model, options, [...COMMON_OPTION_NAMES, ...extraNames]);
  const o = { ...DEFAULTS, solver: solvers[0], onWarning: (message: string) => console.warn(message), ...given };
  if (typeof o.onWarning !== "function") throw new TypeError(`onWarning must be a function, got ${typeof o.onWarning}.`);
  const solver = checkChoice(o.solver, `solver of ${model}`, solvers);
  const resolved: ResolvedOptions = {
    lambda: checkLambda(o.lambda),
    fitIntercept: checkBoolean(o.fitIntercept, "fitIntercept"),
    backend: checkChoice(o.backend, "backend", ["wasm", "js"] as const),
    solver,
    maxIter: checkPositiveInteger(o.maxIter, "maxIter"),
    tol: checkLambda("tol" in given ? given.tol : defaultTol(solver), "tol"),
    learningRate: checkPositive(o.learningRate, "learningRate"),
    recordHistory: checkBoolean(o.recordHistory, "recordHistory"),
    standardize: checkBoolean(o.standardize, "standardize"),
    positive: checkBoolean(o.positive, "positive"),
    warmStart: checkBoolean(o.warmStart, "warmStart"),
    precompute: checkChoice(o.precompute, "precompute", ["auto", true, false] as const),
    selection: checkChoice(o.selection, "selection", ["cyclic", "random"] as const),
    seed: checkSeed(o.seed),
    l1Ratio: checkL1Ratio(o.l1Ratio),
    onWarning: o.onWarning as (message: string) => void,
  };
  if (resolved.positive && (solver === "gd" || solver === "closed-form")) {
    throw new RangeError(`positive needs solver "cd" or "fista"; solver "${solver}" cannot constrain the signs.`);
  }
  return resolved;
}
