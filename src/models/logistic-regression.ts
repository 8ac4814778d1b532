// Penalized logistic regression: the binomial model for two classes, the multinomial (softmax) model for more,
// fitted by proximal Newton with the library's coordinate descent inside (src/logistic/), on either backend.

import type { BackendName } from "../backend.js";
import { NotFittedError } from "../errors.js";
import type { MatrixInput } from "../input.js";
import { fitLogistic, type LogisticSettings } from "../logistic/fit.js";
import { encodeLabels, type Label } from "../logistic/labels.js";
import { logProbabilities } from "../logistic/link.js";
import { isPlainObject } from "../options/checks.js";
import { optionsFor, resolveOptions, type Resolved } from "../options/schema.js";
import { predictInput } from "../pipeline/predict.js";
import { checkFitOptions, parseModelJSON, type FitOptions, type ModelJSON } from "./base.js";

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
  /** Newton iterations at most (default 100). */
  maxIter?: number;
  /** Stop once the KKT residual, relative to the gradient at w = 0, is <= tol (default 1e-4). */
  tol?: number;
  positive?: boolean;
  /** Start the next fit from the current weights (same features and classes). */
  warmStart?: boolean;
  /** "balanced" (n / (K n_k)) or an object from label to weight; multiplies the rows' sample weights. */
  classWeight?: "balanced" | Readonly<Record<string, number>>;
  /** "auto" (default): binomial for two classes, multinomial above; "multinomial": softmax for any number. */
  multiClass?: "auto" | "multinomial";
  solver?: "newton-cd";
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
    converged: boolean; history: number[];
  };
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
  history: Float64Array;
}

/**
 * Penalized logistic regression (scikit-learn's `LogisticRegression(C = 1 / (n lambda), l1_ratio = rho)`, glmnet's
 * binomial and multinomial families with `standardize = FALSE, alpha = rho`): minimizes
 * -(1/n) sum_i log p(y_i | x_i) + lambda sum_k (rho ||w_k||_1 + (1 - rho)/2 ||w_k||^2), intercepts unpenalized.
 */
export class LogisticRegression {
  static readonly modelName = "LogisticRegression";
  private options: Resolved<"LogisticRegression">;
  private state?: Fitted;

  constructor(options: LogisticRegressionOptions = {}) {
    this.options = resolveOptions("LogisticRegression", options);
  }

  /** Changes options (checked as the constructor checks them); the fitted state stays until the next fit. */
  setOptions(options: LogisticRegressionOptions): this {
    const { onWarning, ...current } = this.options;
    this.options = resolveOptions("LogisticRegression", { ...current, onWarning, ...options });
    return this;
  }

  /**
   * The model as plain JSON (its options but onWarning, its classes, weights and fit record), restored exactly by
   * {@link LogisticRegression.fromJSON}.
   */
  toJSON(): LogisticRegressionJSON {
    const options = Object.fromEntries(optionsFor("LogisticRegression")
      .filter((name) => name !== "onWarning" && this.options[name as keyof typeof this.options] !== undefined)
      .map((name) => [name, this.options[name as keyof typeof this.options]]));
    const s = this.state;
    const fitted = s && {
      classes: s.classes, multinomial: s.multinomial, nFeatures: s.nFeatures, coef: Array.from(s.coef),
      intercepts: Array.from(s.intercepts), nIter: s.nIter, converged: s.converged, history: Array.from(s.history),
    };
    return { format: "regularized", version: 1, model: "LogisticRegression", options, fitted: fitted ?? null };
  }

  /** Restores a model from {@link LogisticRegression.toJSON}'s output (or that JSON as a string). */
  static fromJSON(json: string | LogisticRegressionJSON): LogisticRegression {
    const parsed = parseModelJSON(json as string | ModelJSON);
    if (parsed.model !== "LogisticRegression") {
      throw new TypeError(`LogisticRegression.fromJSON: the JSON is a ${JSON.stringify(parsed.model)}'s; restore it with that class's fromJSON.`);
    }
    const model = new LogisticRegression(parsed.options as LogisticRegressionOptions);
    if (parsed.fitted !== null) model.state = readFitted(parsed.fitted);
    return model;
  }

  /** Fits to X (rows, or { data, rows, cols }) and one label per row (numbers, strings or booleans); returns this. */
  fit(X: MatrixInput, y: ArrayLike<Label>, fitOptions: FitOptions = {}): this {
    const { sampleWeight } = checkFitOptions(fitOptions);
    const o = this.options;
    const start = o.warmStart ? this.state : undefined;
    const { classes, multinomial, nFeatures, states } = fitLogistic(X, y, logisticSettings(o), { lambdas: [o.lambda] }, sampleWeight, start);
    const [fitted] = states;
    if (!fitted.converged) {
      o.onWarning(`LogisticRegression (solver "newton-cd") did not converge in ${fitted.nIter} iterations (tol ${o.tol}): raise maxIter, raise tol, or standardize the features.`);
    }
    this.state = {
      classes, multinomial, nFeatures, coef: fitted.coef, intercepts: fitted.intercepts, nIter: fitted.nIter,
      converged: fitted.converged, history: o.recordHistory ? fitted.history : new Float64Array(0),
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

  /** The objective after each Newton iteration (empty with recordHistory false). */
  get history(): Float64Array {
    return this.fitted("reading history").history.slice();
  }

  /** x w + b per row (binomial: n values, the log-odds of the second class) or per row and class (n x K). */
  decisionFunction(X: MatrixInput): Float64Array {
    const state = this.fitted("decisionFunction");
    return predictInput(this.options.backend, X, state.coef, state.intercepts, (cols) => {
      if (cols !== state.nFeatures) throw new RangeError(`X has ${cols} columns but the model was fitted on ${state.nFeatures}: pass the same features.`);
    });
  }

  /** log p(class | x) per row and class (n x K row-major, columns in `classes` order), computed stably. */
  predictLogProba(X: MatrixInput): Float64Array {
    const state = this.fitted("predictLogProba");
    return logProbabilities(this.decisionFunction(X), state.multinomial, state.classes.length);
  }

  /** p(class | x) per row and class (n x K row-major, columns in `classes` order; each row sums to 1). */
  predictProba(X: MatrixInput): Float64Array {
    this.fitted("predictProba");
    return this.predictLogProba(X).map(Math.exp);
  }

  /** The most probable class of each row. */
  predict(X: MatrixInput): Label[] {
    const state = this.fitted("predict");
    const K = state.classes.length;
    const p = this.predictLogProba(X);
    return Array.from({ length: p.length / K }, (_, i) => {
      let best = 0;
      for (let k = 1; k < K; k++) if (p[i * K + k] > p[i * K + best]) best = k;
      return state.classes[best];
    });
  }

  /** The accuracy: the share of rows whose predicted class equals y's label. */
  score(X: MatrixInput, y: ArrayLike<Label>): number {
    const predicted = this.predict(X);
    const truth = Array.from(y);
    if (truth.length !== predicted.length) throw new RangeError(`y has ${truth.length} labels but X has ${predicted.length} rows: give one label per row.`);
    return predicted.reduce((hits: number, label, i) => hits + (label === truth[i] ? 1 : 0), 0) / truth.length;
  }
}

/** The fitted state of a LogisticRegression's JSON, checked: labels, shapes, finite weights. */
function readFitted(fitted: unknown): Fitted {
  const bad = (what: string) => new TypeError(`LogisticRegression.fromJSON: ${what}; pass the output of toJSON().`);
  if (!isPlainObject(fitted)) throw bad("fitted is not an object");
  const { classes, multinomial, nFeatures, coef, intercepts, nIter, converged, history } = fitted;
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
    history: numbers(history, Array.isArray(history) ? history.length : -1, "history"),
  };
}

/** The settings of a logistic fit from resolved options (the estimator's, the path's or the CV's). */
export function logisticSettings(o: Omit<LogisticSettings, "rho"> & { l1Ratio: number }): LogisticSettings {
  const { l1Ratio, fitIntercept, standardize, maxIter, tol, positive, classWeight, multiClass, backend } = o;
  return { rho: l1Ratio, fitIntercept, standardize, maxIter, tol, positive, classWeight, multiClass, backend };
}
