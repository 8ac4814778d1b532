// What a fitting worker receives and answers, and how it fits (the model classes come from the registry).

import type { Matrix } from "../input.js";
import type { FeatureSchema } from "../tables/feature-schema.js";
import type { Label } from "../logistic/labels.js";
import { createModel, type AnyModelJSON, type ModelName } from "../models/registry.js";
import { recordError, type ErrorRecord } from "./error-transfer.js";

/** The model classes a worker can fit: every registered one. */
export type WorkerModelName = ModelName;

/** What the caller asks of {@link fitInWorker}. */
export interface FitRequest<N extends WorkerModelName = WorkerModelName> {
  /** The estimator's class name. */
  model: N;
  /** Its options, as its constructor takes them (`onWarning` stays on the calling thread and receives the worker's warnings). */
  options?: object;
  X: unknown;
  y: unknown;
  /** As in `fit(X, y, { sampleWeight })`. */
  sampleWeight?: ArrayLike<number>;
  /** As in `fit(X, y, { featureNames })`; X from fromRecords or fromArrow brings its own. */
  featureNames?: readonly string[];
}

/** What a worker receives: the options checked and resolved (plain data), the data checked and packed. */
export interface FitTask {
  model: ModelName;
  options: AnyModelJSON["options"];
  /** The rows, with the features' names and encoding when the request gave them. */
  X: Matrix & Partial<FeatureSchema>;
  /** One output: a vector; several: rows (views of one buffer); a classifier's labels. */
  y: Float64Array | Float64Array[] | Label[];
  sampleWeight?: Float64Array;
}

/** What a worker answers: the fitted model's JSON or the error, and the warnings the fit gave. */
export type FitReply = ({ json: AnyModelJSON } | { error: ErrorRecord }) & { warnings: string[] };

/** Fits a task as a worker does, collecting its warnings. */
export function runFitTask(task: FitTask): FitReply {
  const warnings: string[] = [];
  try {
    const model = createModel(task.model, { ...task.options, onWarning: (message: string) => warnings.push(message) });
    const fitOptions = task.sampleWeight === undefined ? {} : { sampleWeight: task.sampleWeight };
    (model.fit as (X: unknown, y: unknown, options: object) => unknown).call(model, task.X, task.y, fitOptions);
    return { json: model.toJSON(), warnings };
  } catch (error) {
    return { error: recordError(error), warnings };
  }
}
