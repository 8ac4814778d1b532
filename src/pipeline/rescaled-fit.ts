// A fit whose sums overflow (or underflow) double precision, rerun on data rescaled by powers of two. With X
// times a = 2^xe and y times b = 2^ye, the weights w' = (b / a) w of the rescaled problem minimize b^2 times the
// original objective when its penalty lambda (rho ||w||_1 + (1 - rho)/2 ||w||^2) becomes
//   lambda' rho' = lambda rho a b,   lambda' (1 - rho') = lambda (1 - rho) a^2
// (a = 1 where the solver sees X standardized: the factor cancels in the scaled columns). The intercepts scale
// by b, the objective, its gap and its history by b^2. Powers of two make every step exact.

import { timesPowerOfTwo } from "../power-of-two.js";
import type { RescaledProblem } from "../solvers/prepared-data.js";
import type { FittedState } from "./fitted-state.js";

/** Whether a fit gave finite weights and intercepts (the gap may be NaN: some solvers have none). */
export function isFiniteState(state: FittedState): boolean {
  return allFinite(state.coef) && allFinite(state.intercepts);
}

function allFinite(values: Float64Array): boolean {
  for (let i = 0; i < values.length; i++) if (!Number.isFinite(values[i])) return false;
  return true;
}

/** The penalty of the rescaled problem: lambdas times one factor, and rho'. */
export function rescaledPenalty(
  problem: RescaledProblem, lambdas: ArrayLike<number>, rho: number,
): { lambdas: Float64Array; rho: number } {
  const ae = problem.standardized ? 0 : problem.xExponent;
  const ye = problem.yExponent;
  // Each part scaled on its own (a product of the two factors can leave the range where the parts do not);
  // rho' = rho / (rho + (1 - rho) a / b), whose ratio may round to 0 or Infinity, giving rho' = 1 or 0.
  const lasso = (lambda: number) => (rho === 0 ? 0 : timesPowerOfTwo(lambda * rho, ae + ye));
  const ridge = (lambda: number) => (rho === 1 ? 0 : timesPowerOfTwo(lambda * (1 - rho), 2 * ae));
  return {
    lambdas: Float64Array.from(lambdas, (lambda) => lasso(lambda) + ridge(lambda)),
    rho: rho === 0 ? 0 : rho / (rho + timesPowerOfTwo(1 - rho, ae - ye)),
  };
}

/** Warm-start weights (original scale) on the rescaled problem's scale: w' = (b / a) w. */
export function rescaledStart(problem: RescaledProblem, start: Float64Array | null): Float64Array | null {
  return start && start.map((w) => timesPowerOfTwo(w, problem.yExponent - problem.xExponent));
}

/** A state of the rescaled problem back on the original scale. */
export function originalState(problem: RescaledProblem, state: FittedState): FittedState {
  const { xExponent: xe, yExponent: ye } = problem;
  return {
    ...state,
    coef: state.coef.map((w) => timesPowerOfTwo(w, xe - ye)),
    intercepts: state.intercepts.map((b) => timesPowerOfTwo(b, -ye)),
    history: state.history.map((value) => timesPowerOfTwo(value, -2 * ye)),
    dualGap: timesPowerOfTwo(state.dualGap, -2 * ye),
  };
}

/** Why a fit could not be rerun rescaled: its solver has a step size of the user's, or it has only statistics. */
export type NotRescaled = "step size" | "statistics" | "none";

/** The error for a fit that stays non-finite: what overflowed and what to do. */
export function overflowError(owner: string, solver: string, why: NotRescaled): RangeError {
  const advice = {
    "step size": `or use solver "cd", which refits such data rescaled by powers of two (solver "${solver}" cannot: its step size is yours)`,
    statistics: "before accumulating the statistics: sums of squares beyond 1.8e308 cannot be rescaled afterwards",
    none: "",
  }[why];
  return new RangeError(
    `${owner} (solver "${solver}") overflowed double precision: its weights came out NaN or infinite. Rescale X and ` +
      `y toward 1 (divide each by its largest absolute value)${advice ? ` ${advice}` : ""}.`,
  );
}
