// `regularized fit FILE --stream`: the CSV read as a stream into statistics, memory O(k d^2) whatever the file's
// size (k folds with --cv), then the model fitted from them. Standard input (-) streams too.

import { createReadStream, statSync } from "node:fs";
import { accumulateCsv } from "../streaming/csv-statistics.js";
import { CliError } from "./cli-error.js";
import { checkFlags, type FitFlags } from "./fit-command.js";
import { STDIN, sourceName } from "./input-source.js";
import { checkReserved, INTERCEPT } from "./load-data.js";
import { byteProgress } from "./progress.js";
import { checkStatisticsFit, finishFromStatistics } from "./statistics-fit.js";

/** Files larger than this (bytes) are streamed by `fit` on its own, when the model fits from statistics. */
export const STREAM_ABOVE = 256 * 2 ** 20;

/** Whether `fit` streams this file without being asked: a file (not stdin) past STREAM_ABOVE, a model that can. */
export function streamsBySize(file: string | undefined, flags: FitFlags, given: Record<string, unknown>): boolean {
  if (file === undefined || file === STDIN || !["ridge", "lasso", "elasticnet"].includes(flags.model)) return false;
  if (given.solver !== undefined && given.solver !== "cd" && given.solver !== "closed-form") return false;
  if ((flags.target ?? []).length !== 1) return false;
  try {
    return statSync(file).size > STREAM_ABOVE;
  } catch {
    return false; // a missing file is reported by the fit that reads it
  }
}

/** Fits from the statistics of a streamed CSV; writes --output only once the fit succeeded. */
export async function fitStreamed(file: string | undefined, flags: FitFlags, given: Record<string, unknown>): Promise<void> {
  const { targets } = checkFlags(file, flags, given);
  checkStatisticsFit(flags, given, "--stream", "drop --stream to fit the rows");
  if (file === undefined) throw new CliError("--stream reads a CSV file or standard input (-), not the embedded diabetes data: give the file.");
  if (targets.length !== 1) throw new CliError(`--stream fits one --target, but ${targets.length} are given: fit one at a time, or drop --stream.`);
  const source = sourceName(file);
  let input: NodeJS.ReadableStream;
  let bar: ReturnType<typeof byteProgress> | undefined;
  if (file === STDIN) {
    input = process.stdin;
  } else {
    let size: number;
    try {
      size = statSync(file).size;
    } catch {
      throw new CliError(`cannot read ${file}: no such file. Check the path.`);
    }
    const stream = createReadStream(file, { highWaterMark: 1 << 20 });
    const progressBar = byteProgress("reading", size);
    stream.on("data", (chunk) => progressBar.add(chunk.length));
    input = stream;
    bar = progressBar;
  }
  let statistics;
  try {
    statistics = await accumulateCsv(input as AsyncIterable<Uint8Array>, { target: targets[0], nFolds: flags.cv, source });
  } finally {
    bar?.stop();
  }
  checkReserved(statistics.featureNames, [INTERCEPT], source);
  const folds = flags.cv === undefined ? [statistics.total.toJSON()] : statistics.folds.map((fold) => fold.toJSON());
  finishFromStatistics(folds, { featureNames: statistics.featureNames, targets }, flags, given, " (streamed)");
}
