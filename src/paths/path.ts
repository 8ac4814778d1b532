// Regularization paths: the elastic net fitted on a decreasing grid of lambdas, each fit starting from the
// previous solution (warm starts), the data copied into the backend and prepared once for the whole path.

import type { Backend, BackendName } from "../backend.js";
import type { Design } from "../design/design.js";
import { GramData } from "../design/gram-data.js";
import { GramAccumulator, type GramStatistics } from "../gram-accumulator.js";
import { getBackend } from "../backends/registry.js";
import { isPlainObject } from "../options/checks.js";
import type { PreparedData } from "../solvers/prepared-data.js";
import type { MatrixInput, VectorInput } from "../input.js";
import { resolveOptions, type Resolved } from "../options/schema.js";
import { fitPrepared, fitPreparedPaths, withDesign, type FitPlan } from "../pipeline/fit.js";
import type { FittedState } from "../pipeline/fitted-state.js";
import { usesGram } from "../solvers/coordinate-descent.js";
import type { SolverParams } from "../solvers/solver.js";
import { timesPowerOfTwo } from "../power-of-two.js";

/** Options of {@link enetPath} and {@link lassoPath}. */
export interface PathOptions {
  /** Mix of the penalties in (0, 1] (enetPath; default 0.5; lassoPath uses 1). */
  l1Ratio?: number;
  /** Number of lambdas on the grid (default 100). */
  nLambdas?: number;
  /** The grid runs from lambdaMax down to eps * lambdaMax (default 1e-3). */
  eps?: number;
  /** Your own lambdas instead of the grid (fitted in decreasing order). */
  lambdas?: ArrayLike<number>;
  fitIntercept?: boolean;
  standardize?: boolean;
  sampleWeight?: ArrayLike<number>;
  maxIter?: number;
  /** Duality-gap tolerance of each fit (default 1e-4). */
  tol?: number;
  positive?: boolean;
  precompute?: "auto" | boolean;
  selection?: "cyclic" | "random";
  seed?: number;
  backend?: BackendName;
  /** Called after each lambda with the count done and the total (for a progress bar). */
  onProgress?: (done: number, total: number) => void;
}

/** What both path functions resolve (enetPath adds l1Ratio). */
type PathSettings = { [K in keyof Resolved<"lassoPath">]: Resolved<"lassoPath">[K] };

/** A fitted path: row i of coefs goes with lambdas[i]. */
export interface PathResult {
  /** Decreasing. */
  lambdas: Float64Array;
  /** One coefficient vector (d) per lambda, on the original scale. */
  coefs: Float64Array[];
  intercepts: Float64Array;
  /** Duality gap of each fit, on the objective divided by n. */
  dualGaps: Float64Array;
  /** CD epochs of each fit. */
  nIters: Int32Array;
}

/**
 * lambda_max = max_j |x_j^T y| / (n rho) on the prepared (centered, weighted, scaled) data: the smallest lambda
 * at which every weight is 0.
 */
export function lambdaMax(data: PreparedData, rho: number, precompute: "auto" | boolean, backend: Backend): number {
  // Data whose sums overflow or underflow are read rescaled by powers of two: lambda_max scales as a b (X times
  // a, y times b; a = 1 under standardize, where the scaled columns do not change).
  const problem = data.rescaled({ lambda: 0, rho });
  if (!problem) return largestCorrelation(data, precompute, backend) / (data.n * rho);
  try {
    const ae = problem.standardized ? 0 : problem.xExponent;
    const top = timesPowerOfTwo(largestCorrelation(problem.data, precompute, backend) / (data.n * rho), -(ae + problem.yExponent));
    if (top === Infinity) {
      throw new RangeError("lambdaMax of these data exceeds the largest double (1.8e308): rescale X or y toward 1, or pass lambdas.");
    }
    return top;
  } finally {
    problem.free();
  }
}

/** max_j |x_j^T y| on the prepared data. */
function largestCorrelation(data: PreparedData, precompute: "auto" | boolean, backend: Backend): number {
  const q = usesGram(data, precompute, false)
    ? data.gram().q.values
    : backend.scope((scope) => {
      const out = scope.alloc(data.d);
      backend.gemvT(data.rows(), data.n, data.d, data.centeredTargets(), out);
      return out.values.slice();
    });
  let largest = 0;
  for (const v of q) largest = Math.max(largest, Math.abs(v));
  return largest;
}

/** scikit-learn's grid: nLambdas values geometrically spaced from lambdaMax down to eps * lambdaMax. */
export function lambdaGrid(top: number, nLambdas: number, eps: number): Float64Array {
  if (nLambdas === 1) return Float64Array.of(top);
  const start = Math.log10(top * eps);
  const stop = Math.log10(top);
  const step = (stop - start) / (nLambdas - 1);
  // As numpy.geomspace: 10^(start + i step) with both ends pinned, so the first lambda is lambdaMax exactly
  // (and gives w = 0); then in decreasing order.
  const grid = Float64Array.from({ length: nLambdas }, (_, i) => 10 ** (start + i * step));
  grid[0] = top * eps;
  grid[nLambdas - 1] = top;
  return grid.reverse();
}

/** What a path is fitted to: rows X (with y), a prepared {@link Design}, or sufficient statistics. */
export type PathInput = MatrixInput | Design | GramAccumulator | GramStatistics;

/**
 * The elastic-net path of (X, y), of a prepared {@link Design} (then without y), or of sufficient statistics (a
 * {@link GramAccumulator} or its JSON, then without y: covariance-mode coordinate descent, no sampleWeight), as
 * scikit-learn's enet_path with an intercept handled by centering: coordinate descent at each lambda,
 * warm-started from the previous one.
 */
export function enetPath(X: PathInput, y?: VectorInput, options: PathOptions = {}): PathResult {
  const o = resolveOptions("enetPath", options);
  return path(X, y, o, o.l1Ratio, "enetPath");
}

/** The lasso path: {@link enetPath} with l1Ratio 1. */
export function lassoPath(X: PathInput, y?: VectorInput, options: Omit<PathOptions, "l1Ratio"> = {}): PathResult {
  return path(X, y, resolveOptions("lassoPath", options), 1, "lassoPath");
}

/** The plan of every fit of a path: coordinate descent, cold at the first lambda, no history. */
function pathPlan(o: PathSettings, rho: number, owner: string): FitPlan<"cd"> {
  const { maxIter, tol, positive, precompute, selection, seed, fitIntercept } = o;
  const params: SolverParams = {
    owner, lambda: 0, rho, maxIter, tol, positive, precompute, selection, seed, learningRate: 0, fitIntercept,
  };
  const prepare = { fitIntercept, standardize: o.standardize, sampleWeight: o.sampleWeight };
  return { solver: "cd", params, prepare, start: null, recordHistory: false };
}

function pathResult(lambdas: Float64Array, fits: readonly FittedState[]): PathResult {
  return {
    lambdas,
    coefs: fits.map((fit) => fit.coef),
    intercepts: Float64Array.from(fits, (fit) => fit.intercepts[0]),
    dualGaps: Float64Array.from(fits, (fit) => fit.dualGap),
    nIters: Int32Array.from(fits, (fit) => fit.nIter),
  };
}

function path(X: unknown, y: unknown, o: PathSettings, rho: number, owner: string): PathResult {
  const plan = pathPlan(o, rho, owner);
  const fitPath = (data: PreparedData, backend: Backend): PathResult => {
    const lambdas = o.lambdas ?? defaultGrid(data, rho, o, backend);
    return pathResult(lambdas, fitPrepared(backend, data, plan, lambdas, (_, i) => o.onProgress?.(i + 1, lambdas.length)));
  };
  const stats = statisticsOf(X, o.backend);
  if (!stats) return withDesign(X, y, o.backend, owner, false, (design) => design.withPrepared(plan.prepare, fitPath));
  if (y !== undefined) throw new TypeError(`${owner}: statistics hold their own y; call ${owner}(stats, undefined, options).`);
  if (o.sampleWeight !== undefined) {
    throw new RangeError(`${owner} from statistics takes no sampleWeight: the weights belong to the rows; pass the rows with sampleWeight instead.`);
  }
  return withStatistics(stats, o.backend, plan.prepare, fitPath);
}

/**
 * The elastic-net paths of several sufficient statistics (cross-validation's folds, each trusted as
 * GramAccumulator.toJSON gives it) on the grid `lambdas`, each as enetPath gives it: in one backend call where the
 * statistics' sums are in range, the paths side by side on the core's threads. No sampleWeight or onProgress.
 */
export function enetPathsFromStatistics(stats: readonly GramStatistics[], lambdas: Float64Array, options: PathOptions): PathResult[] {
  const o = resolveOptions("enetPath", { ...options, lambdas });
  const plan = pathPlan(o, o.l1Ratio, "enetPath");
  const backend = getBackend(o.backend);
  return backend.scope((scope) => {
    const datas = stats.map((s) => scope.own(new GramData(backend, s, plan.prepare)));
    return fitPreparedPaths(backend, datas, plan, lambdas).map((fits) => pathResult(lambdas, fits));
  });
}

/** The checked statistics of a GramAccumulator or its JSON; undefined for rows or a Design. */
function statisticsOf(X: unknown, backend: BackendName): GramStatistics | undefined {
  if (X instanceof GramAccumulator) return X.toJSON();
  if (isPlainObject(X) && "nFeatures" in X) return GramAccumulator.fromJSON(X as unknown as GramStatistics, backend).toJSON();
  return undefined;
}

/** Runs `body` on statistics prepared for covariance-mode fits, freed afterwards. */
function withStatistics<T>(
  stats: GramStatistics, backendName: BackendName, prepare: { fitIntercept: boolean; standardize: boolean },
  body: (data: PreparedData, backend: Backend) => T,
): T {
  const backend = getBackend(backendName);
  return backend.scope((scope) => body(scope.own(new GramData(backend, stats, prepare)), backend));
}

/** What a default grid depends on. */
export interface GridOptions {
  fitIntercept: boolean;
  standardize: boolean;
  sampleWeight?: ArrayLike<number>;
  precompute: "auto" | boolean;
  nLambdas: number;
  eps: number;
}

/** The default lambda grid of sufficient statistics' path at this l1Ratio (CV from fold statistics shares it). */
export function statisticsGrid(stats: GramStatistics, rho: number, o: GridOptions, backend: BackendName): Float64Array {
  return withStatistics(stats, backend, o, (data, b) => defaultGrid(data, rho, o, b));
}

/** The default lambda grid of a design's path at this l1Ratio (what CV shares across its folds). */
export function pathGrid(design: Design, rho: number, o: GridOptions): Float64Array {
  const { fitIntercept, standardize, sampleWeight } = o;
  return design.withPrepared({ fitIntercept, standardize, sampleWeight }, (data, backend) => defaultGrid(data, rho, o, backend));
}

function defaultGrid(data: PreparedData, rho: number, o: GridOptions, backend: Backend): Float64Array {
  if (rho === 0) {
    throw new RangeError("l1Ratio = 0 has no finite lambdaMax (ridge never zeroes every weight): pass lambdas, or use l1Ratio > 0.");
  }
  const top = lambdaMax(data, rho, o.precompute, backend);
  // y constant (or orthogonal to every feature): every lambda gives w = 0. scikit-learn's grid is then nLambdas
  // copies of 1e-15 (numpy's float resolution), its fits w = 0 with the intercept at the mean of y.
  if (top === 0) return new Float64Array(o.nLambdas).fill(1e-15);
  return lambdaGrid(top, o.nLambdas, o.eps);
}
