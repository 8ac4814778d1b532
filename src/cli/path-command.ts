// `regularized path`: the lasso or elastic-net path (lambda, coefficients, intercept) as CSV; with --model logistic,
// the penalized logistic path (logistic-path-command.ts).

import type { GramStatistics } from "../gram-accumulator.js";
import { enetPath, lassoPath, type PathResult } from "../paths/path.js";
import { CliError } from "./cli-error.js";
import { csvCell } from "./csv.js";
import { checkInMemoryColumns, type ColumnFlags } from "./feature-table.js";
import { checkApplicable } from "./flags.js";
import { checkReserved, checkTargets, INTERCEPT, isConstant, loadData } from "./load-data.js";
import { checkOutput, writeOutput } from "./output-file.js";
import { checkFinite } from "./overflow.js";
import { progress } from "./progress.js";
import { sourceName } from "./input-source.js";
import { checkThreads, fileStatistics, isLarge, isParquet, STREAM_ABOVE, streamedFile } from "./stream-fit.js";
import { logisticPathText } from "./logistic-path-command.js";

/** The path of the rows, read into memory. */
function pathOfRows(file: string | undefined, targets: string[], flags: ColumnFlags, options: Record<string, unknown>) {
  const { X, y, featureNames, targets: [target], source } = loadData(file, targets, flags);
  checkReserved(featureNames, ["lambda", INTERCEPT], source);
  const values = y as number[];
  if (isConstant(values)) throw constantTarget(target, values[0]);
  return { result: trace(X, values, options), featureNames, source };
}

/** The lasso path (or, with --l1-ratio, the elastic-net path) of rows, or of statistics without y. */
function trace(X: number[][] | GramStatistics, y: number[] | undefined, options: Record<string, unknown>): PathResult {
  const bar = progress("path");
  const result = options.l1Ratio === undefined ? lassoPath(X, y, { ...options, onProgress: bar }) : enetPath(X, y, { ...options, onProgress: bar });
  bar.stop();
  return result;
}

/** The flags of `path` that are not estimator options. */
export interface PathFlags extends ColumnFlags {
  target?: string[];
  /** "lasso" (the default: the elastic-net path with --l1-ratio) or "logistic". */
  model: string;
  output?: string;
  /** Read the CSV as a stream into statistics (always for Parquet, and on its own past STREAM_ABOVE). */
  stream?: boolean;
  /** Threads that read a streamed CSV file. */
  threads?: number;
}

/** The message for a constant target: no path to trace, and what gives the model. */
function constantTarget(target: string, value: number): CliError {
  return new CliError(`"${target}" is constant (${value} in every row): every lambda gives zero weights, so there is no path to trace. ` +
    `\`regularized fit\` gives the model: the intercept ${value}.`);
}

/** The path from the statistics of the streamed file (covariance mode): no row is kept in memory. */
async function streamedPath(file: string | undefined, target: string, threads: number | undefined, options: Record<string, unknown>) {
  const path = streamedFile(file);
  const statistics = await fileStatistics(path, target, undefined, threads);
  const source = sourceName(path);
  checkReserved(statistics.featureNames, ["lambda", INTERCEPT], source);
  const total = statistics.total.toJSON();
  if (total.yy === 0) throw constantTarget(target, total.yMean);
  return { result: trace(total, undefined, options), featureNames: statistics.featureNames, source };
}

/** The models `path --model` traces. */
export const PATH_MODELS = ["lasso", "logistic"];

/** Writes the path to --output, or to standard output. */
function emit(text: string, output: string | undefined): void {
  if (output !== undefined) writeOutput(output, text);
  else process.stdout.write(text);
}

/**
 * Without --l1-ratio, the lasso path; streamed from statistics with --stream, for Parquet, or past STREAM_ABOVE.
 * With --model logistic, the logistic path of the rows.
 */
export async function path(file: string | undefined, flags: PathFlags, options: Record<string, unknown>): Promise<void> {
  if (!PATH_MODELS.includes(flags.model)) {
    throw new CliError(`path --model must be lasso (the elastic-net path with --l1-ratio) or logistic, not ${flags.model}.`);
  }
  if (flags.model === "logistic") return emit(logisticPathText(file, flags, options), flags.output);
  const targets = flags.target ?? [];
  checkTargets(file, targets);
  if (targets.length > 1) throw new CliError(`path follows one target, but ${targets.length} are given: trace one --target at a time.`);
  checkApplicable(options, options.l1Ratio === undefined ? "lassoPath" : "enetPath", "path");
  if (options.l1Ratio === 0) {
    throw new CliError("--l1-ratio 0 is ridge, whose path has no start (no lambda zeroes every weight): give --l1-ratio > 0, " +
      "or fit ridge at a chosen lambda with `regularized fit --model ridge --lambda <x>`.");
  }
  if (flags.output !== undefined) checkOutput(flags.output, [file], "without --output the path goes to standard output");
  const streamed = flags.stream === true || isParquet(file) || isLarge(file);
  if (!flags.stream && streamed && isLarge(file)) {
    process.stderr.write(`regularized: ${file} is over ${STREAM_ABOVE / 2 ** 20} MiB, so it is streamed into statistics (as --stream does).\n`);
  }
  checkThreads(flags.threads, streamed, file);
  if (streamed) checkInMemoryColumns(flags, file, flags.stream ? "--stream" : isParquet(file) ? "Parquet" : `over ${STREAM_ABOVE / 2 ** 20} MiB`);
  const { result, featureNames } = streamed ? await streamedPath(file, targets[0], flags.threads, options) : pathOfRows(file, targets, flags, options);
  checkFinite("the path", result.lambdas, result.intercepts, ...result.coefs);
  const lines = [["lambda", ...featureNames, INTERCEPT].map(csvCell).join(",")];
  result.lambdas.forEach((lambda, i) => lines.push([lambda, ...Array.from(result.coefs[i]), result.intercepts[i]].join(",")));
  emit(lines.join("\n") + "\n", flags.output);
}
