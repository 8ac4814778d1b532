// The first-order logistic solvers: FISTA and the seed's gradient descent on the penalized log-loss, each one
// loop of the backend (assembly/solvers/logistic.ts and its twin), and the duality gap every solver reports.

import type { LogisticParams } from "../backend.js";
import type { LogisticState } from "./fit.js";
import type { NewtonProblem } from "./newton-step.js";

/** Power iterations for the Lipschitz constant, and the margin against their underestimate (FISTA halves too long a step). */
const POWER_ITERATIONS = 50;
const LIPSCHITZ_MARGIN = 1.05;
/** Iterations of history kept at most (as the regression solvers). */
const HISTORY_LIMIT = 100_000;

/** The labels of a fit (class indices; 0 or 1 for the binomial model) and its C weight columns. */
export interface LogisticLabels {
  indices: Int32Array;
  /** 1 for the binomial model, K for the multinomial. */
  columns: number;
}

/** A first-order fit: a logistic fit's state (weights d x C row-major, as the Newton fits give them), on the problem's scale. */
export type FirstOrderFit = LogisticState;

/** d x C row-major to C x d (class-major), or back. */
function transposed(values: Float64Array, rows: number, cols: number): Float64Array {
  const out = new Float64Array(values.length);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) out[j * rows + i] = values[i * cols + j];
  return out;
}

/**
 * A bound on the Lipschitz constant of the log-loss's gradient in (W, b): c lambda_max(A^T S A / n) + lambda (1 - rho),
 * A = [X 1] (X alone without an intercept), S the row weights; c = 1/4 for the binomial model (p (1 - p) <= 1/4) and
 * 1/2 for the multinomial (Boehning 1992: the softmax's Hessian is at most (1/2)(I - 11^T / K)).
 */
function lipschitz(problem: NewtonProblem, columns: number, params: LogisticParams): number {
  const L = LIPSCHITZ_MARGIN * (columns === 1 ? 0.25 : 0.5) * largestEigenvalue(problem, params.fitIntercept) + params.lambda * (1 - params.rho);
  return L > 0 ? L : 1;
}

/** ||(v, vb)||. */
function lengthOf(v: Float64Array, vb: number): number {
  let squares = vb * vb;
  for (const x of v) squares += x * x;
  return Math.sqrt(squares);
}

/**
 * lambda_max(A^T S A / n), A = [X 1] (or X), by power iteration on the resident X (u = X v + v_b, then
 * A^T (s u)): no copy of X is made.
 */
function largestEigenvalue({ backend, X, n, d, weights }: NewtonProblem, intercept: boolean): number {
  return backend.scope((scope) => {
    const [v, u] = [scope.fromArray(new Float64Array(d).fill(1)), scope.alloc(n)];
    let vb = intercept ? 1 : 0;
    let value = 0;
    for (let iteration = 0; iteration < POWER_ITERATIONS; iteration++) {
      const norm = lengthOf(v.values, vb);
      if (!(norm > 0)) return 0;
      v.values.forEach((x, j) => (v.values[j] = x / norm));
      vb /= norm;
      backend.gemv(X, n, d, v, u);
      const su = u.values;
      let total = 0;
      for (let i = 0; i < n; i++) [su[i], total] = [weights[i] * (su[i] + vb), total + weights[i] * (su[i] + vb)];
      backend.gemvT(X, n, d, u, v);
      vb = intercept ? total : 0;
      // The Rayleigh quotient of the unit vector before the product: |A^T S A v| / n at convergence.
      value = lengthOf(v.values, vb) / n;
    }
    return value;
  });
}

/**
 * Fits by "fista" (from `start`, on the problem's scale) or "gd" (from zero, at learningRate) and returns the
 * weights d x C row-major with the duality gap at them.
 */
export function fitFirstOrder(
  problem: NewtonProblem, labels: LogisticLabels, params: LogisticParams, solver: "fista" | "gd", learningRate: number,
  recordHistory: boolean, start?: { coef: Float64Array; intercepts: Float64Array },
): FirstOrderFit {
  const { backend, X, n, d, weights } = problem;
  const C = labels.columns;
  return backend.scope((scope) => {
    const W = scope.fromArray(start ? transposed(start.coef, d, C) : new Float64Array(C * d));
    const b = scope.fromArray(start ? Float64Array.from(start.intercepts) : new Float64Array(C));
    const history = recordHistory ? scope.alloc(Math.min(params.maxIter, HISTORY_LIMIT)) : null;
    const [y, s] = [scope.fromArray(Float64Array.from(labels.indices)), scope.fromArray(weights)];
    const result = solver === "fista"
      ? backend.logisticFista(X, n, d, C, y, s, { ...params, L: lipschitz(problem, C, params) }, W, b, history)
      : backend.logisticGd(X, n, d, C, y, s, { ...params, learningRate }, W, b, history);
    return {
      coef: transposed(W.values, C, d), intercepts: b.values.slice(), nIter: result.nIter, converged: result.outcome === "converged",
      objective: result.objective, dualGap: result.gap, history: history ? history.values.slice(0, Math.min(result.nIter, history.length)) : new Float64Array(0),
      diverged: result.outcome === "diverged",
    };
  });
}

/** The duality gap at weights d x C row-major (see assembly/solvers/logistic.ts). */
export function dualityGap(
  problem: NewtonProblem, labels: LogisticLabels, params: LogisticParams, coef: Float64Array, intercepts: Float64Array,
): number {
  const { backend, X, n, d, weights } = problem;
  const C = labels.columns;
  return backend.scope((scope) => backend.logisticGap(
    X, n, d, C, scope.fromArray(Float64Array.from(labels.indices)), scope.fromArray(weights), params,
    scope.fromArray(transposed(coef, d, C)), scope.fromArray(intercepts),
  ).gap);
}
