// `regularized fit FILE --engine duckdb`: the statistics computed inside DuckDB (read_csv / read_parquet, globs
// allowed), then the model fitted from them, without the rows ever reaching this process.

import { GramAccumulator, type GramStatistics } from "../gram-accumulator.js";
import type { LinearModel } from "../models/base.js";
import { ElasticNetCV, LassoCV } from "../models/elastic-net-cv.js";
import { createModel } from "../models/registry.js";
import { RidgeCV } from "../models/ridge-cv.js";
import { heldOutErrorsFromStatistics } from "../pipeline/held-out-statistics.js";
import { duckdbFileSource, duckdbStatistics, runInDuckDB } from "../sql/duckdb.js";
import { CliError } from "./cli-error.js";
import { checkFlags, chosenBy, print, type FitFlags } from "./fit-command.js";
import { checkReserved, INTERCEPT } from "./load-data.js";
import { modelFile } from "./model-file.js";
import { writeOutput } from "./output-file.js";
import { checkFinite } from "./overflow.js";

export const ENGINES = ["duckdb"];

/** The column numbering the rows for the folds of --cv. */
const ROW_NUMBER = "regularized_row";

/** A DuckDB failure (no such file, a bad cell) as a CLI error that says where it came from. */
async function inDuckDB<T>(what: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (message.startsWith("DuckDB is not installed")) throw new CliError(message);
    throw new CliError(`DuckDB could not ${what}: ${message}`);
  }
}

/** The column names of a FROM expression, as DuckDB reads them. */
export async function duckdbColumns(from: string): Promise<string[]> {
  const [rows] = await runInDuckDB([`DESCRIBE SELECT * FROM ${from}`]);
  return rows.map((row) => String(row.column_name));
}

/** Checks the flags --engine adds to those of `fit`. */
function checkEngineFlags(file: string | undefined, flags: FitFlags, given: Record<string, unknown>): void {
  if (!ENGINES.includes(flags.engine as string)) throw new CliError(`--engine must be ${ENGINES.join(" or ")}, not ${flags.engine}.`);
  if (file === undefined || file === "-") {
    throw new CliError("--engine duckdb reads a file (CSV or Parquet, globs allowed), not standard input or the diabetes data: give the file.");
  }
  if (!["ridge", "lasso", "elasticnet"].includes(flags.model)) {
    throw new CliError(`--engine duckdb fits ridge, lasso or elasticnet from statistics, not --model ${flags.model}: drop --engine to fit the rows.`);
  }
}

/** The model from the statistics (CV over the folds with --cv), and how lambda was chosen. */
function fitFromStatistics(flags: FitFlags, given: Record<string, unknown>, folds: GramStatistics[], onWarning: (m: string) => void) {
  const modelName = flags.model === "ridge" ? "Ridge" : flags.model === "lasso" ? "Lasso" : "ElasticNet";
  if (flags.cv === undefined) return { model: createModel(modelName, { ...given, onWarning }).fitGram(folds[0]), chosen: "" };
  // Each fold trains on the total minus its own statistics (k-fold for ridge too: leave-one-out needs the rows).
  const how = `${flags.cv}-fold`;
  if (flags.model === "ridge") {
    const fitted = new RidgeCV(given).fitFolds(folds);
    return { model: fitted.model, chosen: chosenBy(how, fitted) };
  }
  const ratios = given.l1Ratio;
  const fitted = new (flags.model === "lasso" ? LassoCV : ElasticNetCV)({ ...given, onWarning }).fitFolds(folds);
  return { model: fitted.model, chosen: chosenBy(how, fitted, Array.isArray(ratios) ? fitted.l1Ratio : undefined) };
}

/** The statistics of all rows: the folds' merged exactly. */
function merged(folds: readonly GramStatistics[]): GramStatistics {
  const total = GramAccumulator.fromJSON(folds[0]);
  for (const fold of folds.slice(1)) total.merge(GramAccumulator.fromJSON(fold));
  return total.toJSON();
}

/** R^2 on the rows the statistics summarize: 1 - (residual sum of squares) / (centered sum of squares of y). */
function trainR2(model: LinearModel, total: GramStatistics): number {
  const [mse] = heldOutErrorsFromStatistics(total, [model.coef], [model.intercept]);
  return 1 - (total.n * mse) / total.yy;
}

/**
 * Fits from statistics computed in DuckDB; with --cv, k folds by row number (DuckDB keeps the file's row order).
 * Writes --output only once the fit has succeeded, then prints as `fit` does.
 */
export async function fitInEngine(file: string | undefined, flags: FitFlags, given: Record<string, unknown>): Promise<void> {
  const { targets } = checkFlags(file, flags, given);
  checkEngineFlags(file, flags, given);
  const source = duckdbFileSource(file as string);
  const columns = await inDuckDB(`read ${file}`, () => duckdbColumns(source));
  const [target] = targets;
  if (!columns.includes(target)) throw new CliError(`${file} has no column "${target}": its columns are ${columns.join(", ")}. Name one with --target.`);
  const featureNames = columns.filter((name) => name !== target);
  if (featureNames.length === 0) throw new CliError(`${file} has only the column "${target}": a fit needs at least one feature column.`);
  checkReserved(featureNames, [INTERCEPT, ...(flags.cv === undefined ? [] : [ROW_NUMBER])], file as string);
  const spec = flags.cv === undefined
    ? { from: source, features: featureNames, target }
    : { from: `(SELECT *, row_number() OVER () AS ${ROW_NUMBER} FROM ${source}) AS data`, features: featureNames, target, folds: flags.cv, foldColumn: ROW_NUMBER };
  const folds = await inDuckDB(`compute the statistics of ${file}`, () => duckdbStatistics(spec));
  const warnings: string[] = [];
  const { model, chosen } = fitFromStatistics(flags, given, folds, (message) => void warnings.push(message));
  checkFinite("the fit", model.coef, model.intercepts);
  for (const warning of warnings) console.warn(`regularized: warning: ${warning}`);
  const names = { featureNames, targets };
  if (flags.output !== undefined) writeOutput(flags.output, JSON.stringify(modelFile(model, featureNames, targets), null, 1) + "\n");
  const total = merged(folds);
  print(model, names, flags, `${chosen} (statistics computed in DuckDB)`, { rows: total.n, r2: trainR2(model, total) });
}
