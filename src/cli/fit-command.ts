// `regularized fit`: fits a regression model on a CSV file (or the diabetes data), prints its coefficients and writes
// its model file; the flags of every --model checked together (the classifier's fit is classify-command.ts).

import { markdownTable } from "markdown-table";
import type { VectorInput } from "../input.js";
import type { LinearModel } from "../models/base.js";
import { ElasticNetCV, LassoCV } from "../models/elastic-net-cv.js";
import { createModel, type RegressorName } from "../models/registry.js";
import { RidgeCV } from "../models/ridge-cv.js";
import type { Owner } from "../options/schema.js";
import type { NamedMatrix } from "../tables/columns.js";
import { CliError } from "./cli-error.js";
import { csvCell, type Split } from "./csv.js";
import { namedFeatures, type ColumnFlags } from "./feature-table.js";
import { checkApplicable } from "./flags.js";
import { BREAST_CANCER, checkReserved, checkTargets, DIABETES, INTERCEPT, isConstant, loadData } from "./load-data.js";
import { modelFile } from "./model-file.js";
import { checkOutput, writeOutput } from "./output-file.js";
import { checkFinite } from "./overflow.js";
import { progress } from "./progress.js";

/** The models `--model` names: the class, its cross-validated class, and whether it fits several targets. */
const MODELS: Readonly<Record<string, { model: RegressorName; cv?: "RidgeCV" | "LassoCV" | "ElasticNetCV"; multiOutput: boolean }>> = {
  ridge: { model: "Ridge", cv: "RidgeCV", multiOutput: true },
  lasso: { model: "Lasso", cv: "LassoCV", multiOutput: false },
  elasticnet: { model: "ElasticNet", cv: "ElasticNetCV", multiOutput: false },
  "multitask-lasso": { model: "MultiTaskLasso", multiOutput: true },
  "multitask-elasticnet": { model: "MultiTaskElasticNet", multiOutput: true },
};

/** The --model of the classifier: LogisticRegression, cross-validated by LogisticRegressionCV; its target holds labels. */
export const LOGISTIC = "logistic";

/** `a, b or c`. */
const alternatives = (names: readonly string[]) => `${names.slice(0, -1).join(", ")} or ${names[names.length - 1]}`;

/** The choices of --model, as its help and its error show them. */
export const MODEL_CHOICES = alternatives([...Object.keys(MODELS), LOGISTIC]);

const FORMATS = ["table", "json", "csv"];

/** The flags of `fit` that are not estimator options (those come from the schema). */
export interface FitFlags extends ColumnFlags {
  target?: string[];
  model: string;
  cv?: number;
  output?: string;
  format: string;
  /** A data engine that computes the statistics where the file is read ("duckdb"). */
  engine?: string;
  /** Read the CSV as a stream into statistics. */
  stream?: boolean;
  /** Threads that read a streamed CSV file. */
  threads?: number;
  /** --class-weight, read (the classifier's classWeight option). */
  classWeight?: "balanced" | Record<string, number>;
}

/** The estimator --model (with --cv, its cross-validated form) names. */
function ownerOf(flags: FitFlags): Owner {
  if (flags.model === LOGISTIC) return flags.cv === undefined ? "LogisticRegression" : "LogisticRegressionCV";
  const entry = MODELS[flags.model];
  if (flags.cv === undefined) return entry.model;
  if (!entry.cv) throw new CliError(`--cv does not apply to --model ${flags.model}: it has no cross-validated form. Choose --lambda, or drop --cv.`);
  return entry.cv;
}

/** Refuses --l1-ratio 0 with --cv: a path needs an L1 part for its largest lambda. */
function checkCvRatios(flags: FitFlags, options: Record<string, unknown>): void {
  const ratios = [options.l1Ratio].flat();
  if (!ratios.includes(0)) return;
  if (flags.model === LOGISTIC) {
    // A list is refused by checkApplicable: LogisticRegressionCV takes one mix.
    if (ratios.length === 1) {
      throw new CliError("--l1-ratio 0 is ridge, whose path has no largest lambda to cross-validate from: give --l1-ratio > 0, " +
        "or drop --cv and fit ridge-penalized logistic regression at a chosen --lambda.");
    }
    return;
  }
  throw new CliError(ratios.length > 1
    ? `--l1-ratio ${ratios.join(",")} holds 0, which is ridge: drop it from the list (cross-validate ridge with --model ridge --cv).`
    : "--l1-ratio 0 is ridge: cross-validate it with --model ridge --cv, or give --l1-ratio > 0.");
}

/** Checks the flags together, before any reading or fitting; returns the target names. */
export function checkFlags(file: string | undefined, flags: FitFlags, options: Record<string, unknown>): { targets: string[] } {
  const classifier = flags.model === LOGISTIC;
  if (!Object.hasOwn(MODELS, flags.model) && !classifier) throw new CliError(`--model must be ${MODEL_CHOICES}, not ${flags.model}.`);
  if (!FORMATS.includes(flags.format)) throw new CliError(`--format must be ${alternatives(FORMATS)}, not ${flags.format}.`);
  const targets = flags.target ?? [];
  checkTargets(file, targets, classifier ? BREAST_CANCER : DIABETES);
  if (targets.length > 1 && classifier) {
    throw new CliError(`--model logistic classifies by one target (a column of labels), but ${targets.length} are given: fit one --target at a time.`);
  }
  if (targets.length > 1 && !classifier && !MODELS[flags.model].multiOutput) {
    throw new CliError(`--model ${flags.model} fits one target, but ${targets.length} are given: use --model multitask-${flags.model} to fit them jointly, or fit one --target at a time.`);
  }
  const owner = ownerOf(flags);
  if (flags.cv !== undefined) {
    if (targets.length > 1) throw new CliError(`--cv chooses lambda for one target, but ${targets.length} are given: cross-validate one --target at a time.`);
    if (options.lambda !== undefined || options.solver !== undefined) {
      throw new CliError("--cv chooses lambda and uses coordinate descent: drop --lambda and --solver, or drop --cv.");
    }
    checkCvRatios(flags, options);
  }
  checkApplicable(options, owner, `--model ${flags.model}${flags.cv === undefined ? "" : " --cv"}`);
  if (flags.output !== undefined) checkOutput(flags.output, [file], "--format json prints the model file to standard output");
  return { targets };
}

/**
 * Chooses lambda by CV; a constant target needs none (every lambda of an L1 penalty gives zero weights).
 * RidgeCV's closed form has no warnings to give.
 */
function crossValidate(flags: FitFlags, given: Record<string, unknown>, onWarning: (message: string) => void, X: NamedMatrix, y: number[]) {
  const { model: name, cv } = MODELS[flags.model];
  if (cv === "RidgeCV") {
    const fitted = new RidgeCV(given).fit(X, y);
    return { model: fitted.model, chosen: chosenBy("leave-one-out", fitted) };
  }
  const ratios = given.l1Ratio;
  if (isConstant(y)) {
    // Every mix ties, and ElasticNetCV keeps the first of tied ones.
    const l1Ratio = Array.isArray(ratios) ? ratios[0] as number : ratios;
    return { model: createModel(name, { ...given, l1Ratio, onWarning }).fit(X, y), chosen: " (constant, so every lambda gives zero weights: nothing to cross-validate)" };
  }
  if ((flags.cv as number) > X.rows) throw new CliError(`--cv ${flags.cv} asks for more folds than the ${X.rows} rows: give --cv ${X.rows} or less.`);
  const bar = progress("cv folds");
  const fitted = new (cv === "LassoCV" ? LassoCV : ElasticNetCV)({ ...given, onWarning, nFolds: flags.cv, onProgress: bar }).fit(X, y);
  bar.stop();
  return { model: fitted.model, chosen: chosenBy(`${flags.cv}-fold`, fitted, Array.isArray(ratios) ? fitted.l1Ratio : undefined) };
}

/** How the title says what CV chose: lambda, and the mix when it chose among several. */
export const chosenBy = (how: string, cv: { lambda: number; lambda1se: number }, l1Ratio?: number) =>
  ` (chosen by ${how} CV: lambda ${cv.lambda.toPrecision(4)}, lambda.1se ${cv.lambda1se.toPrecision(4)}${l1Ratio === undefined ? "" : `, l1Ratio ${l1Ratio}`})`;

/** The coefficient table: a row per feature and one for the intercept, a column per target. */
function coefficientRows(model: LinearModel, data: Named, show: (value: number) => string): string[][] {
  const k = data.targets.length;
  const { coef, intercepts } = model;
  return [
    ["feature", ...(k === 1 ? ["coef"] : data.targets)],
    ...data.featureNames.map((name, j) => [name, ...data.targets.map((_, o) => show(coef[j * k + o]))]),
    [INTERCEPT, ...Array.from(intercepts, show)],
  ];
}

/** The names of the features and targets, as the output labels them. */
type Named = Pick<Split, "featureNames" | "targets">;

/** Prints the model as --format asks; the table's title gives the row count and the train R^2. */
export function print(model: LinearModel, data: Named, flags: FitFlags, chosen: string, train: { rows: number; r2: number }): void {
  if (flags.format === "json") {
    console.log(JSON.stringify(modelFile(model, data.featureNames, data.targets)));
  } else if (flags.format === "csv") {
    console.log(coefficientRows(model, data, String).map((row) => row.map(csvCell).join(",")).join("\n"));
  } else {
    const targets = data.targets.length === 1 ? `target ${data.targets[0]}` : `targets ${data.targets.join(", ")}`;
    const shown = Number.isFinite(train.r2) ? train.r2.toFixed(4) : "not finite (its sums of squares overflow double precision)";
    console.log(`${MODELS[flags.model].model} on ${train.rows} rows, ${targets}${chosen}; train R^2 ${shown}\n`);
    // A "|" in a name would end its cell: Markdown escapes it.
    const rows = coefficientRows(model, data, (value) => (value === 0 ? "0" : value.toPrecision(6))).map((row) => row.map((cell) => cell.replaceAll("|", "\\|")));
    console.log(markdownTable(rows, { align: ["l", ...rows[0].slice(1).map(() => "r" as const)] }));
  }
}

/**
 * Fits, refuses a fit that overflowed, writes the model file (atomically), then prints. Warnings (such as "did not
 * converge") wait for the fit to be accepted: an overflowed fit ends with its one error line.
 */
export function fit(file: string | undefined, flags: FitFlags, given: Record<string, unknown>): void {
  const { targets } = checkFlags(file, flags, given);
  const entry = MODELS[flags.model];
  const data = loadData(file, targets, flags);
  checkReserved(data.featureNames, [INTERCEPT], data.source);
  const X = namedFeatures(data);
  const warnings: string[] = [];
  const onWarning = (message: string) => void warnings.push(message);
  const { model, chosen } = flags.cv === undefined
    // Rows of several targets reach only the multi-output models (checkFlags), whose fit takes them.
    ? { model: createModel(entry.model, { ...given, onWarning }).fit(X, data.y as VectorInput), chosen: "" }
    : crossValidate(flags, given, onWarning, X, data.y as number[]);
  checkFinite("the fit", model.coef, model.intercepts);
  for (const warning of warnings) console.warn(`regularized: warning: ${warning}`);
  if (flags.output !== undefined) writeOutput(flags.output, JSON.stringify(modelFile(model, data.featureNames, data.targets), null, 1) + "\n");
  print(model, data, flags, chosen, { rows: data.X.length, r2: model.score(data.X, data.y) });
}
