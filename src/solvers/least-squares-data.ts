// The data of a least-squares fit, made resident in a backend once and shaped for every exact solver:
// centered by the (weighted) column means when there is an intercept, rows scaled by sqrt(sample weight),
// columns scaled to unit (weighted, population) variance under `standardize`. Every product a solver needs is
// derived from those: the Gram form (X^T X, X^T y, ||y||^2) for covariance-mode CD and the primal closed form,
// the row-major copy for FISTA and the dual closed form, the column-major copy for residual-mode CD.

import type { Backend, F64Block } from "../backend.js";
import { checkSameLength, toVector, type Matrix } from "../input.js";

export interface PrepareOptions {
  fitIntercept: boolean;
  /** Scale columns to unit variance for the fit (glmnet's standardize); coefficients come back unscaled. */
  standardize: boolean;
  /** Non-negative weights, one per row (scikit-learn's sample_weight); rescaled to sum to n. */
  sampleWeight?: ArrayLike<number>;
}

/** Checks sample weights and rescales them to sum to n. */
export function normalizeWeights(weights: ArrayLike<number>, n: number): Float64Array {
  const s = toVector(weights, "sampleWeight");
  checkSameLength(n, "the rows of X", s.length, "sampleWeight");
  let total = 0;
  s.forEach((v, i) => {
    if (v < 0) throw new RangeError(`sampleWeight[${i}] is ${v}: weights must be >= 0.`);
    total += v;
  });
  if (!(total > 0)) throw new RangeError("sampleWeight sums to 0: give at least one row a positive weight.");
  return s.map((v) => (v * n) / total);
}

/** What the exact solvers need of a problem: its Gram form, and its rows when the data are at hand. */
export interface PreparedData {
  readonly n: number;
  readonly d: number;
  readonly k: number;
  /** sum_i s_i (y_i - mean)^2 per output. */
  readonly yy: Float64Array;
  /** False for a problem given only as X^T X, X^T y (GramData). */
  readonly hasRows: boolean;
  gram(): { G: F64Block; q: F64Block };
  rows(): F64Block;
  columns(): F64Block;
  centeredTargets(): F64Block;
  original(scaled: Float64Array): { coef: Float64Array; intercepts: Float64Array };
  scaled(coef: Float64Array): Float64Array;
  free(): void;
}

export class LeastSquaresData implements PreparedData {
  readonly hasRows = true;
  readonly n: number;
  readonly d: number;
  /** Outputs: columns of Y. */
  readonly k: number;
  /** Column means of X (zeros without intercept). */
  readonly xMean: Float64Array;
  /** Column scales (ones without standardize). */
  readonly xScale: Float64Array;
  /** Means of the outputs (zeros without intercept). */
  readonly yMean: Float64Array;
  /** sum_i s_i (y_i - mean)^2 per output. */
  readonly yy: Float64Array;
  private readonly owned: F64Block[] = [];
  /** Row-major n x d: raw X (unweighted) or the weighted, centered rows. */
  private readonly source: F64Block;
  /** n x k: raw Y (unweighted) or the weighted, centered targets. */
  private readonly targets: F64Block;
  private readonly sourceIsCentered: boolean;
  private gramCache?: { G: F64Block; q: F64Block };
  private rowsCache?: F64Block;
  private columnsCache?: F64Block;
  private targetsCache?: F64Block;

  constructor(
    private readonly backend: Backend,
    X: Matrix,
    Y: Float64Array,
    k: number,
    options: PrepareOptions,
  ) {
    const { rows: n, cols: d } = X;
    this.n = n;
    this.d = d;
    this.k = k;
    const weights = options.sampleWeight === undefined ? undefined : normalizeWeights(options.sampleWeight, n);
    this.xMean = new Float64Array(d);
    this.yMean = new Float64Array(k);
    try {
      if (weights) {
        if (options.fitIntercept) this.weightedMeans(X.data, Y, weights);
        this.source = this.own(backend.fromArray(weightedCentered(X.data, n, d, this.xMean, weights)));
        this.targets = this.own(backend.fromArray(weightedCentered(Y, n, k, this.yMean, weights)));
      } else {
        this.source = this.own(backend.fromArray(X.data));
        this.targets = this.own(backend.fromArray(Y));
        if (options.fitIntercept) {
          const [xMean, yMean] = [this.own(backend.alloc(d)), this.own(backend.alloc(k))];
          backend.columnMeans(this.source, n, d, xMean);
          backend.columnMeans(this.targets, n, k, yMean);
          this.xMean.set(xMean.values);
          this.yMean.set(yMean.values);
        }
      }
    } catch (error) {
      this.free();
      throw error;
    }
    this.sourceIsCentered = weights !== undefined;
    this.xScale = options.standardize ? columnScales(X.data, n, d, weights) : new Float64Array(d).fill(1);
    this.yy = new Float64Array(k);
    for (let i = 0; i < n; i++) {
      const s = weights ? weights[i] : 1;
      for (let o = 0; o < k; o++) this.yy[o] += s * (Y[i * k + o] - this.yMean[o]) ** 2;
    }
  }

  private own(block: F64Block): F64Block {
    this.owned.push(block);
    return block;
  }

  private weightedMeans(data: Float64Array, Y: Float64Array, weights: Float64Array): void {
    const { n, d, k } = this;
    for (let i = 0; i < n; i++) {
      const s = weights[i] / n;
      for (let j = 0; j < d; j++) this.xMean[j] += s * data[i * d + j];
      for (let o = 0; o < k; o++) this.yMean[o] += s * Y[i * k + o];
    }
  }

  /** G = Xs^T Xs (d x d) and q = Xs^T ys (d x k) of the centered, weighted, scaled data. */
  gram(): { G: F64Block; q: F64Block } {
    if (this.gramCache) return this.gramCache;
    const { backend, n, d, k } = this;
    const G = this.own(backend.alloc(d * d));
    const q = this.own(backend.alloc(d * k));
    const zeros = this.sourceIsCentered;
    const xMean = this.own(backend.fromArray(zeros ? new Float64Array(d) : this.xMean));
    const yMean = this.own(backend.fromArray(zeros ? new Float64Array(k) : this.yMean));
    backend.centeredGram(this.source, n, d, xMean, this.targets, k, yMean, G, q);
    const scale = this.xScale;
    if (scale.some((s) => s !== 1)) {
      const g = G.values;
      const v = q.values;
      for (let j = 0; j < d; j++) {
        for (let l = 0; l < d; l++) g[j * d + l] /= scale[j] * scale[l];
        for (let o = 0; o < k; o++) v[j * k + o] /= scale[j];
      }
    }
    this.gramCache = { G, q };
    return this.gramCache;
  }

  /** The centered, weighted, scaled X, row-major n x d. */
  rows(): F64Block {
    if (this.rowsCache) return this.rowsCache;
    const { backend, n, d } = this;
    let block = this.source;
    if (!this.sourceIsCentered) {
      block = this.own(backend.alloc(n * d));
      const mean = this.own(backend.fromArray(this.xMean));
      backend.centerRows(this.source, n, d, mean, block);
    }
    if (this.xScale.some((s) => s !== 1)) {
      const values = block.values;
      for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) values[i * d + j] /= this.xScale[j];
    }
    this.rowsCache = block;
    return block;
  }

  /** The centered, weighted, scaled X, column-major (d x n: column j contiguous). */
  columns(): F64Block {
    if (this.columnsCache) return this.columnsCache;
    const rows = this.rows();
    this.columnsCache = this.own(this.backend.alloc(this.n * this.d));
    this.backend.transpose(rows, this.n, this.d, this.columnsCache);
    return this.columnsCache;
  }

  /** The centered, weighted targets, n x k. */
  centeredTargets(): F64Block {
    if (this.sourceIsCentered) return this.targets;
    if (this.targetsCache) return this.targetsCache;
    const block = this.own(this.backend.alloc(this.n * this.k));
    const mean = this.own(this.backend.fromArray(this.yMean));
    this.backend.centerRows(this.targets, this.n, this.k, mean, block);
    this.targetsCache = block;
    return block;
  }

  /** Coefficients on the original scale (d x k) and the intercepts that go with them. */
  original(scaled: Float64Array): { coef: Float64Array; intercepts: Float64Array } {
    const { d, k, xScale, xMean, yMean } = this;
    const coef = scaled.map((w, index) => w / xScale[Math.floor(index / k)]);
    const intercepts = Float64Array.from(yMean, (mean, o) => {
      let fitted = 0;
      for (let j = 0; j < d; j++) fitted += xMean[j] * coef[j * k + o];
      return mean - fitted;
    });
    return { coef, intercepts };
  }

  /** Coefficients on the fit's scale from original ones (for warm starts). */
  scaled(coef: Float64Array): Float64Array {
    return coef.map((w, index) => w * this.xScale[Math.floor(index / this.k)]);
  }

  /** Frees every block this object allocated. */
  free(): void {
    for (const block of this.owned.splice(0)) this.backend.free(block);
  }
}

/** sqrt(s_i) (row_i - mean), row-major. */
function weightedCentered(data: Float64Array, n: number, width: number, mean: Float64Array, s: Float64Array): Float64Array {
  const out = new Float64Array(n * width);
  for (let i = 0; i < n; i++) {
    const root = Math.sqrt(s[i]);
    for (let j = 0; j < width; j++) out[i * width + j] = root * (data[i * width + j] - mean[j]);
  }
  return out;
}

/**
 * Column scales for standardize: the weighted population standard deviation of each column about its weighted
 * mean, with or without an intercept (glmnet's `standard`); 1 for a constant column (its weight stays 0).
 */
export function columnScales(data: Float64Array, n: number, d: number, s: Float64Array | undefined): Float64Array {
  const mean = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) mean[j] += ((s ? s[i] : 1) / n) * data[i * d + j];
  const variance = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    const weight = (s ? s[i] : 1) / n;
    for (let j = 0; j < d; j++) variance[j] += weight * (data[i * d + j] - mean[j]) ** 2;
  }
  return variance.map((v) => (v > 0 ? Math.sqrt(v) : 1));
}
