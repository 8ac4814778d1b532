// `regularized fit FILE --stream`: the CSV read as a stream into statistics, memory O(k d^2) whatever the file's
// size (k folds with --cv), then the model fitted from them. Standard input (-) streams too.

import { createReadStream, statSync } from "node:fs";
import { asyncBufferFromFile } from "hyparquet";
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

/** The statistics of a CSV file (or standard input) or a Parquet file, streamed. */
export function fileStatistics(file: string, target: string, nFolds: number | undefined): Promise<CsvStatistics> {
  return (isParquet(file) ? parquetStatistics : csvStatistics)(file, target, nFolds);
}

/** The statistics of a CSV file or standard input, streamed, with a byte progress bar on a terminal. */
async function csvStatistics(file: string, target: string, nFolds: number | undefined): Promise<CsvStatistics> {
  const source = sourceName(file);
  if (file === STDIN) return accumulateCsv(process.stdin as AsyncIterable<Uint8Array>, { target, nFolds, source });
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw new CliError(`cannot read ${file}: no such file. Check the path.`);
  }
  const stream = createReadStream(file);
  const bar = byteProgress("reading", size);
  stream.on("data", (chunk) => bar.add(chunk.length));
  try {
    return await accumulateCsv(stream as AsyncIterable<Uint8Array>, { target, nFolds, source });
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
  if (targets.length !== 1) throw new CliError(`--stream fits one --target, but ${targets.length} are given: fit one at a time, or drop --stream.`);
  const statistics = await fileStatistics(path, targets[0], flags.cv);
  checkReserved(statistics.featureNames, [INTERCEPT], sourceName(path));
  const folds = flags.cv === undefined ? [statistics.total.toJSON()] : statistics.folds.map((fold) => fold.toJSON());
  finishFromStatistics(folds, { featureNames: statistics.featureNames, targets }, flags, given, isParquet(path) ? " (Parquet, streamed)" : " (streamed)");
}
