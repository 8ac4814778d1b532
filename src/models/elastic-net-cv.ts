// Cross-validated elastic net and lasso: k-fold CV over the regularization path (and over l1Ratios), the model
// refitted on all rows at the chosen lambda.

import { mulberry32, shuffled } from "../backends/random.js";
import type { Design } from "../design/design.js";
import { normalizeWeights } from "../design/least-squares-data.js";
import type { MatrixInput, VectorInput } from "../input.js";
import { getBackend } from "../backends/registry.js";
import { NotFittedError } from "../errors.js";
import { GramAccumulator } from "../gram-accumulator.js";
import { enetPath, enetPathsFromStatistics, pathGrid, statisticsGrid, type PathOptions } from "../paths/path.js";
import { heldOutErrorsFromStatistics } from "../pipeline/held-out-statistics.js";
import { foldAccumulators, trainingStatistics, type FoldStatistics } from "./fold-statistics.js";
import { withDesign } from "../pipeline/fit.js";
import { designFoldStatistics, statisticsInRange } from "../pipeline/design-folds.js";
import { heldOutErrors } from "../pipeline/predict.js";
import { checkFitOptions, type FitOptions } from "./base.js";
import { fitSchema } from "../tables/feature-schema.js";
import { meanAndStandardError, selectLambda } from "./cv-selection.js";
import { CrossValidated } from "./cross-validated.js";
import { ElasticNet, type ElasticNetOptions } from "./elastic-net.js";
import { resolveOptions, type Resolved } from "../options/schema.js";
import { rangeExponent, timesPowerOfTwo } from "../power-of-two.js";

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

/** The fold Gram matrices cross-validation from statistics holds at once (each fold's training G, 8 d^2 bytes). */
const FOLD_BATCH_BYTES = 128 * 2 ** 20;

/** Fold of each row: a random permutation from `seed` dealt round-robin into k folds. */
export function assignFolds(n: number, k: number, seed: number): Int32Array {
  const order = shuffled(Array.from({ length: n }, (_, i) => i), mulberry32(seed));
  const folds = new Int32Array(n);
  order.forEach((row, position) => (folds[row] = position % k));
  return folds;
}

/**
 * Throws unless every fold has a row of positive weight to test on and leaves one to train on (a fold of zero
 * weight has no error to measure, and a fit on rows of zero weight has nothing to fit).
 */
function checkFoldWeights(weights: Float64Array, foldIds: Int32Array, k: number): void {
  const positiveIn = new Int32Array(k);
  let positive = 0;
  weights.forEach((w, i) => {
    if (w > 0) {
      positiveIn[foldIds[i]]++;
      positive++;
    }
  });
  positiveIn.forEach((count, fold) => {
    if (count === 0 || count === positive) {
      throw new RangeError(
        `sampleWeight gives positive weight to ${positive} of the ${weights.length} rows, and fold ${fold} of ${k} holds ` +
          `${count === 0 ? "none of them to test on" : "all of them, leaving none to train on"}: cross-validation needs ` +
          `such rows in every fold and outside it; give more rows a positive weight, or use fewer folds (nFolds).`,
      );
    }
  });
}

/**
 * ElasticNetCV: chooses lambda (and l1Ratio, given several) by k-fold cross-validation of the mean squared
 * error over the path, then refits on all rows. `lambda` is the minimizer (scikit-learn's choice); `lambda1se`
 * follows glmnet's one-standard-error rule.
 */
export class ElasticNetCV extends CrossValidated<ElasticNet> {
  /** The class's name in messages and the option schema. */
  protected static readonly owner: "ElasticNetCV" | "LassoCV" = "ElasticNetCV";
  protected readonly options: Resolved<"ElasticNetCV" | "LassoCV">;
  private readonly ratios: readonly number[];
  private result?: {
    model: ElasticNet; l1Ratio: number; lambdaMin: number; lambda1se: number; cvResults: CvResult[]; foldIds: Int32Array;
  };

  constructor(options: ElasticNetCVOptions = {}) {
    super();
    const owner = (new.target as typeof ElasticNetCV).owner;
    this.options = resolveOptions(owner, options);
    this.ratios = owner === "LassoCV" ? [1] : this.options.l1Ratio;
  }

  /** The class's name in messages. */
  private get owner(): "ElasticNetCV" | "LassoCV" {
    return (this.constructor as typeof ElasticNetCV).owner;
  }

  /** The options of the refit: the estimator options given to the CV, at the chosen lambda and l1Ratio. */
  private modelOptions(lambda: number, l1Ratio: number): ElasticNetOptions {
    const { fitIntercept, backend, maxIter, tol, recordHistory, standardize, positive, precompute, selection, seed, onWarning } = this.options;
    return { fitIntercept, backend, maxIter, tol, recordHistory, standardize, positive, precompute, selection, seed, onWarning, lambda, l1Ratio };
  }

  /**
   * Cross-validates, then fits the chosen model on all rows; returns this. X may be a prepared {@link Design}
   * (then without y): its folds are gathered inside the backend, each once for every l1Ratio.
   */
  fit(X: MatrixInput | Design, y?: VectorInput, fitOptions: FitOptions = {}): this {
    const options = checkFitOptions(fitOptions);
    const schema = fitSchema(X, options.featureNames, this.owner);
    const backend = this.options.backend;
    const result = withDesign(X, y, backend, this.owner, false, (design) => {
      const n = design.rows;
      const k = this.options.nFolds;
      if (k > n) {
        throw new RangeError(`nFolds is ${k} but there are only ${n} rows: each fold needs a row to test on; pass nFolds from 2 to ${n}, or more rows.`);
      }
      const weights = options.sampleWeight === undefined ? undefined : normalizeWeights(options.sampleWeight, n);
      const foldIds = assignFolds(n, k, this.options.seed);
      if (weights) checkFoldWeights(weights, foldIds, k);
      const { nLambdas, eps, lambdas, fitIntercept, standardize, maxIter, tol, positive, precompute, selection, seed } = this.options;
      const pathOptions = { fitIntercept, standardize, maxIter, tol, positive, precompute, selection, seed, backend };
      const grids = this.ratios.map((rho) =>
        lambdas ?? pathGrid(design, rho, { fitIntercept, standardize, sampleWeight: weights, precompute, nLambdas, eps }));
      // errors[r][fold]: one fold resident at a time, its data prepared once for every l1Ratio. In units of
      // 2^errorExponent (y's magnitude taken out, exactly), where the squares of huge or tiny targets stay finite.
      const errorExponent = 2 * rangeExponent(design.targets());
      const shared = this.sharesStatistics(design, weights, errorExponent);
      const errors = shared
        ? this.foldErrors(designFoldStatistics(design, foldIds, k, backend), grids, pathOptions)
        : this.rowErrors(design, foldIds, k, weights, grids, pathOptions, errorExponent);
      // Errors from statistics are in y's own units (exponent 0).
      const chosen = this.choose(errors, grids, shared ? 0 : errorExponent);
      const model = new ElasticNet(this.modelOptions(chosen.lambdaMin, chosen.l1Ratio)).fit(design, undefined, { sampleWeight: options.sampleWeight });
      return { model, ...chosen, foldIds };
    });
    result.model.useSchema(schema);
    this.result = result;
    return this;
  }

  /**
   * Whether the folds can share one pass over the rows: each fold's training statistics are then the total
   * minus the fold's (covariance mode), instead of a Gram matrix per training set. Not with sample weights
   * (they belong to rows), without the Gram (precompute false, or more features than training rows), or for
   * data so large or small that sums of squares could leave double precision (|y| or the sum of |X| beyond
   * 2^+-150: the rows route rescales those exactly).
   */
  private sharesStatistics(design: Design, weights: Float64Array | undefined, errorExponent: number): boolean {
    const { precompute, nFolds } = this.options;
    const trainingRows = design.rows - Math.ceil(design.rows / nFolds);
    if (weights !== undefined || precompute === false || trainingRows <= design.cols || Math.abs(errorExponent) > 300) return false;
    return statisticsInRange(design);
  }

  /** errors[r][fold] from fold statistics: fold f trains on the total minus fold f and is tested from its own statistics. */
  private foldErrors(folds: GramAccumulator[], grids: Float64Array[], pathOptions: PathOptions, total = GramAccumulator.mergeAll(folds)): Float64Array[][] {
    const errors: Float64Array[][] = this.ratios.map(() => []);
    let done = 0;
    // Folds in batches whose Gram matrices fit FOLD_BATCH_BYTES; for each l1Ratio a batch's paths in one call, side by
    // side on the core's threads.
    const batch = Math.max(1, Math.floor(FOLD_BATCH_BYTES / (8 * total.nFeatures ** 2)));
    for (let first = 0; first < folds.length; first += batch) {
      const members = folds.slice(first, first + batch);
      const trains = members.map((fold) => trainingStatistics(total, fold));
      this.ratios.forEach((rho, r) => {
        enetPathsFromStatistics(trains, grids[r], { ...pathOptions, l1Ratio: rho }).forEach((path, f) => {
          errors[r].push(heldOutErrorsFromStatistics(members[f].toJSON(), path.coefs, path.intercepts));
          this.options.onProgress?.(++done, folds.length * this.ratios.length);
        });
      });
    }
    return errors;
  }

  /** errors[r][fold] from the rows: one fold resident at a time, its data prepared once for every l1Ratio. */
  private rowErrors(
    design: Design, foldIds: Int32Array, k: number, weights: Float64Array | undefined, grids: Float64Array[], pathOptions: PathOptions,
    errorExponent: number,
  ): Float64Array[][] {
    const errors: Float64Array[][] = this.ratios.map(() => []);
    let done = 0;
    for (let fold = 0; fold < k; fold++) {
      const train = [...foldIds.keys()].filter((i) => foldIds[i] !== fold);
      const test = [...foldIds.keys()].filter((i) => foldIds[i] === fold);
      getBackend(this.options.backend).scope((scope) => {
        const [trainDesign, testDesign] = [scope.own(design.subset(train)), scope.own(design.subset(test))];
        this.ratios.forEach((rho, r) => {
          const path = enetPath(trainDesign, undefined, {
            ...pathOptions, l1Ratio: rho, lambdas: grids[r], sampleWeight: weights && train.map((i) => weights[i]),
          });
          errors[r].push(heldOutErrors(testDesign, weights && test.map((i) => weights[i]), path.coefs, path.intercepts, errorExponent));
          this.options.onProgress?.(++done, k * this.ratios.length);
        });
      });
    }
    return errors;
  }

  /**
   * Cross-validates from fold statistics, with no rows: `folds[f]` holds fold f's statistics (a
   * {@link GramAccumulator} or its JSON, such as the `folds` of accumulateStatistics or accumulateCsv with
   * nFolds). Fold f trains on the total minus fold f (covariance-mode coordinate descent on the grid of the
   * total's statistics) and tests on fold f, its errors computed from the fold's statistics; then the model is
   * fitted from the total. nFolds and sampleWeight do not apply (the folds are given, unweighted), and foldIds is
   * empty (row i's fold is foldOfRow(i, k) for streamed folds). Returns this.
   */
  fitFolds(folds: readonly FoldStatistics[]): this {
    const backend = this.options.backend;
    const checked = foldAccumulators(folds, backend, this.owner);
    const total = checked.total.toJSON();
    const { nLambdas, eps, lambdas, fitIntercept, standardize, maxIter, tol, positive, precompute, selection, seed } = this.options;
    const pathOptions = { fitIntercept, standardize, maxIter, tol, positive, precompute, selection, seed, backend };
    const grids = this.ratios.map((rho) => lambdas ?? statisticsGrid(total, rho, { fitIntercept, standardize, precompute, nLambdas, eps }, backend));
    const errors = this.foldErrors(checked.folds, grids, pathOptions, checked.total);
    // Statistics hold sums of squares already: their errors are finite in y's own units (exponent 0).
    const chosen = this.choose(errors, grids, 0);
    const model = new ElasticNet(this.modelOptions(chosen.lambdaMin, chosen.l1Ratio)).fitGram(total);
    this.result = { model, ...chosen, foldIds: new Int32Array(0) };
    return this;
  }

  /**
   * The CV curves from errors[r][fold] (in units of 2^errorExponent), the l1Ratio of the smallest error, and its
   * lambdaMin and lambda1se.
   */
  private choose(errors: Float64Array[][], grids: Float64Array[], errorExponent: number) {
    const k = errors[0].length;
    const scaledResults = this.ratios.map((rho, r): CvResult => {
      const { mean, standardError } = meanAndStandardError(errors[r], grids[r].length);
      return { l1Ratio: rho, lambdas: grids[r], cvMean: mean, cvStd: standardError.map((se) => se * Math.sqrt(k)) };
    });
    let chosen = scaledResults[0];
    for (const r of scaledResults) if (Math.min(...r.cvMean) < Math.min(...chosen.cvMean)) chosen = r;
    const { lambdaMin, lambda1se } = selectLambda({
      lambdas: chosen.lambdas, mean: chosen.cvMean, standardError: chosen.cvStd.map((sd) => sd / Math.sqrt(k)),
    });
    const unscaled = (values: Float64Array) => values.map((v) => timesPowerOfTwo(v, -errorExponent));
    const cvResults = scaledResults.map((r) => ({ ...r, cvMean: unscaled(r.cvMean), cvStd: unscaled(r.cvStd) }));
    return { l1Ratio: chosen.l1Ratio, lambdaMin, lambda1se, cvResults };
  }

  protected fitted(use: string) {
    if (!this.result) throw new NotFittedError(this.owner, use);
    return this.result;
  }

  /** The chosen l1Ratio. */
  get l1Ratio(): number {
    return this.fitted("reading l1Ratio").l1Ratio;
  }

  /** The CV curve of every l1Ratio tried. */
  get cvResults(): CvResult[] {
    return this.fitted("reading cvResults").cvResults;
  }

  /** The fold (0..k-1) each row was held out in (empty after fitFolds, which sees no rows). */
  get foldIds(): Int32Array {
    return this.fitted("reading foldIds").foldIds;
  }
}

export type LassoCVOptions = Omit<ElasticNetCVOptions, "l1Ratio">;

/** LassoCV: {@link ElasticNetCV} with l1Ratio 1. */
export class LassoCV extends ElasticNetCV {
  protected static override readonly owner = "LassoCV";

  constructor(options: LassoCVOptions = {}) {
    super(options);
  }
}
