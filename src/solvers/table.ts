// The solver table: the one dispatch point from a solver's name to its implementation (scikit-learn's
// enet_path plays this part there). The runner owns what every solver shares: the checks of what a solver can
// fit, its history buffer, the scope of its blocks, and warm starts along a path; a single fit is a one-point path.

import type { Backend } from "../backend.js";
import type { PreparedData } from "./prepared-data.js";
import { closedForm } from "./closed-form.js";
import { coordinateDescent } from "./coordinate-descent.js";
import { fista } from "./fista.js";
import { gradientDescent } from "./gradient-descent.js";
import { miniBatch } from "./mini-batch.js";
import { multiTaskCd } from "./multi-task-cd.js";
import type { SolverEntry, SolverOutcome } from "./solver.js";

export const SOLVERS = {
  "closed-form": closedForm,
  cd: coordinateDescent,
  fista,
  gd: gradientDescent,
  "multi-task-cd": multiTaskCd,
  sgd: miniBatch,
};

export type SolverName = keyof typeof SOLVERS;

/** The parameters a solver of the table takes. */
export type ParamsOf<S extends SolverName> = ((typeof SOLVERS)[S] extends SolverEntry<infer P> ? P : never) &
  { owner: string; lambda: number; rho: number };

/** Iterations whose objective `history` keeps: the first 100,000 (800 KB), whatever maxIter is. */
export const HISTORY_LIMIT = 100_000;

/** A fit's outcome with its history (the objective per iteration, up to HISTORY_LIMIT). */
export interface SolverResult extends SolverOutcome {
  history: Float64Array;
}

/** What a solver must be able to fit: k outputs, with or without the rows, with or without sample weights. */
export interface ProblemShape {
  k: number;
  hasRows: boolean;
  weighted: boolean;
}

/** Throws unless solver `name` can fit a problem of this shape. */
export function checkSolvable(name: SolverName, problem: ProblemShape): void {
  const entry: SolverEntry<never> = SOLVERS[name];
  if (!entry.multiOutput && problem.k !== 1) {
    throw new RangeError(`solver "${name}" fits one output: pass y as a vector, or use solver "closed-form" (Ridge) for ${problem.k}.`);
  }
  if (!entry.fromStatistics && !problem.hasRows) {
    throw new RangeError(`A fit from statistics has X^T X but not the rows of X: use solver "cd" or "closed-form", not "${name}".`);
  }
  if (!entry.weighted && problem.weighted) {
    throw new RangeError(`sampleWeight needs solver "cd", "fista" or "closed-form": solver "${name}" has no weights.`);
  }
}

/**
 * Fits the data at each lambda in turn, each fit starting from the previous one's weights (warm starts), the
 * first from `start`; `onStep` sees each result as it comes (paths report progress through it).
 */
export function solvePath<S extends SolverName>(
  name: S, backend: Backend, data: PreparedData, lambdas: ArrayLike<number>, params: ParamsOf<S>,
  start: Float64Array | null, recordHistory: boolean, onStep?: (result: SolverResult, index: number) => void,
): SolverResult[] {
  checkSolvable(name, { k: data.k, hasRows: data.hasRows, weighted: data.weighted });
  const entry = SOLVERS[name] as unknown as SolverEntry<ParamsOf<S>>;
  const results: SolverResult[] = [];
  let warm = start;
  for (let i = 0; i < lambdas.length; i++) {
    const stepParams = { ...params, lambda: lambdas[i] };
    const result = backend.scope((scope) => {
      const length = entry.iterative && recordHistory ? Math.min(entry.iterations(stepParams), HISTORY_LIMIT) : 0;
      const history = length > 0 ? scope.alloc(length) : null;
      const lambdaPrev = i > 0 ? lambdas[i - 1] : Number.NaN;
      const outcome = entry.solve({ backend, data, params: stepParams, start: warm, history, scope, pathLength: lambdas.length, lambdaPrev });
      const kept = history ? history.values.slice(0, Math.min(outcome.nIter, history.length)) : new Float64Array(0);
      return { ...outcome, history: kept };
    });
    warm = result.w;
    results.push(result);
    onStep?.(result, i);
  }
  return results;
}

/** One fit: a path of one lambda (params.lambda). */
export function solve<S extends SolverName>(
  name: S, backend: Backend, data: PreparedData, params: ParamsOf<S>, start: Float64Array | null, recordHistory: boolean,
): SolverResult {
  return solvePath(name, backend, data, [params.lambda], params, start, recordHistory)[0];
}
