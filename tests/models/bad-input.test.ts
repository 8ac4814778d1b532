// DESIGN.md section 5: every bad input gets a TypeError or RangeError naming the argument; fits are atomic.
import { beforeAll, describe, expect, it } from "vitest";
import { DivergedError, ElasticNet, init, Lasso, NotFittedError, Ridge } from "../../src/index.js";

beforeAll(() => init());

const X = [[1, 2], [3, 4], [5, 7]];
const y = [1, 2, 3.5];

describe("bad data", () => {
  it.each([
    ["ragged rows", [[1, 2], [3], [5, 6]], y, RangeError, /X\[1\] has 1 entries but X\[0\] has 2/],
    ["NaN in X", [[1, 2], [3, Number.NaN], [5, 6]], y, RangeError, /X\[1\]\[1\] \(row 1, column 1\) is NaN/],
    ["Infinity in X", { data: [1, 2, 3, 4, Infinity, 6], rows: 3, cols: 2 }, y, RangeError, /row 2, column 0\) is Infinity/],
    ["NaN in y", X, [1, Number.NaN, 3], RangeError, /y\[1\] is NaN/],
    ["rows(X) != length(y)", X, [1, 2], RangeError, /y has length 2 but the rows of X has length 3/],
    ["empty X", [], [], RangeError, /X is empty/],
    ["a string in X", [[1, "2"], [3, 4], [5, 6]], y, TypeError, /X\[0\]\[1\].*finite number/],
    ["X not a matrix", 42, y, TypeError, /X must be an array of rows/],
  ])("%s", (_, badX, badY, type, message) => {
    for (const model of [new Ridge(), new Lasso(), new ElasticNet()]) {
      expect(() => model.fit(badX as number[][], badY as number[])).toThrow(type);
      expect(() => model.fit(badX as number[][], badY as number[])).toThrow(message);
    }
  });

  it("predict before fit, and wrong feature count at predict", () => {
    const model = new Lasso();
    expect(() => model.predict(X)).toThrow(NotFittedError);
    expect(() => model.predict(X)).toThrow(/This Lasso is not fitted yet: call fit\(X, y\) before predict/);
    expect(() => model.coef).toThrow(/before reading coef/);
    expect(() => new Ridge().score(X, y)).toThrow(TypeError);
    const fitted = new Ridge({ lambda: 0.1 }).fit(X, y);
    expect(() => fitted.predict([[1, 2, 3]])).toThrow(new RangeError(
      "X has 3 features but this Ridge was fitted on 2: pass the same columns in the same order.",
    ));
  });
});

describe("bad options", () => {
  it.each([
    [{ lambda: -1 }, RangeError, /lambda must be a finite number >= 0, got -1/],
    [{ lambda: Number.NaN }, RangeError, /lambda/],
    [{ lambda: "1" }, TypeError, /lambda must be a number/],
    [{ learningRate: 0 }, RangeError, /learningRate must be a finite number > 0, got 0/],
    [{ learningRate: -0.1 }, RangeError, /learningRate/],
    [{ maxIter: 2.5 }, RangeError, /maxIter must be an integer from 1 to 2147483647, got 2.5/],
    [{ maxIter: 2 ** 31 }, RangeError, /maxIter must be an integer from 1 to 2147483647/],
    [{ positive: true, solver: "gd" }, RangeError, /positive needs solver "cd" or "fista"/],
    [{ precompute: "yes" }, RangeError, /precompute must be one of "auto", true, false/],
    [{ selection: "shuffle" }, RangeError, /selection must be one of "cyclic", "random"/],
    [{ seed: -1 }, RangeError, /seed must be an integer from 0 to 2\^32 - 1/],
    [{ tol: -1 }, RangeError, /tol must be a finite number >= 0/],
    [{ fitIntercept: "yes" }, TypeError, /fitIntercept must be true or false/],
    [{ backend: "gpu" }, RangeError, /backend must be one of "wasm", "js", got "gpu"/],
    [{ solver: "newton" }, RangeError, /solver of Lasso must be one of "cd", "fista", "gd", got "newton"/],
    [{ lamda: 0.1 }, TypeError, /Unknown option "lamda" for Lasso/],
    [{ onWarning: 3 }, TypeError, /onWarning must be a function/],
  ])("Lasso(%o)", (options, type, message) => {
    expect(() => new Lasso(options as object)).toThrow(type);
    expect(() => new Lasso(options as object)).toThrow(message);
  });

  it("l1Ratio outside [0, 1]", () => {
    expect(() => new ElasticNet({ l1Ratio: 1.5 })).toThrow(new RangeError("l1Ratio must be in [0, 1] (1 = pure L1, 0 = pure L2), got 1.5."));
    expect(() => new ElasticNet({ l1Ratio: -0.1 })).toThrow(RangeError);
    expect(() => new Ridge({ l1Ratio: 0.5 } as object)).toThrow(/Unknown option "l1Ratio" for Ridge/);
  });
});

describe("failures", () => {
  it("divergent gradient descent throws, suggesting a smaller learningRate, and leaves the model as it was", () => {
    const model = new Ridge({ lambda: 0.1, solver: "gd", learningRate: 0.01, maxIter: 20000, tol: 1e-12 }).fit(X, y);
    const before = model.toJSON();
    const wide = X.map((row) => row.map((v) => v * 1000));
    const diverging = new Ridge({ lambda: 0.1, solver: "gd", learningRate: 10 });
    expect(() => diverging.fit(wide, y)).toThrow(DivergedError);
    expect(() => diverging.fit(wide, y)).toThrow(/diverged.*Use a smaller learningRate \(try 1\)/);
    expect(diverging.isFitted).toBe(false);
    // A model with a fitted state keeps it when a later fit throws.
    expect(() => model.fit(wide, [1, 2])).toThrow(RangeError);
    expect(model.toJSON()).toEqual(before);
  });

  it("a singular closed-form system throws, suggesting lambda > 0, and keeps the previous state", () => {
    const model = new Ridge({ lambda: 0 }).fit(X, y);
    const before = model.toJSON();
    const collinear = [[1, 2], [2, 4], [3, 6], [4, 8]];
    expect(() => model.fit(collinear, [1, 2, 3, 4])).toThrow(/singular.*Use lambda > 0/);
    expect(model.toJSON()).toEqual(before);
    expect(new Ridge({ lambda: 0.01 }).fit(collinear, [1, 2, 3, 4]).coef).toHaveLength(2);
  });

  it("hitting maxIter is no error: converged is false and onWarning is told", () => {
    const warnings: string[] = [];
    const model = new Lasso({ lambda: 0.1, solver: "gd", maxIter: 3, onWarning: (m) => warnings.push(m) }).fit(X, y);
    expect(model.converged).toBe(false);
    expect(model.nIter).toBe(3);
    expect(warnings).toEqual([
      'Lasso (solver "gd") did not converge in 3 iterations (tol 0.000001): raise maxIter, raise learningRate, or standardize the features.',
    ]);
  });

  it("gd fits one output only", () => {
    expect(() => new Ridge({ solver: "gd" }).fit(X, [[1, 2], [3, 4], [5, 6]])).toThrow(/solver "gd" fits one output/);
  });
});
