// Magnitude pruning of weights: the seed's "Connection to Inference Optimization".

import { isRows, toMatrix, toVector } from "../input.js";

/** How much to prune: every |w| < threshold, or the smallest fraction of the entries by magnitude. */
export type PruneOptions = { threshold: number } | { fraction: number };

function flatten(weights: ArrayLike<number> | ArrayLike<ArrayLike<number>>) {
  if (isRows(weights)) {
    const { data, rows, cols } = toMatrix(weights, "weights");
    return { data, cols: cols as number | undefined, rows };
  }
  const data = toVector(weights, "weights");
  return { data, cols: undefined, rows: 1 };
}

function reshape(data: Float64Array, cols: number | undefined): Float64Array | Float64Array[] {
  if (cols === undefined) return data;
  return Array.from({ length: data.length / cols }, (_, i) => data.slice(i * cols, (i + 1) * cols));
}

/**
 * Magnitude pruning: a copy of a vector (or matrix of rows) with every entry below the threshold in magnitude,
 * or the smallest `fraction` of the entries (ties broken by position), set to exactly 0.
 */
export function prune(weights: ArrayLike<number>, options: PruneOptions): Float64Array;
export function prune(weights: ArrayLike<ArrayLike<number>>, options: PruneOptions): Float64Array[];
export function prune(weights: ArrayLike<number> | ArrayLike<ArrayLike<number>>, options: PruneOptions): Float64Array | Float64Array[] {
  const { data, cols } = flatten(weights);
  const out = data.slice();
  if ("threshold" in options) {
    const t = options.threshold;
    if (!(typeof t === "number" && t >= 0 && Number.isFinite(t))) throw new RangeError(`threshold must be a finite number >= 0, got ${t}.`);
    out.forEach((v, k) => (out[k] = Math.abs(v) < t ? 0 : v));
  } else if ("fraction" in options) {
    const f = options.fraction;
    if (!(typeof f === "number" && f >= 0 && f <= 1)) throw new RangeError(`fraction must be in [0, 1], got ${f}.`);
    const count = Math.floor(f * out.length);
    const order = Array.from(out.keys()).sort((a, b) => Math.abs(out[a]) - Math.abs(out[b]) || a - b);
    for (let k = 0; k < count; k++) out[order[k]] = 0;
  } else {
    throw new TypeError("prune needs { threshold } or { fraction }.");
  }
  return reshape(out, cols);
}

/**
 * N:M structured sparsity along rows: in every group of m consecutive entries of a row keep the n largest in
 * magnitude (ties by position) and zero the rest (NVIDIA's 2:4 for n = 2, m = 4). A last, shorter group keeps
 * at most n as well.
 */
export function nmPrune(W: ArrayLike<ArrayLike<number>>, options: { n?: number; m?: number } = {}): Float64Array[] {
  const n = options.n ?? 2;
  const m = options.m ?? 4;
  if (!Number.isInteger(m) || m < 1) throw new RangeError(`m must be a positive integer, got ${m}.`);
  if (!Number.isInteger(n) || n < 0 || n > m) throw new RangeError(`n must be an integer in [0, m] = [0, ${m}], got ${n}.`);
  const { data, rows, cols } = toMatrix(W, "W");
  const out = data.slice();
  for (let i = 0; i < rows; i++) {
    for (let start = 0; start < cols; start += m) {
      const group = Array.from({ length: Math.min(m, cols - start) }, (_, g) => i * cols + start + g);
      group.sort((a, b) => Math.abs(data[b]) - Math.abs(data[a]) || a - b);
      for (const k of group.slice(n)) out[k] = 0;
    }
  }
  return reshape(out, cols) as Float64Array[];
}
