// `regularized fit FILE --engine duckdb`: the statistics computed inside DuckDB (read_csv / read_parquet, globs
// allowed), then the model fitted from them, without the rows ever reaching this process.

import { existsSync } from "node:fs";
import { duckdbFileSource, duckdbStatistics, runInDuckDB } from "../sql/duckdb.js";
import { accumulateCsvFiles } from "../streaming/csv-files.js";
import { CliError } from "./cli-error.js";
import { checkFlags, type FitFlags } from "./fit-command.js";
import { checkStatisticsFit, finishFromStatistics } from "./statistics-fit.js";
import { isParquet } from "./stream-fit.js";
import { checkReserved, INTERCEPT } from "./load-data.js";

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
  checkStatisticsFit(flags, given, "--engine duckdb", "drop --engine to fit the rows");
}

/** Whether a path is a glob DuckDB expands (several files). */
const isGlob = (path: string): boolean => /[*?[{]/.test(path);

/**
 * What the table rules find wrong with a CSV file (one file, not a glob) that DuckDB could not read as wanted:
 * the streamed reader's error, which names the line and the column; undefined when it finds nothing.
 */
async function csvDiagnosis(file: string, target: string): Promise<CliError | undefined> {
  if (isParquet(file) || isGlob(file) || !existsSync(file)) return undefined;
  try {
    await accumulateCsvFiles(file, { target, threads: 1 });
    return undefined;
  } catch (error) {
    return new CliError(error instanceof Error ? error.message : String(error));
  }
}

/**
 * Fits from statistics computed in DuckDB; with --cv, k folds by row number (DuckDB keeps the file's row order).
 * Writes --output only once the fit has succeeded, then prints as `fit` does. When DuckDB cannot read a CSV file
 * (an empty one, a ragged row, a text cell), the table rules say what is wrong and where, as without --engine.
 */
export async function fitInEngine(file: string | undefined, flags: FitFlags, given: Record<string, unknown>): Promise<void> {
  const { targets } = checkFlags(file, flags, given);
  checkEngineFlags(file, flags, given);
  if (!isGlob(file as string) && !existsSync(file as string)) throw new CliError(`cannot read ${file}: no such file. Check the path.`);
  try {
    await fitFromDuckDB(file as string, targets, flags, given);
  } catch (error) {
    throw (error instanceof CliError && (await csvDiagnosis(file as string, targets[0]))) || error;
  }
}

async function fitFromDuckDB(file: string, targets: string[], flags: FitFlags, given: Record<string, unknown>): Promise<void> {
  const source = duckdbFileSource(file);
  const columns = await inDuckDB(`read ${file}`, () => duckdbColumns(source));
  const [target] = targets;
  if (!columns.includes(target)) throw new CliError(`${file} has no column "${target}": its columns are ${columns.join(", ")}. Name one with --target.`);
  const featureNames = columns.filter((name) => name !== target);
  if (featureNames.length === 0) throw new CliError(`${file} has only the column "${target}": a fit needs at least one feature column.`);
  checkReserved(featureNames, [INTERCEPT, ...(flags.cv === undefined ? [] : [ROW_NUMBER])], file);
  const spec = flags.cv === undefined
    ? { from: source, features: featureNames, target }
    : { from: `(SELECT *, row_number() OVER () AS ${ROW_NUMBER} FROM ${source}) AS data`, features: featureNames, target, folds: flags.cv, foldColumn: ROW_NUMBER };
  const folds = await inDuckDB(`compute the statistics of ${file}`, () => duckdbStatistics(spec));
  // The statistics query leaves out rows with an empty (NULL) cell; the in-memory and streamed fits refuse them.
  const [[{ rows }]] = await inDuckDB(`count the rows of ${file}`, () => runInDuckDB([`SELECT COUNT(*) AS rows FROM ${source}`]));
  const used = folds.reduce((sum, fold) => sum + fold.n, 0);
  if (Number(rows) !== used) {
    throw new CliError(`${file} has ${Number(rows) - used} of its ${rows} rows with an empty cell in the target or a feature: ` +
      "fill or drop them first (a fit without --engine names their lines).");
  }
  finishFromStatistics(folds, { featureNames, targets }, flags, given, " (statistics computed in DuckDB)");
}
