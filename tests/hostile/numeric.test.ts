// Hostile numbers (issue 11, items 1, 2, 6 and 14): finite data or penalties that overflow or underflow inside
// a fit. Each row states the answer from an independent formula: scale invariance of the objective, the limit of
// an infinite penalty, another solver. A property closes the section: on any finite data from 1e-300 to 1e300,
// every estimator returns finite coefficients or throws a documented error, never NaN.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import {
  DivergedError, ElasticNet, ElasticNetCV, GramAccumulator, init, lassoPath, Lasso, LassoCV, loadDiabetes, MultiTaskLasso, Ridge, RidgeCV,
  SingularMatrixError,
} from "../../src/index.js";

beforeAll(() => init());

const X = [[1, 2], [3, 4], [5, 7], [2, 1], [0, 3]];
const y = [1, 2, 3, 4, 5];
const scaled = (rows: number[][], s: number) => rows.map((row) => row.map((v) => v * s));
const quiet = { onWarning: () => {} };
const backends = ["wasm", "js"] as const;

/** |a_i - b_i| <= tolerance * max |b|, and every a_i finite. */
function close(a: ArrayLike<number>, b: ArrayLike<number>, tolerance: number): void {
  const scale = Math.max(...Array.from(b, Math.abs), Number.MIN_VALUE);
  expect(Array.from(a).every(Number.isFinite)).toBe(true);
  for (let i = 0; i < b.length; i++) expect(Math.abs(a[i] - b[i])).toBeLessThanOrEqual(tolerance * scale);
}

/** Column means and centered copies, for the hand-computed limits. */
function centered(rows: number[][], target: number[]): { Xc: number[][]; yc: number[]; yMean: number } {
  const n = rows.length;
  const means = rows[0].map((_, j) => rows.reduce((s, row) => s + row[j], 0) / n);
  const yMean = target.reduce((s, v) => s + v, 0) / n;
  return { Xc: rows.map((row) => row.map((v, j) => v - means[j])), yc: target.map((v) => v - yMean), yMean };
}

describe.each(backends)("overflow inside the fit (item 1), %s backend", (backend) => {
  it("Lasso on X times 2^700 at lambda times 2^700: the coefficients of the fit on X, divided by 2^700", () => {
    // (1/2n)||y - s X w||^2 + lambda s ||w||_1 with v = s w is the fit on X at lambda.
    const s = 2 ** 700;
    const fit = new Lasso({ lambda: 0.05 * s, tol: 1e-10, backend }).fit(scaled(X, s), y);
    const reference = new Lasso({ lambda: 0.05, tol: 1e-10, backend }).fit(X, y);
    close(Array.from(fit.coef, (w) => w * s), Array.from(reference.coef), 1e-6);
    close([fit.intercept], [reference.intercept], 1e-6);
  });

  it.each([
    ["Lasso (cd)", () => new Lasso({ ...quiet, lambda: 0.05, tol: 1e-12, maxIter: 100_000, backend })],
    ["ElasticNet (cd)", () => new ElasticNet({ ...quiet, lambda: 0.05, l1Ratio: 0.5, tol: 1e-12, maxIter: 100_000, backend })],
    ["ElasticNet (fista)", () => new ElasticNet({ ...quiet, lambda: 0.05, l1Ratio: 0.5, solver: "fista", tol: 1e-12, maxIter: 100_000, backend })],
    ["Ridge (closed form)", () => new Ridge({ lambda: 0.05, backend })],
    ["Ridge (cd)", () => new Ridge({ ...quiet, lambda: 0.05, solver: "cd", tol: 1e-12, maxIter: 100_000, backend })],
  ])("%s on X and y times 2^700: the least-squares fit (the penalty is 2^-1400 of the loss)", (_, make) => {
    const s = 2 ** 700;
    const fit = make().fit(scaled(X, s), y.map((v) => v * s));
    const ols = new Ridge({ lambda: 0, backend }).fit(X, y);
    close(Array.from(fit.coef), Array.from(ols.coef), 1e-6);
    close([fit.intercept / s], [ols.intercept], 1e-6);
  });

  it("Lasso on X with entries from 1e155 to 1e308 returns finite coefficients (no NaN, no Infinity)", () => {
    const huge = [[1e155, 3e307], [2e200, -1e308], [-5e250, 2e307], [1e180, 1e306], [4e160, -2e307]];
    const fit = new Lasso({ ...quiet, lambda: 0.01, backend }).fit(huge, y);
    expect([...fit.coef, fit.intercept].every(Number.isFinite)).toBe(true);
  });

  it("Ridge on y of +-1e308 equals 1e308 times the fit on y of +-1 (the fit is linear in y)", () => {
    const signs = [1, -1, 1, -1, 1];
    const fit = new Ridge({ lambda: 0.1, backend }).fit(X, signs.map((v) => v * 1e308));
    const unit = new Ridge({ lambda: 0.1, backend }).fit(X, signs);
    close(Array.from(fit.coef), Array.from(unit.coef, (w) => w * 1e308), 1e-12);
    close([fit.intercept], [unit.intercept * 1e308], 1e-12);
  });

  it("Ridge on X of 1e200 with lambda 1e308: the penalty is negligible, so the least-squares fit divided by 1e200", () => {
    const fit = new Ridge({ lambda: 1e308, backend }).fit(scaled(X, 1e200), y);
    const ols = new Ridge({ lambda: 0, backend }).fit(X, y);
    close(Array.from(fit.coef, (w) => w * 1e200), Array.from(ols.coef), 1e-9);
    close([fit.intercept], [ols.intercept], 1e-9);
  });

  it("sampleWeight of 1e308 on three rows equals the fit on those rows (the other weights are 1e-308 of them)", () => {
    const fit = new Ridge({ lambda: 0.1, backend }).fit(X, y, { sampleWeight: [1e308, 1e308, 1e308, 1, 1] });
    const three = new Ridge({ lambda: 0.1, backend }).fit(X.slice(0, 3), y.slice(0, 3));
    close(Array.from(fit.coef), Array.from(three.coef), 1e-12);
  });

  it("Ridge without penalty on X of 1e-300 equals 1e300 times the fit on X (no singular system from underflow)", () => {
    const fit = new Ridge({ lambda: 0, backend }).fit(scaled(X, 1e-300), y);
    const ols = new Ridge({ lambda: 0, backend }).fit(X, y);
    close(Array.from(fit.coef, (w) => w * 1e-300), Array.from(ols.coef), 1e-9);
  });

  it("Ridge at lambda 0.1 on X of 1e-200: w = Xc^T yc / (n lambda), the Gram term being 1e-400 of it", () => {
    const { Xc, yc } = centered(scaled(X, 1e-200), y);
    const limit = [0, 1].map((j) => Xc.reduce((s, row, i) => s + row[j] * yc[i], 0) / (5 * 0.1));
    const fit = new Ridge({ lambda: 0.1, backend }).fit(scaled(X, 1e-200), y);
    close(Array.from(fit.coef), limit, 1e-12);
  });

  it("gradient descent on X of 1e200 throws DivergedError, never NaN coefficients", () => {
    expect(() => new Ridge({ lambda: 0.1, solver: "gd", backend }).fit(scaled(X, 1e200), y)).toThrow(DivergedError);
  });
});

describe.each(backends)("lambda near the largest double (item 2), %s backend", (backend) => {
  const { Xc, yc, yMean } = centered(X, y);
  it.each([
    ["Lasso", () => new Lasso({ lambda: 1e308, backend })],
    ["ElasticNet", () => new ElasticNet({ lambda: 1e308, l1Ratio: 0.5, backend })],
    ["ElasticNet (fista)", () => new ElasticNet({ lambda: 1e308, l1Ratio: 0.5, solver: "fista", backend })],
    ["MultiTaskLasso", () => new MultiTaskLasso({ lambda: 1e308, backend })],
  ])("%s with lambda 1e308: every coefficient 0, the intercept the mean of y", (_, make) => {
    const model = make();
    const multi = model instanceof MultiTaskLasso;
    const fit = multi ? model.fit(X, y.map((v) => [v, 2 * v])) : model.fit(X, y);
    expect(Array.from(fit.coef as ArrayLike<number>).every((w) => w === 0)).toBe(true);
    if (!multi) expect(fit.intercept).toBeCloseTo(yMean, 12);
  });

  it("Ridge (closed form) with lambda 1e308: w = Xc^T yc / (n lambda), the limit of an infinite penalty", () => {
    const fit = new Ridge({ lambda: 1e308, backend }).fit(X, y);
    // (Xc^T Xc + n lambda I) w = Xc^T yc; with n lambda = 5e308 the Gram term is 1e-307 of the diagonal.
    const limit = [0, 1].map((j) => Xc.reduce((s, row, i) => s + row[j] * yc[i], 0) / 5 / 1e308);
    close(Array.from(fit.coef), limit, 1e-6);
  });

  it("Ridge (cd) with lambda 1.7e308: finite coefficients within 1e-300 of 0", () => {
    const fit = new Ridge({ lambda: 1.7e308, solver: "cd", backend }).fit(X, y);
    expect(Array.from(fit.coef).every((w) => Number.isFinite(w) && Math.abs(w) <= 1e-300)).toBe(true);
  });
});

describe("gd with standardize centers as well as scales (item 6)", () => {
  it.each(backends)("%s: the diabetes fit at learningRate 0.1 converges to the closed form", (backend) => {
    const { X: dX, y: dy } = loadDiabetes();
    const options = { lambda: 0.1, standardize: true, backend };
    const gd = new Ridge({ ...options, solver: "gd", learningRate: 0.1, maxIter: 100_000, tol: 1e-14 }).fit(dX, dy);
    const exact = new Ridge(options).fit(dX, dy);
    expect(gd.converged).toBe(true);
    close(Array.from(gd.coef), Array.from(exact.coef), 1e-5);
    expect(gd.intercept).toBeCloseTo(exact.intercept, 3);
  });
});

describe("fista's step from the Gram matrix for few features (item 14)", () => {
  it.each(backends)("%s: ElasticNet fista on 20,000 x 2 equals coordinate descent", (backend) => {
    let state = 7;
    const next = () => ((state = (state * 48271) % 2147483647) / 2147483647) - 0.5;
    const rows = Array.from({ length: 20_000 }, () => [next(), next()]);
    const target = rows.map(([a, b]) => 3 * a - 2 * b + 0.1 * next());
    const options = { lambda: 0.01, l1Ratio: 0.5, tol: 1e-12, maxIter: 100_000, backend };
    const fista = new ElasticNet({ ...options, solver: "fista" }).fit(rows, target);
    const cd = new ElasticNet(options).fit(rows, target);
    close(Array.from(fista.coef), Array.from(cd.coef), 1e-6);
  });
});

describe("no estimator returns NaN (property)", () => {
  const documented = [RangeError, TypeError, SingularMatrixError, DivergedError];
  const estimators = [
    () => new Ridge({ lambda: 0.1 }),
    () => new Ridge({ lambda: 0.1, solver: "cd", ...quiet }),
    () => new Lasso({ lambda: 0.1, ...quiet }),
    () => new ElasticNet({ lambda: 0.1, l1Ratio: 0.5, ...quiet }),
    () => new ElasticNet({ lambda: 0.1, l1Ratio: 0.5, solver: "fista", ...quiet }),
    () => new Lasso({ lambda: 0.1, standardize: true, ...quiet }),
    () => new LassoCV({ nFolds: 2, ...quiet }),
    () => new ElasticNetCV({ nFolds: 2, l1Ratio: [0.5], ...quiet }),
    () => new RidgeCV({ lambdas: [0.1, 1] }),
  ];
  it("finite data on scales from 1e-300 to 1e300: finite coefficients or a documented error", () => {
    const scale = fc.integer({ min: -996, max: 996 }).map((e) => 2 ** e);
    const problem = fc.record({ rows: fc.integer({ min: 4, max: 12 }), cols: fc.integer({ min: 1, max: 4 }) }).chain(({ rows, cols }) =>
      fc.record({
        X: fc.array(fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows }),
        y: fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: rows, maxLength: rows }),
        xScale: scale,
        yScale: scale,
        which: fc.integer({ min: 0, max: estimators.length - 1 }),
      }));
    fc.assert(
      fc.property(problem, ({ X: px, y: py, xScale, yScale, which }) => {
        const model = estimators[which]();
        try {
          const fit = model.fit(scaled(px, xScale), py.map((v) => v * yScale));
          expect([...Array.from(fit.coef as ArrayLike<number>), fit.intercept as number].every(Number.isFinite)).toBe(true);
        } catch (error) {
          expect(documented.some((kind) => error instanceof kind), String(error)).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe("statistics that overflowed (item 1, fitGram)", () => {
  it("a Lasso fit from statistics whose sums overflowed says to rescale before accumulating", () => {
    const accumulator = new GramAccumulator(2);
    accumulator.update(scaled(X, 1e200), y);
    const fit = () => new Lasso({ lambda: 0.1, ...quiet }).fitGram(accumulator.toJSON());
    expect(fit).toThrow(RangeError);
    expect(fit).toThrow(/overflow|finite/i);
  });
});

describe.each(backends)("paths on data whose sums overflow (item 1), %s backend", (backend) => {
  const s = 2 ** 700;
  it("lassoPath with standardize on X times 2^700: the lambdas of the path on X, every weight divided by 2^700", () => {
    const options = { nLambdas: 8, standardize: true, tol: 1e-10, backend };
    const big = lassoPath(scaled(X, s), y, options);
    const unit = lassoPath(X, y, options);
    close(Array.from(big.lambdas), Array.from(unit.lambdas), 1e-12);
    big.coefs.forEach((coef, i) => close(Array.from(coef, (w) => w * s), Array.from(unit.coefs[i]), 1e-6));
  });

  it("lassoPath on y times 2^700: lambdas and weights 2^700 times those on y", () => {
    const options = { nLambdas: 8, tol: 1e-10, backend };
    const big = lassoPath(X, y.map((v) => v * s), options);
    const unit = lassoPath(X, y, options);
    close(Array.from(big.lambdas), Array.from(unit.lambdas, (l) => l * s), 1e-12);
    big.coefs.forEach((coef, i) => close(Array.from(coef), Array.from(unit.coefs[i], (w) => w * s), 1e-6));
  });
});

describe("DivergedError's advice fits the cause", () => {
  it("gd at lambda 1e308: the penalty's own step overshoots, so the advice names lambda", () => {
    const fit = () => new Ridge({ lambda: 1e308, solver: "gd" }).fit(X, y);
    expect(fit).toThrow(DivergedError);
    expect(fit).toThrow(/lower lambda or learningRate/);
  });

  it("gd that diverges with standardize already on does not advise standardizing", () => {
    const { X: dX, y: dy } = loadDiabetes();
    const fit = () => new Ridge({ solver: "gd", standardize: true, fitIntercept: false, learningRate: 0.1 }).fit(dX, dy);
    expect(fit).toThrow(DivergedError);
    expect(fit).toThrow(/smaller learningRate \(try 0\.01\)\.$/);
  });
});

describe("cross-validation on huge and tiny targets (squared errors beyond double precision)", () => {
  const cvX = [[1, 2], [2, 1], [3, 5], [4, 3], [5, 7], [6, 4]];
  const signs = [1, -1, 1, -1, 1, -1];
  it.each([1e160, 1e-170])("LassoCV and RidgeCV on y times %s choose as on y (lambda and weights scale with y)", (s) => {
    const ys = signs.map((v) => v * s);
    const lasso = [new LassoCV({ nFolds: 3 }).fit(cvX, ys), new LassoCV({ nFolds: 3 }).fit(cvX, signs)];
    close([lasso[0].lambda / s, ...Array.from(lasso[0].coef, (w) => w / s)], [lasso[1].lambda, ...Array.from(lasso[1].coef)], 1e-9);
    const ridge = [new RidgeCV().fit(cvX, ys), new RidgeCV().fit(cvX, signs)];
    expect(ridge[0].lambda).toBe(ridge[1].lambda);
    close(Array.from(ridge[0].coef, (w) => w / s), Array.from(ridge[1].coef), 1e-9);
  });
});

describe("score (R^2) at the edges", () => {
  const fit = () => new Ridge({ lambda: 0.1 }).fit(X, y);
  it("a constant y that is not predicted exactly scores 0 (scikit-learn's convention), not a huge negative number", () => {
    expect(fit().score(X, [1, 1, 1, 1, 1])).toBe(0);
  });

  it("R^2 of y near 1e300 equals R^2 of the same data at scale 1 (its sums of squares would overflow)", () => {
    const signs = [1, -1, 1, -1, 1];
    const unit = new Ridge({ lambda: 0.1 }).fit(X, signs);
    const huge = new Ridge({ lambda: 0.1 }).fit(X, signs.map((v) => v * 1e300));
    expect(huge.score(X, signs.map((v) => v * 1e300))).toBeCloseTo(unit.score(X, signs), 12);
  });
});
