import fc from "fast-check";
import { mulberry32 } from "../src/backends/random.js";
import type { Backend, F64Block } from "../src/backend.js";
import { getBackend, initSync } from "../src/backends/registry.js";

/** Both backends, the WASM core instantiated. */
export function bothBackends(): Backend[] {
  initSync();
  return [getBackend("js"), getBackend("wasm")];
}

/**
 * Whether a and b agree to a relative 1e-12 of `scale`, the sum of absolute terms that formed them
 * (the honest bound for sums taken in different orders, which may cancel to near 0).
 */
export function agree(a: number, b: number, scale: number): boolean {
  return Math.abs(a - b) <= 1e-12 * scale + Number.MIN_VALUE;
}

/** Runs `compute` on fresh copies of `arrays` in the backend and returns what it reports. */
export function on<T>(backend: Backend, arrays: Float64Array[], compute: (blocks: F64Block[]) => T): T {
  const blocks = arrays.map((array) => backend.fromArray(array));
  try {
    return compute(blocks);
  } finally {
    blocks.forEach((block) => backend.free(block));
  }
}

/** 32-bit integers packed two per float64 slot, as the backends take indices. */
export function packInt32(integers: ArrayLike<number>): Float64Array {
  const packed = new Float64Array(Math.max(1, Math.ceil(integers.length / 2)));
  new Int32Array(packed.buffer, 0, integers.length).set(Array.from(integers));
  return packed;
}

export const sumAbsProducts = (x: ArrayLike<number>, y: ArrayLike<number>) => {
  let sum = 0;
  for (let i = 0; i < x.length; i++) sum += Math.abs(x[i] * y[i]);
  return sum;
};
export const sumAbs = (x: ArrayLike<number>) => sumAbsProducts(x, Array.from(x, () => 1));

/** Finite values of mixed sign and magnitude. */
export const value = fc.double({ min: -1e3, max: 1e3, noNaN: true, noDefaultInfinity: true });
export const array = (length: number, values = value) =>
  fc.array(values, { minLength: length, maxLength: length }).map((a) => Float64Array.from(a));
export const vector = (maxLength = 300) => fc.array(value, { minLength: 0, maxLength }).map((a) => Float64Array.from(a));
export const lambda = fc.double({ min: 0, max: 10, noNaN: true });
export const ratio = fc.double({ min: 0, max: 1, noNaN: true });

/** A random rows x cols matrix (row-major) with vectors sized to match. */
export const problem = fc
  .record({ rows: fc.integer({ min: 1, max: 40 }), cols: fc.integer({ min: 1, max: 40 }) })
  .chain(({ rows, cols }) =>
    fc.record({
      rows: fc.constant(rows),
      cols: fc.constant(cols),
      X: array(rows * cols),
      w: array(cols),
      y: array(rows),
      b: value,
    }),
  );

/**
 * |a_i - b_i| <= tolerance * scale, the scale being the largest of |a|, |b| and `unit` (the size of the sums
 * that formed them: a value near 0 is a difference of such sums).
 */
export function closeAll(a: ArrayLike<number>, b: ArrayLike<number>, tolerance: number, unit = 0): boolean {
  if (a.length !== b.length) return false;
  let scale = Math.max(unit, 1e-300);
  for (let i = 0; i < b.length; i++) scale = Math.max(scale, Math.abs(a[i]), Math.abs(b[i]));
  for (let i = 0; i < b.length; i++) if (!(Math.abs(a[i] - b[i]) <= tolerance * scale)) return false;
  return true;
}

/**
 * A centered regression problem for the exact solvers: X (n x d, row-major) and y with zero column means, and
 * what the solvers take: Xt (d x n), G = X^T X, q = X^T y, yy = ||y||^2.
 */
export interface Centered {
  n: number;
  d: number;
  X: Float64Array;
  Xt: Float64Array;
  y: Float64Array;
  G: Float64Array;
  q: Float64Array;
  yy: number;
}

/** r = y - X w, g = X^T r and the squared column norms of centered data, computed here. */
export function residualState(data: Centered, w: Float64Array): { r: Float64Array; g: Float64Array; norms: Float64Array } {
  const { n, d, X, y } = data;
  const r = Float64Array.from(y);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) r[i] -= X[i * d + j] * w[j];
  const g = new Float64Array(d);
  const norms = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) {
      g[j] += X[i * d + j] * r[i];
      norms[j] += X[i * d + j] ** 2;
    }
  }
  return { r, g, norms };
}

export function centered(rows: number[][], targets: number[]): Centered {
  const n = rows.length;
  const d = rows[0].length;
  const X = new Float64Array(n * d);
  const y = new Float64Array(n);
  const yMean = targets.reduce((s, v) => s + v, 0) / n;
  for (let j = 0; j < d; j++) {
    const mean = rows.reduce((s, row) => s + row[j], 0) / n;
    for (let i = 0; i < n; i++) X[i * d + j] = rows[i][j] - mean;
  }
  for (let i = 0; i < n; i++) y[i] = targets[i] - yMean;
  const Xt = new Float64Array(d * n);
  const G = new Float64Array(d * d);
  const q = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) Xt[j * n + i] = X[i * d + j];
  for (let j = 0; j < d; j++) {
    for (let l = 0; l < d; l++) for (let i = 0; i < n; i++) G[j * d + l] += X[i * d + j] * X[i * d + l];
    for (let i = 0; i < n; i++) q[j] += X[i * d + j] * y[i];
  }
  return { n, d, X, Xt, y, G, q, yy: y.reduce((s, v) => s + v * v, 0) };
}

/** A double in [-size, size], 0 below 1e-100 (subnormal products would leave the solvers' rounding regime). */
const entry = (size: number) => fc.double({ min: -size, max: size, noNaN: true }).map((v) => (Math.abs(v) < 1e-100 ? 0 : v));

/** Random designs for the solvers: rows x cols entries in [-2, 2], targets in [-10, 10]. */
export const design = (minRows = 5, maxRows = 30, maxCols = 10, minCols = 1) =>
  fc
    .record({ rows: fc.integer({ min: minRows, max: maxRows }), cols: fc.integer({ min: minCols, max: maxCols }) })
    .chain(({ rows, cols }) =>
      fc.record({
        X: fc.array(fc.array(entry(2), { minLength: cols, maxLength: cols }), {
          minLength: rows,
          maxLength: rows,
        }),
        y: fc.array(entry(10), { minLength: rows, maxLength: rows }),
      }),
    );

/**
 * Dense designs: entries of magnitude 0.5 to 2, targets in [-10, 10], drawn uniformly from a seeded stream (not
 * shrunk). Which coordinates enter a working set depends on the sign of differences of correlations x_j^T r; on
 * these no such difference is near the rounding that tells the backends (and the relaxed-SIMD build) apart, so
 * both follow the same sets, epoch by epoch. (fast-check's doubles favour their bounds, and a column of one
 * repeated bound centers to rounding noise; a design of lone tiny entries cancels in x_j^T r: the backends may
 * then choose different, equally valid sets.)
 */
export const denseDesign = (minRows: number, maxRows: number, minCols: number, maxCols: number) =>
  fc
    .record({ rows: fc.integer({ min: minRows, max: maxRows }), cols: fc.integer({ min: minCols, max: maxCols }), seed: fc.noShrink(fc.nat()) })
    .map(({ rows, cols, seed }) => {
      const next = mulberry32(seed);
      const draw = () => next() / 2 ** 32;
      const entry = () => (draw() < 0.5 ? -1 : 1) * (0.5 + 1.5 * draw());
      return {
        X: Array.from({ length: rows }, () => Array.from({ length: cols }, entry)),
        y: Array.from({ length: rows }, () => 20 * draw() - 10),
      };
    });

/** (1/2n)||y - X w||^2 + lambda (rho ||w||_1 + (1 - rho)/2 ||w||^2) on a centered problem, computed here. */
export function enetObjective(data: Centered, w: ArrayLike<number>, lambdaValue: number, rho: number): number {
  const { n, d, X, y } = data;
  let loss = 0;
  for (let i = 0; i < n; i++) {
    let r = y[i];
    for (let j = 0; j < d; j++) r -= X[i * d + j] * w[j];
    loss += r * r;
  }
  let l1 = 0;
  let l2 = 0;
  for (let j = 0; j < d; j++) {
    l1 += Math.abs(w[j]);
    l2 += w[j] * w[j];
  }
  return loss / (2 * n) + lambdaValue * (rho * l1 + 0.5 * (1 - rho) * l2);
}

/**
 * The size of the sums behind a coordinate-descent weight: w_j = S(x_j^T r + ||x_j||^2 w_j, alpha) / (||x_j||^2 + beta)
 * rounds like its terms, |x_j^T r| <= ||x_j|| ||y||, so the weights of two summation orders agree to a relative
 * eps of max_j ||x_j|| ||y|| / (||x_j||^2 + beta), however far below it cancellation leaves w_j.
 */
export function weightScale({ d, G, yy }: Centered, beta: number): number {
  let largest = 0;
  for (let j = 0; j < d; j++) {
    const norm2 = G[j * d + j];
    if (norm2 > 0) largest = Math.max(largest, Math.sqrt(norm2 * yy) / (norm2 + beta));
  }
  return largest;
}

/** A square linear system: n (1 to 15), k right-hand sides (1 to 4), A = matrix(n) (n x n) and B (n x k) in [-10, 10]. */
export const linearSystem = (matrix: (n: number) => fc.Arbitrary<Float64Array>) =>
  fc.record({ n: fc.integer({ min: 1, max: 15 }), k: fc.integer({ min: 1, max: 4 }) }).chain(({ n, k }) =>
    fc.record({ n: fc.constant(n), k: fc.constant(k), A: matrix(n), B: array(n * k, fc.double({ min: -10, max: 10, noNaN: true })) }));
