// A logistic fit from the user's data: labels encoded, row and class weights, X resident (scaled under
// standardize), then the binomial or multinomial Newton fit at each lambda of a decreasing grid, each from the
// last one's weights. LogisticRegression fits one lambda, logisticPath a grid, LogisticRegressionCV a grid per fold.

import type { BackendName } from "../backend.js";
import { columnScales, normalizeWeights } from "../design/least-squares-data.js";
import type { MatrixInput } from "../input.js";
import { withDesign } from "../pipeline/fit.js";
import { fitBinomial, weightedMean, type BinomialPoint } from "./binomial-newton.js";
import { classWeights, encodeLabels, type Label } from "./labels.js";
import { dualityGap, fitFirstOrder } from "./first-order.js";
import { fitMultinomial } from "./multinomial-newton.js";
import { correlations, innerData, type InnerData, type NewtonProblem } from "./newton-step.js";

/** What every logistic fit takes besides its lambdas. */
export interface LogisticSettings {
  rho: number;
  fitIntercept: boolean;
  standardize: boolean;
  maxIter: number;
  tol: number;
  positive: boolean;
  classWeight: "balanced" | Readonly<Record<string, number>> | undefined;
  multiClass: "auto" | "multinomial";
  backend: BackendName;
  /** "newton-cd" (proximal Newton), "fista" or "gd" (first-order, one backend loop each). */
  solver: LogisticSolver;
  /** gd's step size. */
  learningRate: number;
}

/** The logistic solvers. */
export type LogisticSolver = "newton-cd" | "fista" | "gd";

/** The lambdas: given ones (fitted in decreasing order), or a grid from lambdaMax down to eps lambdaMax. */
export type LambdaChoice = ({ lambdas: ArrayLike<number> } | { nLambdas: number; eps: number; gridOnly?: boolean }) & {
  /** Report each fit's duality gap (two more passes over X per lambda; the first-order solvers always do). */
  dualGap?: boolean;
};

/** One fit on the original scale: coef d (binomial) or d x K row-major, and its intercepts. */
export interface LogisticState {
  coef: Float64Array;
  intercepts: Float64Array;
  nIter: number;
  converged: boolean;
  objective: number;
  /** The duality gap at the weights (on the problem's scale: standardized under standardize); NaN unless asked for. */
  dualGap: number;
  /** gd only: the objective became non-finite. */
  diverged: boolean;
  history: Float64Array;
}

export interface LogisticFit {
  classes: Label[];
  multinomial: boolean;
  nFeatures: number;
  /** Decreasing. */
  lambdas: Float64Array;
  states: LogisticState[];
}

/**
 * lambda_max = max over classes k and features j of |x_j^T s (y_k - c_k)| / (n rho): the gradient at W = 0 (y_k the
 * indicator of class k; the binomial model's one column is its second class), the smallest lambda whose solution is
 * W = 0. c_k is the fitted intercepts' probability there, the weighted mean of y_k, or without an intercept the
 * probability at b = 0: 1/2 (binomial) or 1/K.
 */
function lambdaMax(problem: NewtonProblem, indices: Int32Array, K: number, multinomial: boolean, rho: number, fitIntercept: boolean): number {
  const { weights } = problem;
  let largest = 0;
  for (let k = multinomial ? 0 : 1; k < K; k++) {
    const indicator = Float64Array.from(indices, (c) => (c === k ? 1 : 0));
    const center = fitIntercept ? weightedMean(indicator, weights) : multinomial ? 1 / K : 0.5;
    for (const g of correlations(problem, indicator.map((v, i) => weights[i] * (v - center)))) largest = Math.max(largest, Math.abs(g));
  }
  return largest / rho;
}

/** The grid of enetPath: nLambdas values from top down to eps top, geometrically spaced. */
function grid(top: number, nLambdas: number, eps: number): Float64Array {
  if (nLambdas === 1) return Float64Array.of(top);
  return Float64Array.from({ length: nLambdas }, (_, i) => top * eps ** (i / (nLambdas - 1)));
}

/**
 * Fits the logistic model to X and labels y at each lambda (decreasing, each fit from the last one's weights; the
 * first from `start`, on the original scale, when its shape fits).
 */
export function fitLogistic(
  X: MatrixInput, y: unknown, settings: LogisticSettings, choice: LambdaChoice, sampleWeight?: ArrayLike<number>,
  start?: { classes: readonly Label[]; multinomial: boolean; coef: Float64Array; intercepts: Float64Array },
  onStep?: (done: number, total: number) => void,
): LogisticFit {
  const { classes, indices } = encodeLabels(y);
  const K = classes.length;
  const multinomial = settings.multiClass === "multinomial" || K > 2;
  const perClass = classWeights(settings.classWeight, classes, indices);
  const n = indices.length;
  const rows = sampleWeight === undefined ? new Float64Array(n).fill(1) : normalizeWeights(sampleWeight, n);
  const weights = rows.map((s, i) => s * perClass[indices[i]]);
  const mass = new Float64Array(K);
  weights.forEach((w, i) => (mass[indices[i]] += w));
  const empty = mass.findIndex((m) => !(m > 0));
  if (empty >= 0) {
    throw new RangeError(`classWeight and sampleWeight give class ${JSON.stringify(classes[empty])} no weight: give its rows a positive weight, or remove them.`);
  }
  const columns = multinomial ? K : 1;
  return withDesign(X, Float64Array.from(indices), settings.backend, "LogisticRegression", false, (design) => {
    const d = design.cols;
    return design.withRows((Xb, backend) => backend.scope((scope) => {
      // columnScales takes weights summing to n; class weights need not.
      const total = weights.reduce((sum, w) => sum + w, 0);
      const scale = settings.standardize ? columnScales(Xb.values, n, d, weights.map((w) => (w * n) / total)) : null;
      const resident = scale ? scope.fromArray(Xb.values.map((v, k) => v / scale[k % d])) : Xb;
      const problem: NewtonProblem = { backend, X: resident, n, d, weights };
      // What the Newton steps read beside X (a column-major copy of it): made for newton-cd's first fit only.
      let inner: InnerData | undefined;
      const lambdas = "lambdas" in choice
        ? Float64Array.from(choice.lambdas).sort().reverse()
        : grid(lambdaMax(problem, indices, K, multinomial, settings.rho, settings.fitIntercept), choice.nLambdas, choice.eps);
      const byColumn = (coef: Float64Array, up: boolean) =>
        (scale ? coef.map((v, k) => (up ? v * scale[Math.floor(k / columns)] : v / scale[Math.floor(k / columns)])) : coef);
      const fits = start && start.multinomial === multinomial && start.coef.length === d * columns &&
        start.classes.length === K && start.classes.every((label, k) => label === classes[k]);
      let warm: { coef: Float64Array; intercepts: Float64Array; point?: BinomialPoint } | undefined =
        // Without an intercept the model's intercepts are 0, whatever the start's were.
        fits ? { coef: byColumn(start.coef, true), intercepts: settings.fitIntercept ? start.intercepts : new Float64Array(columns) } : undefined;
      const states: LogisticState[] = [];
      // The grid alone (what cross-validation shares among its folds): no fits.
      if ("gridOnly" in choice && choice.gridOnly) return { classes, multinomial, nFeatures: d, lambdas, states };
      const labels = { indices, columns };
      for (const lambda of lambdas) {
        const params = {
          lambda, rho: settings.rho, fitIntercept: settings.fitIntercept, maxIter: settings.maxIter, tol: settings.tol,
          positive: settings.positive, sampleWeight: weights,
        };
        const result = settings.solver !== "newton-cd"
          ? fitFirstOrder(problem, labels, params, settings.solver, settings.learningRate, true, warm)
          : multinomial
            ? fitMultinomial(backend, resident, n, d, indices, K, params, warm, (inner ??= innerData(scope, backend, resident, n, d, weights)))
            : (() => {
              const binomial = fitBinomial(backend, resident, n, d, Float64Array.from(indices), params,
                warm && { coef: warm.coef, intercept: warm.intercepts[0], point: warm.point }, (inner ??= innerData(scope, backend, resident, n, d, weights)));
              return { ...binomial, intercepts: Float64Array.of(binomial.intercept) };
            })();
        // The binomial fit's point (eta, log-loss, gradient) holds at the next lambda too: its fit starts from it.
        warm = { coef: result.coef, intercepts: result.intercepts, point: "point" in result ? (result.point as BinomialPoint) : undefined };
        onStep?.(states.length + 1, lambdas.length);
        const { nIter, converged, objective, history } = result;
        const dualGap = "dualGap" in result ? result.dualGap
          : choice.dualGap ? dualityGap(problem, labels, params, result.coef, result.intercepts) : Number.NaN;
        const diverged = "diverged" in result && result.diverged;
        states.push({ coef: byColumn(result.coef, false), intercepts: result.intercepts, nIter, converged, objective, dualGap, diverged, history });
      }
      return { classes, multinomial, nFeatures: d, lambdas, states };
    }));
  });
}
