import type { Backend } from "../backend.js";
import { getBackend } from "../backends/registry.js";
import { withBlocks } from "../backends/with-blocks.js";
import { checkSameLength, toMatrix, toVector, type Matrix, type MatrixInput, type VectorInput } from "../input.js";
import { coordinateDescent, fistaSolve, HISTORY_LIMIT, type ExactResult } from "../solvers/exact.js";
import { GramAccumulator, type GramStatistics } from "../gram-accumulator.js";
import { GramData } from "../solvers/gram-data.js";
import { columnScales, LeastSquaresData, type PreparedData } from "../solvers/least-squares-data.js";
import { CsrMatrix } from "../sparse/csr.js";
import { SparseLinearModel } from "../sparse/sparse-model.js";
import { rSquared } from "../metrics.js";
import { isApplicable, optionsFor, resolveOptions, withoutUnusedDefaults, type ModelOwner, type Solver } from "../options/schema.js";
import { DivergedError, NotFittedError } from "./errors.js";
import type { JsonOptions, LinearModelOptions, ResolvedOptions } from "./options.js";

/** What a fit produces. */
export interface FittedState {
  /** d x k row-major (d for one output). */
  coef: Float64Array;
  /** k intercepts. */
  intercepts: Float64Array;
  nFeatures: number;
  nOutputs: number;
  history: Float64Array;
  nIter: number;
  converged: boolean;
  /** Duality gap of the last fit (CD, FISTA) on the objective; NaN for the solvers without one. */
  dualGap: number;
}

/** Options of one fit. */
export interface FitOptions {
  /** Non-negative weight of each row (scikit-learn's sample_weight: rescaled to sum to n). CD, FISTA, closed form. */
  sampleWeight?: ArrayLike<number>;
}

/** The serialized form of a model: plain JSON, restored exactly by the class's static `fromJSON` (or `modelFromJSON`). */
export interface ModelJSON {
  format: "regularized";
  version: 1;
  model: string;
  /** The resolved options that apply to the model and its solver, but functions (onWarning). */
  options: JsonOptions;
  fitted: null | {
    coef: number[];
    intercepts: number[];
    nFeatures: number;
    nOutputs: number;
    history: number[];
    nIter: number;
    converged: boolean;
    /** null stands for NaN (no gap), which JSON cannot hold. */
    dualGap: number | null;
  };
}

/** Targets as a row-major n x k block. */
export interface Targets {
  data: Float64Array;
  k: number;
}

/**
 * What the models share: options, input checks, the gradient-descent fit, prediction, scoring and
 * serialization. Each subclass sets its `modelName` (its name in the option schema) and the penalty's l1 ratio.
 */
export abstract class LinearModel {
  /** The class's name in messages, JSON and the option schema. */
  declare static readonly modelName: ModelOwner;
  /** The class name, used in messages and JSON. */
  readonly modelName: ModelOwner;
  protected options: ResolvedOptions;
  /** The options as given (and accepted), which setOptions changes. */
  private given: object;
  private state: FittedState | null = null;

  protected constructor(options: unknown) {
    this.modelName = (new.target as unknown as typeof LinearModel).modelName;
    this.options = this.resolve(options);
    this.given = { ...(options as object) };
  }

  private resolve(given: unknown): ResolvedOptions {
    const options = resolveOptions(this.modelName, given);
    this.checkOptions(options);
    return options;
  }

  /** Checks that relate several options (subclasses override it); throws to refuse them. */
  protected checkOptions(_options: ResolvedOptions): void {}

  /**
   * Changes options (scikit-learn's set_params), keeping the fitted state: with `warmStart: true` the next
   * fit, say at a smaller lambda, starts from the current coefficients. With a new solver, the options given
   * before that it does not use are dropped, and so is tol (each solver has its own default).
   */
  setOptions(options: Partial<LinearModelOptions> & Record<string, unknown>): this {
    const solver = options.solver ?? this.options.solver;
    const carried = solver === this.options.solver ? this.given : Object.fromEntries(
      Object.entries(this.given).filter(([name]) => name !== "tol" && isApplicable(name, this.modelName, solver as Solver)),
    );
    const given = { ...carried, ...options };
    this.options = this.resolve(given);
    this.given = given;
    return this;
  }

  /** rho of the penalty lambda (rho ||w||_1 + (1 - rho)/2 ||w||^2): 0 ridge, 1 lasso. */
  protected abstract get rho(): number;

  /**
   * Fits the model to X (n x d) and y (n); returns this. A fit that throws (including an onWarning that throws)
   * leaves the model as it was.
   */
  fit(X: MatrixInput, y: VectorInput, options: FitOptions = {}): this {
    return this.fitWith(this.options.solver, X, y, options);
  }

  protected fitWith(solver: string, X: MatrixInput, y: unknown, options: FitOptions = {}): this {
    const matrix = toMatrix(X, "X");
    const targets = this.targets(y, matrix.rows);
    return this.accept(this.solve(getBackend(this.options.backend), solver, matrix, targets, options), solver);
  }

  /** How the iteration limit reads in the not-converged warning. */
  protected get iterationLimit(): string {
    return `${this.options.maxIter} iterations`;
  }

  /** Warns if the fit did not converge, then makes it the model's state (so a throwing onWarning leaves it out). */
  protected accept(state: FittedState, solver: string): this {
    if (!state.converged) {
      this.options.onWarning(
        `${this.modelName} (solver "${solver}") did not converge in ${this.iterationLimit} (tol ${this.options.tol})` +
          (solver === "sgd" ? "." : `: raise maxIter, ${solver === "gd" ? "raise learningRate" : "raise tol"}, or standardize the features.`),
      );
    }
    this.state = state;
    return this;
  }

  /** Targets that may be several outputs: y as n rows of k values, or a vector (k = 1). */
  protected multiOutputTargets(y: unknown, rows: number): Targets {
    const first = typeof y === "object" && y !== null && (y as ArrayLike<unknown>).length > 0
      ? (y as ArrayLike<unknown>)[0]
      : undefined;
    if (typeof first !== "object" || first === null) return this.singleTarget(y, rows);
    const { data, rows: n, cols: k } = toMatrix(y, "y");
    checkSameLength(rows, "the rows of X", n, "y");
    return { data, k };
  }

  private singleTarget(y: unknown, rows: number): Targets {
    const data = toVector(y, "y");
    checkSameLength(rows, "the rows of X", data.length, "y");
    return { data, k: 1 };
  }

  /** Checks y against the number of rows; one output unless a subclass accepts several. */
  protected targets(y: unknown, rows: number): Targets {
    return this.singleTarget(y, rows);
  }

  /** Runs the solver: gradient descent on the raw rows, or an exact solver on the prepared data. */
  protected solve(backend: Backend, solver: string, X: Matrix, targets: Targets, options: FitOptions): FittedState {
    if (solver === "gd") return this.fitGradientDescent(backend, X, targets, options);
    const { fitIntercept, standardize } = this.options;
    const data = new LeastSquaresData(backend, X, targets.data, targets.k, { fitIntercept, standardize, sampleWeight: options.sampleWeight });
    try {
      return this.solvePrepared(backend, solver, data);
    } finally {
      data.free();
    }
  }

  /** Coordinate descent or FISTA on prepared data (Ridge adds the closed form): exact optimum, duality gap. */
  protected solvePrepared(backend: Backend, solver: string, data: PreparedData): FittedState {
    if (solver !== "cd" && solver !== "fista") throw new RangeError(`${this.modelName} has no solver "${solver}".`);
    if (data.k !== 1) {
      throw new RangeError(`solver "${solver}" fits one output: pass y as a vector, or use Ridge's closed form for ${data.k}.`);
    }
    const { lambda, maxIter, tol, positive, precompute, selection, seed, recordHistory, warmStart } = this.options;
    const params = { lambda, rho: this.rho, maxIter, tol, positive, precompute, selection, seed, recordHistory };
    const previous = warmStart && this.state?.nFeatures === data.d && this.state.nOutputs === 1 ? this.state.coef : null;
    const start = previous ? data.scaled(previous) : new Float64Array(data.d);
    const result: ExactResult = (solver === "cd" ? coordinateDescent : fistaSolve)(backend, data, params, start);
    const { coef, intercepts } = data.original(result.w);
    return {
      coef, intercepts, nFeatures: data.d, nOutputs: 1, history: result.history, nIter: result.nIter,
      converged: result.converged, dualGap: result.dualGap,
    };
  }

  /**
   * Fits from sufficient statistics instead of rows (a {@link GramAccumulator} or its JSON): solver "cd"
   * (covariance mode) or Ridge's "closed-form". Gives the same model as `fit` on all the rows.
   */
  fitGram(stats: GramAccumulator | GramStatistics): this {
    const { solver, fitIntercept, standardize } = this.options;
    if (solver !== "cd" && solver !== "closed-form") {
      throw new RangeError(`fitGram needs solver "cd"${this.modelName === "Ridge" ? ' or "closed-form"' : ""}, not "${solver}": the rows are not at hand.`);
    }
    const backend = getBackend(this.options.backend);
    const data = new GramData(backend, stats instanceof GramAccumulator ? stats.toJSON() : stats, { fitIntercept, standardize });
    let state: FittedState;
    try {
      state = this.solvePrepared(backend, solver, data);
    } finally {
      data.free();
    }
    return this.accept(state, solver);
  }

  /** The seed's gradient-descent loop, run whole by the backend in one call. */
  protected fitGradientDescent(backend: Backend, X: Matrix, targets: Targets, options: FitOptions): FittedState {
    if (targets.k !== 1) {
      throw new RangeError(`solver "gd" fits one output: pass y as a vector, or use solver "closed-form" for ${targets.k}.`);
    }
    if (options.sampleWeight !== undefined) {
      throw new RangeError('sampleWeight needs solver "cd", "fista" or "closed-form": the seed\'s gd loop has no weights.');
    }
    const { lambda, learningRate, maxIter, tol, fitIntercept, recordHistory, standardize } = this.options;
    const { rows, cols } = X;
    // standardize: GD runs on X with unit-variance columns (centering is absorbed by the intercept).
    const scale = standardize ? columnScales(X.data, rows, cols, undefined) : null;
    const data = scale ? X.data.map((v, k) => v / scale[k % cols]) : X.data;
    const params = { lambda, rho: this.rho, learningRate, maxIter, tol, fitIntercept };
    return withBlocks(backend, [data, targets.data, new Float64Array(cols)], ([Xb, yb, w]) => {
      const history = recordHistory ? backend.alloc(Math.min(maxIter, HISTORY_LIMIT)) : null;
      try {
        const result = backend.gdFit(Xb, rows, cols, yb, params, w, history);
        if (result.outcome === "diverged") {
          throw new DivergedError(this.modelName, result.loss, result.nIter, learningRate);
        }
        return {
          coef: scale ? w.values.map((v, j) => v / scale[j]) : w.values.slice(),
          intercepts: Float64Array.of(result.intercept),
          nFeatures: cols,
          nOutputs: 1,
          history: history ? history.values.slice(0, Math.min(result.nIter, history.length)) : new Float64Array(0),
          nIter: result.nIter,
          converged: result.outcome === "converged",
          dualGap: Number.NaN,
        };
      } finally {
        if (history) backend.free(history);
      }
    });
  }

  /** The current coefficients when the model was fitted on d features and k outputs (for warm starts). */
  protected previousCoef(d: number, k: number): Float64Array | null {
    return this.state?.nFeatures === d && this.state.nOutputs === k ? this.state.coef : null;
  }

  protected fitted(use: string): FittedState {
    if (!this.state) throw new NotFittedError(this.modelName, use);
    return this.state;
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

  /** Predictions X w + b: n values, or n x k row-major for a multi-output fit. */
  predict(X: MatrixInput): Float64Array {
    const state = this.fitted("predict");
    const { data, rows, cols } = toMatrix(X, "X");
    if (cols !== state.nFeatures) {
      throw new RangeError(
        `X has ${cols} features but this ${this.modelName} was fitted on ${state.nFeatures}: pass the same columns in the same order.`,
      );
    }
    const backend = getBackend(this.options.backend);
    const k = state.nOutputs;
    const out = new Float64Array(rows * k);
    withBlocks(backend, [data, new Float64Array(cols), new Float64Array(rows)], ([Xb, w, p]) => {
      for (let o = 0; o < k; o++) {
        w.values.set(Float64Array.from({ length: cols }, (_, j) => state.coef[j * k + o]));
        backend.gemv(Xb, rows, cols, w, p);
        p.values.forEach((v, i) => (out[i * k + o] = v + state.intercepts[o]));
      }
    });
    return out;
  }

  /** Coefficient of determination R^2 = 1 - SS_res / SS_tot (averaged over outputs). */
  score(X: MatrixInput, y: VectorInput | ArrayLike<ArrayLike<number>>): number {
    const state = this.fitted("score");
    const predicted = this.predict(X);
    const { data: truth, k } = this.targets(y, predicted.length / state.nOutputs);
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
    return new SparseLinearModel(CsrMatrix.fromDense(transposed), intercepts, this.options.backend);
  }

  /** A plain-JSON snapshot of the options that apply to this model and its solver, and of the fitted state. */
  toJSON(): ModelJSON {
    const options: Record<string, unknown> = {};
    for (const name of optionsFor(this.modelName, this.options.solver)) {
      const value: unknown = this.options[name as keyof ResolvedOptions];
      if (value === undefined || typeof value === "function") continue;
      options[name] = value instanceof Float64Array ? Array.from(value) : value;
    }
    const s = this.state;
    return {
      format: "regularized",
      version: 1,
      model: this.modelName,
      options,
      fitted: s && {
        coef: Array.from(s.coef),
        intercepts: Array.from(s.intercepts),
        nFeatures: s.nFeatures,
        nOutputs: s.nOutputs,
        history: Array.from(s.history),
        nIter: s.nIter,
        converged: s.converged,
        dualGap: Number.isNaN(s.dualGap) ? null : s.dualGap,
      },
    };
  }

  /** Restores a model from {@link LinearModel.toJSON}'s output (an object or its JSON string). */
  static fromJSON<T extends LinearModel>(this: new (options: never) => T, json: string | ModelJSON): T {
    const parsed = parseModelJSON(json);
    const name = (this as unknown as typeof LinearModel).modelName;
    if (parsed.model !== name) {
      throw new TypeError(`This JSON holds a ${parsed.model}, not a ${name}: use ${parsed.model}.fromJSON (or modelFromJSON).`);
    }
    const model: LinearModel = new this(withoutUnusedDefaults(name, { ...parsed.options }) as never);
    const f = parsed.fitted;
    if (f) {
      const coef = toVector(f.coef, "fitted.coef");
      const intercepts = toVector(f.intercepts, "fitted.intercepts");
      checkSameLength(f.nFeatures * f.nOutputs, "nFeatures * nOutputs", coef.length, "fitted.coef");
      checkSameLength(f.nOutputs, "nOutputs", intercepts.length, "fitted.intercepts");
      model.state = {
        coef, intercepts, nFeatures: f.nFeatures, nOutputs: f.nOutputs,
        history: toVector(f.history, "fitted.history"), nIter: f.nIter, converged: f.converged,
        dualGap: f.dualGap ?? Number.NaN,
      };
    }
    return model as T;
  }
}

/** Parses a model's JSON (an object or its string) and checks its format. */
export function parseModelJSON(json: string | ModelJSON): ModelJSON {
  const parsed = (typeof json === "string" ? JSON.parse(json) : json) as ModelJSON | null;
  if (parsed?.format !== "regularized" || parsed.version !== 1) {
    throw new TypeError("fromJSON expects the output of toJSON() (format \"regularized\", version 1).");
  }
  if (typeof parsed.options !== "object" || parsed.options === null) {
    throw new TypeError("fromJSON: the JSON has no options object; pass the output of toJSON().");
  }
  return parsed;
}
