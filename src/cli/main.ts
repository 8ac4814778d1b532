#!/usr/bin/env node
// The `regularized` command line: fit, predict, path and bench on CSV files (or the embedded diabetes data; the
// breast cancer data for --model logistic).

import { Command } from "commander";
import { init } from "../backends/registry.js";
import { bench } from "./bench.js";
import { fit, LOGISTIC, MODEL_CHOICES, type FitFlags } from "./fit-command.js";
import { fitClassifier } from "./classify-command.js";
import { parseClassWeight, withClassWeight } from "./class-weight.js";
import { addSchemaFlags, columnList, givenOptions, integerFlag, repeatable } from "./flags.js";
import { path, type PathFlags } from "./path-command.js";
import { predict } from "./predict-command.js";
import { CliError } from "./cli-error.js";
import { fitInEngine } from "./engine-fit.js";
import { checkInMemoryColumns } from "./feature-table.js";
import { checkThreads, fitStreamed, isParquet, STREAM_ABOVE, streamsBySize } from "./stream-fit.js";
import { sql, type SqlFlags } from "./sql-command.js";
import { THREADS_FROM } from "../streaming/parallel-csv.js";

const DATA_HELP = "CSV with a header row (- reads standard input); omit for the diabetes data (the breast cancer data with --model logistic)";
const TARGET_HELP = "the column to predict (with --model logistic, a column of class labels: text, numbers or true/false)";
const ONE_HOT_HELP = "number columns to one-hot encode as categories, such as a,b (text columns are one-hot encoded on their own, said on standard error)";
const EXCLUDE_HELP = "columns to leave out, such as id,notes";
const CLASS_WEIGHT_HELP = 'with --model logistic: "balanced" (n / (K n_k)) or label=weight pairs such as B=1,M=2 (other classes 1)';

/** The subcommand being run, for the help hint of commander's errors. */
let running = "";

/** `fit` in memory, in a data engine, or streamed (asked, or on its own for a large file); a classifier in memory. */
function fitAny(file: string | undefined, flags: FitFlags, given: Record<string, unknown>): void | Promise<void> {
  if (flags.model === LOGISTIC) return fitClassifier(file, flags, given);
  const how = flags.engine !== undefined ? "--engine" : flags.stream ? "--stream" : isParquet(file) ? "Parquet"
    : streamsBySize(file, flags, given) ? `over ${STREAM_ABOVE / 2 ** 20} MiB` : undefined;
  if (how !== undefined) checkInMemoryColumns(flags, file, how);
  if (flags.engine !== undefined && flags.stream) {
    throw new CliError("--engine and --stream are two ways to fit from statistics: give one of them.");
  }
  if (flags.engine !== undefined) {
    checkThreads(flags.threads, false, file);
    return fitInEngine(file, flags, given);
  }
  if (flags.stream || isParquet(file)) return fitStreamed(file, flags, given);
  if (streamsBySize(file, flags, given)) {
    process.stderr.write(`regularized: ${file} is over ${STREAM_ABOVE / 2 ** 20} MiB, so it is streamed into statistics (as --stream does).\n`);
    return fitStreamed(file, flags, given);
  }
  checkThreads(flags.threads, false, file);
  return fit(file, flags, given);
}

/** A subcommand that refuses extra arguments. */
function subcommand(program: Command, name: string, description: string): Command {
  return program.command(name).description(description).allowExcessArguments(false);
}

async function main(argv: string[]): Promise<void> {
  await init();
  const program = new Command("regularized")
    .description("Ridge, Lasso and Elastic Net regression, and penalized logistic regression (classification), with a WebAssembly SIMD core.")
    .exitOverride()
    // Commander's errors as one line that says where the help is.
    .configureOutput({
      writeErr: (text) => process.stderr.write(text),
      outputError: (text, write) => write(`regularized: ${text.replace(/^error: /, "").trim().replace(/\s*\n\s*/g, " ")} (see regularized ${running}${running && " "}--help)\n`),
    })
    .hook("preSubcommand", (_, command) => {
      running = command.name();
    });
  const fitCommand = subcommand(program, "fit",
    "fit a model on a CSV file (or the embedded data) and print its coefficients; a classifier also prints its train accuracy, log loss and confusion matrix")
    .argument("[data.csv]", DATA_HELP)
    .option("--target <column>", `${TARGET_HELP}; repeat it for several outputs (ridge and the multitask models)`, repeatable)
    .option("--model <name>", `${MODEL_CHOICES} (logistic: penalized logistic regression, a classifier; default lambda 0.01, l1-ratio 0)`, "lasso")
    .option("--cv <k>", "choose lambda by k-fold cross-validation (ridge: exact leave-one-out, k unused; logistic: stratified folds, deviance)", integerFlag("--cv", 2));
  addSchemaFlags(fitCommand, "fit")
    .option("--class-weight <weights>", CLASS_WEIGHT_HELP, parseClassWeight)
    .option("--one-hot <columns>", ONE_HOT_HELP, columnList("--one-hot"))
    .option("--exclude <columns>", EXCLUDE_HELP, columnList("--exclude"))
    .option("--output <model.json>", "write the fitted model (atomically; never over the input)")
    .option("--format <format>", "table, json or csv", "table")
    .option("--engine <name>", "compute the statistics inside a data engine (duckdb) reading the CSV or Parquet file (globs allowed)")
    .option("--stream", `read the CSV (or -) as a stream into statistics: memory independent of its size (ridge, lasso, elasticnet; on its own past ${STREAM_ABOVE / 2 ** 20} MiB)`)
    .option("--threads <n>", `threads that read a streamed CSV file (default: one per core from ${THREADS_FROM / 2 ** 20} MiB, one below)`, integerFlag("--threads", 1))
    .action((file: string | undefined, flags: FitFlags, command: Command) =>
      fitAny(file, flags, withClassWeight(givenOptions(command, "fit"), flags.classWeight)));
  subcommand(program, "predict", "predict with a model file on the rows of a CSV file, one column per target; a classifier's: the label, then p(<class>) per class")
    .argument("<model.json>", "a model file written by fit --output (- reads standard input)")
    .argument("<data.csv>", "CSV with the model's feature columns, matched by name (- reads standard input)")
    .action((modelPath: string, dataPath: string) => predict(modelPath, dataPath));
  const pathCommand = subcommand(program, "path", "write the regularization path (lambda, coefficients, intercept) as CSV")
    .argument("[data.csv]", DATA_HELP)
    .option("--target <column>", TARGET_HELP, repeatable)
    .option("--model <name>", "lasso (the elastic-net path with --l1-ratio) or logistic (a line per lambda and class above two classes)", "lasso");
  addSchemaFlags(pathCommand, "path")
    .option("--class-weight <weights>", CLASS_WEIGHT_HELP, parseClassWeight)
    .option("--one-hot <columns>", ONE_HOT_HELP, columnList("--one-hot"))
    .option("--exclude <columns>", EXCLUDE_HELP, columnList("--exclude"))
    .option("--output <path.csv>", "write to a file instead of stdout (atomically; never over the input)")
    .option("--stream", `read the CSV (or -) as a stream into statistics: memory independent of its size (on its own past ${STREAM_ABOVE / 2 ** 20} MiB, and for Parquet)`)
    .option("--threads <n>", `threads that read a streamed CSV file (default: one per core from ${THREADS_FROM / 2 ** 20} MiB, one below)`, integerFlag("--threads", 1))
    .action((file: string | undefined, flags: PathFlags & { classWeight?: unknown }, command: Command) =>
      path(file, flags, withClassWeight(givenOptions(command, "path"), flags.classWeight)));
  subcommand(program, "sql", "print the SQL query that computes the statistics of a table in any engine (DuckDB, Spark SQL, BigQuery, ...)")
    .requiredOption("--target <column>", TARGET_HELP)
    .requiredOption("--from <table>", "the FROM clause, as written: a table, or read_parquet('data/*.parquet')")
    .option("--features <a,b,c>", "the feature columns, separated by commas (default: DuckDB reads the columns of --from)")
    .option("--weight <column>", "a column of row weights")
    .option("--folds <k>", "one result row per fold (needs --fold-column)", integerFlag("--folds", 2))
    .option("--fold-column <column>", "an integer column (row number, id): its value modulo k is the row's fold")
    .option("--max-columns <n>", "the most columns one query may return; past it, several queries", integerFlag("--max-columns", 1))
    .option("--quote <style>", "identifier quoting: double (standard SQL, DuckDB, Postgres, Trino) or backtick (Spark SQL, BigQuery)", "double")
    .action((flags: SqlFlags) => sql(flags));
  subcommand(program, "bench", "time a few fits on both backends").action(bench);
  await program.parseAsync(argv);
}

// A reader that stops early (`regularized path | head`) closes the pipe: that is the end, not an error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  process.stderr.write(`regularized: cannot write the output: ${error.message}\n`);
  process.exit(2);
});

main(process.argv).catch((error: unknown) => {
  const e = error as { code?: string; exitCode?: number; message?: string };
  if (typeof e.code === "string" && e.code.startsWith("commander.")) {
    process.exit(e.code === "commander.helpDisplayed" || e.code === "commander.version" || e.exitCode === 0 ? 0 : 2);
  }
  // One line, whatever the message holds (a JSON parser quotes the text it stopped at).
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`regularized: ${message.replace(/\s*\n\s*/g, " ")}\n`);
  process.exit(2);
});
