#!/usr/bin/env node
// The `regularized` command line: fit, predict, path and bench on CSV files (or the embedded diabetes data).

import { writeFileSync } from "node:fs";
import { SingleBar } from "cli-progress";
import { Command, InvalidArgumentError, Option } from "commander";
import { markdownTable } from "markdown-table";
import { init } from "../backends/registry.js";
import { loadDiabetes } from "../datasets/diabetes.js";
import type { LinearModel } from "../models/base.js";
import { ElasticNetCV, LassoCV } from "../models/elastic-net-cv.js";
import { Lasso } from "../models/lasso.js";
import { createModel } from "../models/registry.js";
import { RidgeCV } from "../models/ridge-cv.js";
import { Ridge } from "../models/ridge.js";
import { optionEntries, type CliCommand } from "../options/schema.js";
import { enetPath, lassoPath } from "../paths/path.js";
import { CliError } from "./cli-error.js";
import { readCsv, splitTarget } from "./csv.js";
import { readModelFile, writeModelFile } from "./model-file.js";

/** The flags of `fit` that are not estimator options (those come from the schema). */
interface FitFlags {
  target?: string;
  model: "ridge" | "lasso" | "elasticnet";
  cv?: number;
  output?: string;
  format: "table" | "json" | "csv";
}

const MODEL_NAMES = { ridge: "Ridge", lasso: "Lasso", elasticnet: "ElasticNet" } as const;

/** `--kebab-case` of an option name. */
const flagOf = (name: string) => `--${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/**
 * Declares the flags of the schema options that `command` exposes: `--kebab-case` of the name, the entry's doc
 * as help, its parser for the value, and its default (the command's own where the entry names one) shown.
 */
function addSchemaFlags(program: Command, command: CliCommand): Command {
  for (const [name, spec] of optionEntries()) {
    const cli = spec.cli;
    if (!cli?.commands.includes(command)) continue;
    const flag = flagOf(name);
    const option = new Option(cli.arg ? `${flag} <${cli.arg}>` : flag, spec.doc);
    if (cli.arg) {
      const parse = cli.parse;
      if (parse) {
        option.argParser((text: string) => {
          try {
            return parse(text, flag);
          } catch (error) {
            throw new InvalidArgumentError((error as Error).message);
          }
        });
      }
      const shown = cli.defaults?.[command] ?? (typeof spec.default === "function" ? undefined : spec.default);
      if (shown !== undefined) option.default(shown);
    }
    program.addOption(option);
  }
  return program;
}

/**
 * The schema options given on the command line, as estimator options: the resolver of the estimator they go to
 * checks them (and refuses the ones it does not take); the ones not given keep the schema's defaults.
 */
function givenOptions(command: Command, name: CliCommand): Record<string, unknown> {
  const values = command.opts();
  return Object.fromEntries(optionEntries()
    .filter(([option, spec]) => spec.cli?.commands.includes(name) && command.getOptionValueSource(option) === "cli")
    .map(([option]) => [option, values[option]]));
}

const integer = (name: string) => (value: string) => {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 2) throw new InvalidArgumentError(`${name} must be an integer >= 2.`);
  return parsed;
};

/** A CSV cell: quoted (quotes doubled) when it holds a comma, a quote or a line break. */
function csvCell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Features and target from a CSV file, or the embedded diabetes data when no file is given. */
function loadData(file: string | undefined, target: string | undefined) {
  if (!file) {
    const { X, y, featureNames } = loadDiabetes();
    return { X: X.map((row) => Array.from(row)), y: Array.from(y), featureNames, target: "target", source: "diabetes" };
  }
  if (!target) throw new CliError(`--target is required with a file: name the column of ${file} to predict.`);
  return { ...splitTarget(readCsv(file), target, file), target, source: file };
}

/** A progress bar on stderr while a long job runs, only when it is a terminal. */
function progress(label: string): ((done: number, total: number) => void) & { stop(): void } {
  const bar = process.stderr.isTTY ? new SingleBar({ format: `${label} [{bar}] {value}/{total}`, stream: process.stderr }) : null;
  let started = false;
  const update = (done: number, total: number) => {
    if (!bar) return;
    if (!started) bar.start(total, 0);
    started = true;
    bar.update(done);
  };
  return Object.assign(update, { stop: () => started && bar?.stop() });
}

function fit(file: string | undefined, flags: FitFlags, options: Record<string, unknown>): void {
  const { X, y, featureNames, target } = loadData(file, flags.target);
  let model: LinearModel;
  let chosen = "";
  if (flags.cv !== undefined) {
    if (options.lambda !== undefined || options.solver !== undefined) {
      throw new CliError("--cv chooses lambda and uses coordinate descent: drop --lambda and --solver, or drop --cv.");
    }
    const bar = progress("cv folds");
    const cv = flags.model === "ridge"
      ? new RidgeCV(options).fit(X, y)
      : flags.model === "lasso"
        ? new LassoCV({ ...options, nFolds: flags.cv, onProgress: bar }).fit(X, y)
        : new ElasticNetCV({ ...options, nFolds: flags.cv, onProgress: bar }).fit(X, y);
    bar.stop();
    model = cv.model;
    chosen = ` (chosen by ${flags.model === "ridge" ? "leave-one-out" : `${flags.cv}-fold`} CV: lambda ${cv.lambda.toPrecision(4)}, lambda.1se ${cv.lambda1se.toPrecision(4)})`;
  } else {
    model = createModel(MODEL_NAMES[flags.model], options).fit(X, y);
  }
  if (flags.output) writeModelFile(flags.output, model, featureNames, target);
  const coef = Array.from(model.coef);
  if (flags.format === "json") console.log(JSON.stringify({ ...model.toJSON(), featureNames, target }));
  else if (flags.format === "csv") {
    console.log("feature,coef");
    featureNames.forEach((name, j) => console.log(`${csvCell(name)},${coef[j]}`));
    console.log(`(intercept),${model.intercept}`);
  } else {
    const name = MODEL_NAMES[flags.model];
    console.log(`${name} on ${X.length} rows, target ${target}${chosen}; train R^2 ${model.score(X, y).toFixed(4)}\n`);
    console.log(markdownTable([["feature", "coef"], ...featureNames.map((name, j) => [name, coef[j] === 0 ? "0" : coef[j].toPrecision(6)]),
      ["(intercept)", model.intercept.toPrecision(6)]], { align: ["l", "r"] }));
  }
}

function predict(modelPath: string, dataPath: string): void {
  const { model, featureNames, target } = readModelFile(modelPath);
  const table = readCsv(dataPath);
  const missing = featureNames.filter((name) => !table.columns.includes(name));
  if (missing.length > 0) throw new CliError(`${dataPath} lacks the model's features ${missing.join(", ")}: its columns are ${table.columns.join(", ")}.`);
  const indices = featureNames.map((name) => table.columns.indexOf(name));
  const predictions = model.predict(table.rows.map((row) => indices.map((c) => row[c])));
  console.log(csvCell(target));
  predictions.forEach((value) => console.log(String(value)));
}

/** Without --l1-ratio, the lasso path. */
function path(file: string | undefined, flags: { target?: string; output?: string }, options: Record<string, unknown>): void {
  const { X, y, featureNames } = loadData(file, flags.target);
  const bar = progress("path");
  const result = options.l1Ratio === undefined ? lassoPath(X, y, { ...options, onProgress: bar }) : enetPath(X, y, { ...options, onProgress: bar });
  bar.stop();
  const lines = [["lambda", ...featureNames.map(csvCell), "(intercept)"].join(",")];
  result.lambdas.forEach((lambda, i) => lines.push([lambda, ...Array.from(result.coefs[i]), result.intercepts[i]].join(",")));
  const text = lines.join("\n") + "\n";
  if (flags.output) writeFileSync(flags.output, text);
  else process.stdout.write(text);
}

function bench(): void {
  const [n, d] = [10_000, 100];
  const X = { data: Float64Array.from({ length: n * d }, (_, k) => Math.sin(k * 12.9898) * 0.5), rows: n, cols: d };
  const y = Float64Array.from({ length: n }, (_, i) => X.data[i * d] - 2 * X.data[i * d + 1] + 0.1 * Math.cos(i));
  const median = (run: () => void) => {
    const times = Array.from({ length: 7 }, () => {
      const start = performance.now();
      run();
      return performance.now() - start;
    }).sort((a, b) => a - b);
    return times[3];
  };
  const rows = [["fit at 10,000 x 100", "WASM ms", "JS ms", "WASM speedup"]];
  for (const [name, make] of [
    ["Ridge (closed form)", (backend: "wasm" | "js") => new Ridge({ lambda: 0.01, backend })],
    ["Lasso (cd), lambda 0.01", (backend: "wasm" | "js") => new Lasso({ lambda: 0.01, backend })],
  ] as const) {
    const [wasm, js] = (["wasm", "js"] as const).map((backend) => median(() => make(backend).fit(X, y)));
    rows.push([name, wasm.toFixed(2), js.toFixed(2), `${(js / wasm).toFixed(1)}x`]);
  }
  console.log(markdownTable(rows, { align: ["l", "r", "r", "r"] }));
}

async function main(argv: string[]): Promise<void> {
  await init();
  const program = new Command("regularized")
    .description("Ridge, Lasso and Elastic Net regression with a WebAssembly SIMD core.")
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });
  const fitCommand = program.command("fit")
    .description("fit a model on a CSV file (or the embedded diabetes data) and print its coefficients")
    .argument("[data.csv]", "CSV with a header row; omit for the diabetes data")
    .option("--target <column>", "the column to predict")
    .option("--model <name>", "ridge, lasso or elasticnet", "lasso")
    .option("--cv <k>", "choose lambda by k-fold cross-validation (ridge: exact leave-one-out, k unused)", integer("--cv"));
  addSchemaFlags(fitCommand, "fit")
    .option("--output <model.json>", "write the fitted model")
    .option("--format <format>", "table, json or csv", "table")
    .action((file: string | undefined, flags: FitFlags, command: Command) => {
      if (!Object.hasOwn(MODEL_NAMES, flags.model)) throw new CliError(`--model must be ridge, lasso or elasticnet, not ${flags.model}.`);
      if (!["table", "json", "csv"].includes(flags.format)) throw new CliError(`--format must be table, json or csv, not ${flags.format}.`);
      fit(file, flags, givenOptions(command, "fit"));
    });
  program.command("predict")
    .description("predict with a model file on the rows of a CSV file")
    .argument("<model.json>").argument("<data.csv>")
    .action((modelPath: string, dataPath: string) => predict(modelPath, dataPath));
  const pathCommand = program.command("path")
    .description("write the regularization path (lambda, coefficients, intercept) as CSV")
    .argument("[data.csv]").option("--target <column>", "the column to predict");
  addSchemaFlags(pathCommand, "path")
    .option("--output <path.csv>", "write to a file instead of stdout")
    .action((file: string | undefined, flags: { target?: string; output?: string }, command: Command) => path(file, flags, givenOptions(command, "path")));
  program.command("bench").description("time a few fits on both backends").action(bench);
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
  process.stderr.write(`regularized: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
});
