// The fold statistics cross-validation fits from: each fold's accumulator, their merge (the total), and each
// fold's training statistics (the total minus the fold).

import type { BackendName } from "../backend.js";
import { GramAccumulator, type GramStatistics } from "../gram-accumulator.js";
import { describeValue } from "../options/checks.js";

/** Statistics of one fold: an accumulator or its JSON. */
export type FoldStatistics = GramAccumulator | GramStatistics;

/** Checked folds as accumulators with their total; each fold must hold rows, and leave rows to train on. */
export function foldAccumulators(folds: unknown, backend: BackendName, owner: string): { folds: GramAccumulator[]; total: GramAccumulator } {
  if (!Array.isArray(folds) || folds.length < 2) {
    throw new TypeError(`${owner}.fitFolds takes an array of at least 2 fold statistics (the folds of accumulateStatistics or accumulateCsv with nFolds), got ${describeValue(folds)}.`);
  }
  const accumulators = folds.map((fold: FoldStatistics) => (fold instanceof GramAccumulator ? fold : GramAccumulator.fromJSON(fold, backend)));
  const total = GramAccumulator.mergeAll(accumulators);
  accumulators.forEach((fold, f) => {
    if (fold.count === 0 || fold.count === total.count) {
      throw new RangeError(
        `fold ${f} of ${folds.length} holds ${fold.count} of the ${total.count} rows: every fold needs rows to test on and rows outside it to ` +
          "train on; pass more rows, or fewer folds.",
      );
    }
  });
  return { folds: accumulators, total };
}

/** The training statistics of fold f: the total minus the fold. */
export function trainingStatistics(total: GramAccumulator, fold: GramAccumulator): GramStatistics {
  return total.clone().subtract(fold).toJSON();
}
