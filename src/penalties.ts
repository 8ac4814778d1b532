// The seed's functional API: penalties, their gradients and the soft-threshold operator, computed by the
// chosen backend. Weights may be a vector (number[] | Float64Array) or a 2-D weight matrix (number[][] or
// Float64Array[] rows, e.g. d x k for multi-output ridge); a matrix is treated as its flattened entries.

import type { Backend, F64Block } from "./backend.js";
import { getBackend } from "./backends/registry.js";
import { copyValuesIn } from "./copy-in.js";
import { checkL1Ratio, checkLambda, checkPositive } from "./options/checks.js";
import type { BackendOptions } from "./options/schema.js";

/** A weight vector or a 2-D weight matrix given as rows. */
export type Weights = ArrayLike<number> | ArrayLike<ArrayLike<number>>;

function reshape(out: Float64Array, cols: number | undefined): Float64Array | Float64Array[] {
  if (cols === undefined) return out;
  return Array.from({ length: out.length / cols }, (_, i) => out.slice(i * cols, (i + 1) * cols));
}

function penalty(w: unknown, lambda: number, rho: number, options: BackendOptions): number {
  const backend = getBackend(options.backend);
  return backend.scope((s) => backend.elasticNetPenalty(copyValuesIn(backend, s, w, "w").block, lambda, rho));
}

/** Applies an in-place elementwise kernel to a copy of the weights, in their shape. */
function mapWeights(w: unknown, options: BackendOptions, kernel: (backend: Backend, block: F64Block) => void, name = "w") {
  const backend = getBackend(options.backend);
  return backend.scope((s) => {
    const { block, cols, asRows } = copyValuesIn(backend, s, w, name);
    kernel(backend, block);
    return reshape(block.values.slice(), asRows ? cols : undefined);
  });
}

function gradient(w: unknown, lambda: number, rho: number, options: BackendOptions) {
  return mapWeights(w, options, (backend, block) => backend.elasticNetGradient(block, lambda, rho, block));
}

/** L2 penalty (lambda/2) ||w||_2^2 (the 1/2 makes the gradient lambda w). */
export function l2Penalty(w: Weights, lambda: number, options: BackendOptions = {}): number {
  return penalty(w, checkLambda(lambda), 0, options);
}

/** Gradient of the L2 penalty: lambda w, in the shape of w. */
export function l2Gradient(w: ArrayLike<number>, lambda: number, options?: BackendOptions): Float64Array;
export function l2Gradient(w: ArrayLike<ArrayLike<number>>, lambda: number, options?: BackendOptions): Float64Array[];
export function l2Gradient(w: Weights, lambda: number, options: BackendOptions = {}) {
  return gradient(w, checkLambda(lambda), 0, options);
}

/** L1 penalty lambda ||w||_1. */
export function l1Penalty(w: Weights, lambda: number, options: BackendOptions = {}): number {
  return penalty(w, checkLambda(lambda), 1, options);
}

/** (Sub)gradient of the L1 penalty: lambda sign(w) with sign(0) = 0, in the shape of w. */
export function l1Gradient(w: ArrayLike<number>, lambda: number, options?: BackendOptions): Float64Array;
export function l1Gradient(w: ArrayLike<ArrayLike<number>>, lambda: number, options?: BackendOptions): Float64Array[];
export function l1Gradient(w: Weights, lambda: number, options: BackendOptions = {}) {
  return gradient(w, checkLambda(lambda), 1, options);
}

/** Elastic-net penalty lambda (l1Ratio ||w||_1 + (1 - l1Ratio)/2 ||w||_2^2); l1Ratio 1 is L1, 0 is L2. */
export function elasticNetPenalty(w: Weights, lambda: number, l1Ratio: number, options: BackendOptions = {}): number {
  return penalty(w, checkLambda(lambda), checkL1Ratio(l1Ratio), options);
}

/** Gradient of the elastic-net penalty: lambda (l1Ratio sign(w) + (1 - l1Ratio) w), in the shape of w. */
export function elasticNetGradient(
  w: ArrayLike<number>, lambda: number, l1Ratio: number, options?: BackendOptions,
): Float64Array;
export function elasticNetGradient(
  w: ArrayLike<ArrayLike<number>>, lambda: number, l1Ratio: number, options?: BackendOptions,
): Float64Array[];
export function elasticNetGradient(w: Weights, lambda: number, l1Ratio: number, options: BackendOptions = {}) {
  return gradient(w, checkLambda(lambda), checkL1Ratio(l1Ratio), options);
}

/**
 * Soft-threshold operator S(x, t) = sign(x) max(|x| - t, 0), the proximal map of t |x|: entries with
 * |x| <= t become exactly 0, the others move t toward 0. Takes a number, a vector or a matrix of rows.
 */
export function softThreshold(x: number, threshold: number, options?: BackendOptions): number;
export function softThreshold(x: ArrayLike<number>, threshold: number, options?: BackendOptions): Float64Array;
export function softThreshold(
  x: ArrayLike<ArrayLike<number>>, threshold: number, options?: BackendOptions,
): Float64Array[];
export function softThreshold(x: number | Weights, threshold: number, options: BackendOptions = {}) {
  const t = checkLambda(threshold, "threshold");
  const out = mapWeights(typeof x === "number" ? [x] : x, options, (backend, block) => backend.softThreshold(block, t, block), "x");
  return typeof x === "number" ? (out as Float64Array)[0] : out;
}

/**
 * The seed's "soft" L1 gradient lambda * w / (|w| + eps) (its first exercise): smooth near 0, so it never
 * makes a weight exactly 0, and close to lambda sign(w) for |w| >> eps.
 */
export function softL1Gradient(w: ArrayLike<number>, lambda: number, eps: number, options?: BackendOptions): Float64Array;
export function softL1Gradient(w: ArrayLike<ArrayLike<number>>, lambda: number, eps: number, options?: BackendOptions): Float64Array[];
export function softL1Gradient(w: Weights, lambda: number, eps: number, options: BackendOptions = {}) {
  const l = checkLambda(lambda);
  const e = checkPositive(eps, "eps");
  return mapWeights(w, options, (backend, block) => backend.softL1Gradient(block, l, e, block));
}
