// Sufficient statistics from a stream of row chunks: one GramAccumulator per fold (a row's fold a hash of its
// global index), the total their exact merge. Memory O(k d^2), whatever the number of rows.

import type { BackendName } from "../backend.js";
import { GramAccumulator } from "../gram-accumulator.js";
import { checkSameLength, matrixView, vectorView, type MatrixInput, type VectorInput } from "../input.js";
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
  /**
   * The global index of the first row (default 0), when these rows follow others accumulated apart (another
   * file, another piece of one): folds go by the global index, so they do not depend on how the rows were split.
   */
  firstRow?: number;
  backend?: BackendName;
}

/** What a pass over the rows gives. */
export interface StreamedStatistics {
  /** Statistics of every row. */
  total: GramAccumulator;
  /** Statistics of each fold's rows (empty without nFolds); their merge is `total`. */
  folds: GramAccumulator[];
}

/** nFolds as accumulateStatistics takes it: undefined, or an integer >= 2. */
export function checkFoldCount(nFolds: unknown): number | undefined {
  if (nFolds === undefined) return undefined;
  const k = checkPositiveInteger(nFolds, "nFolds");
  if (k < 2) throw new RangeError(`nFolds is ${k}: cross-validation needs at least 2 folds; pass nFolds >= 2, or leave it out for the total only.`);
  return k;
}

/** A chunk's rows regrouped fold by fold (a counting sort by fold) into arrays reused for every chunk. */
class FoldGroups {
  private X = new Float64Array(0);
  private y = new Float64Array(0);
  private fold = new Int32Array(0);
  /** Fold f's rows are rows starts[f] to starts[f + 1] - 1 of X and y. */
  private readonly starts: Int32Array;
  private readonly next: Int32Array;

  constructor(private readonly k: number) {
    this.starts = new Int32Array(k + 1);
    this.next = new Int32Array(k);
  }

  /** Groups the rows of a chunk whose first row has global index `first`. */
  group(data: Float64Array, rows: number, cols: number, y: Float64Array, first: number): void {
    if (this.fold.length < rows || this.X.length < rows * cols) {
      [this.X, this.y, this.fold] = [new Float64Array(rows * cols), new Float64Array(rows), new Int32Array(rows)];
    }
    const { k, starts, next, fold, X } = this;
    starts.fill(0);
    for (let r = 0; r < rows; r++) starts[(fold[r] = foldOfRow(first + r, k)) + 1]++;
    for (let f = 0; f < k; f++) starts[f + 1] += starts[f];
    next.set(starts.subarray(0, k));
    for (let r = 0; r < rows; r++) {
      const to = next[fold[r]]++;
      for (let c = 0; c < cols; c++) X[to * cols + c] = data[r * cols + c];
      this.y[to] = y[r];
    }
  }

  /** Fold f's rows of the last chunk grouped (views of the reused arrays), or undefined when it has none. */
  part(f: number, cols: number): RowChunk | undefined {
    const [start, end] = [this.starts[f], this.starts[f + 1]];
    if (end === start) return undefined;
    return { X: { data: this.X.subarray(start * cols, end * cols), rows: end - start, cols }, y: this.y.subarray(start, end) };
  }
}

/**
 * Accumulates the statistics of a stream (async or sync iterable) of row chunks in one pass; with `nFolds`, the
 * k-fold statistics too. The feature count is the first chunk's.
 */
export async function accumulateStatistics(
  chunks: AsyncIterable<RowChunk> | Iterable<RowChunk>, options: AccumulateOptions = {},
): Promise<StreamedStatistics> {
  if (!isPlainObject(options as unknown)) throw new TypeError(`options must be an object ({ nFolds, firstRow, backend }), got ${describeValue(options)}.`);
  const k = checkFoldCount(options.nFolds);
  const backend: BackendName = options.backend ?? "wasm";
  let accumulators: GramAccumulator[] | undefined;
  const firstRow = options.firstRow ?? 0;
  if (!Number.isSafeInteger(firstRow) || firstRow < 0) {
    throw new RangeError(`firstRow must be an integer >= 0 (the global index of the stream's first row), got ${describeValue(firstRow)}.`);
  }
  let groups: FoldGroups | undefined;
  let seen = 0;
  for await (const chunk of chunks) {
    if (!isPlainObject(chunk as unknown)) throw new TypeError(`each chunk must be { X, y }, got ${describeValue(chunk)}.`);
    // Checked in place when they are Float64Arrays: update copies them into the core.
    const { data, rows, cols } = matrixView(chunk.X, `X of the chunk at row ${seen}`);
    const y = vectorView(chunk.y, `y of the chunk at row ${seen}`);
    checkSameLength(rows, `the rows of X of the chunk at row ${seen}`, y.length, "its y");
    accumulators ??= Array.from({ length: k ?? 1 }, () => new GramAccumulator(cols, backend));
    if (k === undefined) {
      accumulators[0].update({ data, rows, cols }, y);
    } else {
      groups ??= new FoldGroups(k);
      groups.group(data, rows, cols, y, firstRow + seen);
      for (let f = 0; f < k; f++) {
        const part = groups.part(f, cols);
        if (part) accumulators[f].update(part.X, part.y);
      }
    }
    seen += rows;
  }
  if (!accumulators) throw new RangeError("The stream held no chunks: pass at least one chunk { X, y } of rows.");
  if (k === undefined) return { total: accumulators[0], folds: [] };
  return { total: GramAccumulator.mergeAll(accumulators), folds: accumulators };
}
