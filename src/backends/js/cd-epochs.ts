// The epoch loop every coordinate-descent mode shares (the twin of the loops in assembly/solvers/cd.ts and
// multi-task-cd.ts): sweep the coordinates, record the objective, and once the largest weight change is
// small (or at the last epoch) test the duality gap.

import type { IterativeResult } from "../../backend.js";
import { elasticNetGap } from "./duality-gap.js";

/** What a mode reports after a sweep: ||R||^2, the L1 (or group) norm and ||w||^2. */
export interface EpochMeasure {
  rNorm2: number;
  l1: number;
  w2: number;
}

/** The dual side of the gap at the current weights: R.y, the dual norm of X^T R - beta w, ||X^T R||^2. */
export interface DualMeasure {
  rDotY: number;
  xtaMax: number;
  xtr2: number;
}

export function runEpochs(
  params: { alpha: number; beta: number; maxIter: number; tol: number },
  n: number,
  yy: number,
  history: Float64Array | null,
  sweep: () => [wMax: number, dwMax: number],
  measure: () => EpochMeasure,
  dual: () => DualMeasure,
): IterativeResult {
  const { alpha, beta, maxIter, tol } = params;
  let gap = Number.NaN;
  let epochs = 0;
  let converged = false;
  while (epochs < maxIter) {
    const [wMax, dwMax] = sweep();
    epochs++;
    const { rNorm2, l1, w2 } = measure();
    if (history && epochs <= history.length) history[epochs - 1] = (0.5 * rNorm2 + alpha * l1 + 0.5 * beta * w2) / n;
    if (wMax === 0 || dwMax <= tol * wMax || epochs === maxIter) {
      const { rDotY, xtaMax, xtr2 } = dual();
      gap = elasticNetGap(rNorm2, rDotY, xtaMax, xtr2, l1, w2, alpha, beta);
      converged = Number.isNaN(gap) ? dwMax <= tol * wMax : gap <= tol * yy;
      if (converged) break;
    }
  }
  return { nIter: epochs, dualGap: gap / n, converged };
}
