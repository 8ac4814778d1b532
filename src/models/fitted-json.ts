// The fitted state as JSON holds it, and its reading back: every field checked for its type, its range and its
// agreement with the others, so that a model restored from JSON predicts what the one saved did, or is refused.

import { MAX_BLOCK_VALUES } from "../block-limit.js";
import { checkSameLength, toVector } from "../input.js";
import { describeValue, isPlainObject, MAX_ITER_LIMIT } from "../options/checks.js";
import type { FittedState } from "../pipeline/fitted-state.js";

/** The fitted state as JSON holds it. */
export interface FittedJSON {
  coef: number[];
  intercepts: number[];
  nFeatures: number;
  nOutputs: number;
  history: number[];
  nIter: number;
  converged: boolean;
  /** null stands for NaN (no gap), which JSON cannot hold. */
  dualGap: number | null;
}

const FIELDS = ["coef", "intercepts", "nFeatures", "nOutputs", "history", "nIter", "converged", "dualGap"] as const;

/** The state as JSON (dualGap NaN as null). */
export function fittedToJSON(state: FittedState): FittedJSON {
  return {
    coef: Array.from(state.coef),
    intercepts: Array.from(state.intercepts),
    nFeatures: state.nFeatures,
    nOutputs: state.nOutputs,
    history: Array.from(state.history),
    nIter: state.nIter,
    converged: state.converged,
    dualGap: Number.isNaN(state.dualGap) ? null : state.dualGap,
  };
}

/** An integer field in [least, most]. */
function integerField(value: unknown, name: string, least: number, most: number): number {
  if (typeof value !== "number") throw new TypeError(`fromJSON: ${name} must be a number, got ${describeValue(value)}.`);
  if (!Number.isInteger(value) || value < least || value > most) {
    throw new RangeError(`fromJSON: ${name} must be an integer from ${least} to ${most}, got ${value}.`);
  }
  return value;
}

/**
 * Reads `fitted` of a model's JSON (null for an unfitted model) for `model`, which fits one output unless
 * `multiOutput`. Refused: a field missing, unknown (`__proto__` too) or of the wrong type, counts that are not
 * integers in range, non-finite numbers, and arrays whose lengths disagree with nFeatures and nOutputs.
 */
export function readFittedJSON(fitted: unknown, model: string, multiOutput: boolean): FittedState | null {
  if (fitted === null) return null;
  if (!isPlainObject(fitted)) {
    throw new TypeError(`fromJSON: fitted must be null or an object, got ${describeValue(fitted)}: pass the output of toJSON().`);
  }
  for (const key of Object.keys(fitted)) {
    if (!(FIELDS as readonly string[]).includes(key)) {
      throw new TypeError(`fromJSON: fitted has an unknown field ${JSON.stringify(key)} (its fields are ${FIELDS.join(", ")}): pass the output of toJSON().`);
    }
  }
  for (const key of FIELDS) {
    if (!Object.hasOwn(fitted, key)) throw new TypeError(`fromJSON: fitted.${key} is missing: pass the output of toJSON().`);
  }
  const nFeatures = integerField(fitted.nFeatures, "fitted.nFeatures", 1, MAX_BLOCK_VALUES);
  const nOutputs = integerField(fitted.nOutputs, "fitted.nOutputs", 1, MAX_BLOCK_VALUES);
  if (nOutputs > 1 && !multiOutput) {
    throw new RangeError(`fromJSON: fitted.nOutputs is ${nOutputs}, but a ${model} fits one output: this JSON is not a ${model}'s.`);
  }
  const nIter = integerField(fitted.nIter, "fitted.nIter", 0, MAX_ITER_LIMIT);
  if (typeof fitted.converged !== "boolean") {
    throw new TypeError(`fromJSON: fitted.converged must be true or false, got ${describeValue(fitted.converged)}.`);
  }
  const { dualGap } = fitted;
  if (dualGap !== null && !(typeof dualGap === "number" && Number.isFinite(dualGap))) {
    throw new TypeError(`fromJSON: fitted.dualGap must be a finite number or null (no gap), got ${describeValue(dualGap)}.`);
  }
  const coef = toVector(fitted.coef, "fitted.coef");
  const intercepts = toVector(fitted.intercepts, "fitted.intercepts");
  const history = toVector(fitted.history, "fitted.history");
  checkSameLength(nFeatures * nOutputs, `nFeatures * nOutputs = ${nFeatures} * ${nOutputs}`, coef.length, "fitted.coef");
  checkSameLength(nOutputs, "nOutputs", intercepts.length, "fitted.intercepts");
  if (history.length > nIter) {
    throw new RangeError(`fromJSON: fitted.history has ${history.length} values but fitted.nIter is ${nIter}: a fit records at most one per iteration.`);
  }
  return { coef, intercepts, nFeatures, nOutputs, history, nIter, converged: fitted.converged, dualGap: dualGap ?? Number.NaN };
}
