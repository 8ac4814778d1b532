// Hostile and careless arguments to the options, the models, the CV estimators, fitGram, the CSR matrix and the
// backends' allocation: each row is the correct answer (computed independently), or an error of the right class
// whose message names the argument and says what to do.
import { beforeAll, describe, expect, it } from "vitest";
import {
  CsrMatrix, DivergedError, ElasticNet, ElasticNetCV, enetPath, getBackend, GramAccumulator, GroupLasso, init, Lasso, LassoCV,
  lassoPath, MultiTaskElasticNet, MultiTaskLasso, NotFittedError, Ridge, RidgeCV, SGDRegressor, type Backend, type GramStatistics,
} from "../../src/index.js";

beforeAll(() => init());

const X = [[1, 2], [2, 1], [3, 5], [4, 2], [5, 7], [6, 1]];
const y = [1, 2, 4, 3, 6, 5];
const quiet = { onWarning: () => {} };

/** Runs `call` expecting an error of class `type` whose message matches `message`. */
function refuses(call: () => unknown, type: new (...args: never[]) => Error, message: RegExp): void {
  expect(call).toThrow(type);
  expect(call).toThrow(message);
}

describe("options objects", () => {
  class Settings {
    lambda = 2;
  }
  class Getters {
    get lambda(): number {
      return 2;
    }
  }
  it.each<[string, unknown, RegExp]>([
    ["a class instance", new Settings(), /^Lasso options must be a plain object such as \{ lambda: \.\.\. \}, got a Settings: copy its fields into one \(\{ \.\.\.options \}\)\.$/],
    ["an instance with getters", new Getters(), /got a Getters: copy its fields/],
    ["a Map", new Map([["lambda", 2]]), /got a Map: copy its fields/],
    ["an array", [0.1], /^Lasso options must be a plain object such as \{ lambda: \.\.\. \}, got an array\.$/],
    ["null", null, /got null\.$/],
    ["a string", "lambda=2", /got string "lambda=2"\.$/],
  ])("a constructor refuses %s", (_, options, message) => {
    refuses(() => new Lasso(options as object), TypeError, message);
  });

  it("accepts an object without a prototype, as a literal", () => {
    const options = Object.assign(Object.create(null) as object, { lambda: 0.25 });
    expect(new Lasso(options).toJSON().options.lambda).toBe(0.25);
  });

  it.each<[string, () => unknown, RegExp]>([
    ["fit options as a Map", () => new Lasso().fit(X, y, new Map() as never), /^fit options must be a plain object such as \{ sampleWeight: \.\.\. \}, got a Map/],
    ["setOptions(undefined)", () => new Lasso().setOptions(undefined as never), /^Lasso options must be a plain object .*got undefined\.$/],
    ["setOptions of a Map", () => new Lasso().setOptions(new Map() as never), /got a Map/],
    ["RidgeCV options as an array", () => new RidgeCV([] as never), /^RidgeCV options must be a plain object/],
    ["lassoPath options as a class instance", () => lassoPath(X, y, new Settings() as never), /^lassoPath options must be a plain object.*got a Settings/],
  ])("%s", (_, call, message) => refuses(call, TypeError, message));
});

describe("setOptions keeps what the user set", () => {
  it("keeps a tol given when the solver changes", () => {
    const model = new Lasso({ tol: 1e-3 }).setOptions({ solver: "fista" });
    expect(model.toJSON().options).toMatchObject({ solver: "fista", tol: 1e-3 });
  });

  it("gives an unset tol the new solver's default", () => {
    expect(new Lasso().setOptions({ solver: "gd" }).toJSON().options.tol).toBe(1e-6);
    expect(new Lasso({ solver: "gd" }).setOptions({ solver: "cd" }).toJSON().options.tol).toBe(1e-4);
  });

  it("drops a tol for the closed form, which has none, and takes the default back with an iterative solver", () => {
    const model = new Ridge({ solver: "cd", tol: 1e-3 }).setOptions({ solver: "closed-form" });
    expect(model.toJSON().options).not.toHaveProperty("tol");
    expect(model.setOptions({ solver: "cd" }).toJSON().options.tol).toBe(1e-4);
  });
});

describe("options already checked when given (rows kept so they stay so)", () => {
  it.each<[string, () => unknown, ErrorConstructor, RegExp]>([
    ["LassoCV eps 2", () => new LassoCV({ eps: 2 }), RangeError, /^eps must be in \(0, 1\), got 2\.$/],
    ["LassoCV eps -1", () => new LassoCV({ eps: -1 }), RangeError, /^eps must be in \(0, 1\), got -1\.$/],
    ["lassoPath seed \"x\"", () => lassoPath(X, y, { seed: "x" as never }), RangeError, /^seed must be an integer from 0 to 2\^32 - 1, got x\.$/],
    ["LassoCV lambdas [\"0.1\"]", () => new LassoCV({ lambdas: ["0.1"] as never }), TypeError, /^lambdas\[0\] must be a number >= 0, got string "0\.1"\.$/],
    ["LassoCV lambdas [NaN]", () => new LassoCV({ lambdas: [Number.NaN] }), RangeError, /^lambdas\[0\] must be a finite number >= 0, got NaN\.$/],
    ["RidgeCV lambdas [0]", () => new RidgeCV({ lambdas: [0] }), RangeError, /^lambdas\[0\] is 0: RidgeCV's candidates must be > 0\.$/],
    ["ElasticNetCV l1Ratio []", () => new ElasticNetCV({ l1Ratio: [] }), RangeError, /^l1Ratio is an empty list: give at least one value\.$/],
    ["LassoCV nFolds 1", () => new LassoCV({ nFolds: 1 }), RangeError, /^nFolds must be at least 2 for cross-validation, got 1\.$/],
  ])("%s", (_, call, type, message) => refuses(call, type, message));

  it("onProgress 5 is refused when the CV estimator is made, before any fold runs", () => {
    refuses(() => new LassoCV({ onProgress: 5 as never }), TypeError, /^onProgress must be a function, got number\.$/);
    refuses(() => lassoPath(X, y, { onProgress: 5 as never }), TypeError, /^onProgress must be a function, got number\.$/);
  });

  it("more folds than rows are refused before any fold runs", () => {
    const progress: number[] = [];
    const cv = new LassoCV({ onProgress: (done) => progress.push(done) });
    refuses(() => cv.fit([[1, 2], [2, 2]], [3, 4]), RangeError, /^nFolds is 5 but there are only 2 rows: each fold needs a row to test on; pass nFolds from 2 to 2, or more rows\.$/);
    expect(progress).toEqual([]);
  });
});

describe("models used before fit throw NotFittedError", () => {
  const readings: Record<string, (model: never) => unknown> = {
    coef: (m: { coef: unknown }) => m.coef,
    intercept: (m: { intercept: unknown }) => m.intercept,
    predict: (m: { predict(X: number[][]): unknown }) => m.predict(X),
    score: (m: { score(X: number[][], y: number[]): unknown }) => m.score(X, y),
    toSparse: (m: { toSparse(): unknown }) => m.toSparse(),
  };
  const models: [string, () => object, string[]][] = [
    ["Ridge", () => new Ridge(), ["nIter", "converged", "dualGap", "nFeatures", "history", "intercepts"]],
    ["Lasso", () => new Lasso(), []],
    ["ElasticNet", () => new ElasticNet(), []],
    ["MultiTaskLasso", () => new MultiTaskLasso(), []],
    ["MultiTaskElasticNet", () => new MultiTaskElasticNet(), []],
    ["GroupLasso", () => new GroupLasso({ groups: [[0], [1]] }), []],
    ["SGDRegressor", () => new SGDRegressor(), []],
    ["LassoCV", () => new LassoCV(), ["model", "lambda", "lambdaMin", "lambda1se", "l1Ratio", "cvResults", "foldIds"]],
    ["ElasticNetCV", () => new ElasticNetCV(), ["model", "lambda", "lambda1se", "cvResults"]],
    ["RidgeCV", () => new RidgeCV(), ["model", "lambda", "lambdaMin", "lambda1se", "cvMean", "cvStd"]],
  ];
  it.each(models)("%s", (name, make, getters) => {
    const uses: [string, (model: never) => unknown][] = [
      ...Object.entries(readings),
      ...getters.map((getter): [string, (model: never) => unknown] => [getter, (m) => (m as Record<string, unknown>)[getter]]),
    ];
    for (const [use, read] of uses) {
      const model = make();
      const label = use === "predict" || use === "score" || use === "toSparse" ? use : `reading ${use}`;
      refuses(() => read(model as never), NotFittedError, new RegExp(`^This ${name} is not fitted yet: call fit\\(X, y\\) before ${label}\\.$`));
    }
  });
});

describe("SGDRegressor", () => {
  it.each(["wasm", "js"] as const)("a loss that becomes NaN throws DivergedError (%s)", (backend) => {
    const huge = X.map((row) => row.map((v) => v * 1e100));
    const fit = () => new SGDRegressor({ learningRate: 500, backend, ...quiet }).fit(huge, y);
    refuses(fit, DivergedError, /^Stochastic gradient descent diverged for SGDRegressor: the objective became (NaN|Infinity) at epoch \d+ with learningRate 500\. lambda \(1 - l1Ratio\) x learningRate is 500: the penalty's own step overshoots, so lower lambda or learningRate/);
  });

  it.each(["wasm", "js"] as const)("a loss that only grows, still finite, throws DivergedError rather than stopping as converged (%s)", (backend) => {
    const model = new SGDRegressor({ learningRate: 1, backend, ...quiet });
    refuses(() => model.fit(X, y), DivergedError, /^Stochastic gradient descent diverged for SGDRegressor: the objective became \d[\d.e+]* at epoch 6 with learningRate 1\. Use a smaller learningRate \(try 0\.1\)/);
    expect(model.isFitted).toBe(false);
    expect(new SGDRegressor({ learningRate: 0.01, backend, ...quiet }).fit(X, y).isFitted).toBe(true);
  });

  it.each<[string, number[][], number[], number, RegExp]>([
    ["validationFraction 0.99 on 5 rows", X.slice(0, 5), y.slice(0, 5), 0.99, /^earlyStopping with validationFraction 0\.99 holds out 5 of the 5 rows, leaving none to train on: lower validationFraction, pass more rows, or set earlyStopping: false\.$/],
    ["one row", [[1, 2]], [1], 0.1, /^earlyStopping with validationFraction 0\.1 holds out 1 of the 1 rows, leaving none to train on/],
  ])("early stopping that would train on no row is refused: %s", (_, Xs, ys, validationFraction, message) => {
    const model = new SGDRegressor({ earlyStopping: true, validationFraction, ...quiet });
    refuses(() => model.fit(Xs, ys), RangeError, message);
    expect(model.isFitted).toBe(false);
  });

  it("early stopping on two rows trains on one and validates on the other", () => {
    const model = new SGDRegressor({ earlyStopping: true, validationFraction: 0.5, epochs: 20, ...quiet }).fit([[1], [2]], [1, 2]);
    expect(model.isFitted).toBe(true);
    expect(model.nIter).toBeGreaterThan(0);
  });

  it("partialFit does not split, so one row is fine with earlyStopping", () => {
    const model = new SGDRegressor({ earlyStopping: true, ...quiet }).partialFit([[1, 2]], [1]);
    expect(model.nIter).toBe(1);
  });
});

describe("constant y on the path and CV entry points: zero weights, the intercept at the mean (scikit-learn)", () => {
  for (const value of [2, 2.2, 0.1]) {
    const constant = y.map(() => value);
    const mean = constant.reduce((a, b) => a + b, 0) / constant.length;
    it.each<[string, () => { coef: ArrayLike<number>; intercept: number }]>([
      ["LassoCV", () => new LassoCV(quiet).fit(X, constant)],
      ["ElasticNetCV", () => new ElasticNetCV({ l1Ratio: [0.3, 0.9], ...quiet }).fit(X, constant)],
      ["LassoCV with standardize", () => new LassoCV({ standardize: true, ...quiet }).fit(X, constant)],
      ["LassoCV with weights", () => new LassoCV({ nFolds: 2, ...quiet }).fit(X, constant, { sampleWeight: [1, 2, 3, 1, 2, 3] })],
    ])(`%s, y = ${value}`, (_, fit) => {
      const model = fit();
      expect(Array.from(model.coef)).toEqual([0, 0]);
      expect(model.intercept).toBeCloseTo(mean, 12);
    });

    it.each<[string, () => { lambdas: Float64Array; coefs: Float64Array[]; intercepts: Float64Array }]>([
      ["lassoPath", () => lassoPath(X, constant)],
      ["enetPath", () => enetPath(X, constant, { l1Ratio: 0.5, nLambdas: 7 })],
    ])(`%s, y = ${value}: scikit-learn's grid of 1e-15`, (_, run) => {
      const path = run();
      expect(new Set(path.lambdas)).toEqual(new Set([1e-15]));
      for (const coef of path.coefs) expect(Array.from(coef)).toEqual([0, 0]);
      for (const intercept of path.intercepts) expect(intercept).toBeCloseTo(mean, 12);
    });
  }
});

describe("a weight on a single row", () => {
  const single = [0, 0, 1, 0, 0, 0];
  it("Lasso gives that row's y as the intercept and zero weights (one row is fitted by the intercept alone)", () => {
    const model = new Lasso({ lambda: 0.1 }).fit(X, y, { sampleWeight: single });
    expect(Array.from(model.coef)).toEqual([0, 0]);
    expect(model.intercept).toBeCloseTo(y[2], 12);
  });

  it("lassoPath gives the same at every lambda", () => {
    const path = lassoPath(X, y, { sampleWeight: single, nLambdas: 5 });
    for (const coef of path.coefs) expect(Array.from(coef)).toEqual([0, 0]);
    for (const intercept of path.intercepts) expect(intercept).toBeCloseTo(y[2], 12);
  });

  it("LassoCV says a fold has no weighted row, not that y is constant", () => {
    refuses(() => new LassoCV({ nFolds: 2 }).fit(X, y, { sampleWeight: single }), RangeError,
      /^sampleWeight gives positive weight to 1 of the 6 rows, and fold \d of 2 holds (none of them to test on|all of them, leaving none to train on): cross-validation needs such rows in every fold and outside it/);
  });
});

describe("fitGram checks the statistics it is given, naming the field and the size expected", () => {
  const stats = () => new GramAccumulator(2).update(X, y).toJSON();
  it("fits from valid statistics as from the rows", () => {
    const fromRows = new Lasso({ lambda: 0.1, tol: 1e-10 }).fit(X, y);
    const fromStats = new Lasso({ lambda: 0.1, tol: 1e-10 }).fitGram(JSON.parse(JSON.stringify(stats())));
    expect(Array.from(fromStats.coef).map((v) => v.toFixed(6))).toEqual(Array.from(fromRows.coef).map((v) => v.toFixed(6)));
  });

  it.each<[string, (s: GramStatistics) => unknown, ErrorConstructor, RegExp]>([
    ["xx of 3 values", (s) => ({ ...s, xx: [1, 0, 1] }), RangeError, /^stats\.xx \(X\^T X, d x d\) has length 3 but stats\.nFeatures\^2 = 2\^2 has length 4: they must match\.$/],
    ["xMean of 1 value", (s) => ({ ...s, xMean: [0] }), RangeError, /^stats\.xMean has length 1 but stats\.nFeatures has length 2/],
    ["xy of 3 values", (s) => ({ ...s, xy: [0, 0, 0] }), RangeError, /^stats\.xy has length 3 but stats\.nFeatures has length 2/],
    ["nFeatures \"2\"", (s) => ({ ...s, nFeatures: "2" }), RangeError, /^nFeatures must be an integer from 1 to 2147483647, got 2\.$/],
    ["n -1", (s) => ({ ...s, n: -1 }), RangeError, /^stats\.n must be >= 0, got -1\.$/],
    ["yy NaN", (s) => ({ ...s, yy: Number.NaN }), RangeError, /^\[stats\.n, stats\.yMean, stats\.yy\]\[2\] is NaN/],
    ["a string in xx", (s) => ({ ...s, xx: [1, "0", 0, 1] }), TypeError, /^stats\.xx\[1\] is string "0"/],
    ["undefined", () => undefined, TypeError, /^stats must be a GramAccumulator or its toJSON\(\) output \(\{ nFeatures, n, xMean, yMean, xx, xy, yy \}\), got undefined\.$/],
    ["a Map", () => new Map(), TypeError, /^stats must be a GramAccumulator or its toJSON\(\) output .*got a Map\.$/],
  ])("%s", (_, edit, type, message) => {
    refuses(() => new Lasso().fitGram(edit(stats()) as never), type, message);
    refuses(() => GramAccumulator.fromJSON(edit(stats()) as never), type, message);
  });
});

describe("CSR parts are checked before they become 32-bit integers", () => {
  const parts = { rows: 1, cols: 2, values: [1], columnIndices: [1], rowPointers: [0, 1] };
  it("multiplies valid parts", () => {
    expect(Array.from(new CsrMatrix(parts).multiply([3, 5]))).toEqual([5]);
  });

  it.each<[string, object, RegExp]>([
    ["a row pointer of 2^32 + 1 (wraps to 1)", { rowPointers: [0, 2 ** 32 + 1] }, /^rowPointers\[1\] is 4294967297: row pointers must be integers from 0 to nnz = 1\.$/],
    ["a row pointer of -1", { rows: 2, rowPointers: [0, -1, 1] }, /^rowPointers\[1\] is -1: row pointers must be integers from 0 to nnz = 1\.$/],
    ["a row pointer of 0.5", { rowPointers: [0, 0.5] }, /^rowPointers\[1\] is 0\.5/],
    ["a column index of 2^32 + 1 (wraps to 1)", { columnIndices: [2 ** 32 + 1] }, /^columnIndices\[0\] is 4294967297: column indices must be integers in \[0, 2\)\.$/],
    ["a column index of 1.5", { columnIndices: [1.5] }, /^columnIndices\[0\] is 1\.5: column indices must be integers in \[0, 2\)\.$/],
    ["rows \"1\"", { rows: "1" }, /^rows and cols must be integers from 0 to 2147483647, got string "1" and 2\.$/],
    ["cols 2^31", { cols: 2 ** 31 }, /^rows and cols must be integers from 0 to 2147483647, got 1 and 2147483648\.$/],
  ])("%s", (_, change, message) => {
    refuses(() => new CsrMatrix({ ...parts, ...change } as never), RangeError, message);
  });
});

describe.each(["wasm", "js"] as const)("the %s backend's allocation", (name) => {
  const inUse = () => (name === "wasm" ? (getBackend("wasm") as Backend & { heap: { bytesInUse: number } }).heap.bytesInUse : 0);
  it.each<[string, (backend: Backend) => unknown, RegExp]>([
    ["alloc(-1)", (b) => b.alloc(-1), new RegExp(`^The ${name} backend's alloc\\(length\\): a block's length must be an integer from 0 to 536870912, got -1\\.$`)],
    ["alloc(1.5)", (b) => b.alloc(1.5), /got 1\.5\.$/],
    ["alloc(NaN)", (b) => b.alloc(Number.NaN), /got NaN\.$/],
    ["alloc(\"3\")", (b) => b.alloc("3" as never), /got 3\.$/],
    ["alloc(2^29 + 1)", (b) => b.alloc(2 ** 29 + 1), /alloc\(length\) asks for 536870913 values \(4294967304 bytes, 4\.00 GiB as float64\), more than one block holds/],
    ["scope alloc(-1)", (b) => b.scope((s) => s.alloc(-1)), /alloc\(length\): a block's length must be an integer/],
    ["fromArray of length 1.5", (b) => b.fromArray({ length: 1.5 } as never), new RegExp(`^The ${name} backend's fromArray\\(values\\): a block's length must be an integer from 0 to 536870912, got 1\\.5\\.$`)],
  ])("%s is refused and leaks nothing", (_, call, message) => {
    const backend = getBackend(name);
    const before = inUse();
    refuses(() => call(backend), RangeError, message);
    expect(inUse()).toBe(before);
  });

  it("alloc(0) gives an empty block", () => {
    const backend = getBackend(name);
    const block = backend.alloc(0);
    expect(block.length).toBe(0);
    backend.free(block);
  });
});

describe("GramAccumulator and the sparse model", () => {
  it.each<[string, () => unknown, ErrorConstructor, RegExp]>([
    ["an unknown backend, refused when made, not at the first update", () => new GramAccumulator(2, "gpu" as never), RangeError, /^backend must be one of "wasm", "js", got "gpu"\.$/],
    ["merging statistics given as JSON, which merge would not check", () => new GramAccumulator(2).merge(new GramAccumulator(2).update(X, y).toJSON() as never), TypeError, /^merge takes a GramAccumulator, got an object: for statistics as JSON, merge\(GramAccumulator\.fromJSON\(stats\)\)\.$/],
    ["chunks with another feature count", () => new GramAccumulator(3).update(X, y), RangeError, /^the columns of X has length 2 but nFeatures has length 3: they must match\.$/],
    ["a sparse model scored without y", () => new Ridge({ lambda: 0.1 }).fit(X, y).toSparse().score(X, undefined as never), TypeError, /^y must be an array of numbers or a Float64Array, got undefined\.$/],
  ])("%s", (_, call, type, message) => refuses(call, type, message));

  it("merges valid statistics given as JSON once read by fromJSON", () => {
    const [first, second] = [X.slice(0, 3), X.slice(3)];
    const whole = new GramAccumulator(2).update(X, y).toJSON();
    const merged = new GramAccumulator(2).update(first, y.slice(0, 3)).merge(GramAccumulator.fromJSON(new GramAccumulator(2).update(second, y.slice(3)).toJSON())).toJSON();
    expect(merged.n).toBe(6);
    merged.xx.forEach((v, k) => expect(v).toBeCloseTo(whole.xx[k], 10));
  });
});

describe("sample weights at the ends of the doubles weigh as equal weights do", () => {
  it.each<[string, (weights?: number[]) => ArrayLike<number>]>([
    ["Lasso", (w) => new Lasso({ lambda: 0.1, tol: 1e-10 }).fit(X, y, { sampleWeight: w }).coef],
    ["RidgeCV", (w) => new RidgeCV().fit(X, y, { sampleWeight: w }).coef],
    ["LassoCV", (w) => new LassoCV({ nFolds: 3, ...quiet }).fit(X, y, { sampleWeight: w }).coef],
    ["lassoPath", (w) => lassoPath(X, y, { sampleWeight: w, nLambdas: 5 }).coefs[4]],
  ])("%s", (_, coefWith) => {
    const unweighted = Array.from(coefWith());
    for (const weight of [1e308, Number.MAX_VALUE, 5e-324]) {
      const weighted = Array.from(coefWith(X.map(() => weight)));
      weighted.forEach((v, j) => expect(v).toBeCloseTo(unweighted[j], 12));
    }
  });
});

describe("predict with the wrong feature count names X, both counts and the rule", () => {
  it.each<[string, () => { predict(X: number[][]): unknown }, string]>([
    ["LassoCV", () => new LassoCV({ nFolds: 3, ...quiet }).fit(X, y), "ElasticNet"],
    ["RidgeCV", () => new RidgeCV().fit(X, y), "Ridge"],
    ["SGDRegressor", () => new SGDRegressor(quiet).fit(X, y), "SGDRegressor"],
    ["MultiTaskLasso", () => new MultiTaskLasso().fit(X, y.map((v) => [v, -v])), "MultiTaskLasso"],
  ])("%s", (_, fit, refitted) => {
    refuses(() => fit().predict([[1, 2, 3]]), RangeError,
      new RegExp(`^X has 3 features but this ${refitted} was fitted on 2: pass the same columns in the same order\\.$`));
  });

  it("the sparse model", () => {
    refuses(() => new Ridge().fit(X, y).toSparse().predict([[1, 2, 3]]), RangeError, /^X has 3 features but these weights have 2/);
  });
});

describe("review findings: messages and checks", () => {
  const X = [[1, 2], [3, 4], [5, 7], [2, 1], [0, 3]];
  const y = [1, 2, 3, 4, 5];
  const stats = () => new GramAccumulator(2).update(X, y).toJSON();
  it.each([
    ["a negative diagonal", { xx: [-17.5, 13, 13, 23.3] }, /diagonal 0\) is -17\.5: a centered sum of squares is never below 0/],
    ["an asymmetric xx", { xx: [17.5, 100, -100, 23.3] }, /not symmetric: entry \(0, 1\) is 100 but \(1, 0\) is -100/],
    ["a negative yy", { yy: -1 }, /stats\.yy is -1: a centered sum of squares is never below 0/],
  ])("fitGram refuses statistics with %s", (_, change, message) => {
    expect(() => new Ridge({ lambda: 0.1 }).fitGram({ ...stats(), ...change })).toThrow(message);
  });

  it("fromJSON of a model JSON without its model field says so", () => {
    const json = new Ridge().fit(X, y).toJSON() as unknown as Record<string, unknown>;
    delete json.model;
    expect(() => Ridge.fromJSON(json as never)).toThrow(/names no model/);
  });

  it("new CsrMatrix(null) says what it takes", () => {
    expect(() => new CsrMatrix(null as never)).toThrow(/CsrMatrix takes \{ rows, cols, rowPointers, columnIndices, values \}, got null/);
  });

  it("SGDRegressor.partialFit refuses a third argument instead of ignoring it", () => {
    const model = new SGDRegressor();
    const partial = () => (model.partialFit as (...args: unknown[]) => unknown).call(model, X, y, { sampleWeight: [1, 1, 1, 1, 1] });
    expect(partial).toThrow(/takes no third argument/);
  });
});
