// Cross-validated elastic net and lasso: k-fold CV over the regularization path (and over l1Ratios), the model
// refitted on all rows at the chosen lambda.

import { mulberry32 } from "../random.js";
import { getBackend } from "../backends/registry.js";
import { checkL1Ratio, checkSameLength, toMatrix, toVector, type Matrix, type MatrixInput, type VectorInput } from "../input.js";
import type { Backend } from "../backend.js";
import { withBlocks } from "../backends/with-blocks.js";
import { enetPath, lambdaGrid, lambdaMax, type PathResult } from "../paths/path.js";
import { LeastSquaresData, normalizeWeights } from "../solvers/least-squares-data.js";
import type { FitOptions } from "./base.js";
import { meanAndStandardError, selectLambda } from "./cv-selection.js";
import { CrossValidated } from "./cross-validated.js";
import { ElasticNet, type ElasticNetOptions } from "./elastic-net.js";
import { checkOptionNames, checkPositiveInteger, COMMON_OPTION_NAMES } from "./options.js";

export interface ElasticNetCVOptions extends Omit<ElasticNetOptions, "lambda" | "l1Ratio" | "solver" | "learningRate" | "warmStart"> {
  /** One mix, or several to cross-validate too (default 0.5). Each in (0, 1]. */
  l1Ratio?: number | number[];
  /** Number of folds k (default 5). */
  nFolds?: number;
  /** Lambdas per grid (default 100), from lambdaMax down to eps * lambdaMax (default 1e-3). */
  nLambdas?: number;
  eps?: number;
  /** Your own lambdas instead of the grid. */
  lambdas?: ArrayLike<number>;
  /** Called after each fold's path with the count done and the total (for a progress bar). */
  onProgress?: (done: number, total: number) => void;
}

/** The CV curve of one l1Ratio. */
export interface CvResult {
  l1Ratio: number;
  lambdas: Float64Array;
  /** Mean over folds of the test-fold mean squared error, per lambda. */
  cvMean: Float64Array;
  /** Standard deviation over folds of that error, per lambda. */
  cvStd: Float64Array;
}

const CV_OPTIONS = ["l1Ratio", "nFolds", "nLambdas", "eps", "lambdas", "onProgress", ...COMMON_OPTION_NAMES]
  .filter((name) => !["lambda", "solver", "learningRate", "warmStart"].includes(name));

/** The rows of a matrix (and entries of vectors) at the given indices. */
function subset(X: Matrix, rows: number[]): Matrix {
  const data = new Float64Array(rows.length * X.cols);
  rows.forEach((row, i) => data.set(X.data.subarray(row * X.cols, (row + 1) * X.cols), i * X.cols));
  return { data, rows: rows.length, cols: X.cols };
}

/** The (weighted) mean squared error on held-out rows of every model of a path: X w by the backend's gemv. */
function testErrors(
  backend: Backend, X: Matrix, y: number[], weights: number[] | undefined, path: PathResult,
): Float64Array {
  return withBlocks(backend, [X.data, new Float64Array(X.cols), new Float64Array(X.rows)], ([Xb, w, fitted]) => {
    let mass = 0;
    for (let i = 0; i < X.rows; i++) mass += weights ? weights[i] : 1;
    return Float64Array.from(path.coefs, (coef, l) => {
      w.values.set(coef);
      backend.gemv(Xb, X.rows, X.cols, w, fitted);
      const f = fitted.values;
      let loss = 0;
      for (let i = 0; i < X.rows; i++) loss += (weights ? weights[i] : 1) * (y[i] - f[i] - path.intercepts[l]) ** 2;
      return mass > 0 ? loss / mass : 0;
    });
  });
}

/** Fold of each row: a random permutation from `seed` dealt round-robin into k folds. */
export function assignFolds(n: number, k: number, seed: number): Int32Array {
  const next = mulberry32(seed);
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor((next() / 2 ** 32) * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const folds = new Int32Array(n);
  order.forEach((row, position) => (folds[row] = position % k));
  return folds;
}

/**
 * ElasticNetCV: chooses lambda (and l1Ratio, given several) by k-fold cross-validation of the mean squared
 * error over the path, then refits on all rows. `lambda` is the minimizer (scikit-learn's choice); `lambda1se`
 * follows glmnet's one-standard-error rule.
 */
export class ElasticNetCV extends CrossValidated<ElasticNet> {
  protected readonly options: ElasticNetCVOptions;
  private readonly ratios: number[];
  private result?: {
    model: ElasticNet; l1Ratio: number; lambdaMin: number; lambda1se: number; cvResults: CvResult[]; foldIds: Int32Array;
  };

  constructor(options: ElasticNetCVOptions = {}, modelName = "ElasticNetCV") {
    super();
    this.options = checkOptionNames(modelName, options, CV_OPTIONS) as ElasticNetCVOptions;
    const ratios = Array.isArray(this.options.l1Ratio) ? this.options.l1Ratio : [this.options.l1Ratio ?? 0.5];
    if (ratios.length === 0) throw new RangeError("l1Ratio is an empty list: give at least one value in (0, 1].");
    this.ratios = ratios.map((rho, i) => {
      checkL1Ratio(rho, `l1Ratio[${i}]`);
      if (rho === 0) throw new RangeError(`l1Ratio[${i}] is 0: cross-validating a path needs an L1 part (use RidgeCV for ridge).`);
      return rho;
    });
    checkPositiveInteger(this.options.nFolds ?? 5, "nFolds", 1_000_000);
    // Fail now, not after the CV, on options ElasticNet itself rejects.
    new ElasticNet(this.modelOptions(1, this.ratios[0]));
  }

  private modelOptions(lambda: number, l1Ratio: number): ElasticNetOptions {
    const { nFolds: _, nLambdas: __, eps: ___, lambdas: ____, l1Ratio: _____, onProgress: ______, ...rest } = this.options;
    return { ...rest, lambda, l1Ratio };
  }

  /** Cross-validates, then fits the chosen model on all rows; returns this. */
  fit(X: MatrixInput, y: VectorInput, options: FitOptions = {}): this {
    const matrix = toMatrix(X, "X");
    const targets = toVector(y, "y");
    checkSameLength(matrix.rows, "the rows of X", targets.length, "y");
    const n = matrix.rows;
    const k = checkPositiveInteger(this.options.nFolds ?? 5, "nFolds", n);
    if (k < 2) throw new RangeError(`nFolds must be at least 2 for cross-validation, got ${k}.`);
    const weights = options.sampleWeight === undefined ? undefined : normalizeWeights(options.sampleWeight, n);
    const foldIds = assignFolds(n, k, this.options.seed ?? 0);
    const { nLambdas, eps, lambdas, fitIntercept, standardize, maxIter, tol, positive, precompute, selection, seed } = this.options;
    const pathOptions = { fitIntercept, standardize, maxIter, tol, positive, precompute, selection, seed, backend: this.options.backend };
    const backend = getBackend(this.options.backend);
    let done = 0;
    const cvResults = this.ratios.map((rho): CvResult => {
      const grid = lambdas !== undefined ? Float64Array.from(lambdas).sort().reverse() : this.grid(matrix, targets, rho, weights, nLambdas, eps);
      const errors: Float64Array[] = [];
      for (let fold = 0; fold < k; fold++) {
        const train = [...foldIds.keys()].filter((i) => foldIds[i] !== fold);
        const test = [...foldIds.keys()].filter((i) => foldIds[i] === fold);
        const path = enetPath(subset(matrix, train), train.map((i) => targets[i]), {
          ...pathOptions, l1Ratio: rho, lambdas: grid, sampleWeight: weights && train.map((i) => weights[i]),
        });
        errors.push(testErrors(backend, subset(matrix, test), test.map((i) => targets[i]), weights && test.map((i) => weights[i]), path));
        this.options.onProgress?.(++done, k * this.ratios.length);
      }
      const { mean, standardError } = meanAndStandardError(errors, grid.length);
      return { l1Ratio: rho, lambdas: grid, cvMean: mean, cvStd: standardError.map((se) => se * Math.sqrt(k)) };
    });
    let chosen = cvResults[0];
    for (const r of cvResults) if (Math.min(...r.cvMean) < Math.min(...chosen.cvMean)) chosen = r;
    const { lambdaMin, lambda1se } = selectLambda({
      lambdas: chosen.lambdas, mean: chosen.cvMean, standardError: chosen.cvStd.map((sd) => sd / Math.sqrt(k)),
    });
    const model = new ElasticNet(this.modelOptions(lambdaMin, chosen.l1Ratio)).fit(matrix, targets, options);
    this.result = { model, l1Ratio: chosen.l1Ratio, lambdaMin, lambda1se, cvResults, foldIds };
    return this;
  }

  private grid(X: Matrix, y: Float64Array, rho: number, weights: Float64Array | undefined, nLambdas = 100, eps = 1e-3): Float64Array {
    const backend = getBackend(this.options.backend);
    const data = new LeastSquaresData(backend, X, y, 1, {
      fitIntercept: this.options.fitIntercept ?? true, standardize: this.options.standardize ?? false, sampleWeight: weights,
    });
    try {
      const top = lambdaMax(data, rho, this.options.precompute ?? "auto", backend);
      if (top === 0) throw new RangeError("lambdaMax is 0: y is constant (or orthogonal to every feature). Pass lambdas.");
      return lambdaGrid(top, checkPositiveInteger(nLambdas, "nLambdas", 100_000), eps);
    } finally {
      data.free();
    }
  }

  protected fitted() {
    if (!this.result) throw new TypeError(`This ${this.constructor.name} is not fitted yet: call fit(X, y) first.`);
    return this.result;
  }

  /** The chosen l1Ratio. */
  get l1Ratio(): number {
    return this.fitted().l1Ratio;
  }

  /** The CV curve of every l1Ratio tried. */
  get cvResults(): CvResult[] {
    return this.fitted().cvResults;
  }

  /** The fold (0..k-1) each row was held out in. */
  get foldIds(): Int32Array {
    return this.fitted().foldIds;
  }
}

export type LassoCVOptions = Omit<ElasticNetCVOptions, "l1Ratio">;

/** LassoCV: {@link ElasticNetCV} with l1Ratio 1. */
export class LassoCV extends ElasticNetCV {
  constructor(options: LassoCVOptions = {}) {
    if ("l1Ratio" in options) throw new TypeError("LassoCV has no l1Ratio option (it is 1): use ElasticNetCV for another mix.");
    super({ ...options, l1Ratio: 1 }, "LassoCV");
  }
}
