// The regularization path of penalized logistic regression: glmnet's grid from lambdaMax down, each fit warm-started
// from the last.

import type { BackendName } from "../backend.js";
import type { MatrixInput } from "../input.js";
import { fitLogistic } from "../logistic/fit.js";
import type { Label } from "../logistic/labels.js";
import { resolveOptions } from "../options/schema.js";
import { logisticSettings } from "./logistic-regression.js";

/** Options of {@link logisticPath}. */
export interface LogisticPathOptions {
  /** Mix of the penalties in (0, 1] (default 1, the lasso). */
  l1Ratio?: number;
  /** Lambdas on the grid (default 100), from lambdaMax down to eps * lambdaMax (default 1e-3). */
  nLambdas?: number;
  eps?: number;
  /** Your own lambdas instead of the grid (fitted in decreasing order). */
  lambdas?: ArrayLike<number>;
  fitIntercept?: boolean;
  standardize?: boolean;
  /** Newton iterations per lambda at most (default 100). */
  maxIter?: number;
  tol?: number;
  positive?: boolean;
  classWeight?: "balanced" | Readonly<Record<string, number>>;
  multiClass?: "auto" | "multinomial";
  backend?: BackendName;
  onProgress?: (done: number, total: number) => void;
}

/** A fitted logistic path: entry i of each list goes with lambdas[i]. */
export interface LogisticPathResult {
  /** Decreasing. */
  lambdas: Float64Array;
  classes: Label[];
  /** d values per lambda (two classes) or d x K row-major. */
  coefs: Float64Array[];
  /** One intercept per lambda (two classes) or K. */
  intercepts: Float64Array[];
  /** Newton iterations of each fit. */
  nIters: Int32Array;
  converged: boolean[];
}

/**
 * The penalized logistic path of (X, labels y) on glmnet's grid: lambdaMax, the smallest lambda at which every weight
 * is 0 (from the gradient at w = 0 with the intercepts fitted), down to eps lambdaMax, each fit from the last one's
 * weights (glmnet's `glmnet(family = "binomial" / "multinomial")` path with `standardize = FALSE`).
 */
export function logisticPath(X: MatrixInput, y: ArrayLike<Label>, options: LogisticPathOptions = {}): LogisticPathResult {
  const o = resolveOptions("logisticPath", options);
  const choice = o.lambdas ? { lambdas: o.lambdas } : { nLambdas: o.nLambdas, eps: o.eps };
  const fit = fitLogistic(X, y, logisticSettings(o), choice, undefined, undefined, o.onProgress);
  return {
    lambdas: fit.lambdas,
    classes: fit.classes,
    coefs: fit.states.map((state) => state.coef),
    intercepts: fit.states.map((state) => state.intercepts),
    nIters: Int32Array.from(fit.states, (state) => state.nIter),
    converged: fit.states.map((state) => state.converged),
  };
}
