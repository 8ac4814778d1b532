// The one fitting pipeline that estimators, paths and CV share: prepare (the data made resident once, centered,
// weighted, scaled) -> solve (the solver table) -> unscale (coefficients and intercepts on the original scale).

import type { Backend, BackendName } from "../backend.js";
import { getBackend } from "../backends/registry.js";
import { Design, residentDesign } from "../design/design.js";
import { GramData } from "../design/gram-data.js";
import type { PrepareOptions } from "../design/least-squares-data.js";
import type { PreparedData, RescaledProblem } from "../solvers/prepared-data.js";
import type { GramStatistics } from "../gram-accumulator.js";
import { checkSolvable, SOLVERS, solvePath, type ParamsOf, type SolverName, type SolverResult } from "../solvers/table.js";
import { cdGramPaths } from "../solvers/coordinate-descent.js";
import { isFiniteState, originalState, overflowError, rescaledPenalty, rescaledStart } from "./rescaled-fit.js";
import type { FittedState } from "./fitted-state.js";

/** What one fit asks of the pipeline. */
export interface FitPlan<S extends SolverName> {
  solver: S;
  params: ParamsOf<S>;
  prepare: PrepareOptions;
  /** Coefficients (original scale, d x k) to start from, or null for zeros. */
  start: Float64Array | null;
  recordHistory: boolean;
}

/** Runs `body` on X and y as a design: the caller's {@link Design} as it is, or a temporary one freed afterwards. */
export function withDesign<T>(
  X: unknown, y: unknown, backend: BackendName, owner: string, multiOutput: boolean, body: (design: Design) => T,
): T {
  if (X instanceof Design) {
    if (y !== undefined) throw new TypeError(`${owner}: a Design holds its own y; call fit(design) without y.`);
    X.checkBackend(backend, owner);
    if (X.multiOutput && !multiOutput) {
      throw new RangeError(`${owner} fits one output, but this Design holds ${X.outputs}: prepare it with y as a vector.`);
    }
    return body(X);
  }
  return getBackend(backend).scope((scope) => body(scope.own(residentDesign(X, y, backend, !multiOutput))));
}

function unscaled(data: PreparedData, result: SolverResult): FittedState {
  const { coef, intercepts } = data.original(result.w, result.intercepts);
  const { history, nIter, converged, dualGap } = result;
  return { coef, intercepts, nFeatures: data.d, nOutputs: data.k, history, nIter, converged, dualGap };
}

/** The warm start on the data's scale, when the previous coefficients fit its shape. */
function startOn(data: PreparedData, start: Float64Array | null): Float64Array | null {
  return start && start.length === data.d * data.k ? data.scaled(start) : null;
}

type StepListener = (state: FittedState, index: number) => void;

function solveStates<S extends SolverName>(
  backend: Backend, data: PreparedData, plan: FitPlan<S>, params: ParamsOf<S>, lambdas: ArrayLike<number>,
  start: Float64Array | null, onStep?: StepListener,
): FittedState[] {
  const results = solvePath(plan.solver, backend, data, lambdas, params, startOn(data, start), plan.recordHistory,
    onStep && ((result, i) => onStep(unscaled(data, result), i)));
  return results.map((result) => unscaled(data, result));
}

/** The fit on data rescaled by powers of two (the same weights, on the original scale). */
function solveRescaled<S extends SolverName>(
  backend: Backend, problem: RescaledProblem, plan: FitPlan<S>, lambdas: ArrayLike<number>, onStep?: StepListener,
): FittedState[] {
  const penalty = rescaledPenalty(problem, lambdas, plan.params.rho);
  const params = { ...plan.params, rho: penalty.rho };
  const states = solveStates(backend, problem.data, plan, params, penalty.lambdas, rescaledStart(problem, plan.start),
    onStep && ((state, i) => onStep(originalState(problem, state), i)));
  return states.map((state) => originalState(problem, state));
}

/**
 * Fits prepared data at each lambda with warm starts; every state on the original scale. Data whose sums of
 * squares would overflow or underflow are fitted rescaled by powers of two (exact) by the solvers that allow
 * it; no state with a non-finite weight is ever returned.
 */
export function fitPrepared<S extends SolverName>(
  backend: Backend, data: PreparedData, plan: FitPlan<S>, lambdas: ArrayLike<number>, onStep?: StepListener,
): FittedState[] {
  const penalty = { lambda: Math.max(...Array.from(lambdas)), rho: plan.params.rho };
  const problem = SOLVERS[plan.solver].scaleFree ? data.rescaled(penalty) : null;
  let states: FittedState[];
  if (problem) {
    try {
      states = solveRescaled(backend, problem, plan, lambdas, onStep);
    } finally {
      problem.free();
    }
  } else {
    states = solveStates(backend, data, plan, plan.params, lambdas, plan.start, onStep);
  }
  if (!states.every(isFiniteState)) {
    const why = !SOLVERS[plan.solver].scaleFree ? "step size" : data.hasRows ? "none" : "statistics";
    throw overflowError(plan.params.owner, plan.solver, why);
  }
  return states;
}

/**
 * The paths of several prepared problems on one grid (cross-validation's folds), each as fitPrepared gives it.
 * Coordinate descent on statistics alone whose sums are in range runs them in one backend call, side by side on
 * the core's threads.
 */
export function fitPreparedPaths(
  backend: Backend, datas: readonly PreparedData[], plan: FitPlan<"cd">, lambdas: ArrayLike<number>,
): FittedState[][] {
  const penalty = { lambda: Math.max(...Array.from(lambdas)), rho: plan.params.rho };
  const inRange = (data: PreparedData) => {
    const problem = data.rescaled(penalty);
    problem?.free();
    return problem === null;
  };
  if (datas.length === 0 || plan.start !== null || datas.some((data) => data.hasRows || !inRange(data))) {
    return datas.map((data) => fitPrepared(backend, data, plan, lambdas));
  }
  const paths = cdGramPaths(backend, datas, lambdas, plan.params);
  const states = paths.map((results, f) => results.map((result) => unscaled(datas[f], { ...result, history: new Float64Array(0) })));
  if (!states.every((path) => path.every(isFiniteState))) throw overflowError(plan.params.owner, plan.solver, "statistics");
  return states;
}

/** One fit of a design: prepare, solve, unscale. */
export function fitDesign<S extends SolverName>(design: Design, plan: FitPlan<S>): FittedState {
  // Refused before the data are prepared: no weighted copies are made for a solver that cannot use them.
  checkSolvable(plan.solver, { k: design.outputs, hasRows: true, weighted: plan.prepare.sampleWeight !== undefined });
  return design.withPrepared(plan.prepare, (data, backend) => fitPrepared(backend, data, plan, [plan.params.lambda])[0]);
}

/** One fit from sufficient statistics (covariance-mode CD or the closed form). */
export function fitStatistics<S extends SolverName>(backendName: BackendName, stats: GramStatistics, plan: FitPlan<S>): FittedState {
  const backend = getBackend(backendName);
  checkSolvable(plan.solver, { k: 1, hasRows: false, weighted: false });
  return backend.scope((scope) => fitPrepared(backend, scope.own(new GramData(backend, stats, plan.prepare)), plan, [plan.params.lambda])[0]);
}
