/**
 * The contract every numeric backend implements. Estimators, paths and CV are written once against it;
 * `backends/js` (plain TypeScript) and `backends/wasm` (AssemblyScript + SIMD) implement it and the tests
 * hold the two to agreement.
 *
 * Data lives in blocks the backend owns (WASM linear memory or a plain `Float64Array`), so a fit copies its
 * data in once and every kernel call after that works in place. Matrices are row-major: element (i, j) of a
 * rows x cols matrix is at index i * cols + j.
 */

/** Which implementation computes: the WebAssembly SIMD core or the plain TypeScript twin. */
export type BackendName = "wasm" | "js";

/** A block of float64 values owned by a backend. */
export interface F64Block {
  /** Number of float64 elements. */
  readonly length: number;
  /**
   * A view of the block's values. Read it again after any allocation on the same backend: growing WASM
   * memory detaches older views (this getter always returns a live one).
   */
  readonly values: Float64Array;
}

/** Parameters of the seed's gradient-descent loop (assembly/solvers/gd.ts and its JS twin). */
export interface GdParams {
  lambda: number;
  /** l1Ratio: 1 lasso, 0 ridge. */
  rho: number;
  learningRate: number;
  maxIter: number;
  tol: number;
  fitIntercept: boolean;
}

/** How a gradient-descent run ended. */
export type GdOutcome = "converged" | "maxIter" | "diverged";

export interface GdResult {
  intercept: number;
  /** Iterations run (losses computed). */
  nIter: number;
  outcome: GdOutcome;
  /** The last objective computed (non-finite when diverged). */
  loss: number;
}

/**
 * Parameters of coordinate descent (single- and multi-task): the penalty lambda (rho ||w||_1 + (1 - rho)/2 ||w||^2)
 * on the objective divided by n, as for FISTA, GD and SGD (multi-task: sum_j ||W_j||_2 in place of ||w||_1).
 */
export interface CdParams {
  lambda: number;
  /** l1Ratio: 1 lasso, 0 ridge. */
  rho: number;
  maxIter: number;
  /** Stop when the duality gap <= tol ||y||^2 (checked once the largest weight change is <= tol max |w|). */
  tol: number;
  positive: boolean;
  selection: "cyclic" | "random";
  /** Seed of the random coordinate order. */
  seed: number;
}

/** Parameters of FISTA on (1/2n)||X w - y||^2 + lambda (rho ||w||_1 + (1 - rho)/2 ||w||^2). */
export interface FistaParams {
  lambda: number;
  rho: number;
  /** Lipschitz constant of the smooth part's gradient: the step is 1/L. */
  L: number;
  maxIter: number;
  tol: number;
  positive: boolean;
  /**
   * Group lasso instead of the L1 norm: the group of each feature (32-bit integers packed two per float64 slot,
   * as csrMatVec's indices), the number of groups and one weight per group.
   */
  groups?: { ids: F64Block; count: number; weights: F64Block };
}

/** How an iterative exact solver ended. */
export interface IterativeResult {
  /** Epochs (CD) or iterations (FISTA) run. */
  nIter: number;
  /** Duality gap at the end, on the objective divided by n (NaN without any penalty). */
  dualGap: number;
  converged: boolean;
}

/** Hyper-parameters of an Adam step: l2 is mixed into the gradient, weightDecay is decoupled (AdamW). */
export interface AdamParams {
  lr: number;
  beta1: number;
  beta2: number;
  eps: number;
  l2: number;
  weightDecay: number;
}

/** Hyper-parameters of one epoch of mini-batch training (assembly/solvers/sgd.ts). */
export interface SgdParams {
  optimizer: "sgd" | "adam" | "adamw";
  lr: number;
  beta1: number;
  beta2: number;
  eps: number;
  lambda: number;
  /** l1Ratio of the penalty. */
  rho: number;
  /** false keeps the bias (theta[cols]) at its value. */
  fitIntercept: boolean;
}

export interface Backend {
  readonly name: BackendName;

  /** A new zero-filled block of `length` float64 values. */
  alloc(length: number): F64Block;
  /** A new block holding a copy of `values`. */
  fromArray(values: ArrayLike<number>): F64Block;
  /** Returns a block's memory to the backend; the block must not be used afterwards. */
  free(block: F64Block): void;

  /** x . y over x.length elements (y at least as long). */
  dot(x: F64Block, y: F64Block): number;
  /** y += alpha * x over x.length elements. */
  axpy(alpha: number, x: F64Block, y: F64Block): void;
  /** x *= alpha. */
  scal(alpha: number, x: F64Block): void;
  /** sum_i x_i^2. */
  sumSquares(x: F64Block): number;
  /** sum_i |x_i|. */
  sumAbs(x: F64Block): number;
  /** sum_i x_i. */
  sum(x: F64Block): number;
  /** out = column means of X (rows > 0). */
  columnMeans(X: F64Block, rows: number, cols: number, out: F64Block): void;
  /** out = X - 1 mean^T (out may be X). */
  centerRows(X: F64Block, rows: number, cols: number, mean: F64Block, out: F64Block): void;
  /**
   * G = Xc^T Xc (cols x cols) and XtY = Xc^T Yc (cols x k) for Xc = X - 1 xMean^T, Yc = Y - 1 yMean^T
   * (zero means give the plain products). Y is rows x k.
   */
  centeredGram(
    X: F64Block, rows: number, cols: number, xMean: F64Block, Y: F64Block, k: number, yMean: F64Block,
    G: F64Block, XtY: F64Block,
  ): void;
  /** out (cols x rows) = X^T. */
  transpose(X: F64Block, rows: number, cols: number, out: F64Block): void;
  /** K = X X^T (rows x rows). */
  rowGram(X: F64Block, rows: number, cols: number, K: F64Block): void;
  /**
   * In-place LU with partial pivoting of the n x n matrix A; pivots (n) receives the swapped row of each step.
   * Returns -1, or the step whose pivot magnitude is <= threshold (singular).
   */
  luDecompose(A: F64Block, n: number, pivots: F64Block, threshold: number): number;
  /** Solves A X = B in place (B is n x k) from luDecompose's factors and pivots. */
  luSolve(LU: F64Block, n: number, pivots: F64Block, B: F64Block, k: number): void;
  /**
   * The seed's gradient-descent loop, whole, in one call: writes the weights to w (cols) and, when history is
   * given, the objective of the first history.length iterations (the same for the other iterative solvers).
   */
  gdFit(
    X: F64Block, rows: number, cols: number, y: F64Block, params: GdParams, w: F64Block, history: F64Block | null,
  ): GdResult;
  /**
   * Coordinate descent in covariance mode on G = X^T X (d x d), q = X^T y and yy = ||y||^2 of centered data,
   * from the start w (written in place); history gets the objective / n per epoch.
   */
  cdGram(
    G: F64Block, q: F64Block, yy: number, d: number, n: number, params: CdParams, w: F64Block, history: F64Block | null,
  ): IterativeResult;
  /** Coordinate descent in residual mode on the columns of X (Xt, d x n); writes r = y - X w. */
  cdResidual(
    Xt: F64Block, n: number, d: number, y: F64Block, params: CdParams, w: F64Block, r: F64Block, history: F64Block | null,
  ): IterativeResult;
  /** One Adam/AdamW step in place on w, m and v (all w.length long); t is the 1-based step count. */
  adamStep(w: F64Block, grad: F64Block, m: F64Block, v: F64Block, params: AdamParams, t: number): void;
  /** One SGD step in place: w -= lr (grad + weightDecay w). */
  sgdStep(w: F64Block, grad: F64Block, lr: number, weightDecay: number): void;
  /**
   * Block coordinate descent for the multi-task elastic net on Xt (d x n, the columns of X) and Yt (k x n, the
   * outputs); W (d x k) is the start and the result. params.positive and params.selection do not apply.
   */
  cdMultiTask(
    Xt: F64Block, n: number, d: number, Yt: F64Block, k: number, params: CdParams, W: F64Block, history: F64Block | null,
  ): IterativeResult;
  /**
   * One epoch of mini-batch training over the rows listed in order (count i32 indices, packed two per slot),
   * batches of batchSize; theta = [w (cols), b], m and v (cols + 1) Adam's moments, state = [t]; all updated.
   * Returns half the mean squared residual seen before each step.
   */
  sgdEpoch(
    X: F64Block, cols: number, y: F64Block, order: F64Block, count: number, batchSize: number, theta: F64Block,
    params: SgdParams, m: F64Block, v: F64Block, state: F64Block,
  ): number;
  /** Largest eigenvalue of X^T X / rows by power iteration. */
  largestEigenvalue(X: F64Block, rows: number, cols: number, maxIter: number): number;
  /** FISTA with restart on centered row-major X and y, from the start w (written in place). */
  fista(
    X: F64Block, rows: number, cols: number, y: F64Block, params: FistaParams, w: F64Block, history: F64Block | null,
  ): IterativeResult;
  /** out = X w, X row-major rows x cols. */
  gemv(X: F64Block, rows: number, cols: number, w: F64Block, out: F64Block): void;
  /** out = X^T r, X row-major rows x cols. */
  gemvT(X: F64Block, rows: number, cols: number, r: F64Block, out: F64Block): void;
  /**
   * One pass over the rows of X: r = X w + b - y, grad = X^T r / rows; returns (1/2 rows) ||r||^2.
   */
  squaredLossGradient(
    X: F64Block, rows: number, cols: number, w: F64Block, b: number, y: F64Block, r: F64Block, grad: F64Block,
  ): number;

  /** lambda * (rho ||w||_1 + (1 - rho)/2 ||w||_2^2). */
  elasticNetPenalty(w: F64Block, lambda: number, rho: number): number;
  /** out = lambda * (rho sign(w) + (1 - rho) w), sign(0) = 0; out may be w. */
  elasticNetGradient(w: F64Block, lambda: number, rho: number, out: F64Block): void;
  /** out = lambda w / (|w| + eps); out may be w. */
  softL1Gradient(w: F64Block, lambda: number, eps: number, out: F64Block): void;
  /**
   * out = A x for a rows x cols CSR matrix; columnIndices (nnz) and rowPointers (rows + 1) hold 32-bit
   * integers packed two per float64 slot (see `src/sparse/csr.ts`).
   */
  csrMatVec(values: F64Block, columnIndices: F64Block, rowPointers: F64Block, rows: number, x: F64Block, out: F64Block): void;
  /** out[i k + o] = A_o . X_i: every row of X (n x d) against every row of a k x d CSR matrix (packed indices). */
  csrTimesRows(
    values: F64Block, columnIndices: F64Block, rowPointers: F64Block, k: number, X: F64Block, n: number, d: number, out: F64Block,
  ): void;
  /** out = sign(x) max(|x| - t, 0); out may be x. */
  softThreshold(x: F64Block, t: number, out: F64Block): void;
}
