// Every model class by name: how to build one from options and how to restore one from its JSON. The worker,
// the command line's model files and modelFromJSON all go through this table.

import { parseModelJSON, type LinearModel, type ModelJSON } from "./base.js";
import { ElasticNet } from "./elastic-net.js";
import { GroupLasso } from "./group-lasso.js";
import { Lasso } from "./lasso.js";
import { MultiTaskElasticNet, MultiTaskLasso } from "./multi-task.js";
import { Ridge } from "./ridge.js";
import { SGDRegressor } from "./sgd-regressor.js";

/** A model class as the registry sees it: a constructor from options and the class's fromJSON. */
interface ModelClass {
  new (options: never): LinearModel;
  fromJSON(json: string | ModelJSON): LinearModel;
}

const CLASSES = { Ridge, Lasso, ElasticNet, MultiTaskLasso, MultiTaskElasticNet, GroupLasso, SGDRegressor } satisfies Record<string, ModelClass>;

/** The name of a model class (what `toJSON()` writes as `model`). */
export type ModelName = keyof typeof CLASSES;

/** The registered names, in table order. */
export const MODEL_NAMES = Object.keys(CLASSES) as ModelName[];

/** The class registered under `name`, or undefined. */
function classOf(name: unknown): ModelClass | undefined {
  return typeof name === "string" && Object.hasOwn(CLASSES, name) ? CLASSES[name as ModelName] : undefined;
}

/** Whether `name` names a registered model class. */
export function isModelName(name: unknown): name is ModelName {
  return classOf(name) !== undefined;
}

/** A new, unfitted model of the named class; `options` are checked by the option schema as the constructor does. */
export function createModel(name: ModelName, options: object = {}): LinearModel {
  const Model = classOf(name);
  if (!Model) throw new RangeError(`model must be one of ${MODEL_NAMES.join(", ")}, got ${JSON.stringify(name)}.`);
  return new Model(options as never);
}

/**
 * Restores any model from its JSON (the output of `model.toJSON()`, or that JSON as a string), whatever its
 * class: the JSON's `model` field picks the class, whose `fromJSON` restores it.
 *
 * @example
 * ```ts
 * const text = JSON.stringify(new Lasso({ lambda: 0.1 }).fit(X, y));
 * const model = modelFromJSON(text);   // a Lasso, fitted, predicting as the original
 * ```
 * @throws TypeError when the JSON is not a model's, or names a model class that does not exist.
 */
export function modelFromJSON(json: string | ModelJSON): LinearModel {
  const parsed = parseModelJSON(json);
  const Model = classOf(parsed.model);
  if (!Model) throw new TypeError(`modelFromJSON: unknown model ${JSON.stringify(parsed.model)}; the models are ${MODEL_NAMES.join(", ")}.`);
  return Model.fromJSON(parsed);
}
