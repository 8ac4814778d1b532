// The data of a least-squares fit, shaped for every solver from blocks already resident in the backend:
// centered by the (weighted) column means when there is an intercept, rows scaled by sqrt(sample weight),
// columns scaled to unit (weighted, population) variance under `standardize`. Every product a solver needs is
// derived from those on first use and kept: the Gram form (X^T X, X^T y) for covariance-mode CD and the primal
// closed form, the row-major copy for FISTA and the dual closed form, the column-major copy for residual-mode CD.

import type { Backend, F64Block, Scope } from "../backend.js";
import { checkSameLength, toVector } from "../input.js";
import type { ColumnState, PreparedData, RescaledProblem } from "../solvers/prepared-data.js";
import { penaltyExponents, powerOfTwoFactors, rangeExponent } from "../power-of-two.js";

/**
 * Data whose sum of |values| S lies in [2^-300, 2^300] (or is 0) are fitted as they are: every sum of products a
 * solver forms is at most S^2 <= 2^600, far from overflow, and the largest |value| is at least S / 2^29 (a block
 * holds at most 2^29 values), so its square (a Gram diagonal) is at least 2^-658, far from underflow.
 */
const SAFE_EXPONENT = 300;

function safeSum(sum: number): boolean {
  return sum === 0 || (sum >= 2 ** -SAFE_EXPONENT && sum <= 2 ** SAFE_EXPONENT);
}

export interface PrepareOptions {
  fitIntercept: boolean;
  /** Scale columns to unit variance for the fit (glmnet's standardize); coefficients come back unscaled. */
  standardize: boolean;
  /** Non-negative weights, one per row (scikit-learn's sample_weight); rescaled to sum to n. */
  sampleWeight?: ArrayLike<number>;
}

/**
 * Checks sample weights and rescales them to sum to n. They are divided by the largest first, so that weights
 * near the top of the doubles (1e308) or among the subnormals rescale exactly rather than to Infinity / Infinity.
 */
export function normalizeWeights(weights: ArrayLike<number>, n: number): Float64Array {
  const s = toVector(weights, "sampleWeight");
  checkSameLength(n, "the rows of X", s.length, "sampleWeight");
  let largest = 0;
  s.forEach((v, i) => {
    if (v < 0) throw new RangeError(`sampleWeight[${i}] is ${v}: weights must be >= 0.`);
    largest = Math.max(largest, v);
  });
  if (!(largest > 0)) throw new RangeError("sampleWeight sums to 0: give at least one row a positive weight.");
  const relative = s.map((v) => v / largest);
  const total = relative.reduce((sum, v) => sum + v, 0);
  return relative.map((v) => (v * n) / total);
}

/** The raw design: X (n x d) and Y (n x k) resident in a backend, owned by whoever made them. */
export interface RawDesign {
  X: F64Block;
  Y: F64Block;
  n: number;
  d: number;
  k: number;
}

export class LeastSquaresData implements PreparedData {
  readonly hasRows = true;
  readonly weighted: boolean;
  readonly standardized: boolean;
  readonly n: number;
  readonly d: number;
  readonly k: number;
  /** Column means of X (zeros without intercept). */
  readonly xMean: Float64Array;
  /** Column scales (ones without standardize). */
  readonly xScale: Float64Array;
  /** Means of the outputs (zeros without intercept). */
  readonly yMean: Float64Array;
  readonly yy: Float64Array;
  private readonly scope: Scope;
  /** Row-major n x d: raw X (unweighted) or the weighted, centered rows. */
  private readonly source: F64Block;
  /** n x k: raw Y (unweighted) or the weighted, centered targets. */
  private readonly targets: F64Block;
  private readonly sourceIsCentered: boolean;
  private readonly cache = new Map<string, F64Block>();
  private gramCache?: { G: F64Block; q: F64Block };
  private columnCache?: ColumnState;
  /** Whether the raw data's sums are safe (known after the first rescaled() call). */
  private inRange?: boolean;

  constructor(
    private readonly backend: Backend,
    private readonly raw: RawDesign,
    private readonly options: PrepareOptions,
  ) {
    const { n, d, k } = raw;
    this.n = n;
    this.d = d;
    this.k = k;
    const weights = options.sampleWeight === undefined ? undefined : normalizeWeights(options.sampleWeight, n);
    this.weighted = weights !== undefined;
    this.standardized = options.standardize;
    this.xMean = new Float64Array(d);
    this.yMean = new Float64Array(k);
    const { scope, value } = backend.keepScope((scope) => {
      if (weights) {
        if (options.fitIntercept) this.weightedMeans(weights);
        return {
          source: weightedCentered(scope, raw.X, n, d, this.xMean, weights),
          targets: weightedCentered(scope, raw.Y, n, k, this.yMean, weights),
        };
      }
      if (options.fitIntercept) {
        const [xMean, yMean] = [scope.alloc(d), scope.alloc(k)];
        backend.columnMeans(raw.X, n, d, xMean);
        backend.columnMeans(raw.Y, n, k, yMean);
        this.xMean.set(xMean.values);
        this.yMean.set(yMean.values);
      }
      return { source: raw.X, targets: raw.Y };
    });
    this.scope = scope;
    this.source = value.source;
    this.targets = value.targets;
    this.sourceIsCentered = weights !== undefined;
    this.xScale = options.standardize ? columnScales(raw.X.values, n, d, weights) : new Float64Array(d).fill(1);
    this.yy = new Float64Array(k);
    const Y = raw.Y.values;
    for (let i = 0; i < n; i++) {
      const s = weights ? weights[i] : 1;
      for (let o = 0; o < k; o++) this.yy[o] += s * (Y[i * k + o] - this.yMean[o]) ** 2;
    }
  }

  private weightedMeans(weights: Float64Array): void {
    const { n, d, k } = this;
    const X = this.raw.X.values;
    const Y = this.raw.Y.values;
    for (let i = 0; i < n; i++) {
      const s = weights[i] / n;
      for (let j = 0; j < d; j++) this.xMean[j] += s * X[i * d + j];
      for (let o = 0; o < k; o++) this.yMean[o] += s * Y[i * k + o];
    }
  }

  private get scaledColumns(): boolean {
    return this.xScale.some((s) => s !== 1);
  }

  /** A derived block, made on first use and kept until free(). */
  private derived(key: string, make: () => F64Block): F64Block {
    let block = this.cache.get(key);
    if (!block) {
      block = make();
      this.cache.set(key, block);
    }
    return block;
  }

  gram(): { G: F64Block; q: F64Block } {
    if (this.gramCache) return this.gramCache;
    const { backend, scope, n, d, k } = this;
    const G = scope.alloc(d * d);
    const q = scope.alloc(d * k);
    const zeros = this.sourceIsCentered;
    const xMean = scope.fromArray(zeros ? new Float64Array(d) : this.xMean);
    const yMean = scope.fromArray(zeros ? new Float64Array(k) : this.yMean);
    backend.centeredGram(this.source, n, d, xMean, this.targets, k, yMean, G, q);
    if (this.scaledColumns) {
      const scale = this.xScale;
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

  rows(): F64Block {
    return this.derived("rows", () => {
      const { backend, scope, n, d } = this;
      let block = this.source;
      if (!this.sourceIsCentered) {
        block = scope.uninitialized(n * d);
        backend.centerRows(this.source, n, d, scope.fromArray(this.xMean), block);
      } else if (this.scaledColumns) {
        block = scope.copyOf(this.source);
      }
      if (this.scaledColumns) divideColumns(block.values, n, d, this.xScale);
      return block;
    });
  }

  columns(): F64Block {
    return this.derived("columns", () => {
      const { backend, scope, n, d } = this;
      const block = scope.uninitialized(n * d);
      // Raw rows that need only centering go straight into the columns, without a centered row-major copy.
      if (!this.sourceIsCentered && !this.scaledColumns && !this.cache.has("rows")) {
        backend.transpose(this.source, n, d, scope.fromArray(this.xMean), block);
      } else {
        backend.transpose(this.rows(), n, d, null, block);
      }
      return block;
    });
  }

  columnState(): ColumnState {
    this.columnCache ??= { norms: this.scope.alloc(this.d), g: this.scope.alloc(this.d), normsKnown: false, gAt: null };
    return this.columnCache;
  }

  centeredTargets(): F64Block {
    if (this.sourceIsCentered) return this.targets;
    return this.derived("targets", () => {
      const block = this.scope.uninitialized(this.n * this.k);
      this.backend.centerRows(this.targets, this.n, this.k, this.scope.fromArray(this.yMean), block);
      return block;
    });
  }

  uncentered(): { X: F64Block; Y: F64Block } {
    if (this.weighted) throw new RangeError("Weighted rows are centered: this solver needs unweighted data.");
    const X = !this.scaledColumns ? this.raw.X : this.derived("uncentered", () => {
      const block = this.scope.copyOf(this.raw.X);
      divideColumns(block.values, this.n, this.d, this.xScale);
      return block;
    });
    return { X, Y: this.raw.Y };
  }

  original(scaled: Float64Array, intercepts?: Float64Array): { coef: Float64Array; intercepts: Float64Array } {
    const { d, k, xScale, xMean, yMean } = this;
    const coef = new Float64Array(scaled.length);
    for (let j = 0; j < d; j++) for (let o = 0; o < k; o++) coef[j * k + o] = scaled[j * k + o] / xScale[j];
    if (intercepts) return { coef, intercepts };
    const fromMeans = Float64Array.from(yMean, (mean, o) => {
      let fitted = 0;
      for (let j = 0; j < d; j++) fitted += xMean[j] * coef[j * k + o];
      return mean - fitted;
    });
    return { coef, intercepts: fromMeans };
  }

  scaled(coef: Float64Array): Float64Array {
    return coef.map((w, index) => w * this.xScale[Math.floor(index / this.k)]);
  }

  rescaled(penalty: { lambda: number; rho: number }): RescaledProblem | null {
    const { n, d, k, backend, options } = this;
    this.inRange ??= safeSum(backend.sumAbs(this.raw.X)) && safeSum(backend.sumAbs(this.raw.Y));
    if (this.inRange) return null;
    const [xExponent, yExponent] = penaltyExponents(
      rangeExponent(this.raw.X.values), rangeExponent(this.raw.Y.values), penalty.lambda, penalty.rho, options.standardize);
    const { scope, value: data } = backend.keepScope((scope) => {
      const [X, Y] = [scope.copyOf(this.raw.X), scope.copyOf(this.raw.Y)];
      for (const factor of powerOfTwoFactors(xExponent)) backend.scal(factor, X);
      for (const factor of powerOfTwoFactors(yExponent)) backend.scal(factor, Y);
      return new LeastSquaresData(backend, { X, Y, n, d, k }, options);
    });
    const free = () => {
      data.free();
      scope.close();
    };
    return { data, xExponent, yExponent, standardized: options.standardize, free };
  }

  free(): void {
    this.cache.clear();
    this.gramCache = undefined;
    this.columnCache = undefined;
    this.scope.close();
  }
}

function divideColumns(values: Float64Array, n: number, d: number, scale: Float64Array): void {
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) values[i * d + j] /= scale[j];
}

/** A new block of sqrt(s_i) (row_i - mean), row-major. */
function weightedCentered(scope: Scope, source: F64Block, n: number, width: number, mean: Float64Array, s: Float64Array): F64Block {
  const block = scope.uninitialized(n * width);
  const out = block.values;
  const data = source.values;
  for (let i = 0; i < n; i++) {
    const root = Math.sqrt(s[i]);
    for (let j = 0; j < width; j++) out[i * width + j] = root * (data[i * width + j] - mean[j]);
  }
  return block;
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
