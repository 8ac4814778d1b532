// Sufficient statistics from a stream of row chunks: one GramAccumulator per fold (a row's fold a hash of its
// global index), the total their exact merge. Memory O(k d^2), whatever the number of rows.

import type { BackendName } from "../backend.js";
import { GramAccumulator } from "../gram-accumulator.js";
import { checkSameLength, toMatrix, toVector, type MatrixInput, type VectorInput } from "../input.js";
import { checkPositiveInteger, describeValue, isPlainObject } from "../options/checks.js";
import { foldOfRow } from "./fold-of-row.js";

/** A chunk of rows: X (any matrix form the library accepts) and y, one value per row. */
export interface RowChunk {
  X: MatrixInput;
  y: VectorInput;
}

/** Options of {@link accumulateStatistics}. */
export interface AccumulateOptions {
  /** Also accumulate k-fold statistics (k >= 2); fold of row i: {@link foldOfRow}(i, k). */
  nFolds?: number;
  backend?: BackendName;
}

/** What a pass over the rows gives. */
export interface StreamedStatistics {
  /** Statistics of every row. */
  total: GramAccumulator;
  /** Statistics of each fold's rows (empty without nFolds); their merge is `total`. */
  folds: GramAccumulator[];
}

function checkFoldCount(nFolds: unknown): number | undefined {
  if (nFolds === undefined) return undefined;
  const k = checkPositiveInteger(nFolds, "nFolds");
  if (k < 2) throw new RangeError(`nFolds is ${k}: cross-validation needs at least 2 folds; pass nFolds >= 2, or leave it out for the total only.`);
  return k;
}

/** The rows of `rows` (a row-major matrix) and their targets, copied out. */
function pickRows(data: ArrayLike<number>, cols: number, y: Float64Array, rows: readonly number[]): RowChunk {
  const X = new Float64Array(rows.length * cols);
  rows.forEach((row, r) => {
    for (let c = 0; c < cols; c++) X[r * cols + c] = data[row * cols + c];
  });
  return { X: { data: X, rows: rows.length, cols }, y: Float64Array.from(rows, (row) => y[row]) };
}

/**
 * Accumulates the statistics of a stream (async or sync iterable) of row chunks in one pass; with `nFolds`, the
 * k-fold statistics too. The feature count is the first chunk's.
 */
export async function accumulateStatistics(
  chunks: AsyncIterable<RowChunk> | Iterable<RowChunk>, options: AccumulateOptions = {},
): Promise<StreamedStatistics> {
  if (!isPlainObject(options as unknown)) throw new TypeError(`options must be an object ({ nFolds, backend }), got ${describeValue(options)}.`);
  const k = checkFoldCount(options.nFolds);
  const backend: BackendName = options.backend ?? "wasm";
  let accumulators: GramAccumulator[] | undefined;
  let seen = 0;
  for await (const chunk of chunks) {
    if (!isPlainObject(chunk as unknown)) throw new TypeError(`each chunk must be { X, y }, got ${describeValue(chunk)}.`);
    const { data, rows, cols } = toMatrix(chunk.X, `X of the chunk at row ${seen}`);
    const y = toVector(chunk.y, `y of the chunk at row ${seen}`);
    checkSameLength(rows, `the rows of X of the chunk at row ${seen}`, y.length, "its y");
    accumulators ??= Array.from({ length: k ?? 1 }, () => new GramAccumulator(cols, backend));
    if (k === undefined) {
      accumulators[0].update({ data, rows, cols }, y);
    } else {
      const members: number[][] = Array.from({ length: k }, () => []);
      for (let r = 0; r < rows; r++) members[foldOfRow(seen + r, k)].push(r);
      members.forEach((fold, f) => {
        if (fold.length > 0) {
          const part = pickRows(data, cols, y, fold);
          accumulators![f].update(part.X, part.y);
        }
      });
    }
    seen += rows;
  }
  if (!accumulators) throw new RangeError("The stream held no chunks: pass at least one chunk { X, y } of rows.");
  if (k === undefined) return { total: accumulators[0], folds: [] };
  const total = new GramAccumulator(accumulators[0].nFeatures, backend);
  for (const fold of accumulators) total.merge(fold);
  return { total, folds: accumulators };
}
