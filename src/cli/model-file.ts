// Model files written by `regularized fit --output`: the model's JSON plus the feature names and the target
// names (`target` for one output, `targets` for several; files with `target` alone are read as before).

import type { LinearModel, ModelJSON } from "../models/base.js";
import type { FittedJSON } from "../models/fitted-model.js";
import { isModelName, modelFromJSON } from "../models/registry.js";
import { CliError } from "./cli-error.js";
import { readText, sourceName } from "./input-source.js";
import { allFinite, OVERFLOW_FIX } from "./overflow.js";
import { repeatedName } from "../csv/table.js";

export interface ModelFile extends ModelJSON {
  featureNames: string[];
  /** The target's name, for a model of one output. */
  target?: string;
  /** The targets' names, one per output, for a model of several. */
  targets?: string[];
}

/** What a model file holds, ready to predict. */
export interface LoadedModel {
  model: LinearModel;
  featureNames: string[];
  /** One name per output. */
  targets: string[];
}

/** The model file of a fitted model: its JSON with the names of its columns. */
export function modelFile(model: LinearModel, featureNames: string[], targets: string[]): ModelFile {
  const names = targets.length === 1 ? { target: targets[0] } : { targets };
  return { ...model.toJSON(), featureNames, ...names };
}

const isNameList = (value: unknown): value is string[] => Array.isArray(value) && value.every((name) => typeof name === "string");

/** One name per output: `targets`, or the old single `target` (numbered when the model has several outputs). */
function targetNames(file: ModelFile, nOutputs: number): string[] | undefined {
  if (isNameList(file.targets)) return file.targets.length === nOutputs ? file.targets : undefined;
  if (typeof file.target !== "string") return undefined;
  return nOutputs === 1 ? [file.target] : Array.from({ length: nOutputs }, (_, o) => `${file.target}[${o}]`);
}

/** What is wrong with the names of a model file's features and targets, or undefined. */
function namesProblem(featureNames: string[], targets: string[], fitted: FittedJSON): string | undefined {
  if (featureNames.length !== fitted.nFeatures) return `it names ${featureNames.length} feature(s) but its model has ${fitted.nFeatures}`;
  const feature = repeatedName(featureNames);
  if (feature !== undefined) return `it names the feature "${feature}" twice`;
  const target = repeatedName(targets);
  return target === undefined ? undefined : `it names the target "${target}" twice`;
}

/** Reads a model file (or standard input for `-`), checking that its names fit its model and its weights are finite. */
export function readModelFile(path: string): LoadedModel {
  const source = sourceName(path);
  let file: ModelFile;
  try {
    file = JSON.parse(readText(path)) as ModelFile;
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`${source} is not JSON (${(error as Error).message}): pass a model file written by \`regularized fit --output\`.`);
  }
  if (file?.format !== "regularized" || !isModelName(file.model) || !isNameList(file.featureNames)) {
    throw new CliError(`${source} is not a model file written by \`regularized fit --output\`.`);
  }
  const fitted = file.fitted;
  if (!fitted) throw new CliError(`${source} holds an unfitted ${file.model}: fit it first.`);
  const damaged = (problem: string) => new CliError(`${source} is damaged: ${problem.replace(/\.$/, "")}. Write it again with \`regularized fit --output\`.`);
  const targets = targetNames(file, fitted.nOutputs);
  if (!targets) throw damaged(`its target names do not match its ${fitted.nOutputs} output(s)`);
  const problem = namesProblem(file.featureNames, targets, fitted);
  if (problem) throw damaged(problem);
  if (!allFinite(fitted.coef ?? []) || !allFinite(fitted.intercepts ?? [])) {
    throw new CliError(`${source} holds coefficients that are not finite numbers (null in its JSON): the fit that wrote it overflowed. Fit again and ${OVERFLOW_FIX}.`);
  }
  try {
    return { model: modelFromJSON(file), featureNames: file.featureNames, targets };
  } catch (error) {
    throw damaged((error as Error).message);
  }
}
