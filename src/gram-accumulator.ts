// Sufficient statistics of least squares, accumulated over chunks of rows (data larger than memory, a stream)
// or handed in from elsewhere (an SQL engine, Spark), then fitted without the rows.

import { getBackend } from "./backends/registry.js";
import type { Backend, BackendName, F64Block } from "./backend.js";
import { copyMatrixIn, copyVectorIn } from "./copy-in.js";
import { checkSameLength, toVector, type MatrixInput, type VectorInput } from "./input.js";
import { checkBlockSize, MAX_BLOCK_VALUES } from "./block-limit.js";
import { checkChoice, checkPositiveInteger, describeValue, isPlainObject } from "./options/checks.js";
import { BACKENDS } from "./options/schema.js";

/**
 * The statistics as a plain object: row count, means, and the centered sums of products
 * xx = sum_i (x_i - xMean)(x_i - xMean)^T (row-major d x d), xy = sum_i (x_i - xMean)(y_i - yMean),
 * yy = sum_i (y_i - yMean)^2.
 */
export interface GramStatistics {
  nFeatures: number;
  n: number;
  xMean: number[];
  yMean: number;
  xx: number[];
  xy: number[];
  yy: number;
}

/** Raw sums as an SQL engine gives them: n, sum x, sum y, X^T X, X^T y, y^T y. */
export interface RawSums {
  n: number;
  xSum: ArrayLike<number>;
  ySum: number;
  /** X^T X, row-major d x d. */
  xx: ArrayLike<number>;
  xy: ArrayLike<number>;
  yy: number;
}

/** One chunk's statistics (see GramStatistics) as typed arrays. */
type Chunk = { n: number; xMean: Float64Array; yMean: number; xx: Float64Array; xy: Float64Array; yy: number };

/**
 * The statistics of rows already resident in a backend: X (rows x d, row-major) and y (rows), read in place (no
 * copy, so views of the backend's memory stay valid however it grows).
 */
export function residentStatistics(backend: Backend, X: F64Block, rows: number, d: number, y: F64Block): Chunk {
  return backend.scope((s) => {
    const [xMean, yMean, G, q] = [s.alloc(d), s.alloc(1), s.alloc(d * d), s.alloc(d)];
    backend.columnMeans(X, rows, d, xMean);
    backend.columnMeans(y, rows, 1, yMean);
    backend.centeredGram(X, rows, d, xMean, y, 1, yMean, G, q);
    const ym = yMean.values[0];
    let yy = 0;
    for (const v of y.values.subarray(0, rows)) yy += (v - ym) ** 2;
    return { n: rows, xMean: xMean.values.slice(), yMean: ym, xx: G.values.slice(), xy: q.values.slice(), yy };
  });
}

/** The most features: X^T X, d x d, must fit in one block. */
const MAX_FEATURES = Math.floor(Math.sqrt(MAX_BLOCK_VALUES));

/** Throws unless d is a feature count whose d x d statistics fit in one block. */
function checkFeatureCount(nFeatures: unknown): number {
  const d = checkPositiveInteger(nFeatures, "nFeatures");
  checkBlockSize(d * d, `nFeatures is ${d}: X^T X would hold ${d} x ${d} = ${d * d} values`, `at most ${MAX_FEATURES} features fit`);
  return d;
}

/**
 * Statistics handed in (fromJSON, a model's fitGram), checked: a plain object with nFeatures d, n >= 0, and
 * finite xMean (d values), xx (d x d), xy (d), yMean and yy.
 */
function readStatistics(stats: unknown): { nFeatures: number; n: number; xMean: Float64Array; yMean: number; xx: Float64Array; xy: Float64Array; yy: number } {
  if (!isPlainObject(stats)) {
    throw new TypeError(`stats must be a GramAccumulator or its toJSON() output ({ nFeatures, n, xMean, yMean, xx, xy, yy }), got ${describeValue(stats)}.`);
  }
  const d = checkFeatureCount(stats.nFeatures);
  const xMean = toVector(stats.xMean, "stats.xMean");
  const xx = toVector(stats.xx, "stats.xx");
  const xy = toVector(stats.xy, "stats.xy");
  checkSameLength(d, "stats.nFeatures", xMean.length, "stats.xMean");
  checkSameLength(d * d, `stats.nFeatures^2 = ${d}^2`, xx.length, "stats.xx (X^T X, d x d)");
  checkSameLength(d, "stats.nFeatures", xy.length, "stats.xy");
  const [n, yMean, yy] = toVector([stats.n, stats.yMean, stats.yy], "[stats.n, stats.yMean, stats.yy]");
  if (n < 0) throw new RangeError(`stats.n must be >= 0, got ${n}.`);
  checkCrossProducts(xx, d, yy);
  return { nFeatures: d, n, xMean, yMean, xx, xy, yy };
}

/**
 * Throws unless xx and yy can be centered sums of squares: the diagonal and yy >= 0, xx symmetric (to 1e-9 of
 * sqrt(xx_jj xx_ll), the size of the sums that formed the entry).
 */
function checkCrossProducts(xx: Float64Array, d: number, yy: number): void {
  const remedy = "pass what GramAccumulator.toJSON() or fromSums gives.";
  const negative = "a centered sum of squares is never below 0";
  if (yy < 0) throw new RangeError(`stats.yy is ${yy}: ${negative}; ${remedy}`);
  for (let j = 0; j < d; j++) {
    if (xx[j * d + j] < 0) throw new RangeError(`stats.xx[${j * d + j}] (diagonal ${j}) is ${xx[j * d + j]}: ${negative}; ${remedy}`);
  }
  for (let j = 0; j < d; j++) {
    for (let l = j + 1; l < d; l++) {
      const [a, b] = [xx[j * d + l], xx[l * d + j]];
      if (Math.abs(a - b) > 1e-9 * Math.sqrt(xx[j * d + j] * xx[l * d + l]) + Number.MIN_VALUE) {
        throw new RangeError(`stats.xx is not symmetric: entry (${j}, ${l}) is ${a} but (${l}, ${j}) is ${b}, and X^T X always is; ${remedy}`);
      }
    }
  }
}

/**
 * Accumulates n, the means and the centered cross-products of X and y chunk by chunk. Each chunk's centered
 * products come from one pass of the backend's Gram kernel about the chunk's own means; chunks combine by
 * the pairwise update of Chan, Golub & LeVeque (1979), so no sum of raw squares ever cancels.
 */
export class GramAccumulator {
  private n = 0;
  private readonly xMean: Float64Array;
  private yMean = 0;
  private readonly xx: Float64Array;
  private readonly xy: Float64Array;
  private yy = 0;

  constructor(
    /** Number of features d. */
    readonly nFeatures: number,
    private readonly backend: BackendName = "wasm",
  ) {
    checkFeatureCount(nFeatures);
    checkChoice(backend, "backend", BACKENDS);
    this.xMean = new Float64Array(nFeatures);
    this.xx = new Float64Array(nFeatures * nFeatures);
    this.xy = new Float64Array(nFeatures);
  }

  /** Rows seen so far. */
  get count(): number {
    return this.n;
  }

  /** Adds a chunk of rows. */
  update(X: MatrixInput, y: VectorInput): this {
    const backend = getBackend(this.backend);
    const chunk = backend.scope((s) => {
      const { block: Xb, rows, cols: d } = copyMatrixIn(backend, s, X, "X", (cols) =>
        checkSameLength(this.nFeatures, "nFeatures", cols, "the columns of X"));
      const yb = copyVectorIn(backend, s, y, "y");
      checkSameLength(rows, "the rows of X", yb.length, "y");
      return residentStatistics(backend, Xb, rows, d, yb);
    });
    return this.combine(chunk);
  }

  /** Adds the rows another accumulator has seen. */
  merge(other: GramAccumulator): this {
    if (!(other instanceof GramAccumulator)) {
      throw new TypeError(`merge takes a GramAccumulator, got ${describeValue(other)}: for statistics as JSON, merge(GramAccumulator.fromJSON(stats)).`);
    }
    checkSameLength(this.nFeatures, "nFeatures", other.nFeatures, "other.nFeatures");
    const { n, xMean, yMean, xx, xy, yy } = other;
    return this.combine({ n, xMean, yMean, xx, xy, yy });
  }

  /**
   * Removes the rows another accumulator has seen, which this one must hold too (the inverse of
   * {@link GramAccumulator.merge}: `a.merge(b).subtract(b)` gives `a` back). Cross-validation's training
   * statistics are the total minus a fold's.
   */
  subtract(other: GramAccumulator): this {
    if (!(other instanceof GramAccumulator)) {
      throw new TypeError(`subtract takes a GramAccumulator, got ${describeValue(other)}: for statistics as JSON, subtract(GramAccumulator.fromJSON(stats)).`);
    }
    checkSameLength(this.nFeatures, "nFeatures", other.nFeatures, "other.nFeatures");
    if (other.n > this.n) {
      throw new RangeError(`subtract: the other accumulator has seen ${other.n} rows but this one only ${this.n}; subtract only rows this accumulator holds (a fold from its total).`);
    }
    if (other.n === 0) return this;
    const d = this.nFeatures;
    const rest = this.n - other.n;
    if (rest === 0) {
      [this.n, this.yMean, this.yy] = [0, 0, 0];
      for (const a of [this.xMean, this.xx, this.xy]) a.fill(0);
      return this;
    }
    // The merge of a (rest rows) and b gives C = C_a + C_b + (n_a n_b / n) (m_b - m_a)(m_b - m_a)^T with
    // m_a = m + n_b (m - m_b) / n_a; solved for C_a.
    const f = (rest * other.n) / this.n;
    const aMean = Float64Array.from(this.xMean, (m, j) => m + (other.n * (m - other.xMean[j])) / rest);
    const aYMean = this.yMean + (other.n * (this.yMean - other.yMean)) / rest;
    const dx = Float64Array.from(other.xMean, (m, j) => m - aMean[j]);
    const dy = other.yMean - aYMean;
    for (let j = 0; j < d; j++) {
      for (let l = 0; l < d; l++) this.xx[j * d + l] -= other.xx[j * d + l] + f * dx[j] * dx[l];
      this.xy[j] -= other.xy[j] + f * dx[j] * dy;
    }
    for (let j = 0; j < d; j++) this.xx[j * d + j] = Math.max(this.xx[j * d + j], 0);
    this.yy = Math.max(this.yy - other.yy - f * dy * dy, 0);
    this.xMean.set(aMean);
    [this.yMean, this.n] = [aYMean, rest];
    return this;
  }

  /** The rows of every part (merged in order) as one new accumulator; the parts are left as they are. */
  static mergeAll(parts: readonly GramAccumulator[], nFeatures = parts[0].nFeatures, backend: BackendName = parts[0]?.backend ?? "wasm"): GramAccumulator {
    const total = new GramAccumulator(nFeatures, backend);
    for (const part of parts) total.merge(part);
    return total;
  }

  /** An independent copy of these statistics. */
  clone(): GramAccumulator {
    return new GramAccumulator(this.nFeatures, this.backend).merge(this);
  }

  private combine(b: Chunk): this {
    const na = this.n;
    const n = na + b.n;
    if (b.n === 0) return this;
    if (na === 0) {
      this.xMean.set(b.xMean);
      this.xx.set(b.xx);
      this.xy.set(b.xy);
      [this.n, this.yMean, this.yy] = [b.n, b.yMean, b.yy];
      return this;
    }
    const d = this.nFeatures;
    const f = (na * b.n) / n;
    const dx = Float64Array.from(b.xMean, (m, j) => m - this.xMean[j]);
    const dy = b.yMean - this.yMean;
    for (let j = 0; j < d; j++) {
      for (let l = 0; l < d; l++) this.xx[j * d + l] += b.xx[j * d + l] + f * dx[j] * dx[l];
      this.xy[j] += b.xy[j] + f * dx[j] * dy;
      this.xMean[j] += (dx[j] * b.n) / n;
    }
    this.yy += b.yy + f * dy * dy;
    this.yMean += (dy * b.n) / n;
    this.n = n;
    return this;
  }

  /** The statistics as plain JSON. */
  toJSON(): GramStatistics {
    return {
      nFeatures: this.nFeatures, n: this.n, xMean: Array.from(this.xMean), yMean: this.yMean,
      xx: Array.from(this.xx), xy: Array.from(this.xy), yy: this.yy,
    };
  }

  /** An accumulator holding statistics exported by {@link GramAccumulator.toJSON} (or computed elsewhere). */
  static fromJSON(stats: GramStatistics, backend: BackendName = "wasm"): GramAccumulator {
    const checked = readStatistics(stats);
    return new GramAccumulator(checked.nFeatures, backend).combine(checked);
  }

  /**
   * An accumulator from raw sums (n, sum x, sum y, X^T X, X^T y, y^T y), as an SQL engine computes them. The
   * centering subtracts n * mean * mean^T, which loses digits when the means are large against the spread:
   * prefer chunk statistics from {@link GramAccumulator.update} where possible.
   */
  static fromSums(sums: RawSums, backend: BackendName = "wasm"): GramAccumulator {
    const xSum = toVector(sums.xSum, "xSum");
    const d = xSum.length;
    const xx = toVector(sums.xx, "xx");
    const xy = toVector(sums.xy, "xy");
    checkSameLength(d * d, "xSum.length^2", xx.length, "xx");
    checkSameLength(d, "xSum.length", xy.length, "xy");
    const [n, ySum, yy] = toVector([sums.n, sums.ySum, sums.yy], "n, ySum, yy");
    if (!(n > 0)) throw new RangeError(`n must be > 0, got ${n}.`);
    const xMean = xSum.map((v) => v / n);
    const yMean = ySum / n;
    // Centering raw sums cancels: a variance the rounding pushed below 0 is 0.
    const centered = Array.from(xx, (v, k) => v - n * xMean[Math.floor(k / d)] * xMean[k % d]);
    for (let j = 0; j < d; j++) centered[j * d + j] = Math.max(centered[j * d + j], 0);
    return GramAccumulator.fromJSON(
      {
        nFeatures: d, n, xMean: Array.from(xMean), yMean, xx: centered,
        xy: Array.from(xy, (v, j) => v - n * xMean[j] * yMean),
        yy: Math.max(yy - n * yMean * yMean, 0),
      },
      backend,
    );
  }
}
