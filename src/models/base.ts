// What the least-squares estimators share: their options, and fitting through the one pipeline
// (prepare -> solver table -> unscale), from rows, from a prepared Design, or from sufficient statistics.

import type { BackendName } from "../backend.js";
import type { Design } from "../design/design.js";
import { GramAccumulator, type GramStatistics } from "../gram-accumulator.js";
import type { MatrixInput, VectorInput } from "../input.js";
import { fitDesign, fitStatistics, withDesign, type FitPlan } from "../pipeline/fit.js";
import type { FittedState } from "../pipeline/fitted-state.js";
import type { SolverParams } from "../solvers/solver.js";
import { SOLVERS, type SolverName } from "../solvers/table.js";
import { FittedModel, type FittedJSON } from "./fitted-model.js";
import { describeValue, isPlainObject } from "../options/checks.js";
import { checkOptionsObject, isApplicable, optionsFor, OWNERS, resolveOptions, withoutUnusedDefaults, type ModelOwner, type Solver } from "../options/schema.js";
import type { JsonOptions, LinearModelOptions, ResolvedOptions } from "./options.js";
import type { ColumnEncoding } from "../tables/columns.js";
import { checkSchemaCount, fitSchema, readSchemaJSON, schemaToJSON, type FeatureSchema } from "../tables/feature-schema.js";

export type { FittedState, Targets } from "./fitted-model.js";

/** Options of one fit. */
export interface FitOptions {
  /** Non-negative weight of each row (scikit-learn's sample_weight: rescaled to sum to n). CD, FISTA, closed form. */
  sampleWeight?: ArrayLike<number>;
  /**
   * The name of each column of X (scikit-learn's feature_names_in_): kept by the model, saved in its JSON, and checked
   * when it predicts from records or named matrices. X from fromRecords or fromArrow brings its own.
   */
  featureNames?: readonly string[];
}

/** Checks the options of one fit against the option schema (owner "fit"): unknown names are refused. */
export function checkFitOptions(options: unknown): FitOptions {
  // Own fields even when undefined: a sampleWeight polluting Object.prototype is not read as this fit's.
  const { sampleWeight, featureNames } = resolveOptions("fit", options);
  return { sampleWeight, featureNames };
}

/** The serialized form of a model: plain JSON, restored exactly by the class's static `fromJSON` (or `modelFromJSON`). */
export interface ModelJSON {
  format: "regularized";
  version: 1;
  model: string;
  /** The resolved options that apply to the model and its solver, but functions (onWarning). */
  options: JsonOptions;
  fitted: null | FittedJSON;
  /** The features' names, when the model was fitted with them. */
  featureNames?: string[];
  /** The table columns the features encode, when one of them is one-hot encoded. */
  columns?: ColumnEncoding[];
}

/**
 * The estimators of least squares with a penalty lambda (rho ||w||_1 + (1 - rho)/2 ||w||^2): options, fitting,
 * and (from {@link FittedModel}) prediction, scoring and serialization. Subclasses name rho and their solvers.
 */
export abstract class LinearModel extends FittedModel {
  /** The class's name in messages, JSON and the option schema. */
  declare static readonly modelName: ModelOwner;
  declare readonly modelName: ModelOwner;
  protected options: ResolvedOptions;
  /** The options as given (and accepted), which setOptions changes. */
  private given: object;

  protected constructor(options: unknown) {
    super((new.target as unknown as typeof LinearModel).modelName);
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

  protected get backendName(): BackendName {
    return this.options.backend;
  }

  protected warn(message: string): void {
    this.options.onWarning(message);
  }

  /**
   * Changes options (scikit-learn's set_params), keeping the fitted state: with `warmStart: true` the next
   * fit, say at a smaller lambda, starts from the current coefficients. With a new solver, the options given
   * before that it does not use are dropped; a tol you gave is kept, and an unset tol takes the new solver's default.
   */
  setOptions(options: Partial<LinearModelOptions> & Record<string, unknown>): this {
    checkOptionsObject(this.modelName, options);
    const solver = options.solver ?? this.options.solver;
    const carried = solver === this.options.solver ? this.given : Object.fromEntries(
      Object.entries(this.given).filter(([name]) => isApplicable(name, this.modelName, solver as Solver)),
    );
    const given = { ...carried, ...options };
    this.options = this.resolve(given);
    this.given = given;
    return this;
  }

  /** rho of the penalty lambda (rho ||w||_1 + (1 - rho)/2 ||w||^2): 0 ridge, 1 lasso. */
  protected abstract get rho(): number;

  /** Whether y may hold several outputs (rows of k values). */
  protected get multiOutput(): boolean {
    return false;
  }

  /** The solver-table entry that runs a `solver` option (the multi-task models run "cd" as multi-task CD). */
  protected tableSolver(solver: string): SolverName {
    if (!Object.hasOwn(SOLVERS, solver)) throw new RangeError(`${this.modelName} has no solver "${solver}".`);
    return solver as SolverName;
  }

  /** Parameters a model adds for d features (GroupLasso's groups). */
  protected extraParams(_d: number): Partial<SolverParams> {
    return {};
  }

  /**
   * Fits the model to X (n x d) and y (n), or to a {@link Design} prepared once (then without y); returns this.
   * A fit that throws (including an onWarning that throws) leaves the model as it was.
   */
  fit(X: MatrixInput | Design, y?: VectorInput, options: FitOptions = {}): this {
    return this.fitWith(this.options.solver, X, y, options);
  }

  protected fitWith(solver: string, X: unknown, y: unknown, options: FitOptions = {}): this {
    const fitOptions = checkFitOptions(options);
    const schema = fitSchema(X, fitOptions.featureNames, this.modelName);
    const state = withDesign(X, y, this.options.backend, this.modelName, this.multiOutput, (design) =>
      fitDesign(design, this.plan(solver, design.cols, design.outputs, fitOptions)));
    checkSchemaCount(schema, state.nFeatures);
    return this.accept(state, solver, schema);
  }

  /** What the pipeline runs for a fit with this solver on d features and k outputs. */
  protected plan(solver: string, d: number, k: number, options: FitOptions): FitPlan<SolverName> {
    const o = this.options;
    const params: SolverParams = {
      owner: this.modelName, lambda: o.lambda, rho: this.rho, maxIter: o.maxIter, tol: o.tol, positive: o.positive,
      precompute: o.precompute, selection: o.selection, seed: o.seed, learningRate: o.learningRate,
      fitIntercept: o.fitIntercept, ...this.extraParams(d),
    };
    return {
      solver: this.tableSolver(solver),
      params,
      prepare: { fitIntercept: o.fitIntercept, standardize: o.standardize, sampleWeight: options.sampleWeight },
      start: o.warmStart && solver !== "gd" ? this.previousCoef(d, k) : null,
      recordHistory: o.recordHistory,
    } as FitPlan<SolverName>;
  }

  /** How the iteration limit reads in the not-converged warning. */
  protected get iterationLimit(): string {
    return `${this.options.maxIter} iterations`;
  }

  /** Warns if the fit did not converge, then makes it the model's state (so a throwing onWarning leaves it out). */
  protected accept(state: FittedState, solver: string, schema: FeatureSchema | null = null): this {
    if (!state.converged) {
      this.options.onWarning(
        `${this.modelName} (solver "${solver}") did not converge in ${this.iterationLimit} (tol ${this.options.tol})` +
          (solver === "sgd" ? "." : `: raise maxIter, ${solver === "gd" ? "raise learningRate" : "raise tol"}, or standardize the features.`),
      );
    }
    this.state = state;
    this.schema = schema;
    return this;
  }

  /**
   * Fits from sufficient statistics instead of rows (a {@link GramAccumulator} or its JSON): solver "cd"
   * (covariance mode) or Ridge's "closed-form". Gives the same model as `fit` on all the rows.
   */
  fitGram(stats: GramAccumulator | GramStatistics): this {
    const { solver } = this.options;
    // The solver table says which solvers fit from statistics; the message names this model's.
    const fromStatistics = (name: string) => SOLVERS[this.tableSolver(name)].fromStatistics;
    if (!fromStatistics(solver)) {
      const usable = OWNERS[this.modelName].solvers.filter(fromStatistics).map((name) => `"${name}"`);
      throw new RangeError(usable.length > 0
        ? `fitGram needs solver ${usable.join(" or ")}, not "${solver}": the rows are not at hand.`
        : `${this.modelName} cannot fit from statistics: its solver "${solver}" needs the rows; call fit(X, y).`);
    }
    // Statistics given as JSON are checked (every field, sized by nFeatures) by reading them into an accumulator.
    const json = (stats instanceof GramAccumulator ? stats : GramAccumulator.fromJSON(stats, this.options.backend)).toJSON();
    return this.accept(fitStatistics(this.options.backend, json, this.plan(solver, json.nFeatures, 1, {})), solver);
  }

  /** A plain-JSON snapshot of the options that apply to this model and its solver, and of the fitted state. */
  toJSON(): ModelJSON {
    const options: Record<string, unknown> = {};
    for (const name of optionsFor(this.modelName, this.options.solver)) {
      const value: unknown = this.options[name as keyof ResolvedOptions];
      if (value === undefined || typeof value === "function") continue;
      options[name] = value instanceof Float64Array ? Array.from(value) : value;
    }
    return { format: "regularized", version: 1, model: this.modelName, options, fitted: this.fittedJSON(), ...schemaToJSON(this.schema) };
  }

  /** Restores a model from {@link LinearModel.toJSON}'s output (an object or its JSON string). */
  static fromJSON<T extends LinearModel>(this: new (options: never) => T, json: string | ModelJSON): T {
    if (typeof this !== "function" || (this as unknown as typeof LinearModel).modelName === undefined) {
      throw new TypeError(
        "fromJSON restores the class it is called on (Ridge.fromJSON(json)); to restore a model of any class, " +
          "call modelFromJSON(json).",
      );
    }
    const parsed = parseModelJSON(json);
    const name = (this as unknown as typeof LinearModel).modelName;
    if (typeof parsed.model !== "string") {
      throw new TypeError(`This JSON names no model (its "model" field is ${describeValue(parsed.model)}): pass the whole output of ${name}'s toJSON().`);
    }
    if (parsed.model !== name) {
      throw new TypeError(`This JSON holds a ${parsed.model}, not a ${name}: use ${parsed.model}.fromJSON (or modelFromJSON).`);
    }
    const model: LinearModel = new this(withoutUnusedDefaults(name, { ...parsed.options }) as never);
    model.restoreFitted(parsed.fitted, model.multiOutput);
    model.schema = readSchemaJSON(parsed, model.state?.nFeatures, "fromJSON");
    return model as T;
  }
}

/** Parses a model's JSON (an object or its string) and checks its format. */
export function parseModelJSON(json: string | ModelJSON): ModelJSON {
  const parsed = (typeof json === "string" ? parseText(json) : json) as ModelJSON | null;
  if (parsed?.format !== "regularized" || parsed.version !== 1) {
    throw new TypeError("fromJSON expects the output of toJSON() (format \"regularized\", version 1).");
  }
  if (!isPlainObject(parsed.options)) {
    throw new TypeError("fromJSON: the JSON has no options object; pass the output of toJSON().");
  }
  return parsed;
}

/** JSON.parse, its SyntaxError given as a TypeError that says what fromJSON takes. */
function parseText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new TypeError(`fromJSON: the text is not JSON (${(error as Error).message}): pass JSON.stringify(model) or model.toJSON().`);
  }
}
