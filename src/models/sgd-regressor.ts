// Mini-batch training of the seed's objective with SGD, Adam or AdamW: each epoch runs whole in the backend.

import { describeValue } from "../options/checks.js";
import { mulberry32 } from "../backends/random.js";
import type { Design } from "../design/design.js";
import type { MatrixInput, VectorInput } from "../input.js";
import { fitDesign, withDesign } from "../pipeline/fit.js";
import { heldOutRows, type SgdProgress, type SgdRunParams } from "../solvers/mini-batch.js";
import { checkSchemaCount, fitSchema, readInput } from "../tables/feature-schema.js";
import { checkFitOptions, LinearModel, type FitOptions, type FittedState } from "./base.js";
import type { LinearModelOptions } from "./options.js";

export interface SGDRegressorOptions
  extends Omit<LinearModelOptions, "solver" | "positive" | "precompute" | "selection" | "warmStart" | "standardize" | "maxIter"> {
  /** The penalty: "l2" (lambda/2 ||w||^2, default), "l1" (lambda ||w||_1) or "elasticnet" (mixed by l1Ratio). */
  penalty?: "l2" | "l1" | "elasticnet";
  /** Mix of the elastic net (default 0.15, scikit-learn's). */
  l1Ratio?: number;
  /** "sgd" (default), "adam" (L2 part in the gradient) or "adamw" (L2 part as decoupled weight decay). */
  optimizer?: "sgd" | "adam" | "adamw";
  /** Rows per gradient step (default 32). */
  batchSize?: number;
  /** Passes over the data at most (default 1000); tol and nIterNoChange stop earlier. */
  epochs?: number;
  /** Shuffle the rows before every epoch, from `seed` (default true). */
  shuffle?: boolean;
  /** Hold out validationFraction of the rows and stop when their loss stops improving (default false). */
  earlyStopping?: boolean;
  validationFraction?: number;
  /** Stop after this many epochs without an improvement of more than tol (default 5). */
  nIterNoChange?: number;
  /** Adam's decay of the first moment (default 0.9). */
  beta1?: number;
  /** Adam's decay of the second moment (default 0.999). */
  beta2?: number;
  /** Added to the root of Adam's second moment (default 1e-8). */
  eps?: number;
}

/**
 * SGDRegressor: mini-batch steps of SGD, Adam or AdamW on (1/2n)||X w + b - y||^2 + penalty, one backend call
 * per epoch. SGD and Adam descend that objective; AdamW applies the L2 part as decoupled weight decay, whose
 * fixed point is not the L2-penalized optimum (Loshchilov & Hutter's point), while `history` still reports the
 * stated objective. `fit` starts afresh and runs up to `epochs` passes, stopping when the epoch's loss
 * (or the held-out loss, with earlyStopping) has not improved by more than `tol` for `nIterNoChange` epochs;
 * `partialFit` runs one more pass over the rows it is given, continuing the weights, moments and random stream.
 * `history` holds each epoch's mean loss over its batches plus the penalty.
 */
export class SGDRegressor extends LinearModel {
  static override readonly modelName = "SGDRegressor";
  private progress?: SgdProgress;
  /** Set while fit runs: train from zero, and keep the old progress until the new fit succeeds. */
  private restart = false;

  constructor(options: SGDRegressorOptions = {}) {
    super(options);
  }

  protected get rho(): number {
    return { l2: 0, l1: 1, elasticnet: this.options.l1Ratio }[this.options.penalty];
  }

  override fit(X: MatrixInput | Design, y?: VectorInput, options: FitOptions = {}): this {
    const checked = checkFitOptions(options);
    if (checked.sampleWeight !== undefined) {
      throw new RangeError("SGDRegressor has no sampleWeight: repeat or drop rows instead.");
    }
    const schema = fitSchema(X, checked.featureNames, this.modelName);
    this.restart = true;
    try {
      const state = this.train(X, y, this.options.epochs, true);
      checkSchemaCount(schema, state.nFeatures);
      return this.accept(state, "sgd", schema);
    } finally {
      this.restart = false;
    }
  }

  /** One more epoch over these rows, continuing from the current state (or from 0 on the first call). */
  partialFit(X: MatrixInput | Design, y?: VectorInput, ...unexpected: never[]): this {
    if (unexpected.length > 0) {
      throw new TypeError(
        `partialFit(X, y) takes no third argument, got ${describeValue(unexpected[0])}: SGDRegressor trains without ` +
          "sample weights (fit Ridge, Lasso or ElasticNet with { sampleWeight } for weighted rows).",
      );
    }
    // The first call names the features as fit does; later calls are checked against those names.
    const given = fitSchema(X, undefined, this.modelName, "partialFit");
    if (this.isFitted) readInput(X, this.schema, this.modelName, "partialFit", (message) => this.warn(message));
    const schema = this.isFitted ? this.schema : given;
    const state = this.train(X, y, 1, false);
    checkSchemaCount(schema, state.nFeatures);
    return this.accept(state, "sgd", schema);
  }

  /** Runs up to `epochs` epochs (with the stopping rule when `stopping`), starting from the saved progress. */
  private train(X: unknown, y: unknown, epochs: number, stopping: boolean): FittedState {
    return withDesign(X, y, this.options.backend, this.modelName, false, (design) => {
      const d = design.cols;
      if (this.progress && this.progress.theta.length !== d + 1) {
        throw new RangeError(`X has ${d} features but this SGDRegressor was trained on ${this.progress.theta.length - 1}: call fit to start over.`);
      }
      if (stopping && this.options.earlyStopping) this.checkSplit(design.rows);
      const progress = (!this.restart && this.progress) || this.startingPoint(d);
      const { lambda, learningRate, tol, fitIntercept, recordHistory } = this.options;
      const { optimizer, beta1, beta2, eps, batchSize, shuffle, earlyStopping, validationFraction, nIterNoChange } = this.options;
      const params: SgdRunParams = {
        owner: this.modelName, lambda, rho: this.rho, learningRate, tol, fitIntercept, optimizer, beta1, beta2, eps, batchSize,
        epochs, shuffle, earlyStopping, validationFraction, nIterNoChange, stopping, progress,
      };
      const plan = { solver: "sgd" as const, params, prepare: { fitIntercept: false, standardize: false }, start: null, recordHistory };
      const state = fitDesign(design, plan);
      this.progress = progress;
      return state;
    });
  }

  /** Refuses an early-stopping split that leaves no row to train on (scikit-learn refuses it too). */
  private checkSplit(n: number): void {
    const { validationFraction } = this.options;
    const held = heldOutRows(n, validationFraction);
    if (held >= n) {
      throw new RangeError(
        `earlyStopping with validationFraction ${validationFraction} holds out ${held} of the ${n} rows, leaving none ` +
          `to train on: lower validationFraction, pass more rows, or set earlyStopping: false.`,
      );
    }
  }

  /**
   * Where training starts: from zero on fit; for partialFit on a model without progress (restored by fromJSON),
   * from its fitted weights, with fresh moments.
   */
  private startingPoint(d: number): SgdProgress {
    const theta = new Float64Array(d + 1);
    if (!this.restart && this.isFitted && this.nFeatures === d) {
      theta.set(this.coef);
      theta[d] = this.intercept;
    }
    return { theta, m: new Float64Array(d + 1), v: new Float64Array(d + 1), t: 0, nextRandom: mulberry32(this.options.seed) };
  }

  protected override get iterationLimit(): string {
    return `${this.options.epochs} epochs (raise epochs or tol, or scale the features)`;
  }
}
