// What a fitting worker receives and answers, and how it fits (the model classes come from the registry).

import type { LinearModel, ModelJSON } from "../models/base.js";
import { createModel, type ModelName } from "../models/registry.js";

/** The model classes a worker can fit: every registered one. */
export type WorkerModelName = ModelName;

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
    const model = createModel(request.model, { ...(request.options ?? {}), onWarning: () => {} });
    const fitOptions = request.sampleWeight ? { sampleWeight: request.sampleWeight } : {};
    (model.fit as (X: unknown, y: unknown, o: object) => LinearModel)(request.X, request.y, fitOptions);
    return { json: model.toJSON() };
  } catch (error) {
    const e = error as Error;
    return { error: { name: e.name ?? "Error", message: e.message ?? String(error) } };
  }
}
