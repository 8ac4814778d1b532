// The estimators a worker can fit, by class name, and how to restore each from its JSON.

import type { LinearModel, ModelJSON } from "../models/base.js";
import { ElasticNet } from "../models/elastic-net.js";
import { GroupLasso } from "../models/group-lasso.js";
import { Lasso } from "../models/lasso.js";
import { MultiTaskElasticNet, MultiTaskLasso } from "../models/multi-task.js";
import { Ridge } from "../models/ridge.js";
import { SGDRegressor } from "../models/sgd-regressor.js";

export type WorkerModelName = "Ridge" | "Lasso" | "ElasticNet" | "MultiTaskLasso" | "MultiTaskElasticNet" | "GroupLasso" | "SGDRegressor";

export const MODELS: Record<WorkerModelName, { create(options: object): LinearModel; restore(json: ModelJSON): LinearModel }> = {
  Ridge: { create: (o) => new Ridge(o), restore: (json) => Ridge.fromJSON(json) },
  Lasso: { create: (o) => new Lasso(o), restore: (json) => Lasso.fromJSON(json) },
  ElasticNet: { create: (o) => new ElasticNet(o), restore: (json) => ElasticNet.fromJSON(json) },
  MultiTaskLasso: { create: (o) => new MultiTaskLasso(o), restore: (json) => MultiTaskLasso.fromJSON(json) },
  MultiTaskElasticNet: { create: (o) => new MultiTaskElasticNet(o), restore: (json) => MultiTaskElasticNet.fromJSON(json) },
  GroupLasso: { create: (o) => new GroupLasso(o as never), restore: (json) => GroupLasso.fromJSON(json) },
  SGDRegressor: { create: (o) => new SGDRegressor(o), restore: (json) => SGDRegressor.fromJSON(json) },
};

/** What the page or main thread sends to a worker. */
export interface FitRequest {
  model: WorkerModelName;
  options?: object;
  X: unknown;
  y: unknown;
  sampleWeight?: ArrayLike<number>;
}

export type FitReply = { json: ModelJSON } | { error: { name: string; message: string } };

/** Fits as a worker does (also the reference the tests compare against). */
export function fitRequest(request: FitRequest): FitReply {
  try {
    const entry = MODELS[request.model];
    if (!entry) throw new RangeError(`model must be one of ${Object.keys(MODELS).join(", ")}, got ${JSON.stringify(request.model)}.`);
    const model = entry.create({ ...(request.options ?? {}), onWarning: () => {} });
    const fitOptions = request.sampleWeight ? { sampleWeight: request.sampleWeight } : {};
    (model.fit as (X: unknown, y: unknown, o: object) => LinearModel)(request.X, request.y, fitOptions);
    return { json: model.toJSON() };
  } catch (error) {
    const e = error as Error;
    return { error: { name: e.name ?? "Error", message: e.message ?? String(error) } };
  }
}
