/**
 * The contract every numeric backend implements. Estimators, paths and CV are written once against it;
 * `backends/js` (plain TypeScript) and `backends/wasm` (AssemblyScript + SIMD) implement it and the tests
 * hold the two to agreement.
 *
 * Data lives in blocks the backend owns (WASM linear memory or a plain `Float64Array`), so a fit copies its
 * data in once and every kernel call after that works in place. Matrices are row-major: element (i, j) of a
 * rows x cols matrix is at index i * cols + j.
 */

import type { KernelMethods } from "./kernel.js";
import type { KernelTable } from "./kernel-table.js";

// What Backend is built from, named for the API reference.
export type { KernelMethods, KernelTable };

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
  /**
   * The lambda of the previous fit of a path, whose solution the start w is (the sequential strong rule sizes the
   * first working set from it); NaN for none.
   */
  lambdaPrev: number;
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

/**
 * A penalized logistic problem resident in a backend (assembly/solvers/logistic.ts): X (rows x cols, row-major),
 * one label per row (the class index; 0 or 1 for the binomial model), row weights s, and C weight columns (1 for
 * the binomial model, K for the multinomial). Weights W are class-major (C vectors of cols), intercepts b (C).
 */
export interface LogisticProblem {
  X: F64Block;
  rows: number;
  cols: number;
  C: number;
  labels: F64Block;
  s: F64Block;
}

/** The penalty lambda (rho ||w||_1 + (1 - rho)/2 ||w||^2) of a logistic fit, and how it stops. */
export interface LogisticParams {
  lambda: number;
  rho: number;
  maxIter: number;
  /** FISTA: stop when the duality gap <= tol (1/n) sum_i s_i log max(C, 2); GD: when the objective moves by < tol. */
  tol: number;
  positive: boolean;
  fitIntercept: boolean;
}

/** The penalty and stopping rule of logisticCd's epochs (one Newton step's weighted least squares). */
export interface LogisticCdParams {
  lambda: number;
  rho: number;
  positive: boolean;
  fitIntercept: boolean;
  maxEpochs: number;
  /** Stop once an epoch's largest v_j dw_j^2 is <= tol. */
  tol: number;
}

/** How a logistic FISTA or GD run ended. */
export interface LogisticLoopResult {
  nIter: number;
  /** The duality gap at the returned weights (NaN without a penalty, or when GD diverged). */
  gap: number;
  outcome: GdOutcome;
  /** The objective at the returned weights. */
  objective: number;
}

/** The duality gap and the objective of a logistic problem at given weights. */
export interface LogisticGapResult {
  gap: number;
  objective: number;
}

/** A least-squares problem in covariance form: G = X^T X (d x d), q = X^T y (d), yy = ||y||^2, over n rows. */
export interface GramProblem {
  G: F64Block;
  q: F64Block;
  yy: number;
  n: number;
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

/** Blocks allocated through a scope are freed together when it closes (see {@link BackendMemory.scope}). */
export interface Scope {
  /** A new zero-filled block of `length` float64 values. */
  alloc(length: number): F64Block;
  /**
   * A new block holding a copy of `values` (plain arrays; to copy a block, use {@link Scope.copyOf}: a view of the
   * WASM heap taken before an allocation is detached by it when memory grows).
   */
  fromArray(values: ArrayLike<number>): F64Block;
  /** A new block holding a copy of another block of the same backend (read after the allocation). */
  copyOf(block: F64Block): F64Block;
  /** A new block whose values are left as the memory held them: for a caller that writes every one first. */
  uninitialized(length: number): F64Block;
  /** A new block holding 32-bit integers packed two per float64 slot (CSR indices, row orders, group ids). */
  fromInt32(values: ArrayLike<number>): F64Block;
  /** Hands a resource that holds blocks (a Design, prepared data) to the scope: it is freed when the scope closes. */
  own<R extends { free(): void }>(resource: R): R;
  /** Frees every block and resource of the scope, newest first. */
  close(): void;
}

/** How a backend's blocks are made and returned. */
export interface BackendMemory {
  readonly name: BackendName;
  /** A new zero-filled block of `length` float64 values. */
  alloc(length: number): F64Block;
  /** A new block holding a copy of `values`. */
  fromArray(values: ArrayLike<number>): F64Block;
  /** Returns a block's memory to the backend; the block must not be used afterwards. */
  free(block: F64Block): void;
  /** Runs `body` with a scope whose blocks are all freed when it returns or throws. */
  scope<T>(body: (scope: Scope) => T): T;
  /** A scope that lives until its `close()` (data kept resident across fits). */
  openScope(): Scope;
  /**
   * Runs `build` with a new scope and hands the scope back open with what it built (for a resource whose blocks
   * outlive the call); if `build` throws, the scope is closed first.
   */
  keepScope<T>(build: (scope: Scope) => T): { scope: Scope; value: T };
}

/**
 * A backend: its memory, and one method per entry of the kernel table (`backends/kernel-table.ts`), each with
 * its block lengths checked against its dimensions before it runs.
 */
export type Backend = BackendMemory & KernelMethods<KernelTable>;
