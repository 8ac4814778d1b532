// accumulateCsvFiles: CSV files read by path on worker threads (Node). Its work is in parallel-csv.ts, imported
// when called and through a variable, so that a browser bundle of the library never sees Node's modules.

import type { BackendName } from "../backend.js";
import { checkFunction, checkPositiveInteger, describeValue, isPlainObject } from "../options/checks.js";
import { checkFoldCount } from "./accumulate.js";
import type { CsvStatistics } from "./csv-statistics.js";

/** Options of {@link accumulateCsvFiles}. */
export interface CsvFilesOptions {
  /** The target column's name. */
  target: string;
  /** The feature columns, matched by name in every file (default: every column but the target, in the first file's order). */
  features?: string[];
  /** Also accumulate k-fold statistics, a row's fold by its index across the files in order (see accumulateStatistics). */
  nFolds?: number;
  /** Worker threads (default: one per core, at most 8, for files of 64 MiB and more in all; below, 1); 1 reads on this thread. */
  threads?: number;
  /** Called as the bytes are read: how many so far, of how many. */
  onProgress?: (bytesRead: number, bytesTotal: number) => void;
  /** Rows per accumulated chunk (default 8192). */
  chunkRows?: number;
  backend?: BackendName;
}

/** Statistics of CSV files, and how they were read. */
export interface CsvFilesStatistics extends CsvStatistics {
  /** Threads that read the files: 1 when they were read on the calling thread (see accumulateCsvFiles). */
  threads: number;
  /** Pieces the files were cut into (one per file when read on the calling thread). */
  pieces: number;
}

const PARALLEL_MODULE = "./parallel-csv.js";

const isNode = (): boolean => typeof process !== "undefined" && typeof process.versions?.node === "string";

/**
 * Accumulates the statistics of one or more numeric CSV files (Node; by path), as {@link accumulateCsv} does for
 * one stream, on worker threads: each file cut into pieces of whole lines, the pieces read in parallel, their
 * statistics merged. The rows are numbered across the files in order, so the folds (`nFolds`) do not depend on
 * the number of threads. A file with quoted cells or an error is read on one thread, which gives the statistics
 * or names the line as accumulateCsv does.
 */
export async function accumulateCsvFiles(files: string | string[], options: CsvFilesOptions): Promise<CsvFilesStatistics> {
  const list = typeof files === "string" ? [files] : files;
  if (!Array.isArray(list) || list.length === 0 || !list.every((file) => typeof file === "string")) {
    throw new TypeError(`files must be a path or a non-empty array of paths, got ${describeValue(files)}.`);
  }
  if (!isPlainObject(options) || typeof options.target !== "string") {
    throw new TypeError(`options must name the target column ({ target: "y" }), got ${describeValue(options)}.`);
  }
  checkFoldCount(options.nFolds);
  if (options.threads !== undefined) checkPositiveInteger(options.threads, "threads", 1024);
  if (options.chunkRows !== undefined) checkPositiveInteger(options.chunkRows, "chunkRows");
  if (options.onProgress !== undefined) checkFunction(options.onProgress, "onProgress");
  if (!isNode()) {
    throw new TypeError("accumulateCsvFiles reads files by path with Node's worker threads: in a browser, pass each File to accumulateCsv.");
  }
  const { accumulateCsvFilesOnThreads } = (await import(/* @vite-ignore */ PARALLEL_MODULE)) as typeof import("./parallel-csv.js");
  return accumulateCsvFilesOnThreads(list, options);
}
