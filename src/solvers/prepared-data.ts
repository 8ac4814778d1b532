// What every solver of the solver table needs of a least-squares problem.

import type { F64Block } from "../backend.js";

/** A problem rescaled by powers of two; free() releases its copies. */
export interface RescaledProblem {
  data: PreparedData;
  xExponent: number;
  yExponent: number;
  /** Whether the solver sees X standardized, so that X's factor cancels before the penalty. */
  standardized: boolean;
  free(): void;
}

/**
 * The squared norms of the columns() and g = X^T (y - X w) at the weights `gAt`, which residual-mode coordinate
 * descent computes and the next fit of a path needs: a fit whose start equals gAt skips both passes over X.
 */
export interface ColumnState {
  readonly norms: F64Block;
  readonly g: F64Block;
  normsKnown: boolean;
  gAt: Float64Array | null;
}

/**
 * A least-squares problem resident in a backend: centered by the (weighted) means when there is an intercept,
 * rows scaled by sqrt(sample weight), columns scaled under `standardize`. Given by its rows (LeastSquaresData)
 * or only by its Gram form (GramData).
 */
export interface PreparedData {
  readonly n: number;
  readonly d: number;
  /** Outputs (columns of Y). */
  readonly k: number;
  /** sum_i s_i (y_i - mean)^2 per output. */
  readonly yy: Float64Array;
  /** False for a problem given only as X^T X, X^T y (GramData). */
  readonly hasRows: boolean;
  /** Whether the columns are scaled to unit variance (standardize). */
  readonly standardized: boolean;
  /** Whether rows carry sample weights (the seed's gd and mini-batch training have none). */
  readonly weighted: boolean;
  /** G = Xs^T Xs (d x d) and q = Xs^T ys (d x k). */
  gram(): { G: F64Block; q: F64Block };
  /** The centered, weighted, scaled X, row-major n x d. */
  rows(): F64Block;
  /** The same, column-major (d x n). */
  columns(): F64Block;
  /** What residual-mode coordinate descent carries from one fit of a path to the next (kept until free()). */
  columnState(): ColumnState;
  /** The centered, weighted targets, n x k. */
  centeredTargets(): F64Block;
  /** X as given but scaled under standardize (not centered), and Y as given: for gd and sgd, which fit their own bias. */
  uncentered(): { X: F64Block; Y: F64Block };
  /** Coefficients on the original scale (d x k) and their intercepts: from the means, or the given (uncentered fit) ones. */
  original(scaled: Float64Array, intercepts?: Float64Array): { coef: Float64Array; intercepts: Float64Array };
  /** Coefficients on the fit's scale from original ones (warm starts). */
  scaled(coef: Float64Array): Float64Array;
  /**
   * The same problem on X times 2^xExponent and Y times 2^yExponent, chosen so that the largest |value| of each
   * lies near [1, 2): exact in binary, for data whose sums of squares overflow or underflow double precision.
   * Null when the data are in range, or when only statistics are at hand. `penalty` (its largest lambda) bounds
   * how far the data are scaled up.
   */
  rescaled(penalty: { lambda: number; rho: number }): RescaledProblem | null;
  /** Frees what the problem allocated (not the design it was prepared from). */
  free(): void;
}
