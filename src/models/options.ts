// Options of the estimators: defaults, and validation whose errors name the option.

import type { BackendName } from "../backend.js";
import { checkL1Ratio, checkLambda } from "../input.js";

/** Options every estimator takes. */
export interface LinearModelOptions {
  /** Regularization strength lambda >= 0 (default 1). */
  lambda?: number;
  /** Fit an unpenalized intercept (default true); false fixes it at 0. */
  fitIntercept?: boolean;
  /** `"wasm"` (default; needs `await init()`) or `"js"`. */
  backend?: BackendName;
  /** Iteration limit of the iterative solvers (default 1000). */
  maxIter?: number;
  /** Gradient descent stops when the objective changes by less than tol between iterations (default 1e-6). */
  tol?: number;
  /** Step size of gradient descent (default 0.01). */
  learningRate?: number;
  /** Keep the objective of every iteration in `history` (default true). */
  recordHistory?: boolean;
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
  l1Ratio: number;
  onWarning: (message: string) => void;
}

export const DEFAULTS = {
  lambda: 1,
  fitIntercept: true,
  backend: "wasm" as BackendName,
  maxIter: 1000,
  tol: 1e-6,
  learningRate: 0.01,
  recordHistory: true,
  l1Ratio: 0.5,
};

function checkBoolean(value: unknown, name: string): boolean {
  if (typeof value !== "boolean") throw new TypeError(`${name} must be true or false, got ${String(value)}.`);
  return value;
}

function checkChoice<T extends string>(value: unknown, name: string, choices: readonly T[]): T {
  if (!choices.includes(value as T)) {
    throw new RangeError(`${name} must be one of ${choices.map((c) => `"${c}"`).join(", ")}, got ${JSON.stringify(value)}.`);
  }
  return value as T;
}

function checkPositiveInteger(value: unknown, name: string): number {
  if (!Number.isInteger(value) || (value as number) < 1) {
    throw new RangeError(`${name} must be a positive integer, got ${String(value)}.`);
  }
  return value as number;
}

function checkPositive(value: unknown, name: string): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) {
    throw new RangeError(`${name} must be a finite number > 0, got ${String(value)}.`);
  }
  return value;
}

/**
 * Validates user options against the estimator's option names and solvers and fills in the defaults.
 * Unknown names are rejected, so a typo such as `lamda` fails loudly instead of being ignored.
 */
export function resolveOptions(
  model: string,
  options: Record<string, unknown>,
  solvers: readonly string[],
  extraNames: readonly string[] = [],
): ResolvedOptions {
  if (typeof options !== "object" || options === null) {
    throw new TypeError(`${model} options must be an object such as { lambda: 0.1 }, got ${String(options)}.`);
  }
  const names = ["lambda", "fitIntercept", "backend", "solver", "maxIter", "tol", "learningRate", "recordHistory",
    "onWarning", ...extraNames];
  for (const key of Object.keys(options)) {
    if (!names.includes(key)) {
      throw new TypeError(`Unknown option "${key}" for ${model}: the options are ${names.join(", ")}.`);
    }
  }
  const given = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
  const o = { ...DEFAULTS, solver: solvers[0], onWarning: (message: string) => console.warn(message), ...given };
  if (typeof o.onWarning !== "function") throw new TypeError(`onWarning must be a function, got ${typeof o.onWarning}.`);
  return {
    lambda: checkLambda(o.lambda),
    fitIntercept: checkBoolean(o.fitIntercept, "fitIntercept"),
    backend: checkChoice(o.backend, "backend", ["wasm", "js"] as const),
    solver: checkChoice(o.solver, `solver of ${model}`, solvers),
    maxIter: checkPositiveInteger(o.maxIter, "maxIter"),
    tol: checkLambda(o.tol, "tol"),
    learningRate: checkPositive(o.learningRate, "learningRate"),
    recordHistory: checkBoolean(o.recordHistory, "recordHistory"),
    l1Ratio: checkL1Ratio(o.l1Ratio),
    onWarning: o.onWarning as (message: string) => void,
  };
}
