// Model files written by `regularized fit --output`: the model's JSON plus the feature names and target.

import { readFileSync, writeFileSync } from "node:fs";
import type { LinearModel, ModelJSON } from "../models/base.js";
import { isModelName, modelFromJSON } from "../models/registry.js";
import { CliError } from "./cli-error.js";

export interface ModelFile extends ModelJSON {
  featureNames: string[];
  target: string;
}

export function writeModelFile(path: string, model: LinearModel, featureNames: string[], target: string): void {
  const file: ModelFile = { ...model.toJSON(), featureNames, target };
  try {
    writeFileSync(path, JSON.stringify(file, null, 1) + "\n");
  } catch (error) {
    throw new CliError(`cannot write ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

export function readModelFile(path: string): { model: LinearModel; featureNames: string[]; target: string } {
  let file: ModelFile;
  try {
    file = JSON.parse(readFileSync(path, "utf8")) as ModelFile;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(code ? `cannot read ${path}: ${code}` : `${path} is not JSON: ${(error as Error).message}`);
  }
  if (file?.format !== "regularized" || !isModelName(file.model) || !Array.isArray(file.featureNames) || typeof file.target !== "string") {
    throw new CliError(`${path} is not a model file written by \`regularized fit --output\`.`);
  }
  if (!file.fitted) throw new CliError(`${path} holds an unfitted ${file.model}: fit it first.`);
  return { model: modelFromJSON(file), featureNames: file.featureNames, target: file.target };
}
