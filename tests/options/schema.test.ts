// The option schema: the table is consistent, every default passes its own check, and one rule refuses
// unknown options, options an owner does not take and options its solver does not use, everywhere.
import { beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import type { BackendName } from "../../src/backend.js";
import {
  Adam, AdamW, ElasticNet, ElasticNetCV, enetPath, GroupLasso, init, Lasso, LassoCV, lassoPath, MultiTaskElasticNet,
  MultiTaskLasso, Ridge, RidgeCV, SGD, SGDRegressor,
} from "../../src/index.js";
import {
  isApplicable, optionEntries, optionsFor, OWNERS, resolveOptions, withoutUnusedDefaults, type BackendChoice, type Owner, type Solver,
} from "../../src/options/schema.js";

beforeAll(() => init());

const owners = Object.keys(OWNERS) as Owner[];

describe("the table", () => {
  it("names only owners and solvers that exist, and every restricted option has a solver of each owner it applies to", () => {
    for (const [name, spec] of optionEntries()) {
      for (const owner of [...spec.appliesTo, ...(spec.listFor ?? []), ...Object.keys(spec.refusal ?? {})]) expect(owners, name).toContain(owner);
      for (const owner of Object.keys(spec.refusal ?? {}) as Owner[]) expect(spec.appliesTo, `${name}: refusal for an owner that takes it`).not.toContain(owner);
      for (const owner of spec.appliesTo) {
        const usable = (OWNERS[owner].solvers as readonly Solver[]).filter((solver) => isApplicable(name, owner, solver));
        expect(usable.length, `${name} applies to ${owner} but to none of its solvers`).toBeGreaterThan(0);
      }
      expect(spec.doc.length, name).toBeGreaterThan(10);
      if (spec.cli?.arg) expect(spec.cli.parse ?? spec.check, name).toBeTypeOf("function");
    }
  });

  it("every default passes its own check, for every owner and solver it applies to", () => {
    for (const [name, spec] of optionEntries()) {
      for (const owner of spec.appliesTo) {
        for (const solver of OWNERS[owner].solvers as readonly Solver[]) {
          if (!isApplicable(name, owner, solver) || spec.required !== undefined) continue;
          const given = owner === "GroupLasso" ? { groups: [[0]] } : {};
          const context = { ...given, ...(optionsFor(owner).includes("solver") ? { solver } : {}) };
          const value = (resolveOptions(owner, context) as Record<string, unknown>)[name];
          if (value === undefined) continue;
          expect(() => resolveOptions(owner, { ...context, [name]: value }), `${owner} ${solver} ${name}`).not.toThrow();
        }
      }
    }
  });

  it("its backend names are the backend contract's", () => {
    expectTypeOf<BackendChoice>().toEqualTypeOf<BackendName>();
  });

  it("resolves every option: the given value, else the owner's default", () => {
    const lasso = resolveOptions("Lasso", { lambda: 0.2 });
    expect(lasso).toMatchObject({ lambda: 0.2, solver: "cd", tol: 1e-4, maxIter: 1000, precompute: "auto" });
    expect(resolveOptions("Lasso", { solver: "gd" }).tol).toBe(1e-6);
    expect(resolveOptions("SGDRegressor").l1Ratio).toBe(0.15);
    expect(resolveOptions("ElasticNet").l1Ratio).toBe(0.5);
    expect(resolveOptions("ElasticNetCV", { l1Ratio: 0.3 }).l1Ratio).toEqual([0.3]);
    expect([resolveOptions("enetPath").eps, resolveOptions("Adam").eps]).toEqual([1e-3, 1e-8]);
    expect([resolveOptions("SGD").lr, resolveOptions("AdamW").lr]).toEqual([0.01, 0.001]);
    expect(Array.from(resolveOptions("RidgeCV").lambdas ?? [])).toEqual([10, 1, 0.1, 1e-2, 1e-3]);
    expect(Array.from(resolveOptions("enetPath", { lambdas: [0.1, 1, 0.5] }).lambdas ?? [])).toEqual([1, 0.5, 0.1]);
    expect(resolveOptions("Lasso", { lambda: undefined }).lambda).toBe(1);
  });
});

describe("one rule refuses what does not apply, with a message that names the option and says what to do", () => {
  it.each<[string, () => unknown, ErrorConstructor, RegExp]>([
    ["a typo", () => new Lasso({ lamda: 0.1 } as object), TypeError, /Unknown option "lamda" for Lasso \(did you mean "lambda"\?\): the options of Lasso are lambda, /],
    ["l1Ratio for Lasso", () => new Lasso({ l1Ratio: 0.5 } as object), TypeError, /Lasso has no l1Ratio option: it is 1; use ElasticNet/],
    ["learningRate for a multi-task model", () => new MultiTaskElasticNet({ learningRate: 0.1 } as object), TypeError, /MultiTaskElasticNet has no learningRate option/],
    ["precompute for a multi-task model", () => new MultiTaskLasso({ precompute: true } as object), TypeError, /MultiTaskLasso has no precompute option/],
    ["seed for GroupLasso", () => new GroupLasso({ groups: [[0]], seed: 1 } as object as { groups: number[][] }), TypeError, /GroupLasso has no seed option/],
    ["standardize for SGDRegressor", () => new SGDRegressor({ standardize: true } as object), TypeError, /SGDRegressor has no standardize option: scale the features first/],
    ["warmStart for SGDRegressor", () => new SGDRegressor({ warmStart: true } as object), TypeError, /partialFit continues/],
    ["lambda for a CV estimator", () => new LassoCV({ lambda: 1 } as object), TypeError, /LassoCV has no lambda option: cross-validation chooses it/],
    ["solver for a path", () => enetPath([[1], [2]], [1, 2], { solver: "gd" } as object), TypeError, /enetPath has no solver option: paths run coordinate descent/],
    ["l1Ratio for lassoPath", () => lassoPath([[1], [2]], [1, 2], { l1Ratio: 0.5 } as object), TypeError, /lassoPath has no l1Ratio option: it is 1; use enetPath/],
    ["sampleWeight as a model option", () => new Ridge({ sampleWeight: [1, 2] } as object), TypeError, /pass it to fit\(X, y, \{ sampleWeight \}\)/],
    ["l1Ratio for RidgeCV", () => new RidgeCV({ l1Ratio: 0.5 } as object), TypeError, /RidgeCV has no l1Ratio option/],
    ["lr for SGDRegressor", () => new SGDRegressor({ lr: 0.1 } as object), TypeError, /SGDRegressor has no lr option: use learningRate/],
    ["l2 for AdamW", () => new AdamW({ l2: 0.1 } as object), TypeError, /AdamW has no l2 option: use weightDecay/],
    ["l2 for SGD", () => new SGD({ l2: 0.1 } as object), TypeError, /SGD has no l2 option: use weightDecay/],
    ["tol with the closed form", () => new Ridge({ tol: 1e-8 }), RangeError, /tol needs solver "cd", "fista" or "gd"; solver "closed-form" does not iterate/],
    ["maxIter with the closed form", () => new Ridge({ solver: "closed-form", maxIter: 10 }), RangeError, /maxIter needs solver/],
    ["precompute with FISTA", () => new ElasticNet({ solver: "fista", precompute: false }), RangeError, /precompute needs solver "cd"; solver "fista" does not use the Gram matrix: drop precompute or choose that solver/],
    ["selection with gd", () => new Lasso({ solver: "gd", selection: "random" }), RangeError, /selection needs solver "cd"/],
    ["warmStart with gd", () => new Lasso({ solver: "gd", warmStart: true }), RangeError, /warmStart needs solver "cd" or "fista"; solver "gd" always starts from 0/],
    ["seed with FISTA", () => new Lasso({ solver: "fista", seed: 2 }), RangeError, /seed needs solver "cd"/],
  ])("%s", (_, make, type, message) => {
    expect(make).toThrow(type);
    expect(make).toThrow(message);
  });

  it("accepts learningRate with every solver of Ridge, Lasso and ElasticNet (unused but by gd), as before", () => {
    expect(new Lasso({ learningRate: 0.1 }).toJSON().options.learningRate).toBe(0.1);
    expect(() => new Ridge({ learningRate: 0.1, solver: "closed-form" })).not.toThrow();
    expect(() => new ElasticNet({ learningRate: 0.1, solver: "fista" })).not.toThrow();
  });

  it("an option given as undefined counts as not given, but a misspelled name is refused even then", () => {
    expect(() => new MultiTaskLasso({ positive: undefined } as object)).not.toThrow();
    expect(() => new Lasso({ lamda: undefined } as object)).toThrow(/Unknown option "lamda"/);
  });
});

describe("models and the schema", () => {
  const X = [[1, 2], [2, 1], [3, 5], [4, 4], [5, 1], [6, 3]];
  const y = [4, 4, 9, 9, 7, 10];

  it("setOptions with a new solver drops the options given before that it does not use (keeping a tol given), and refuses new ones", () => {
    const model = new Lasso({ lambda: 0.1, precompute: false, selection: "random", seed: 3, tol: 1e-9 });
    model.setOptions({ solver: "fista" });
    expect(model.toJSON().options).toMatchObject({ solver: "fista", lambda: 0.1, tol: 1e-9 });
    expect(model.toJSON().options).not.toHaveProperty("precompute");
    expect(() => model.setOptions({ precompute: true })).toThrow(/precompute needs solver "cd"/);
    expect(model.toJSON().options.solver).toBe("fista");
    expect(model.setOptions({ solver: "cd", precompute: true }).toJSON().options.precompute).toBe(true);
  });

  it("SGDRegressor's settings change through setOptions like any option", () => {
    const model = new SGDRegressor({ batchSize: 2, epochs: 3, onWarning: () => {} }).fit(X, y);
    expect(model.nIter).toBe(3);
    expect(model.setOptions({ epochs: 5 }).fit(X, y).nIter).toBe(5);
    expect(() => model.setOptions({ maxIter: 5 })).toThrow(/use epochs/);
  });

  it("toJSON writes the options that apply to the model and its solver; MultiTaskElasticNet keeps its l1Ratio", () => {
    expect(Object.keys(new Ridge().toJSON().options).sort()).toEqual(["backend", "fitIntercept", "lambda", "learningRate", "solver", "standardize"]);
    const multi = new MultiTaskElasticNet({ l1Ratio: 0.3 });
    expect(MultiTaskElasticNet.fromJSON(multi.toJSON()).toJSON().options.l1Ratio).toBe(0.3);
    expect(new GroupLasso({ groups: [[0, 1]], groupWeights: [2] }).toJSON().options).toMatchObject({ groups: [[0, 1]], groupWeights: [2] });
  });

  it("fromJSON still reads JSON written before the schema, which held every option at its default", () => {
    const old = {
      format: "regularized", version: 1, model: "Ridge", fitted: null,
      options: {
        lambda: 0.5, fitIntercept: true, backend: "js", solver: "closed-form", maxIter: 1000, tol: 1e-4, learningRate: 0.01,
        recordHistory: true, standardize: false, positive: false, warmStart: false, precompute: "auto", selection: "cyclic", seed: 0,
      },
    } as const;
    expect(Ridge.fromJSON(old as never).toJSON().options).toEqual({
      lambda: 0.5, fitIntercept: true, backend: "js", solver: "closed-form", learningRate: 0.01, standardize: false,
    });
    expect(withoutUnusedDefaults("Ridge", { ...old.options, seed: 7 })).toHaveProperty("seed", 7);
    expect(() => Ridge.fromJSON({ ...old, options: { ...old.options, seed: 7 } } as never)).toThrow(/seed needs solver "cd"/);
  });

  it("CV estimators pass their estimator options to the refit", () => {
    const Xs = Array.from({ length: 30 }, (_, i) => [Math.sin(i), Math.cos(3 * i), i / 30]);
    const ys = Xs.map((row) => row[0] - 2 * row[2]);
    const cv = new ElasticNetCV({ l1Ratio: [0.5, 1], nFolds: 3, nLambdas: 5, positive: true, tol: 1e-8, backend: "js" }).fit(Xs, ys);
    expect(cv.model.toJSON().options).toMatchObject({ positive: true, tol: 1e-8, backend: "js", l1Ratio: cv.l1Ratio });
    expect(() => new Adam({ lr: 0 })).toThrow(/lr must be a finite number > 0, got 0/);
  });
});
