// Statistics of a Parquet file read row group by row group (hyparquet), through the streaming accumulation:
// memory holds one row group of the chosen columns at a time, not the file.

import { parquetMetadataAsync, parquetRead, parquetSchema, type AsyncBuffer } from "hyparquet";
import type { BackendName } from "../backend.js";
import { describeValue, isPlainObject } from "../options/checks.js";
import { accumulateStatistics, type RowChunk } from "./accumulate.js";
import { pickColumns, type CsvStatistics } from "./csv-statistics.js";

/** Options of {@link accumulateParquet}. */
export interface ParquetStatisticsOptions {
  /** The target column's name. */
  target: string;
  /** The feature columns, in this order (default: every top-level column but the target, in schema order). */
  features?: string[];
  /** Also accumulate k-fold statistics (see accumulateStatistics). */
  nFolds?: number;
  /** How errors name the input (default "the Parquet file"). */
  source?: string;
  backend?: BackendName;
}

/** A Parquet cell as a number: doubles and integers (INT64 comes as a BigInt) only, and never null. */
function cellValue(value: unknown, row: number, column: string, source: string): number {
  if (typeof value === "number") {
    if (Number.isFinite(value)) return value;
  } else if (typeof value === "bigint") {
    const number = Number(value);
    if (Number.isSafeInteger(number)) return number;
    throw new RangeError(`${source}, row ${row}, column "${column}": ${value} is beyond 2^53, where doubles lose integers. Rescale the column.`);
  }
  const what = value === null || value === undefined ? "empty (null)" : `${describeValue(value)}`;
  throw new TypeError(`${source}, row ${row}, column "${column}" is ${what}: every cell must be a finite number. Filter or impute it first.`);
}

/** The rows of each row group, as chunks of features and target. */
async function* rowGroupChunks(
  file: AsyncBuffer, metadata: Awaited<ReturnType<typeof parquetMetadataAsync>>, names: string[], targetIndex: number,
  featureIndices: number[], source: string,
): AsyncGenerator<RowChunk> {
  let start = 0;
  for (const group of metadata.row_groups) {
    const end = start + Number(group.num_rows);
    let rows: unknown[][] = [];
    await parquetRead({ file, metadata, columns: names, rowStart: start, rowEnd: end, onComplete: (read) => (rows = read) });
    const d = featureIndices.length;
    const X = new Float64Array(rows.length * d);
    const y = new Float64Array(rows.length);
    rows.forEach((row, i) => {
      featureIndices.forEach((c, j) => (X[i * d + j] = cellValue(row[c], start + i, names[c], source)));
      y[i] = cellValue(row[targetIndex], start + i, names[targetIndex], source);
    });
    if (rows.length > 0) yield { X: { data: X, rows: rows.length, cols: d }, y };
    start = end;
  }
}

/**
 * Statistics of a Parquet file, `file` an ArrayBuffer or hyparquet's AsyncBuffer (in Node,
 * `asyncBufferFromFile(path)` from hyparquet reads it in ranges), read one row group at a time.
 */
export async function accumulateParquet(file: AsyncBuffer | ArrayBuffer, options: ParquetStatisticsOptions): Promise<CsvStatistics> {
  if (!isPlainObject(options) || typeof options.target !== "string") {
    throw new TypeError(`options must name the target column ({ target: "y" }), got ${describeValue(options)}.`);
  }
  const source = options.source ?? "the Parquet file";
  let metadata;
  try {
    metadata = await parquetMetadataAsync(file);
  } catch (error) {
    throw new TypeError(`${source} is not a Parquet file hyparquet can read (${(error as Error).message}): check the file.`);
  }
  if (Number(metadata.num_rows) === 0) throw new RangeError(`${source} has no rows: a fit needs at least one.`);
  const columns = parquetSchema(metadata).children.map((child) => child.element.name);
  const picked = pickColumns(columns, options.target, options.features, source);
  const names = [...picked.featureNames, options.target];
  const featureIndices = picked.featureNames.map((_, j) => j);
  const chunks = rowGroupChunks(file, metadata, names, names.length - 1, featureIndices, source);
  const { total, folds } = await accumulateStatistics(chunks, { nFolds: options.nFolds, backend: options.backend });
  return { total, folds, featureNames: picked.featureNames, target: options.target };
}
