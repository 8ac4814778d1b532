// Every model class by name: how to build one from options and how to restore one from its JSON. The worker,
// the command line's model files and modelFromJSON all go through this table.

import { parseModelJSON, type LinearModel, type ModelJSON } from "./base.js";
import { ElasticNet } from "./elastic-net.js";
import { GroupLasso } from "./group-lasso.js";
import { Lasso } from "./lasso.js";
import { LogisticRegression } from "./logistic-regression.js";
import { MultiTaskElasticNet, MultiTaskLasso } from "./multi-task.js";
import { Ridge } from "./ridge.js";
import { SGDRegressor } from "./sgd-regressor.js";

/** A model class as the registry sees it: a constructor from options and the class's fromJSON. */
interface ModelClass {
  new (options: never): LinearModel | LogisticRegression;
  fromJSON(json: never): LinearModel | LogisticRegression;
}

const CLASSES = {
  Ridge, Lasso, ElasticNet, MultiTaskLasso, MultiTaskElasticNet, GroupLasso, SGDRegressor, LogisticRegression,
} satisfies Record<string, ModelClass>;

/** The name of a model class (what `toJSON()` writes as `model`). */
export type ModelName = keyof typeof CLASSES;

/** The names of the regression models (those fitted to numeric targets, predicting numbers). */
export type RegressorName = Exclude<ModelName, "LogisticRegression">;

/** An instance of the named class. */
export type ModelOf<N extends ModelName> = InstanceType<(typeof CLASSES)[N]>;

/** Any registered model: a regression model or a LogisticRegression. */
export type Model = ModelOf<ModelName>;

/** Any registered model's JSON (what `toJSON()` returns). */
export type AnyModelJSON = ReturnType<Model["toJSON"]>;

// Marked pure, these lists go with their last use: a bundle that uses none of the registry leaves out every model.
/** The registered names, in table order. */
export const MODEL_NAMES = /* @__PURE__ */ Object.keys(CLASSES) as ModelName[];

/** The regression models' names, in table order. */
export const REGRESSOR_NAMES = /* @__PURE__ */ MODEL_NAMES.filter((name) => name !== "LogisticRegression") as RegressorName[];

/** The class registered under `name`, or undefined. */
function classOf(name: unknown): ModelClass | undefined {
  return typeof name === "string" && Object.hasOwn(CLASSES, name) ? CLASSES[name as ModelName] : undefined;
}

/** Whether `name` names a registered model class. */
export function isModelName(name: unknown): name is ModelName {
  return classOf(name) !== undefined;
}

/** A new, unfitted model of the named class; `options` are checked by the option schema as the constructor does. */
export function createModel<N extends ModelName>(name: N, options: object = {}): ModelOf<N> {
  const Model = classOf(name);
  if (!Model) throw new RangeError(`model must be one of ${MODEL_NAMES.join(", ")}, got ${JSON.stringify(name)}.`);
  return new Model(options as never) as ModelOf<N>;
}

/** Whether a model is a classifier (fitted to labels, predicting labels and probabilities). */
export function isClassifier(model: Model): model is LogisticRegression {
  return model instanceof LogisticRegression;
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
export function modelFromJSON(json: string | AnyModelJSON): Model {
  const parsed = parseModelJSON(json as string | ModelJSON);
  const Model = classOf(parsed.model);
  if (!Model) throw new TypeError(`modelFromJSON: unknown model ${JSON.stringify(parsed.model)}; the models are ${MODEL_NAMES.join(", ")}.`);
  return Model.fromJSON(parsed as never) as Model;
}
