// A fitted linear model: its state, the readings of it, prediction, scoring, sparse export and JSON.

import type { BackendName } from "../backend.js";
import { NotFittedError } from "../errors.js";
import { checkSameLength, isRows, toMatrix, toVector, type MatrixInput, type VectorInput } from "../input.js";
import type { FittedState } from "../pipeline/fitted-state.js";
import { predictInput } from "../pipeline/predict.js";
import { CsrMatrix } from "../sparse/csr.js";
import { SparseLinearModel } from "../sparse/sparse-model.js";
import { rSquared } from "../metrics.js";
import { fittedToJSON, readFittedJSON, type FittedJSON } from "./fitted-json.js";
import type { ColumnEncoding } from "../tables/columns.js";
import { checkSchemaCount, columnsOf, namesOf, readInput, type FeatureSchema } from "../tables/feature-schema.js";
import type { TableRecord } from "../tables/records.js";

export type { FittedState } from "../pipeline/fitted-state.js";
export type { FittedJSON } from "./fitted-json.js";

/** Targets as a row-major n x k block. */
export interface Targets {
  data: Float64Array;
  k: number;
}

/** y as n rows of k values, or a vector (k = 1). */
export function targetsOf(y: unknown): Targets {
  if (!isRows(y)) return { data: toVector(y, "y"), k: 1 };
  const { data, cols } = toMatrix(y, "y");
  return { data, k: cols };
}

/** State and readings every fitted linear model shares; the estimator classes add options and fitting. */
export abstract class FittedModel {
  protected state: FittedState | null = null;
  /** The features' names and the table columns they encode, when the fit was given them. */
  protected schema: FeatureSchema | null = null;

  protected constructor(
    /** The class name, used in messages and JSON. */
    readonly modelName: string,
  ) {}

  /** The backend that predicts. */
  protected abstract get backendName(): BackendName;

  /** Where warnings go (categories a model never saw, at predict). */
  protected abstract warn(message: string): void;

  protected fitted(use: string): FittedState {
    if (!this.state) throw new NotFittedError(this.modelName, use);
    return this.state;
  }

  /** The current coefficients when the model was fitted on d features and k outputs (for warm starts). */
  protected previousCoef(d: number, k: number): Float64Array | null {
    return this.state?.nFeatures === d && this.state.nOutputs === k ? this.state.coef : null;
  }

  /** Whether fit has succeeded at least once. */
  get isFitted(): boolean {
    return this.state !== null;
  }

  /** Weights: d values, or d x k row-major for a multi-output fit. */
  get coef(): Float64Array {
    return this.fitted("reading coef").coef;
  }

  /** The intercept (0 when fitIntercept is false). */
  get intercept(): number {
    const state = this.fitted("reading intercept");
    if (state.nOutputs > 1) {
      throw new TypeError(`This ${this.modelName} was fitted on ${state.nOutputs} outputs: read intercepts, one per output.`);
    }
    return state.intercepts[0];
  }

  /** One intercept per output. */
  get intercepts(): Float64Array {
    return this.fitted("reading intercepts").intercepts;
  }

  /** The objective per iteration of the iterative solvers (empty for the closed form or recordHistory: false). */
  get history(): Float64Array {
    return this.fitted("reading history").history;
  }

  /** Iterations run by the last fit (0 for the closed form). */
  get nIter(): number {
    return this.fitted("reading nIter").nIter;
  }

  /** Whether the last fit met its stopping rule (always true for the closed form). */
  get converged(): boolean {
    return this.fitted("reading converged").converged;
  }

  /** Duality gap at the end of the last CD or FISTA fit, on the objective (NaN for gd and the closed form). */
  get dualGap(): number {
    return this.fitted("reading dualGap").dualGap;
  }

  /** Number of features seen by fit. */
  get nFeatures(): number {
    return this.fitted("reading nFeatures").nFeatures;
  }

  /**
   * The name of each feature, when the fit was given them (fit's `featureNames`, or X from fromRecords or fromArrow);
   * undefined otherwise.
   */
  get featureNames(): string[] | undefined {
    this.fitted("reading featureNames");
    return namesOf(this.schema);
  }

  /** The table columns the features encode (text columns one-hot), when the fit was given names; undefined otherwise. */
  get columns(): ColumnEncoding[] | undefined {
    this.fitted("reading columns");
    return columnsOf(this.schema);
  }

  /**
   * Gives the model the names of its features as a wrapper that fitted it knew them (cross-validation's refit on a
   * prepared design).
   * @internal
   */
  useSchema(schema: FeatureSchema | null): void {
    checkSchemaCount(schema, this.fitted("useSchema").nFeatures);
    this.schema = schema;
  }

  /**
   * Predictions X w + b: n values, or n x k row-major for a multi-output fit. X may also be records (objects keyed by
   * feature name) when the model knows its features' names; their columns are checked by name.
   */
  predict(X: MatrixInput | readonly TableRecord[]): Float64Array {
    const state = this.fitted("predict");
    const input = readInput(X, this.schema, this.modelName, "predict", (message) => this.warn(message)) as MatrixInput;
    return predictInput(this.backendName, input, state.coef, state.intercepts, (cols) => {
      if (cols !== state.nFeatures) {
        throw new RangeError(
          `X has ${cols} features but this ${this.modelName} was fitted on ${state.nFeatures}: pass the same columns in the same order.`,
        );
      }
    });
  }

  /** Coefficient of determination R^2 = 1 - SS_res / SS_tot (averaged over outputs). */
  score(X: MatrixInput | readonly TableRecord[], y: VectorInput | ArrayLike<ArrayLike<number>>): number {
    const state = this.fitted("score");
    const predicted = this.predict(X);
    const { data: truth, k } = targetsOf(y);
    checkSameLength(predicted.length / state.nOutputs, "the rows of X", truth.length / k, "y");
    if (k !== state.nOutputs) {
      throw new RangeError(`y has ${k} outputs but this ${this.modelName} was fitted on ${state.nOutputs}.`);
    }
    return rSquared(truth, predicted, k);
  }

  /**
   * The fitted weights as a sparse model: a k x d CSR matrix (row o = output o's weights), so prediction costs
   * one multiplication per non-zero weight. Prune first (see `pruningReport`) to make it pay.
   */
  toSparse(): SparseLinearModel {
    const { coef, intercepts, nFeatures: d, nOutputs: k } = this.fitted("toSparse");
    const transposed = Array.from({ length: k }, (_, o) => Float64Array.from({ length: d }, (_, j) => coef[j * k + o]));
    return new SparseLinearModel(CsrMatrix.fromDense(transposed), intercepts, this.backendName);
  }

  /** The fitted state as plain JSON (null before the first fit). */
  protected fittedJSON(): FittedJSON | null {
    return this.state && fittedToJSON(this.state);
  }

  /**
   * Restores the fitted state from {@link FittedModel.fittedJSON}'s output, every field checked (see
   * readFittedJSON); `multiOutput` says whether the model may hold several outputs.
   */
  protected restoreFitted(fitted: unknown, multiOutput: boolean): void {
    const state = readFittedJSON(fitted, this.modelName, multiOutput);
    if (state) this.checkFitted(state);
    this.state = state;
  }

  /** Checks a restored state against the model's options (GroupLasso's groups); throws to refuse it. */
  protected checkFitted(_state: FittedState): void {}
}
