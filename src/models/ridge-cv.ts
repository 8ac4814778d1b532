// Ridge with lambda chosen by exact leave-one-out cross-validation from one eigendecomposition.

import { getBackend } from "../backends/registry.js";
import { NotFittedError } from "../errors.js";
import type { BackendName } from "../backend.js";
import type { Design } from "../design/design.js";
import type { MatrixInput, VectorInput } from "../input.js";
import { withDesign } from "../pipeline/fit.js";
import { ridgeLeaveOneOut } from "../solvers/ridge-leave-one-out.js";
import { CrossValidated } from "./cross-validated.js";
import { meanAndStandardError, selectLambda } from "./cv-selection.js";
import { foldAccumulators, trainingStatistics, type FoldStatistics } from "./fold-statistics.js";
import { heldOutErrorsFromStatistics } from "../pipeline/held-out-statistics.js";
import { resolveOptions } from "../options/schema.js";
import { Ridge } from "./ridge.js";
import { checkFitOptions, type FitOptions } from "./base.js";
import { fitSchema } from "../tables/feature-schema.js";
import { normalizeWeights } from "../design/least-squares-data.js";
import { timesPowerOfTwo } from "../power-of-two.js";

export interface RidgeCVOptions {
  /** Candidate lambdas (default 1e-3, 1e-2, 0.1, 1, 10). */
  lambdas?: ArrayLike<number>;
  fitIntercept?: boolean;
  standardize?: boolean;
  backend?: BackendName;
}

/**
 * RidgeCV: for each candidate lambda, the exact leave-one-out error of ridge regression,
 * e_i / (1 - H_ii) with H the hat matrix, from one eigendecomposition (of X_c^T X_c when n > d, of X_c X_c^T
 * otherwise), so every extra lambda costs O(n min(n, d)) (Golub, Heath & Wahba 1979; scikit-learn's _RidgeGCV).
 * The intercept adds 1/n to every H_ii. Each held-out fit keeps the penalty n lambda of the full data on the
 * diagonal (scikit-learn's RidgeCV convention, which the shortcut computes exactly; refitting Ridge on n - 1
 * rows gives the same with lambda n / (n - 1)). The chosen lambda minimizes the mean squared LOO error; the model is
 * then refitted on all rows. The eigendecomposition runs in TypeScript (Jacobi), O(min(n, d)^3).
 */
export class RidgeCV extends CrossValidated<Ridge> {
  private readonly lambdas: Float64Array;
  private readonly fitIntercept: boolean;
  private readonly standardize: boolean;
  private readonly backend: BackendName;
  private result?: { model: Ridge; lambdaMin: number; lambda1se: number; cvMean: Float64Array; cvStd: Float64Array };

  constructor(options: RidgeCVOptions = {}) {
    super();
    const o = resolveOptions("RidgeCV", options);
    // The schema gives RidgeCV default candidates.
    this.lambdas = o.lambdas as Float64Array;
    this.fitIntercept = o.fitIntercept;
    this.standardize = o.standardize;
    this.backend = o.backend;
    getBackend(this.backend);
  }

  /**
   * Chooses lambda by exact leave-one-out CV, then refits on all rows; X may be a prepared {@link Design} (then
   * without y). With `sampleWeight`, the leave-one-out errors are weighted (scikit-learn's RidgeCV): cvMean is
   * the weighted mean of the squared errors, and the refit is weighted too.
   */
  fit(X: MatrixInput | Design, y?: VectorInput, options: FitOptions = {}): this {
    const { sampleWeight, featureNames } = checkFitOptions(options);
    const schema = fitSchema(X, featureNames, "RidgeCV");
    const result = withDesign(X, y, this.backend, "RidgeCV", false, (design) => this.crossValidate(design, sampleWeight));
    result.model.useSchema(schema);
    this.result = result;
    return this;
  }

  private crossValidate(design: Design, sampleWeight: ArrayLike<number> | undefined) {
    const n = design.rows;
    const weights = sampleWeight === undefined ? undefined : normalizeWeights(sampleWeight, n);
    const rows = weights ? weights.filter((w) => w > 0).length : n;
    if (rows < 2) {
      throw new RangeError(
        `RidgeCV has ${weights ? `${rows} row of positive weight` : `${n} row`}: leave-one-out cross-validation needs at least 2 ` +
          "(one to leave out, one to fit on); pass more rows, or fit Ridge with a lambda of your choice.",
      );
    }
    const prepare = { fitIntercept: this.fitIntercept, standardize: this.standardize, sampleWeight: weights };
    const { errors, errorExponent } = design.withPrepared(prepare, (data, backend) =>
      ridgeLeaveOneOut(backend, data, this.lambdas, this.fitIntercept, weights));
    // Chosen in the errors' own units (finite where the squares of huge targets are not), reported in y's units.
    const mean = Float64Array.from(errors, (e) => e.reduce((s, v) => s + v, 0) / n);
    const std = Float64Array.from(errors, (e, l) => Math.sqrt(e.reduce((s, v) => s + (v - mean[l]) ** 2, 0) / Math.max(n - 1, 1)));
    const { lambdaMin, lambda1se } = selectLambda({ lambdas: this.lambdas, mean, standardError: std.map((sd) => sd / Math.sqrt(n)) });
    const cvMean = mean.map((v) => timesPowerOfTwo(v, -errorExponent));
    const cvStd = std.map((v) => timesPowerOfTwo(v, -errorExponent));
    const model = new Ridge({ lambda: lambdaMin, fitIntercept: this.fitIntercept, standardize: this.standardize, backend: this.backend })
      .fit(design, undefined, { sampleWeight: weights });
    return { model, lambdaMin, lambda1se, cvMean, cvStd };
  }

  /**
   * Chooses lambda by k-fold CV from fold statistics, with no rows (leave-one-out needs them): `folds[f]` holds
   * fold f's statistics (a {@link GramAccumulator} or its JSON, such as the `folds` of accumulateStatistics or
   * accumulateCsv with nFolds). For each lambda, Ridge is fitted from the total minus fold f and tested on fold
   * f from its statistics. cvMean is the mean squared held-out error over all rows (sum over folds of
   * n_f MSE_f, over n); cvStd the standard deviation of the folds' MSE_f, and lambda1se uses cvStd / sqrt(k).
   * The model is then fitted from the total. Returns this.
   */
  fitFolds(folds: readonly FoldStatistics[]): this {
    const checked = foldAccumulators(folds, this.backend, "RidgeCV");
    const ridge = (lambda: number) => new Ridge({ lambda, fitIntercept: this.fitIntercept, standardize: this.standardize, backend: this.backend });
    // errors[f][l]: fold f's MSE at lambda l.
    const errors = checked.folds.map((fold) => {
      const train = trainingStatistics(checked.total, fold);
      const models = Array.from(this.lambdas, (lambda) => ridge(lambda).fitGram(train));
      return heldOutErrorsFromStatistics(fold.toJSON(), models.map((m) => m.coef), models.map((m) => m.intercept));
    });
    const k = errors.length;
    const n = checked.total.count;
    const cvMean = Float64Array.from(this.lambdas, (_, l) => errors.reduce((sum, e, f) => sum + checked.folds[f].count * e[l], 0) / n);
    const { standardError } = meanAndStandardError(errors, this.lambdas.length);
    const cvStd = standardError.map((se) => se * Math.sqrt(k));
    const { lambdaMin, lambda1se } = selectLambda({ lambdas: this.lambdas, mean: cvMean, standardError });
    this.result = { model: ridge(lambdaMin).fitGram(checked.total), lambdaMin, lambda1se, cvMean, cvStd };
    return this;
  }

  protected fitted(use: string) {
    if (!this.result) throw new NotFittedError("RidgeCV", use);
    return this.result;
  }

  /** The candidate lambdas, decreasing, as cvMean and cvStd are ordered. */
  get candidates(): Float64Array {
    return this.lambdas;
  }

  /** Mean squared leave-one-out error per lambda (after fitFolds: the k-fold held-out error). */
  get cvMean(): Float64Array {
    return this.fitted("reading cvMean").cvMean;
  }

  /** Standard deviation of the squared leave-one-out errors per lambda (after fitFolds: of the folds' MSE). */
  get cvStd(): Float64Array {
    return this.fitted("reading cvStd").cvStd;
  }
}
