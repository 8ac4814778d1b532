// The calling side of a fit in a worker: the request checked on this thread before any worker is involved (the
// same checks and messages as a direct fit), its options resolved to plain data, and its data copied once into
// Float64Arrays that are transferred to the worker, not cloned.

import { getBackend } from "../backends/registry.js";
import { copyMatrixIn, copyValuesIn } from "../copy-in.js";
import { checkSameLength } from "../input.js";
import { checkFitOptions } from "../models/base.js";
import { fitSchema } from "../tables/feature-schema.js";
import { encodeLabels, type Label } from "../logistic/labels.js";
import { createModel, isClassifier, type ModelName } from "../models/registry.js";
import { describeValue, isPlainObject, ownField } from "../options/checks.js";
import { resolveOptions } from "../options/schema.js";
import type { FitTask } from "./models.js";

const REQUEST_FIELDS = ["model", "options", "X", "y", "sampleWeight", "featureNames"] as const;
type RequestField = (typeof REQUEST_FIELDS)[number];

/** A task ready to post, the buffers to transfer with it, and where its warnings go on this thread. */
export interface PreparedFit {
  task: FitTask;
  transfer: ArrayBuffer[];
  onWarning: (message: string) => void;
}

/** The request's own fields (never inherited ones); unknown fields are refused, as a typo would be lost. */
function readRequest(request: unknown): Record<RequestField, unknown> {
  if (!isPlainObject(request)) {
    throw new TypeError(`fitInWorker(request): request must be a plain object such as { model: "Lasso", options: { lambda: 0.1 }, X, y }, got ${describeValue(request)}.`);
  }
  const unknown = Object.keys(request).find((key) => !(REQUEST_FIELDS as readonly string[]).includes(key));
  if (unknown !== undefined) {
    throw new TypeError(`fitInWorker(request): unknown field ${JSON.stringify(unknown)}; the fields are ${REQUEST_FIELDS.join(", ")}.`);
  }
  return Object.fromEntries(REQUEST_FIELDS.map((field) => [field, ownField(request, field)])) as Record<RequestField, unknown>;
}

/** Checks a fitInWorker request and packs it for a worker; throws what a direct fit would throw. */
export function prepareFit(request: unknown): PreparedFit {
  const fields = readRequest(request);
  const model = createModel(fields.model as ModelName, fields.options as object | undefined);
  const { onWarning } = resolveOptions(model.modelName, fields.options ?? {});
  const { sampleWeight, featureNames } = checkFitOptions({ sampleWeight: fields.sampleWeight, featureNames: fields.featureNames });
  const schema = fitSchema(fields.X, featureNames, model.modelName);
  const js = getBackend("js");
  // The JS backend's blocks are plain Float64Arrays that its scopes never free: the scope is left to the garbage
  // collector and the arrays go to the worker.
  const { X, y } = js.keepScope((scope) => {
    const X = copyMatrixIn(js, scope, fields.X, "X");
    // A classifier's labels (numbers, strings or booleans) are checked here and cloned as they are.
    const y = isClassifier(model) ? labelsIn(fields.y) : copyValuesIn(js, scope, fields.y, "y");
    checkSameLength(X.rows, "the rows of X", Array.isArray(y) ? y.length : y.rows, "y");
    return { X, y };
  }).value;
  const weights = sampleWeight === undefined ? undefined : Float64Array.from(sampleWeight);
  if (weights) checkSameLength(X.rows, "the rows of X", weights.length, "sampleWeight");
  const yValues = Array.isArray(y) ? null : y.block.values;
  const task: FitTask = {
    model: model.modelName,
    options: model.toJSON().options,
    X: { data: X.block.values, rows: X.rows, cols: X.cols, ...schema },
    y: Array.isArray(y) ? y : y.asRows ? Array.from({ length: y.rows }, (_, i) => y.block.values.subarray(i * y.cols, (i + 1) * y.cols)) : y.block.values,
    ...(weights && { sampleWeight: weights }),
  };
  const transfer = [X.block.values, ...(yValues ? [yValues] : []), ...(weights ? [weights] : [])].map((values) => values.buffer as ArrayBuffer);
  return { task, transfer, onWarning };
}

/** A classifier's labels, checked as its fit checks them, as a plain array. */
function labelsIn(y: unknown): Label[] {
  encodeLabels(y);
  return Array.from(y as ArrayLike<Label>);
}
