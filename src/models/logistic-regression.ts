// Penalized logistic regression: the binomial model for two classes, the multinomial (softmax) model for more,
// fitted by proximal Newton with the library's coordinate descent inside (src/logistic/), on either backend.

import type { BackendName } from "../backend.js";
import { DivergedError, NotFittedError } from "../errors.js";
import type { MatrixInput } from "../input.js";
import { fitLogistic, type LogisticSettings, type LogisticSolver } from "../logistic/fit.js";
import { encodeLabels, type Label } from "../logistic/labels.js";
import { accuracy, logProbabilities, mostProbable } from "../logistic/link.js";
import { isPlainObject } from "../options/checks.js";
import { isApplicable, optionsFor, resolveOptions, type Resolved } from "../options/schema.js";
import { predictInput } from "../pipeline/predict.js";
import { CsrMatrix } from "../sparse/csr.js";
import { SparseLogisticModel } from "./sparse-logistic-model.js";
import { SparseLinearModel } from "../sparse/sparse-model.js";
import { checkFitOptions, parseModelJSON, type FitOptions, type ModelJSON } from "./base.js";
import type { ColumnEncoding } from "../tables/columns.js";
import { checkSchemaCount, columnsOf, fitSchema, namesOf, readInput, readSchemaJSON, schemaToJSON, type FeatureSchema } from "../tables/feature-schema.js";
import type { TableRecord } from "../tables/records.js";

export type { Label } from "../logistic/labels.js";

/** Options of {@link LogisticRegression} (defaults in the README's option table). */
export interface LogisticRegressionOptions {
  /** Penalty strength on the mean log-loss, >= 0 (default 0.01; scikit-learn's C is 1 / (n lambda)). */
  lambda?: number;
  /** Mix of the penalties in [0, 1]: 1 the lasso (exact zeros), 0 ridge (default 0, scikit-learn's default penalty). */
  l1Ratio?: number;
  fitIntercept?: boolean;
  /** Scale the features to unit variance for the fit (coefficients come back on the original scale). */
  standardize?: boolean;
  /** Iterations at most (default 100 Newton iterations for newton-cd, 1000 for fista and gd). */
  maxIter?: number;
  /**
   * newton-cd: stop once the KKT residual, relative to the gradient at w = 0, is <= tol; fista: once the duality
   * gap <= tol times the log-loss at w = 0, b = 0; gd: once the objective moves by < tol (defaults 1e-4, gd 1e-6).
   */
  tol?: number;
  positive?: boolean;
  /** Start the next fit from the current weights (same features and classes). */
  warmStart?: boolean;
  /** "balanced" (n / (K n_k)) or an object from label to weight; multiplies the rows' sample weights. */
  classWeight?: "balanced" | Readonly<Record<string, number>>;
  /** "auto" (default): binomial for two classes, multinomial above; "multinomial": softmax for any number. */
  multiClass?: "auto" | "multinomial";
  /** "newton-cd" (default: glmnet's proximal Newton), "fista" or "gd" (the seed's loop: for comparison and teaching). */
  solver?: "newton-cd" | "fista" | "gd";
  /** gd's step size (default 0.01). */
  learningRate?: number;
  backend?: BackendName;
  recordHistory?: boolean;
  onWarning?: (message: string) => void;
}

/** The serialized form of a LogisticRegression: plain JSON, restored exactly by `LogisticRegression.fromJSON`. */
export interface LogisticRegressionJSON {
  format: "regularized";
  version: 1;
  model: "LogisticRegression";
  /** The options that apply to the model, but onWarning. */
  options: Record<string, unknown>;
  fitted: null | {
    classes: Label[]; multinomial: boolean; nFeatures: number; coef: number[]; intercepts: number[]; nIter: number;
    converged: boolean; dualGap: number | null; history: number[];
  };
  /** The features' names, when the model was fitted with them. */
  featureNames?: string[];
  /** The table columns the features encode, when one of them is one-hot encoded. */
  columns?: ColumnEncoding[];
}

interface Fitted {
  classes: Label[];
  multinomial: boolean;
  nFeatures: number;
  /** d (binomial) or d x K row-major. */
  coef: Float64Array;
  intercepts: Float64Array;
  nIter: number;
  converged: boolean;
  dualGap: number;
  history: Float64Array;
}

/**
 * Penalized logistic regression (scikit-learn's `LogisticRegression(C = 1 / (n lambda), l1_ratio = rho)`, glmnet's
 * binomial and multinomial families with `standardize = FALSE, alpha = rho`): minimizes
 * -(1/n) sum_i log p(y_i | x_i) + lambda sum_k (rho ||w_k||_1 + (1 - rho)/2 ||w_k||^2), intercepts unpenalized.
 */
export class LogisticRegression {
  static readonly modelName = "LogisticRegression";
  /** The class's name in messages and JSON. */
  readonly modelName = "LogisticRegression";
  private options: Resolved<"LogisticRegression">;
  /** The options as given (and accepted), which setOptions changes. */
  private given: LogisticRegressionOptions;
  private state?: Fitted;
  private schema: FeatureSchema | null = null;

  constructor(options: LogisticRegressionOptions = {}) {
    this.options = resolveOptions("LogisticRegression", options);
    this.given = { ...options };
  }

  /**
   * Changes options (checked as the constructor checks them); the fitted state stays until the next fit. With a new
   * solver, the options given before that it does not use (learningRate, positive, ...) are dropped.
   */
  setOptions(options: LogisticRegressionOptions): this {
    const solver = options.solver ?? this.options.solver;
    const kept = solver === this.options.solver ? this.given : Object.fromEntries(
      Object.entries(this.given).filter(([name]) => isApplicable(name, "LogisticRegression", solver)),
    );
    const given = { ...kept, ...options };
    this.options = resolveOptions("LogisticRegression", given);
    this.given = given;
    return this;
  }

  /**
   * The model as plain JSON (its options but onWarning, its classes, weights and fit record), restored exactly by
   * {@link LogisticRegression.fromJSON}.
   */
  toJSON(): LogisticRegressionJSON {
    const options = Object.fromEntries(optionsFor("LogisticRegression", this.options.solver)
      .filter((name) => name !== "onWarning" && this.options[name as keyof typeof this.options] !== undefined)
      .map((name) => [name, this.options[name as keyof typeof this.options]]));
    const s = this.state;
    const fitted = s && {
      classes: s.classes, multinomial: s.multinomial, nFeatures: s.nFeatures, coef: Array.from(s.coef),
      intercepts: Array.from(s.intercepts), nIter: s.nIter, converged: s.converged,
      dualGap: Number.isNaN(s.dualGap) ? null : s.dualGap, history: Array.from(s.history),
    };
    return { format: "regularized", version: 1, model: "LogisticRegression", options, fitted: fitted ?? null, ...schemaToJSON(this.schema) };
  }

  /** Restores a model from {@link LogisticRegression.toJSON}'s output (or that JSON as a string). */
  static fromJSON(json: string | LogisticRegressionJSON): LogisticRegression {
    const parsed = parseModelJSON(json as string | ModelJSON);
    if (parsed.model !== "LogisticRegression") {
      throw new TypeError(`LogisticRegression.fromJSON: the JSON is a ${JSON.stringify(parsed.model)}'s; restore it with that class's fromJSON.`);
    }
    const model = new LogisticRegression(parsed.options as LogisticRegressionOptions);
    if (parsed.fitted !== null) model.state = readFitted(parsed.fitted);
    model.schema = readSchemaJSON(parsed, model.state?.nFeatures, "LogisticRegression.fromJSON");
    return model;
  }

  /**
   * Fits to X (rows, { data, rows, cols }, or fromRecords' or fromArrow's X) and one label per row (numbers, strings or
   * booleans); returns this.
   */
  fit(X: MatrixInput, y: ArrayLike<Label>, fitOptions: FitOptions = {}): this {
    const { sampleWeight, featureNames } = checkFitOptions(fitOptions);
    const schema = fitSchema(X, featureNames, "LogisticRegression");
    const o = this.options;
    const start = o.warmStart ? this.state : undefined;
    const { classes, multinomial, nFeatures, states } = fitLogistic(X, y, logisticSettings(o), { lambdas: [o.lambda], dualGap: true }, sampleWeight, start);
    const [fitted] = states;
    if (fitted.diverged) {
      throw new DivergedError("LogisticRegression", fitted.objective, fitted.nIter, o.learningRate, "iteration", { standardized: o.standardize });
    }
    if (!fitted.converged) {
      // A step too long for gd shows as an objective that rises between iterations.
      const rose = o.solver === "gd" && fitted.history.some((v, t) => t > 0 && v > fitted.history[t - 1]);
      const advice = rose ? `lower learningRate (${o.learningRate}): the objective rose between iterations` : "raise maxIter, raise tol, or standardize the features";
      o.onWarning(`LogisticRegression (solver "${o.solver}") did not converge in ${fitted.nIter} iterations (tol ${o.tol}): ${advice}.`);
    }
    checkSchemaCount(schema, nFeatures);
    this.schema = schema;
    this.state = {
      classes, multinomial, nFeatures, coef: fitted.coef, intercepts: fitted.intercepts, nIter: fitted.nIter,
      converged: fitted.converged, dualGap: fitted.dualGap, history: o.recordHistory ? fitted.history : new Float64Array(0),
    };
    return this;
  }

  private fitted(use: string): Fitted {
    if (!this.state) throw new NotFittedError("LogisticRegression", use);
    return this.state;
  }

  /** The classes seen by fit, in sorted order (predictProba's columns). */
  get classes(): Label[] {
    return [...this.fitted("reading classes").classes];
  }

  /** The weights: d values for the binomial model, d x K row-major (column k: class k) for the multinomial. */
  get coef(): Float64Array {
    return this.fitted("reading coef").coef.slice();
  }

  /** The binomial model's intercept (the log-odds of the second class at x = 0). */
  get intercept(): number {
    const state = this.fitted("reading intercept");
    if (state.multinomial) throw new TypeError("A multinomial LogisticRegression has one intercept per class: read intercepts.");
    return state.intercepts[0];
  }

  /** The intercepts: one (binomial) or one per class (multinomial, determined up to a common constant). */
  get intercepts(): Float64Array {
    return this.fitted("reading intercepts").intercepts.slice();
  }

  /** Newton iterations the last fit ran. */
  get nIter(): number {
    return this.fitted("reading nIter").nIter;
  }

  /** Whether the last fit met tol. */
  get converged(): boolean {
    return this.fitted("reading converged").converged;
  }

  /**
   * The duality gap of the last fit at its weights (on the standardized problem under standardize; NaN without a
   * penalty): an upper bound on how far its objective is above the optimum (see the README's objective).
   */
  get dualGap(): number {
    return this.fitted("reading dualGap").dualGap;
  }

  /** The objective after each iteration (Newton's for newton-cd; empty with recordHistory false). */
  get history(): Float64Array {
    return this.fitted("reading history").history.slice();
  }

  /** The features' names, when the fit was given them (fit's `featureNames`, or X from fromRecords or fromArrow). */
  get featureNames(): string[] | undefined {
    return this.fitted("reading featureNames") && namesOf(this.schema);
  }

  /** The table columns the features encode (text columns one-hot), when the fit was given names. */
  get columns(): ColumnEncoding[] | undefined {
    return this.fitted("reading columns") && columnsOf(this.schema);
  }

  /** The names of the features, from the CV that refitted this model on its rows. @internal */
  useSchema(schema: FeatureSchema | null): void {
    checkSchemaCount(schema, this.fitted("useSchema").nFeatures);
    this.schema = schema;
  }

  /**
   * x w + b per row (binomial: n values, the log-odds of the second class) or per row and class (n x K). X may be
   * records (objects keyed by feature name) when the model knows its features' names, as for every method below.
   */
  decisionFunction(X: MatrixInput | readonly TableRecord[]): Float64Array {
    const state = this.fitted("decisionFunction");
    const input = readInput(X, this.schema, "LogisticRegression", "predict", this.options.onWarning) as MatrixInput;
    return predictInput(this.options.backend, input, state.coef, state.intercepts, (cols) => {
      if (cols !== state.nFeatures) throw new RangeError(`X has ${cols} columns but the model was fitted on ${state.nFeatures}: pass the same features.`);
    });
  }

  /** log p(class | x) per row and class (n x K row-major, columns in `classes` order), computed stably. */
  predictLogProba(X: MatrixInput | readonly TableRecord[]): Float64Array {
    const state = this.fitted("predictLogProba");
    return logProbabilities(this.decisionFunction(X), state.multinomial, state.classes.length);
  }

  /** p(class | x) per row and class (n x K row-major, columns in `classes` order; each row sums to 1). */
  predictProba(X: MatrixInput | readonly TableRecord[]): Float64Array {
    this.fitted("predictProba");
    return this.predictLogProba(X).map(Math.exp);
  }

  /** The most probable class of each row. */
  predict(X: MatrixInput | readonly TableRecord[]): Label[] {
    const state = this.fitted("predict");
    return mostProbable(this.predictLogProba(X), state.classes);
  }

  /** The accuracy: the share of rows whose predicted class equals y's label. */
  score(X: MatrixInput | readonly TableRecord[], y: ArrayLike<Label>): number {
    return accuracy(this.predict(X), y);
  }

  /**
   * The fitted weights as a sparse model (CSR, one row per class of the multinomial model, one for the binomial),
   * which predicts labels and probabilities as this model does at one multiplication per non-zero weight.
   */
  toSparse(): SparseLogisticModel {
    const { coef, intercepts, classes, multinomial } = this.fitted("toSparse");
    const k = intercepts.length;
    const d = coef.length / k;
    const rows = Array.from({ length: k }, (_, o) => Float64Array.from({ length: d }, (_, j) => coef[j * k + o]));
    return new SparseLogisticModel(new SparseLinearModel(CsrMatrix.fromDense(rows), intercepts, this.options.backend), classes, multinomial);
  }
}

/** The fitted state of a LogisticRegression's JSON, checked: labels, shapes, finite weights. */
function readFitted(fitted: unknown): Fitted {
  const bad = (what: string) => new TypeError(`LogisticRegression.fromJSON: ${what}; pass the output of toJSON().`);
  if (!isPlainObject(fitted)) throw bad("fitted is not an object");
  const { classes, multinomial, nFeatures, coef, intercepts, nIter, converged, dualGap, history } = fitted;
  const { classes: checked } = encodeLabels(classes, "fitted.classes");
  if (!Array.isArray(classes) || checked.length !== classes.length || checked.some((label, k) => label !== classes[k])) {
    throw bad("fitted.classes must be distinct labels in sorted order");
  }
  if (typeof multinomial !== "boolean" || (!multinomial && checked.length !== 2)) throw bad("fitted.multinomial must be true for more than two classes");
  if (!Number.isInteger(nFeatures) || (nFeatures as number) < 1) throw bad("fitted.nFeatures must be a positive integer");
  const columns = multinomial ? checked.length : 1;
  const numbers = (values: unknown, length: number, name: string) => {
    if (!Array.isArray(values) || values.length !== length || !values.every((v) => typeof v === "number" && Number.isFinite(v))) {
      throw bad(`fitted.${name} must hold ${length} finite number${length === 1 ? "" : "s"}`);
    }
    return Float64Array.from(values as number[]);
  };
  return {
    classes: checked, multinomial, nFeatures: nFeatures as number, coef: numbers(coef, (nFeatures as number) * columns, "coef"),
    intercepts: numbers(intercepts, columns, "intercepts"), nIter: Number(nIter), converged: converged === true,
    dualGap: gapOf(dualGap, bad),
    history: numbers(history, Array.isArray(history) ? history.length : -1, "history"),
  };
}

/** The JSON's dualGap: a number, or null (or absent, in files written before it was kept) for NaN. */
function gapOf(value: unknown, bad: (what: string) => TypeError): number {
  if (value === null || value === undefined) return Number.NaN;
  if (typeof value !== "number") throw bad("fitted.dualGap must be a number or null");
  return value;
}

/** The settings of a logistic fit from resolved options (the estimator's, the path's or the CV's). */
export function logisticSettings(
  o: Omit<LogisticSettings, "rho" | "solver" | "learningRate"> & { l1Ratio: number; solver?: string; learningRate?: number },
): LogisticSettings {
  const { l1Ratio, fitIntercept, standardize, maxIter, tol, positive, classWeight, multiClass, backend } = o;
  // The path and the CV fit by newton-cd, the one solver they take; learningRate is gd's alone.
  const solver = (o.solver ?? "newton-cd") as LogisticSolver;
  return { rho: l1Ratio, fitIntercept, standardize, maxIter, tol, positive, classWeight, multiClass, backend, solver, learningRate: o.learningRate ?? 0 };
}
