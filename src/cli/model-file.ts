// Model files written by `regularized fit --output`: the model's JSON plus the feature names and the target
// names (`target` for one output, `targets` for several; files with `target` alone are read as before). A
// classifier's file names its one target, the column of labels.

import type { LinearModel } from "../models/base.js";
import type { LogisticRegression } from "../models/logistic-regression.js";
import { isClassifier, isModelName, modelFromJSON, type AnyModelJSON, type Model } from "../models/registry.js";
import { CliError } from "./cli-error.js";
import { readText, sourceName } from "./input-source.js";
import { allFinite, OVERFLOW_FIX } from "./overflow.js";
import { repeatedName } from "../csv/table.js";

/** What a model file adds to its model's JSON: the names of the columns. */
interface ColumnNames {
  featureNames: string[];
  /** The target's name, for a model of one output (and a classifier). */
  target?: string;
  /** The targets' names, one per output, for a model of several. */
  targets?: string[];
}

export type ModelFile = AnyModelJSON & ColumnNames;

/** What a model file holds, ready to predict. */
export interface LoadedModel {
  model: Model;
  featureNames: string[];
  /** One name per output (a classifier's one: the column of labels). */
  targets: string[];
}

/** The model file of a fitted model: its JSON with the names of its columns. */
export function modelFile(model: LinearModel | LogisticRegression, featureNames: string[], targets: string[]): ModelFile {
  const names = targets.length === 1 ? { target: targets[0] } : { targets };
  return { ...model.toJSON(), featureNames, ...names };
}

const isNameList = (value: unknown): value is string[] => Array.isArray(value) && value.every((name) => typeof name === "string");

/** One name per output: `targets`, or the old single `target` (numbered when the model has several outputs). */
function targetNames(file: ColumnNames, nOutputs: number): string[] | undefined {
  if (isNameList(file.targets)) return file.targets.length === nOutputs ? file.targets : undefined;
  if (typeof file.target !== "string") return undefined;
  return nOutputs === 1 ? [file.target] : Array.from({ length: nOutputs }, (_, o) => `${file.target}[${o}]`);
}

/** The model's feature count and its outputs (one for a classifier: its label). */
function shape(model: Model): { nFeatures: number; nOutputs: number } {
  if (!isClassifier(model)) return { nFeatures: model.nFeatures, nOutputs: model.intercepts.length };
  return { nFeatures: model.coef.length / model.intercepts.length, nOutputs: 1 };
}

/** What is wrong with the names of a model file's features and targets, or undefined. */
function namesProblem(featureNames: string[], targets: string[], nFeatures: number): string | undefined {
  if (featureNames.length !== nFeatures) return `it names ${featureNames.length} feature(s) but its model has ${nFeatures}`;
  const feature = repeatedName(featureNames);
  if (feature !== undefined) return `it names the feature "${feature}" twice`;
  const target = repeatedName(targets);
  return target === undefined ? undefined : `it names the target "${target}" twice`;
}

/** Reads a model file (or standard input for `-`), checking that its weights are finite and its names fit its model. */
export function readModelFile(path: string): LoadedModel {
  const source = sourceName(path);
  const text = readText(path);
  let file: ModelFile;
  try {
    file = JSON.parse(text) as ModelFile;
  } catch (error) {
    throw new CliError(`${source} is not JSON (${(error as Error).message}): pass a model file written by \`regularized fit --output\`.`);
  }
  if (file?.format !== "regularized" || !isModelName(file.model) || !isNameList(file.featureNames)) {
    throw new CliError(`${source} is not a model file written by \`regularized fit --output\`.`);
  }
  const fitted = file.fitted;
  if (!fitted) throw new CliError(`${source} holds an unfitted ${file.model}: fit it first.`);
  const damaged = (problem: string) => new CliError(`${source} is damaged: ${problem.replace(/\.$/, "")}. Write it again with \`regularized fit --output\`.`);
  if (!allFinite(fitted.coef ?? []) || !allFinite(fitted.intercepts ?? [])) {
    throw new CliError(`${source} holds coefficients that are not finite numbers (null in its JSON): the fit that wrote it overflowed. Fit again and ${OVERFLOW_FIX}.`);
  }
  let model: Model;
  try {
    model = modelFromJSON(text);
  } catch (error) {
    throw damaged((error as Error).message);
  }
  const { nFeatures, nOutputs } = shape(model);
  const targets = targetNames(file, nOutputs);
  if (!targets) throw damaged(`its target names do not match its ${nOutputs} output(s)`);
  const problem = namesProblem(file.featureNames, targets, nFeatures);
  if (problem) throw damaged(problem);
  return { model, featureNames: file.featureNames, targets };
}
