// Statistics of a numeric CSV read as a stream (a Node Readable, a browser Blob or File, any async iterable of
// text or bytes) under the command line's table rules (a header, decimal cells, errors with line and column; see
// csv-rows.ts), then the streaming accumulation, in chunks of rows.

import type { BackendName } from "../backend.js";
import { checkPositiveInteger, describeValue, isPlainObject } from "../options/checks.js";
import { accumulateStatistics, type StreamedStatistics } from "./accumulate.js";
import { csvRowChunks } from "./csv-rows.js";
import { blobChunks, bytesOf, type TextChunks } from "./text-chunks.js";

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
  const chunkRows = options.chunkRows === undefined ? 8192 : checkPositiveInteger(options.chunkRows, "chunkRows");
  const rowChunks = csvRowChunks(bytesOf(chunks as TextChunks), source, chunkRows, (columns) =>
    (picked = pickColumns(columns, options.target, options.features, source)));
  const { total, folds } = await accumulateStatistics(rowChunks, { nFolds: options.nFolds, backend: options.backend });
  return { total, folds, featureNames: picked!.featureNames, target: options.target };
}
