// Statistics of a numeric CSV read as a stream (a Node Readable, a browser Blob or File, any async iterable of
// text or bytes): csv-parse's streaming parser, the command line's table rules (tableFromRecords: a header,
// decimal cells, errors with line and column), then the streaming accumulation, in chunks of rows.

import type { BackendName } from "../backend.js";
import { tableFromRecords, type CsvRecord } from "../csv/table.js";
import { describeValue, isPlainObject } from "../options/checks.js";
import { accumulateStatistics, type RowChunk, type StreamedStatistics } from "./accumulate.js";
import { blobChunks, csvRecordBatches, type TextChunks } from "./csv-records.js";

/** Options of {@link accumulateCsv}. */
export interface CsvStatisticsOptions {
  /** The target column's name. */
  target: string;
  /** The feature columns, in this order (default: every column but the target, in file order). */
  features?: string[];
  /** Also accumulate k-fold statistics (see accumulateStatistics). */
  nFolds?: number;
  /** How errors name the input (default "the CSV"). */
  source?: string;
  /** Rows per accumulated chunk (default 8192). */
  chunkRows?: number;
  backend?: BackendName;
}

/** Statistics of a CSV, with the feature columns in the order of `xMean` and `xx`. */
export interface CsvStatistics extends StreamedStatistics {
  featureNames: string[];
  target: string;
}

/** Column indices of the features and the target, checked against the header (a CSV's, a Parquet schema's). */
export function pickColumns(columns: string[], target: string, features: string[] | undefined, source: string) {
  const indexOf = (name: string, role: string) => {
    const index = columns.indexOf(name);
    if (index < 0) throw new RangeError(`${source} has no column "${name}" (${role}): its columns are ${columns.join(", ")}. Name one of them.`);
    return index;
  };
  const targetIndex = indexOf(target, "the target");
  const featureNames = features ?? columns.filter((name) => name !== target);
  if (featureNames.length === 0) throw new RangeError(`${source} has no feature columns: its only column is the target "${target}". Add the columns to predict from.`);
  if (featureNames.includes(target)) throw new RangeError(`features includes the target "${target}": leave it out of features.`);
  return { targetIndex, featureIndices: featureNames.map((name) => indexOf(name, "a feature")), featureNames };
}

/** Row chunks of a CSV's records: numeric rows checked by the table rules, split into features and target. */
async function* csvRowChunks(
  batches: AsyncIterable<CsvRecord[]>, options: CsvStatisticsOptions, source: string, onHeader: (columns: string[]) => { targetIndex: number; featureIndices: number[] },
): AsyncGenerator<RowChunk> {
  let header: CsvRecord | undefined;
  let columns: { targetIndex: number; featureIndices: number[] } | undefined;
  let pending: CsvRecord[] = [];
  const chunkRows = options.chunkRows ?? 8192;
  const rowsOf = (records: CsvRecord[]): RowChunk => {
    const { rows } = tableFromRecords([header!, ...records], source);
    const { targetIndex, featureIndices } = columns!;
    const d = featureIndices.length;
    const X = new Float64Array(rows.length * d);
    rows.forEach((row, i) => featureIndices.forEach((c, j) => (X[i * d + j] = row[c])));
    return { X: { data: X, rows: rows.length, cols: d }, y: Float64Array.from(rows, (row) => row[targetIndex]) };
  };
  for await (const batch of batches) {
    for (const record of batch) pending.push(record);
    if (!columns) {
      if (pending.length < 2) continue;
      // The header checked (and that a data row follows) by the table rules, then the column names.
      header = pending[0];
      tableFromRecords(pending.slice(0, 2), source);
      columns = onHeader(header.record);
      pending = pending.slice(1);
    }
    if (pending.length >= chunkRows) {
      yield rowsOf(pending);
      pending = [];
    }
  }
  // An empty file, or a header alone: the table rules' messages.
  if (!columns) tableFromRecords(pending, source);
  if (pending.length > 0) yield rowsOf(pending);
}

/**
 * Accumulates the statistics of a numeric CSV with a header row, read as a stream: a Node `Readable` (such as
 * `fs.createReadStream(path)`), a browser `Blob` or `File`, or any async iterable of UTF-8 bytes or text. With
 * `nFolds`, the k-fold statistics come from the same pass. Memory O(k d^2 + chunkRows d).
 */
export async function accumulateCsv(input: TextChunks | Blob, options: CsvStatisticsOptions): Promise<CsvStatistics> {
  if (!isPlainObject(options) || typeof options.target !== "string") {
    throw new TypeError(`options must name the target column ({ target: "y" }), got ${describeValue(options)}.`);
  }
  const source = options.source ?? "the CSV";
  const chunks = typeof Blob !== "undefined" && input instanceof Blob ? blobChunks(input) : input;
  if (typeof (chunks as TextChunks)[Symbol.asyncIterator] !== "function") {
    throw new TypeError(`input must be a Node Readable, a Blob or File, or an async iterable of text or bytes, got ${describeValue(input)}.`);
  }
  let picked: ReturnType<typeof pickColumns> | undefined;
  const rowChunks = csvRowChunks(csvRecordBatches(chunks as TextChunks, source), options, source, (columns) =>
    (picked = pickColumns(columns, options.target, options.features, source)));
  const { total, folds } = await accumulateStatistics(rowChunks, { nFolds: options.nFolds, backend: options.backend });
  return { total, folds, featureNames: picked!.featureNames, target: options.target };
}
