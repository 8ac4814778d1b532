// The option schema: every option of the estimators, paths, CV estimators and optimizers in one table (its
// default, its check, a line of documentation, and the owners and solvers it applies to), and the one resolver
// that all of them, fromJSON, fitInWorker and the command line go through. A leaf: it imports only its checks.

import {
  checkBoolean, checkFeatureNames, checkChoice, checkFraction, checkFunction, checkL1Ratio, checkLambda, checkList, checkPositive,
  checkPositiveInteger, checkSeed, describeValue, isPlainObject, MAX_ITER_LIMIT, parseNumber, parseNumberList,
} from "./checks.js";

/** The solvers options can be restricted to. */
export const SOLVERS = ["closed-form", "cd", "fista", "gd", "sgd", "newton-cd"] as const;
/** A solver name. */
export type Solver = (typeof SOLVERS)[number];

/** The backends; the same names as `BackendName` in src/backend.ts. */
export const BACKENDS = ["wasm", "js"] as const;
/** A backend name (the schema's copy of `BackendName`, which tests hold equal). */
export type BackendChoice = (typeof BACKENDS)[number];

/** Options shared by the functional API (penalties, kernels, LU, CSR). */
export interface BackendOptions {
  /** Which implementation computes: `"wasm"` (default; needs `await init()`) or `"js"`. */
  backend?: BackendChoice;
}

/**
 * What takes options: each estimator, path function, CV estimator and optimizer, with its solvers (the first is
 * the default). `label` names the owner in "Unknown option" messages when it differs.
 */
export const OWNERS = {
  Ridge: { solvers: ["closed-form", "cd", "fista", "gd"] },
  Lasso: { solvers: ["cd", "fista", "gd"] },
  ElasticNet: { solvers: ["cd", "fista", "gd"] },
  MultiTaskLasso: { solvers: ["cd"] },
  MultiTaskElasticNet: { solvers: ["cd"] },
  GroupLasso: { solvers: ["fista"] },
  SGDRegressor: { solvers: ["sgd"] },
  LogisticRegression: { solvers: ["newton-cd", "fista", "gd"] },
  logisticPath: { solvers: ["newton-cd"] },
  LogisticRegressionCV: { solvers: ["newton-cd"] },
  enetPath: { solvers: ["cd"], label: "enetPath/lassoPath" },
  lassoPath: { solvers: ["cd"], label: "enetPath/lassoPath" },
  ElasticNetCV: { solvers: ["cd"] },
  LassoCV: { solvers: ["cd"] },
  RidgeCV: { solvers: ["closed-form"] },
  SGD: { solvers: ["sgd"] },
  Adam: { solvers: ["sgd"] },
  AdamW: { solvers: ["sgd"] },
  /** The options of one fit: `fit(X, y, { sampleWeight })` on any estimator. */
  fit: { solvers: ["closed-form", "cd", "fista", "gd", "sgd", "newton-cd"], label: "fit(X, y, options)" },
  /** A design prepared for several fits: `prepareDesign(X, y, { backend })`. */
  prepareDesign: { solvers: ["closed-form", "cd", "fista", "gd", "sgd"] },
} as const satisfies Record<string, { solvers: readonly Solver[]; label?: string }>;
/** What takes options. */
export type Owner = keyof typeof OWNERS;

/** The classifier (its options beside the regression models'). */
const CLASSIFIERS = ["LogisticRegression"] as const;
/** The logistic path and its cross-validation. */
const LOGISTIC_GRID = ["logisticPath", "LogisticRegressionCV"] as const;
/** Everything logistic. */
const LOGISTIC = [...CLASSIFIERS, ...LOGISTIC_GRID] as const;

const MODELS = ["Ridge", "Lasso", "ElasticNet", "MultiTaskLasso", "MultiTaskElasticNet", "GroupLasso", "SGDRegressor"] as const;
/** The estimators that are models (LinearModel subclasses). */
export type ModelOwner = (typeof MODELS)[number];
const SINGLE = ["Ridge", "Lasso", "ElasticNet"] as const;
const MULTI_TASK = ["MultiTaskLasso", "MultiTaskElasticNet"] as const;
const PATHS = ["enetPath", "lassoPath"] as const;
const CV = ["ElasticNetCV", "LassoCV"] as const;
const ADAPTIVE = ["Adam", "AdamW"] as const;
/** Owners whose `eps` is the end of a lambda grid rather than Adam's epsilon. */
const GRID_OWNERS: readonly Owner[] = [...PATHS, ...CV, "logisticPath", "LogisticRegressionCV"];
/** The same value for each of `owners`. */
const each = <T>(owners: readonly Owner[], value: T): Partial<Record<Owner, T>> => Object.fromEntries(owners.map((owner) => [owner, value]));

/** What a check or a default may depend on. */
export interface OptionContext {
  owner: Owner;
  solver: Solver;
}

/** The command-line subcommands whose flags come from the schema. */
export type CliCommand = "fit" | "path";

/** How an option appears on the command line: `--kebab-case-name`. */
export interface CliSpec {
  commands: readonly CliCommand[];
  /** The value's placeholder in the help (`<x>`); absent for a boolean flag. */
  arg?: string;
  /** Reads the flag's text (throws a TypeError naming the flag); the schema's check runs when the options are resolved. */
  parse?: (text: string, flag: string) => unknown;
  /** The default a command uses instead of the schema's. */
  defaults?: Partial<Record<CliCommand, unknown>>;
  /** The help of a command where the doc, written for the library, would not say what the flag takes there. */
  help?: Partial<Record<CliCommand, string>>;
  /**
   * Where the command line takes a comma-separated list (parse then returns an array), for the refusal of a list
   * where the estimator takes one value; the estimators in the option's listFor take it.
   */
  list?: string;
}

/**
 * One option: T is its resolved type (its check's return type, with undefined for an option without a default),
 * A the owners it applies to, L the owners that take a list of values.
 */
export interface OptionSpec<T = unknown, A extends readonly Owner[] = readonly Owner[], L extends readonly Owner[] = readonly Owner[]> {
  /** One line: what it does (the defaults are the data above); the command-line help too. */
  doc: string;
  appliesTo: A;
  /** The solvers that use it (all when absent). */
  solvers?: readonly Solver[];
  /** Solvers that accept it without using it (compatibility). */
  tolerated?: readonly Solver[];
  /**
   * The value when not given: a value, or a function of the owner and solver (so a function-valued option's
   * default is wrapped: `() => fn`); absent: undefined.
   */
  default?: NoInfer<T> | ((context: OptionContext) => NoInfer<T>);
  /** Owners whose default differs (plain values: a function default makes a fresh array each time). */
  defaultFor?: Partial<Record<Owner, NoInfer<T>>>;
  /** Validates a given value and returns it (normalized); errors name the option and the value. */
  check(value: unknown, name: string, context: OptionContext): T;
  /** Owners that take one value or a list of them (resolved to a list). */
  listFor?: L;
  /** Owners in appliesTo that cannot do without it fail with "`Owner` needs `name`: `required`." */
  required?: string;
  /** What to do instead, for owners that do not take it. */
  refusal?: Partial<Record<Owner, string>>;
  /** Why the other solvers do not take it ("cannot constrain the signs"). */
  solverHint?: string;
  cli?: CliSpec;
}

function option<T, const A extends readonly Owner[], const L extends readonly Owner[] = []>(spec: OptionSpec<T, A, L>): OptionSpec<T, A, L> {
  return spec;
}

const defaultSolver = (owner: Owner): Solver => OWNERS[owner].solvers[0];

const MIX = "mix of the penalties in [0, 1]: 1 is the lasso, 0 ridge";

const GROUPS_EXAMPLE = "lists of feature indices such as [[0, 1], [2], [3, 4, 5]]";

/** "balanced", or a plain object from label (as a string key) to a weight >= 0. */
function checkClassWeight(value: unknown, name: string): "balanced" | Readonly<Record<string, number>> {
  if (value === "balanced") return value;
  if (!isPlainObject(value)) {
    throw new TypeError(`${name} must be "balanced" or an object from label to weight such as { benign: 1, malignant: 2 }, got ${describeValue(value)}.`);
  }
  // No prototype: a label such as "__proto__" or "constructor" is a key like any other.
  const weights: Record<string, number> = Object.create(null) as Record<string, number>;
  for (const [label, weight] of Object.entries(value)) {
    if (typeof weight !== "number" || !(weight >= 0) || weight === Infinity) {
      throw new RangeError(`${name}[${JSON.stringify(label)}] must be a finite number >= 0, got ${describeValue(weight)}.`);
    }
    weights[label] = weight;
  }
  return weights;
}

/** Sorted decreasing, every entry >= 0 (RidgeCV: > 0). */
function checkLambdas(value: unknown, name: string, context: OptionContext): Float64Array | undefined {
  const list = checkList(value, name, (v, n) => {
    const lambda = checkLambda(v, n);
    if (lambda === 0 && context.owner === "RidgeCV") throw new RangeError(`${n} is 0: RidgeCV's candidates must be > 0.`);
    return lambda;
  });
  if (list.length === 0) throw new RangeError(`${name} is empty: give at least one value, or leave it out for the default.`);
  return Float64Array.from(list).sort().reverse();
}

/** The table: one entry per option name. */
export const OPTIONS = {
  lambda: option({
    doc: "regularization strength, >= 0 (LogisticRegression: on the mean log-loss, default 0.01)",
    appliesTo: [...MODELS, ...CLASSIFIERS],
    default: 1,
    // The mean log-loss is O(1) where the squared error is O(var y): a light penalty there (see the README).
    defaultFor: { LogisticRegression: 0.01 },
    check: (v, name) => checkLambda(v, name),
    refusal: {
      ...each(PATHS, "pass lambdas, or let nLambdas and eps make the grid"),
      ...each([...CV, "RidgeCV", "LogisticRegressionCV"], "cross-validation chooses it: pass lambdas to choose among"),
      logisticPath: "pass lambdas, or let nLambdas and eps make the grid",
      SGD: "use weightDecay", Adam: "use l2", AdamW: "use weightDecay",
    },
    cli: { commands: ["fit"], arg: "x", parse: parseNumber },
  }),
  l1Ratio: option({
    doc: `${MIX} (ElasticNetCV: one value, or an array of them to cross-validate, each in (0, 1])`,
    appliesTo: ["ElasticNet", "MultiTaskElasticNet", "SGDRegressor", "enetPath", "ElasticNetCV", ...LOGISTIC],
    // LassoCV too, so that the value it holds (unused) has the shape ElasticNetCV's has.
    listFor: CV,
    default: 0.5,
    // scikit-learn's LogisticRegression penalizes with L2 by default.
    defaultFor: { SGDRegressor: 0.15, LogisticRegression: 0, logisticPath: 1, LogisticRegressionCV: 1 },
    check: (v, name, c) => {
      const rho = checkL1Ratio(v, name);
      if (rho === 0 && c.owner === "ElasticNetCV") {
        throw new RangeError(`${name} is 0: cross-validating a path needs an L1 part (use RidgeCV for ridge).`);
      }
      if (rho === 0 && (c.owner === "logisticPath" || c.owner === "LogisticRegressionCV")) {
        throw new RangeError(`${name} is 0: a logistic path needs an L1 part for its lambdaMax (use LogisticRegression with a lambda for ridge).`);
      }
      return rho;
    },
    refusal: {
      Ridge: "use ElasticNet to mix L1 and L2", Lasso: "it is 1; use ElasticNet for another mix",
      MultiTaskLasso: "it is 1; use MultiTaskElasticNet for another mix", GroupLasso: "its penalty is the group norm",
      lassoPath: "it is 1; use enetPath for another mix", LassoCV: "it is 1; use ElasticNetCV for another mix",
      RidgeCV: "it is 0; use ElasticNetCV to cross-validate a mix",
    },
    cli: {
      commands: ["fit", "path"], arg: "r", parse: parseNumberList, defaults: { path: 1 },
      help: {
        fit: `${MIX}; one value, or with --model elasticnet --cv a comma-separated list such as 0.2,0.5,1 to cross-validate each; with --cv each must be > 0`,
        path: "mix of the penalties in (0, 1]: 1 is the lasso path; one value",
      },
      list: "fit --model elasticnet --cv K, which cross-validates each",
    },
  }),
  fitIntercept: option({
    doc: "fit an unpenalized intercept; false fixes it at 0",
    appliesTo: [...MODELS, ...PATHS, ...CV, "RidgeCV", ...LOGISTIC],
    default: true,
    check: (v, name) => checkBoolean(v, name),
  }),
  backend: option({
    doc: 'which implementation computes: "wasm" (needs init()) or "js"',
    appliesTo: (Object.keys(OWNERS) as Owner[]).filter((owner) => owner !== "fit"),
    default: "wasm",
    check: (v, name) => checkChoice(v, name, BACKENDS),
    cli: { commands: ["fit", "path"], arg: "name" },
  }),
  solver: option({
    doc: 'the algorithm: "closed-form" (Ridge), "cd", "fista" or "gd" (default: closed-form for Ridge, else the only one or cd); LogisticRegression: "newton-cd" (default), "fista" or "gd"',
    appliesTo: [...MODELS, ...CLASSIFIERS],
    default: (c) => defaultSolver(c.owner),
    check: (v, _name, c) => checkChoice(v, `solver of ${c.owner}`, OWNERS[c.owner].solvers as readonly Solver[]),
    refusal: {
      ...each(PATHS, "paths run coordinate descent"), ...each(CV, "cross-validation runs coordinate descent"),
      RidgeCV: "leave-one-out errors come from one eigendecomposition",
    },
    cli: { commands: ["fit"], arg: "name" },
  }),
  maxIter: option({
    doc: `iteration (gd, fista) or epoch (cd) limit, up to ${MAX_ITER_LIMIT}; reaching it is no error (converged is false)`,
    appliesTo: [...SINGLE, ...MULTI_TASK, "GroupLasso", ...PATHS, ...CV, ...LOGISTIC],
    solvers: ["cd", "fista", "gd", "newton-cd"],
    solverHint: "does not iterate",
    // newton-cd: Newton iterations, each a coordinate descent to the step's optimum.
    default: (c) => (c.solver === "newton-cd" ? 100 : 1000),
    check: (v, name) => checkPositiveInteger(v, name),
    refusal: { SGDRegressor: "use epochs" },
    cli: { commands: ["fit"], arg: "n", parse: parseNumber },
  }),
  tol: option({
    doc: "stopping tolerance: cd and fista on the duality gap relative to ||y - mean(y)||^2 (default 1e-4), gd on the change of objective (1e-6), sgd on the epoch loss (1e-4), newton-cd on the KKT residual relative to the gradient at w = 0 (1e-4); LogisticRegression's fista on the duality gap relative to the log-loss at w = 0, b = 0 (1e-4)",
    appliesTo: [...MODELS, ...PATHS, ...CV, ...LOGISTIC],
    solvers: ["cd", "fista", "gd", "sgd", "newton-cd"],
    solverHint: "does not iterate",
    default: (c) => (c.solver === "gd" ? 1e-6 : 1e-4),
    check: (v, name) => checkLambda(v, name),
    cli: { commands: ["fit"], arg: "x", parse: parseNumber },
  }),
  learningRate: option({
    doc: "step size of gd and sgd; Ridge, Lasso and ElasticNet accept it with the other solvers, unused",
    appliesTo: [...SINGLE, "SGDRegressor", ...CLASSIFIERS],
    solvers: ["gd", "sgd"],
    tolerated: ["closed-form", "cd", "fista"],
    default: 0.01,
    check: (v, name) => checkPositive(v, name),
    refusal: { SGD: "use lr", Adam: "use lr", AdamW: "use lr" },
    cli: { commands: ["fit"], arg: "x", parse: parseNumber },
  }),
  recordHistory: option({
    doc: "keep the objective of each iteration or epoch (the first 100,000) in history",
    appliesTo: [...MODELS, ...CV, ...CLASSIFIERS],
    solvers: ["cd", "fista", "gd", "sgd", "newton-cd"],
    solverHint: "has no iterations to record",
    default: true,
    check: (v, name) => checkBoolean(v, name),
  }),
  standardize: option({
    doc: "scale features to unit variance for the fit (coefficients come back on the original scale)",
    appliesTo: [...SINGLE, ...MULTI_TASK, "GroupLasso", ...PATHS, ...CV, "RidgeCV", ...LOGISTIC],
    default: false,
    check: (v, name) => checkBoolean(v, name),
    refusal: { SGDRegressor: "scale the features first" },
    cli: { commands: ["fit", "path"] },
  }),
  positive: option({
    doc: "constrain every weight to be >= 0",
    appliesTo: [...SINGLE, ...PATHS, ...CV, ...LOGISTIC],
    solvers: ["cd", "fista", "newton-cd"],
    solverHint: "cannot constrain the signs",
    default: false,
    check: (v, name) => checkBoolean(v, name),
    refusal: {
      MultiTaskLasso: "its penalty acts on whole rows of W", MultiTaskElasticNet: "its penalty acts on whole rows of W",
      GroupLasso: "its penalty acts on whole groups",
    },
  }),
  warmStart: option({
    doc: "start the next fit from the current coef (same features) instead of 0",
    appliesTo: [...SINGLE, ...MULTI_TASK, "GroupLasso", ...CLASSIFIERS],
    solvers: ["cd", "fista", "newton-cd"],
    solverHint: "always starts from 0",
    default: false,
    check: (v, name) => checkBoolean(v, name),
    refusal: {
      SGDRegressor: "partialFit continues from the current weights",
      ElasticNetCV: "each path is warm-started already", LassoCV: "each path is warm-started already",
    },
  }),
  precompute: option({
    doc: 'cd on X^T X (true), on the columns of X (false), or "auto": on X^T X when n > d for paths and CV, and for a single fit only when also d < 32',
    appliesTo: [...SINGLE, ...PATHS, ...CV],
    solvers: ["cd"],
    solverHint: "does not use the Gram matrix",
    default: "auto",
    check: (v, name) => checkChoice(v, name, ["auto", true, false] as const),
    refusal: { MultiTaskLasso: "its block coordinate descent works on the columns of X", MultiTaskElasticNet: "its block coordinate descent works on the columns of X" },
  }),
  selection: option({
    doc: 'cd visits coordinates in order ("cyclic") or in a random order drawn from seed ("random")',
    appliesTo: [...SINGLE, ...PATHS, ...CV],
    solvers: ["cd"],
    solverHint: "has no coordinates to visit",
    default: "cyclic",
    check: (v, name) => checkChoice(v, name, ["cyclic", "random"] as const),
    refusal: { MultiTaskLasso: "its blocks are visited in order", MultiTaskElasticNet: "its blocks are visited in order" },
  }),
  seed: option({
    doc: "seed of the random coordinate order (cd), of the row shuffles (SGDRegressor) or of the folds (CV)",
    appliesTo: [...SINGLE, "SGDRegressor", ...PATHS, ...CV, "LogisticRegressionCV"],
    solvers: ["cd", "sgd", "newton-cd"],
    solverHint: "draws no random numbers",
    default: 0,
    check: (v, name) => checkSeed(v, name),
  }),
  onWarning: option({
    doc: "receives warnings such as \"did not converge\" (default console.warn)",
    appliesTo: [...MODELS, ...CV, ...CLASSIFIERS, "LogisticRegressionCV"],
    default: () => (message: string) => console.warn(message),
    check: (v, name) => checkFunction<(message: string) => void>(v, name),
  }),
  classWeight: option({
    doc: 'weights of the classes, multiplying the rows\' sample weights: "balanced" (n / (K n_k), scikit-learn\'s) or an object from label to weight; default none',
    appliesTo: LOGISTIC,
    check: (v, name) => checkClassWeight(v, name),
  }),
  multiClass: option({
    doc: '"auto": the binomial model for two classes, multinomial above; "multinomial": the softmax model for any number of classes',
    appliesTo: LOGISTIC,
    default: "auto",
    check: (v, name) => checkChoice(v, name, ["auto", "multinomial"] as const),
  }),
  scoring: option({
    doc: 'what the held-out folds score: "deviance" (-2 mean log-likelihood, cv.glmnet\'s default), "accuracy" or "auc" (two classes)',
    appliesTo: ["LogisticRegressionCV"],
    default: "deviance",
    check: (v, name) => checkChoice(v, name, ["deviance", "accuracy", "auc"] as const),
  }),
  nLambdas: option({
    doc: "number of lambdas on the grid from lambdaMax down to eps * lambdaMax",
    appliesTo: [...PATHS, ...CV, ...LOGISTIC_GRID],
    default: 100,
    check: (v, name) => checkPositiveInteger(v, name, 100_000),
    cli: { commands: ["path"], arg: "n", parse: parseNumber },
  }),
  eps: option({
    doc: "paths and CV: the grid ends at eps * lambdaMax, eps in (0, 1); Adam and SGDRegressor: added to sqrt(v), > 0",
    appliesTo: [...PATHS, ...CV, "SGDRegressor", ...ADAPTIVE, ...LOGISTIC_GRID],
    default: 1e-8,
    defaultFor: each(GRID_OWNERS, 1e-3),
    check: (v, name, c) => {
      if (!GRID_OWNERS.includes(c.owner)) return checkPositive(v, name);
      if (!(typeof v === "number" && v > 0 && v < 1)) throw new RangeError(`${name} must be in (0, 1), got ${String(v)}.`);
      return v;
    },
  }),
  lambdas: option({
    doc: "your own lambdas instead of the grid, fitted in decreasing order (RidgeCV: the candidates)",
    appliesTo: [...PATHS, ...CV, "RidgeCV", ...LOGISTIC_GRID],
    default: (c) => (c.owner === "RidgeCV" ? Float64Array.of(10, 1, 0.1, 1e-2, 1e-3) : undefined),
    check: checkLambdas,
  }),
  nFolds: option({
    doc: "number of cross-validation folds, at least 2 (LogisticRegressionCV: stratified by class)",
    appliesTo: [...CV, "LogisticRegressionCV"],
    default: 5,
    check: (v, name) => {
      const k = checkPositiveInteger(v, name, 1_000_000);
      if (k < 2) throw new RangeError(`${name} must be at least 2 for cross-validation, got ${k}.`);
      return k;
    },
  }),
  onProgress: option({
    doc: "called with (done, total) after each lambda of a path or each fold of CV (for a progress bar)",
    appliesTo: [...PATHS, ...CV, ...LOGISTIC_GRID],
    check: (v, name): ((done: number, total: number) => void) | undefined => checkFunction(v, name),
  }),
  sampleWeight: option({
    doc: "non-negative weight of each row (rescaled to sum to n); estimators take it in fit(X, y, { sampleWeight })",
    appliesTo: [...PATHS, "fit"],
    check: (v, name): number[] | undefined => checkList(v, name, (w, n) => checkLambda(w, n)),
    refusal: each([...MODELS, ...CV], "pass it to fit(X, y, { sampleWeight })"),
  }),
  featureNames: option({
    doc: "the name of each column of X, kept by the model (featureNames, toJSON) and checked when it predicts from records; fit(X, y, { featureNames })",
    appliesTo: ["fit"],
    check: (v, name): string[] | undefined => (v === undefined ? undefined : checkFeatureNames(v, name)),
    refusal: each([...MODELS, ...CV], "pass it to fit(X, y, { featureNames })"),
  }),
  groups: option({
    doc: `GroupLasso's groups: ${GROUPS_EXAMPLE}, together covering every feature once`,
    appliesTo: ["GroupLasso"],
    required: GROUPS_EXAMPLE,
    check: (v, name, c): number[][] | undefined => {
      const groups = checkList(v, name, (group, g) => checkList(group, g, (j, n) => {
        if (!Number.isInteger(j) || (j as number) < 0) throw new RangeError(`${n} must be a feature index (an integer >= 0), got ${describeValue(j)}.`);
        return j as number;
      }));
      if (groups.length === 0) throw new TypeError(`${c.owner} needs ${name}: ${GROUPS_EXAMPLE}.`);
      return groups;
    },
  }),
  groupWeights: option({
    doc: "one weight > 0 per group (default: the square root of the group's size)",
    appliesTo: ["GroupLasso"],
    check: (v, name): number[] | undefined => checkList(v, name, (w, n) => {
      if (!(typeof w === "number" && w > 0 && Number.isFinite(w))) throw new RangeError(`${n} is ${describeValue(w)}: weights must be > 0.`);
      return w;
    }),
  }),
  penalty: option({
    doc: 'SGDRegressor\'s penalty: "l2", "l1" or "elasticnet" (mixed by l1Ratio)',
    appliesTo: ["SGDRegressor"],
    default: "l2",
    check: (v, name) => checkChoice(v, name, ["l2", "l1", "elasticnet"] as const),
  }),
  optimizer: option({
    doc: '"sgd", "adam" (L2 part in the gradient) or "adamw" (L2 part as decoupled weight decay)',
    appliesTo: ["SGDRegressor"],
    default: "sgd",
    check: (v, name) => checkChoice(v, name, ["sgd", "adam", "adamw"] as const),
  }),
  batchSize: option({
    doc: "rows per gradient step",
    appliesTo: ["SGDRegressor"],
    default: 32,
    check: (v, name) => checkPositiveInteger(v, name),
  }),
  epochs: option({
    doc: "passes over the data at most; tol and nIterNoChange stop earlier",
    appliesTo: ["SGDRegressor"],
    default: 1000,
    check: (v, name) => checkPositiveInteger(v, name),
    refusal: each([...SINGLE, ...MULTI_TASK, "GroupLasso"], "use maxIter"),
  }),
  shuffle: option({
    doc: "shuffle the rows before every epoch, from seed",
    appliesTo: ["SGDRegressor"],
    default: true,
    check: (v, name) => checkBoolean(v, name),
  }),
  earlyStopping: option({
    doc: "hold out validationFraction of the rows and stop when their loss stops improving",
    appliesTo: ["SGDRegressor"],
    default: false,
    check: (v, name) => checkBoolean(v, name),
  }),
  validationFraction: option({
    doc: "the held-out fraction of the rows with earlyStopping, in [0, 1)",
    appliesTo: ["SGDRegressor"],
    default: 0.1,
    check: (v, name) => checkFraction(v, name),
  }),
  nIterNoChange: option({
    doc: "stop after this many epochs without an improvement of more than tol",
    appliesTo: ["SGDRegressor"],
    default: 5,
    check: (v, name) => checkPositiveInteger(v, name),
  }),
  beta1: option({
    doc: "decay of Adam's first moment, in [0, 1)",
    appliesTo: ["SGDRegressor", ...ADAPTIVE],
    default: 0.9,
    check: (v, name) => checkFraction(v, name),
  }),
  beta2: option({
    doc: "decay of Adam's second moment, in [0, 1)",
    appliesTo: ["SGDRegressor", ...ADAPTIVE],
    default: 0.999,
    check: (v, name) => checkFraction(v, name),
  }),
  lr: option({
    doc: "learning rate of an optimizer",
    appliesTo: ["SGD", ...ADAPTIVE],
    default: 0.001,
    defaultFor: { SGD: 0.01 },
    check: (v, name) => checkPositive(v, name),
    refusal: each([...SINGLE, "SGDRegressor"], "use learningRate"),
  }),
  weightDecay: option({
    doc: "decoupled weight decay, >= 0; for SGD the same as an L2 penalty",
    appliesTo: ["SGD", "AdamW"],
    default: 0,
    check: (v, name) => checkLambda(v, name),
    refusal: { Adam: "Adam mixes an L2 penalty into the gradient (l2); use AdamW for decoupled decay" },
  }),
  l2: option({
    doc: "L2 penalty mixed into Adam's gradient, >= 0",
    appliesTo: ["Adam"],
    default: 0,
    check: (v, name) => checkLambda(v, name),
    refusal: { AdamW: "use weightDecay", SGD: "use weightDecay (the same thing for SGD)" },
  }),
};

type Schema = typeof OPTIONS;
/** An option name. */
export type OptionName = keyof Schema;
/** The resolved type of an option. */
export type OptionValue<K extends OptionName> = ReturnType<Schema[K]["check"]>;
type OwnersOf<K extends OptionName> = Schema[K]["appliesTo"][number];
type ListOwnersOf<K extends OptionName> = Schema[K] extends { listFor?: readonly (infer L)[] } ? L : never;

/**
 * The resolved options of an owner (or of any of a union of owners): every option that applies to it, as
 * given or defaulted (`undefined` for an option without a default), lists for its list options.
 */
export type Resolved<O extends Owner> = {
  [K in OptionName as O extends OwnersOf<K> ? K : never]: O extends ListOwnersOf<K> ? readonly Exclude<OptionValue<K>, undefined>[] : OptionValue<K>;
};

/** The table as one shape, for the loops below. */
const TABLE: Readonly<Record<string, OptionSpec>> = OPTIONS as unknown as Record<string, OptionSpec>;
const NAMES = Object.keys(OPTIONS) as OptionName[];

/** Whether `name` is an option of `owner` that `solver` (default: the owner's default solver) accepts. */
export function isApplicable(name: string, owner: Owner, solver: Solver = defaultSolver(owner)): boolean {
  const spec = Object.hasOwn(TABLE, name) ? TABLE[name] : undefined;
  if (!spec || !spec.appliesTo.includes(owner)) return false;
  return !spec.solvers || spec.solvers.includes(solver) || (spec.tolerated?.includes(solver) ?? false);
}

/** The options `owner` takes (with `solver`, those that solver accepts), in table order. */
export function optionsFor(owner: Owner, solver?: Solver): OptionName[] {
  return NAMES.filter((name) => (solver === undefined ? TABLE[name].appliesTo.includes(owner) : isApplicable(name, owner, solver)));
}

/** Every entry, as [name, spec] pairs in table order (the command line declares its flags from them). */
export function optionEntries(): [OptionName, OptionSpec][] {
  return NAMES.map((name) => [name, TABLE[name]]);
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = row;
  }
  return previous[b.length];
}

function unknownOption(owner: Owner, name: string): TypeError {
  const names = optionsFor(owner);
  const near = names.find((n) => n.toLowerCase() === name.toLowerCase() || editDistance(n, name) <= Math.max(1, Math.floor(name.length / 4)));
  const label = "label" in OWNERS[owner] ? (OWNERS[owner] as { label: string }).label : owner;
  return new TypeError(
    `Unknown option "${name}" for ${label}${near ? ` (did you mean "${near}"?)` : ""}: the options of ${owner} are ${names.join(", ")}.`,
  );
}

function notForOwner(owner: Owner, name: string): TypeError {
  const hint = TABLE[name].refusal?.[owner] ?? `its options are ${optionsFor(owner).join(", ")}`;
  return new TypeError(`Unknown option "${name}" for ${owner}. ${owner} has no ${name} option: ${hint}.`);
}

function notForSolver(owner: Owner, name: string, solver: Solver): RangeError {
  const spec = TABLE[name];
  const usable = (OWNERS[owner].solvers as readonly Solver[]).filter((s) => spec.solvers?.includes(s)).map((s) => `"${s}"`);
  const list = usable.length > 1 ? `${usable.slice(0, -1).join(", ")} or ${usable[usable.length - 1]}` : usable[0];
  return new RangeError(
    `${name} needs solver ${list}; solver "${solver}" ${spec.solverHint ?? "does not use it"}: drop ${name} or choose ${usable.length > 1 ? "one of those" : "that solver"}.`,
  );
}

/** The default of an option for an owner and solver. */
export function defaultOf(spec: OptionSpec, context: OptionContext): unknown {
  if (spec.defaultFor && Object.hasOwn(spec.defaultFor, context.owner)) return spec.defaultFor[context.owner];
  return typeof spec.default === "function" ? (spec.default as (c: OptionContext) => unknown)(context) : spec.default;
}

/** Throws unless `given` is a plain object: an array, a Map or a class instance would not hold the options it seems to. */
export function checkOptionsObject(owner: Owner, given: unknown): asserts given is Record<string, unknown> {
  if (!isPlainObject(given)) {
    const copy = typeof given === "object" && given !== null && !Array.isArray(given) ? ": copy its fields into one ({ ...options })" : "";
    throw new TypeError(`${owner} options must be a plain object such as { ${optionsFor(owner)[0]}: ... }, got ${describeValue(given)}${copy}.`);
  }
}

/**
 * The one resolver: checks `given` against the schema for `owner` and returns every option resolved. Refused,
 * with a message that names the option and says what to do: names outside the schema, options that do not
 * apply to the owner, and options its solver (given or default) does not use (a RangeError). An option given
 * as undefined counts as not given. Every schema option gets a value (the given one, else its default), so the
 * result is one typed object; `Resolved<O>` shows the ones that apply to `owner`.
 */
export function resolveOptions<O extends Owner>(owner: O, given: unknown = {}): Resolved<O> {
  checkOptionsObject(owner, given);
  // No prototype: a name polluting Object.prototype is not an option given here.
  const supplied: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const [name, value] of Object.entries(given)) {
    if (!Object.hasOwn(TABLE, name)) throw unknownOption(owner, name);
    if (value === undefined) continue;
    if (!TABLE[name].appliesTo.includes(owner)) throw notForOwner(owner, name);
    supplied[name] = value;
  }
  const solver = "solver" in supplied ? OPTIONS.solver.check(supplied.solver, "solver", { owner, solver: defaultSolver(owner) }) : defaultSolver(owner);
  for (const name of Object.keys(supplied)) {
    if (!isApplicable(name, owner, solver)) throw notForSolver(owner, name, solver);
  }
  const context: OptionContext = { owner, solver };
  const resolved: Record<string, unknown> = {};
  for (const name of NAMES) {
    const spec = TABLE[name];
    const list = spec.listFor?.includes(owner) ?? false;
    if (name in supplied) {
      const value = supplied[name];
      if (!list) resolved[name] = spec.check(value, name, context);
      else {
        const values = checkList(Array.isArray(value) || ArrayBuffer.isView(value) ? value : [value], name, (v, n) => spec.check(v, n, context));
        if (values.length === 0) throw new RangeError(`${name} is an empty list: give at least one value.`);
        resolved[name] = values;
      }
    } else if (spec.required !== undefined && spec.appliesTo.includes(owner)) {
      throw new TypeError(`${owner} needs ${name}: ${spec.required}.`);
    } else {
      const value = defaultOf(spec, context);
      resolved[name] = list ? [value] : value;
    }
  }
  return resolved as Resolved<O>;
}

/**
 * `options` without the entries that do not apply to `owner` (or its solver) but hold their default: what
 * toJSON wrote before options were checked against the schema, so older JSON still restores.
 */
export function withoutUnusedDefaults(owner: Owner, options: Record<string, unknown>): Record<string, unknown> {
  const solver = (OWNERS[owner].solvers as readonly unknown[]).includes(options.solver) ? (options.solver as Solver) : defaultSolver(owner);
  const context: OptionContext = { owner, solver };
  return Object.fromEntries(Object.entries(options).filter(([name, value]) =>
    !Object.hasOwn(TABLE, name) || isApplicable(name, owner, solver) || value !== defaultOf(TABLE[name], context)));
}
