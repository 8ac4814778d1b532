// Cross-validation folds of a resident design as sufficient statistics: one pass over the rows in all, so that
// each fold's training statistics are the total minus the fold's (GramAccumulator.subtract), not a Gram matrix
// per training set.

import { getBackend } from "../backends/registry.js";
import type { BackendName } from "../backend.js";
import type { Design } from "../design/design.js";
import { GramAccumulator, residentStatistics } from "../gram-accumulator.js";

/** The bound on the sum of |X| for statistics of the rows: past it sums of squares could leave double precision. */
const STATISTICS_RANGE = 150;

/**
 * Whether the rows' statistics stay well inside double precision: the sum of |X| within 2^+-150 (the rows route
 * rescales data beyond that exactly instead).
 */
export function statisticsInRange(design: Design): boolean {
  const size = design.withRows((X, backend) => backend.sumAbs(X));
  return size >= 2 ** -STATISTICS_RANGE && size <= 2 ** STATISTICS_RANGE;
}

/** Each fold's statistics (fold f: the rows with foldIds[i] = f), its rows gathered inside the backend. */
export function designFoldStatistics(design: Design, foldIds: Int32Array, k: number, backend: BackendName): GramAccumulator[] {
  return Array.from({ length: k }, (_, fold) => {
    const rows = [...foldIds.keys()].filter((i) => foldIds[i] === fold);
    return getBackend(backend).scope((scope) => {
      const part = scope.own(design.subset(rows));
      const y = scope.fromArray(part.targets());
      // Read where the rows are: a copy in (update's) could grow the memory under a view of them.
      const chunk = part.withRows((X, b) => residentStatistics(b, X, part.rows, part.cols, y));
      const { n, xMean, yMean, xx, xy, yy } = chunk;
      // Array.from, not a spread: arrays spread from typed arrays here made V8's later copies of number[] rows (the
      // same copy-in code) 4x slower, measured.
      return GramAccumulator.fromJSON({ nFeatures: part.cols, n, xMean: Array.from(xMean), yMean, xx: Array.from(xx), xy: Array.from(xy), yy }, backend);
    });
  });
}
