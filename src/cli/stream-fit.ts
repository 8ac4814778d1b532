// `regularized fit FILE --stream`: the CSV read as a stream into statistics, memory O(k d^2) whatever the file's
// size (k folds with --cv), then the model fitted from them. Standard input (-) streams too.

import { statSync } from "node:fs";
import { asyncBufferFromFile } from "hyparquet";
import { accumulateCsvFiles } from "../streaming/csv-files.js";
import { accumulateCsv, type CsvStatistics } from "../streaming/csv-statistics.js";
import { accumulateParquet } from "../streaming/parquet-statistics.js";
import { CliError } from "./cli-error.js";
import { checkFlags, type FitFlags } from "./fit-command.js";
import { STDIN, sourceName } from "./input-source.js";
import { checkReserved, INTERCEPT } from "./load-data.js";
import { byteProgress } from "./progress.js";
import { checkStatisticsFit, finishFromStatistics, fitsFromStatistics } from "./statistics-fit.js";

/** Files larger than this (bytes) are streamed by `fit` on its own, when the model fits from statistics. */
export const STREAM_ABOVE = 256 * 2 ** 20;

/** Whether `fit` streams this file without being asked: a file (not stdin) past STREAM_ABOVE, a model that can. */
export function streamsBySize(file: string | undefined, flags: FitFlags, given: Record<string, unknown>): boolean {
  return fitsFromStatistics(flags, given) && (flags.target ?? []).length === 1 && isLarge(file);
}

/** Whether a file (not stdin) is past STREAM_ABOVE. */
export function isLarge(file: string | undefined): boolean {
  if (file === undefined || file === STDIN) return false;
  try {
    return statSync(file).size > STREAM_ABOVE;
  } catch {
    return false; // a missing file is reported by the command that reads it
  }
}

/** Whether a file is Parquet (by its extension): it is always read by row groups into statistics. */
export const isParquet = (file: string | undefined): boolean => file !== undefined && /\.parquet$/i.test(file);

/** The statistics of a CSV file (or standard input) or a Parquet file, streamed; a CSV file on `threads` threads. */
export function fileStatistics(file: string, target: string, nFolds: number | undefined, threads?: number): Promise<CsvStatistics & { threads?: number }> {
  if (isParquet(file)) return parquetStatistics(file, target, nFolds);
  return csvStatistics(file, target, nFolds, threads);
}

/** The statistics of a CSV file (on worker threads when it is large) or of standard input, with a byte progress bar on a terminal. */
async function csvStatistics(file: string, target: string, nFolds: number | undefined, threads: number | undefined): Promise<CsvStatistics & { threads?: number }> {
  if (file === STDIN) return accumulateCsv(process.stdin as AsyncIterable<Uint8Array>, { target, nFolds, source: sourceName(file) });
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw new CliError(`cannot read ${file}: no such file. Check the path.`);
  }
  const bar = byteProgress("reading", size);
  try {
    return await accumulateCsvFiles(file, { target, nFolds, threads, onProgress: (done) => bar.set(done) });
  } finally {
    bar.stop();
  }
}

/** The statistics of a Parquet file, read one row group at a time. */
async function parquetStatistics(file: string, target: string, nFolds: number | undefined): Promise<CsvStatistics> {
  let buffer;
  try {
    buffer = await asyncBufferFromFile(file);
  } catch {
    throw new CliError(`cannot read ${file}: no such file. Check the path.`);
  }
  return accumulateParquet(buffer, { target, nFolds, source: file });
}

/** --threads reads a streamed CSV file: refused elsewhere (rows in memory, DuckDB, Parquet, standard input). */
export function checkThreads(threads: number | undefined, streamed: boolean, file: string | undefined): void {
  if (threads === undefined) return;
  if (!streamed) throw new CliError("--threads sets the threads that read a streamed CSV file: add --stream, or drop --threads.");
  if (file === STDIN || isParquet(file)) {
    throw new CliError(`--threads reads pieces of a CSV file, and ${file === STDIN ? "standard input comes in order on one thread" : "a Parquet file is read by row groups on one thread"}: drop --threads.`);
  }
}

/** The file --stream reads: a CSV file, standard input or a Parquet file, not the embedded data (no file). */
export function streamedFile(file: string | undefined): string {
  if (file === undefined) throw new CliError("--stream reads a CSV file or standard input (-), not the embedded diabetes data: give the file.");
  return file;
}

/** Fits from the statistics of a streamed CSV (or a Parquet file); writes --output only once the fit succeeded. */
export async function fitStreamed(file: string | undefined, flags: FitFlags, given: Record<string, unknown>): Promise<void> {
  const { targets } = checkFlags(file, flags, given);
  checkStatisticsFit(flags, given, "--stream", "drop --stream to fit the rows");
  const path = streamedFile(file);
  checkThreads(flags.threads, true, path);
  if (targets.length !== 1) throw new CliError(`--stream fits one --target, but ${targets.length} are given: fit one at a time, or drop --stream.`);
  const statistics = await fileStatistics(path, targets[0], flags.cv, flags.threads);
  checkReserved(statistics.featureNames, [INTERCEPT], sourceName(path));
  const folds = flags.cv === undefined ? [statistics.total.toJSON()] : statistics.folds.map((fold) => fold.toJSON());
  const threads = (statistics.threads ?? 1) > 1 ? `, on ${statistics.threads} threads` : "";
  finishFromStatistics(folds, { featureNames: statistics.featureNames, targets }, flags, given, isParquet(path) ? " (Parquet, streamed)" : ` (streamed${threads})`);
}
