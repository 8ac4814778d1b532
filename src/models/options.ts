// The option types of the estimators. Their defaults, checks and the owners and solvers they apply to are in
// the schema (src/options/schema.ts); an option a model or its solver does not use is refused.

import type { BackendName } from "../backend.js";
import type { ModelOwner, OptionName, OptionValue, Resolved } from "../options/schema.js";

/** Options every estimator takes (some only with some solvers, as noted; the others refuse them). */
export interface LinearModelOptions {
  /** Regularization strength lambda >= 0 (default 1). */
  lambda?: number;
  /** Fit an unpenalized intercept (default true); false fixes it at 0. */
  fitIntercept?: boolean;
  /** `"wasm"` (default; needs `await init()`) or `"js"`. */
  backend?: BackendName;
  /** Iteration (GD, FISTA) or epoch (CD) limit (default 1000); not with the closed form. */
  maxIter?: number;
  /**
   * Stopping tolerance. CD and FISTA: duality gap <= tol * ||y - mean(y)||^2 (default 1e-4, scikit-learn's);
   * GD: the objective changes by less than tol between iterations (default 1e-6). Not with the closed form.
   */
  tol?: number;
  /** Step size of gradient descent (default 0.01); accepted, unused, with the other solvers. */
  learningRate?: number;
  /** Keep the objective of every iteration (GD, FISTA) or epoch (CD), the first 100,000 of them, in `history` (default true); not with the closed form. */
  recordHistory?: boolean;
  /** Scale each feature to unit variance for the fit, coefficients returned on the original scale (glmnet's standardize; default false). */
  standardize?: boolean;
  /** CD and FISTA: constrain the weights to be >= 0 (default false). */
  positive?: boolean;
  /** CD and FISTA: start from the current coef of a fitted model with the same features (default false). */
  warmStart?: boolean;
  /**
   * CD: work on the Gram matrix X^T X (true), on the columns of X (false), or "auto" (the default): on X^T X when
   * n > d for paths and CV, and for a single fit only when also d < 32 (scikit-learn's Lasso works on the columns).
   */
  precompute?: "auto" | boolean;
  /** CD: visit coordinates in order (`"cyclic"`, default) or at random (`"random"`). */
  selection?: "cyclic" | "random";
  /** CD: seed of the random coordinate order (default 0). */
  seed?: number;
  /** Receives warnings such as "did not converge" (default `console.warn`). */
  onWarning?: (message: string) => void;
}

/**
 * A model's options resolved by the schema: every option any model takes, given or defaulted (an option that
 * does not apply to the model cannot be given and holds its default, unused).
 */
export type ResolvedOptions = Resolved<ModelOwner>;

/** Options as `toJSON` writes them: those that apply to the model and its solver, as plain JSON (no functions). */
export type JsonOptions = { [K in OptionName]?: JsonValue<OptionValue<K>> };
type JsonValue<V> = V extends (...args: never[]) => unknown ? never : V extends Float64Array ? number[] : V;

type Assert<T extends true> = T;
// Every typed option is a schema option of the same type (checked when compiling).
type _LinearModelOptionsMatchSchema = Assert<
  { [K in keyof LinearModelOptions]-?: K extends OptionName ? (Required<LinearModelOptions>[K] extends OptionValue<K> ? true : false) : false }[keyof LinearModelOptions]
>;
