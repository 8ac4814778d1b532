// Class labels as people hold them (numbers, strings or booleans, one type per fit) and their indices.

import { describeValue } from "../options/checks.js";

/** A class label. */
export type Label = number | string | boolean;

/** The classes in sorted order (numbers ascending, strings by code unit as scikit-learn sorts them, false < true). */
function sortedClasses(labels: readonly Label[]): Label[] {
  const unique = [...new Set(labels)];
  if (typeof unique[0] === "number") return (unique as number[]).sort((a, b) => a - b);
  if (typeof unique[0] === "boolean") return (unique as boolean[]).sort((a, b) => Number(a) - Number(b));
  return (unique as string[]).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Checks `y` (an array of labels, all numbers, all strings or all booleans; no NaN) and returns its classes in
 * sorted order and each row's class index. Two classes at least.
 */
export function encodeLabels(y: unknown, name = "y"): { classes: Label[]; indices: Int32Array } {
  if (!Array.isArray(y) && !ArrayBuffer.isView(y)) {
    throw new TypeError(`${name} must be an array of labels (numbers, strings or booleans), got ${describeValue(y)}.`);
  }
  const labels = Array.from(y as ArrayLike<unknown>);
  if (labels.length === 0) throw new RangeError(`${name} is empty: give one label per row of X.`);
  const kind = typeof labels[0];
  labels.forEach((label, i) => {
    if (typeof label !== "number" && typeof label !== "string" && typeof label !== "boolean") {
      throw new TypeError(`${name}[${i}] is ${describeValue(label)}: labels must be numbers, strings or booleans.`);
    }
    if (typeof label !== kind) {
      throw new TypeError(`${name}[${i}] is ${describeValue(label)} but ${name}[0] is ${describeValue(labels[0])}: labels must all be of one type (numbers, strings or booleans).`);
    }
    if (typeof label === "number" && !Number.isFinite(label)) {
      throw new RangeError(`${name}[${i}] is ${label}: a label must be a finite number (remove the row, or give it a class).`);
    }
  });
  const classes = sortedClasses(labels as Label[]);
  if (classes.length < 2) {
    throw new RangeError(`${name} holds one class only (${JSON.stringify(classes[0])}): a classifier needs rows of at least two classes.`);
  }
  const index = new Map<Label, number>(classes.map((label, k) => [label, k]));
  return { classes, indices: Int32Array.from(labels as Label[], (label) => index.get(label) as number) };
}

/** The weight of each class: "balanced" (n / (K n_k), scikit-learn's), a map from label (as a string key) to weight, or none. */
export function classWeights(
  classWeight: "balanced" | Readonly<Record<string, number>> | undefined, classes: readonly Label[], indices: Int32Array,
): Float64Array {
  const K = classes.length;
  if (classWeight === undefined) return new Float64Array(K).fill(1);
  if (classWeight === "balanced") {
    const counts = new Float64Array(K);
    indices.forEach((k) => counts[k]++);
    return counts.map((count) => indices.length / (K * count));
  }
  const keys = new Set(classes.map(String));
  for (const label of Object.keys(classWeight)) {
    if (!keys.has(label)) {
      throw new RangeError(`classWeight names ${JSON.stringify(label)}, which is not a class of y (the classes are ${classes.map((c) => JSON.stringify(c)).join(", ")}).`);
    }
  }
  return Float64Array.from(classes, (label) => (Object.hasOwn(classWeight, String(label)) ? classWeight[String(label)] : 1));
}
