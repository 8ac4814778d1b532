// A least-squares problem given only by its sufficient statistics (GramAccumulator), shaped as PreparedData
// for covariance-mode coordinate descent and the primal closed form.

import type { Backend, F64Block, Scope } from "../backend.js";
import type { GramStatistics } from "../gram-accumulator.js";
import type { ColumnState, PreparedData } from "../solvers/prepared-data.js";

export class GramData implements PreparedData {
  readonly hasRows = false;
  readonly weighted = false;
  readonly standardized: boolean;
  readonly n: number;
  readonly d: number;
  readonly k = 1;
  readonly yy: Float64Array;
  private readonly xMean: Float64Array;
  private readonly xScale: Float64Array;
  private readonly yMean: number;
  private readonly blocks: { G: F64Block; q: F64Block };
  private readonly scope: Scope;

  constructor(backend: Backend, stats: GramStatistics, options: { fitIntercept: boolean; standardize: boolean }) {
    const { n, nFeatures: d } = stats;
    if (!(n > 0)) throw new RangeError("The statistics hold no rows: update the accumulator with data first.");
    this.n = n;
    this.d = d;
    this.standardized = options.standardize;
    const m = options.fitIntercept ? new Float64Array(d) : Float64Array.from(stats.xMean);
    const ym = options.fitIntercept ? 0 : stats.yMean;
    // Without an intercept the uncentered products are needed: X^T X = C + n m m^T, X^T y = c + n m ybar.
    const G = Float64Array.from(stats.xx, (v, index) => v + n * m[Math.floor(index / d)] * m[index % d]);
    const q = Float64Array.from(stats.xy, (v, j) => v + n * m[j] * ym);
    this.yy = Float64Array.of(stats.yy + n * ym * ym);
    // standardize: the population standard deviation about the mean, with or without an intercept (glmnet).
    this.xScale = Float64Array.from({ length: d }, (_, j) => {
      const spread = Math.sqrt(stats.xx[j * d + j] / n);
      return options.standardize && spread > 0 ? spread : 1;
    });
    for (let j = 0; j < d; j++) {
      for (let l = 0; l < d; l++) G[j * d + l] /= this.xScale[j] * this.xScale[l];
      q[j] /= this.xScale[j];
    }
    this.xMean = options.fitIntercept ? Float64Array.from(stats.xMean) : new Float64Array(d);
    this.yMean = options.fitIntercept ? stats.yMean : 0;
    const { scope, value } = backend.keepScope((scope) => ({ G: scope.fromArray(G), q: scope.fromArray(q) }));
    this.scope = scope;
    this.blocks = value;
  }

  gram(): { G: F64Block; q: F64Block } {
    return this.blocks;
  }

  private noRows(): never {
    throw new RangeError('A fit from statistics has X^T X but not the rows of X: use solver "cd" or "closed-form".');
  }

  rows(): F64Block {
    return this.noRows();
  }

  columns(): F64Block {
    return this.noRows();
  }

  columnState(): ColumnState {
    return this.noRows();
  }

  centeredTargets(): F64Block {
    return this.noRows();
  }

  uncentered(): { X: F64Block; Y: F64Block } {
    return this.noRows();
  }

  original(scaled: Float64Array, intercepts?: Float64Array): { coef: Float64Array; intercepts: Float64Array } {
    const coef = scaled.map((w, j) => w / this.xScale[j]);
    if (intercepts) return { coef, intercepts };
    let fitted = 0;
    coef.forEach((w, j) => (fitted += this.xMean[j] * w));
    return { coef, intercepts: Float64Array.of(this.yMean - fitted) };
  }

  scaled(coef: Float64Array): Float64Array {
    return coef.map((w, j) => w * this.xScale[j]);
  }

  /** Statistics cannot be rescaled after the fact: their sums have already overflowed or not. */
  rescaled(_penalty: { lambda: number; rho: number }): null {
    return null;
  }

  free(): void {
    this.scope.close();
  }
}
