import { beforeAll, describe, expect, it } from "vitest";
import {
  accumulateStatistics, ElasticNetCV, enetPath, foldOfRow, GramAccumulator, init, Lasso, LassoCV, lassoPath, Ridge, RidgeCV,
} from "../../src/index.js";
import { mulberry32 } from "../../src/backends/random.js";

beforeAll(() => init());

/** 400 rows, 6 features (one of mean 1e6 and spread 1), a sparse truth and noise. */
function data() {
  const random = mulberry32(21);
  const X = Array.from({ length: 400 }, () => [1e6 + random() - 0.5, ...Array.from({ length: 5 }, () => random() * 2 - 1)]);
  const y = X.map((x) => 3 * (x[0] - 1e6) + 2 * x[1] - x[3] + 0.5 * (random() - 0.5) + 10);
  return { X, y };
}

/** The objective (1/2n)||X w + b - y||^2 + lambda (rho |w|_1 + (1 - rho)/2 |w|^2), computed from the rows. */
function objective(X: number[][], y: number[], w: ArrayLike<number>, b: number, lambda: number, rho: number): number {
  let loss = 0;
  X.forEach((x, i) => (loss += (x.reduce((s, v, j) => s + v * w[j], b) - y[i]) ** 2));
  let l1 = 0;
  let l2 = 0;
  for (const v of Array.from(w)) [l1, l2] = [l1 + Math.abs(v), l2 + v * v];
  return loss / (2 * X.length) + lambda * (rho * l1 + ((1 - rho) / 2) * l2);
}

/** MSE of a model on rows. */
const mse = (X: number[][], y: number[], w: ArrayLike<number>, b: number) =>
  X.reduce((s, x, i) => s + (x.reduce((p, v, j) => p + v * w[j], b) - y[i]) ** 2, 0) / X.length;

const { X, y } = data();
const k = 4;
const fold = X.map((_, i) => foldOfRow(i, k));
const rowsOf = (keep: (i: number) => boolean) => {
  const idx = [...X.keys()].filter(keep);
  return { X: idx.map((i) => X[i]), y: idx.map((i) => y[i]) };
};
const streamed = () => accumulateStatistics([{ X: X.slice(0, 150), y: y.slice(0, 150) }, { X: X.slice(150), y: y.slice(150) }], { nFolds: k });

describe("paths from statistics", () => {
  it.each([["lassoPath", 1], ["enetPath", 0.4]] as const)("%s of a GramAccumulator or its JSON equals the path of the rows to 1e-8 objective", (name, rho) => {
    const stats = new GramAccumulator(6).update(X, y);
    const options = { nLambdas: 20, tol: 1e-12, maxIter: 100000, ...(name === "enetPath" ? { l1Ratio: rho } : {}) };
    const run = name === "lassoPath" ? lassoPath : enetPath;
    const fromRows = run(X, y, options);
    for (const input of [stats, stats.toJSON()]) {
      const fromStats = run(input, undefined, options);
      fromStats.lambdas.forEach((lambda, i) => {
        expect(lambda / fromRows.lambdas[i]).toBeCloseTo(1, 12);
        const [a, b] = [objective(X, y, fromStats.coefs[i], fromStats.intercepts[i], lambda, rho), objective(X, y, fromRows.coefs[i], fromRows.intercepts[i], lambda, rho)];
        expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-8 * b);
      });
    }
  });

  it("refuses y and sampleWeight beside statistics, saying what to pass", () => {
    const stats = new GramAccumulator(6).update(X, y);
    expect(() => lassoPath(stats, y)).toThrow(/statistics hold their own y/);
    expect(() => lassoPath(stats, undefined, { sampleWeight: y.map(() => 1) })).toThrow(/pass the rows with sampleWeight/);
  });
});

describe("CV from fold statistics", () => {
  it.each([["LassoCV", [1]], ["ElasticNetCV", [0.3, 0.8]]] as const)(
    "%s.fitFolds equals a CV over the same folds on the rows (cvMean to 1e-8, the same lambda)", async (name, ratios) => {
      const { folds, total } = await streamed();
      const options = { nLambdas: 30, tol: 1e-12, maxIter: 100000 };
      const cv = name === "LassoCV" ? new LassoCV(options).fitFolds(folds) : new ElasticNetCV({ ...options, l1Ratio: [...ratios] }).fitFolds(folds);
      // The grid point (of cv's own grid) and l1Ratio of the smallest CV error on the rows.
      let best = { error: Infinity, lambda: 0, rho: 0 };
      cv.cvResults.forEach((result, r) => {
        const rho = ratios[r];
        const grid = enetPath(X, y, { ...options, l1Ratio: rho }).lambdas;
        grid.forEach((v, i) => expect(Math.abs(result.lambdas[i] - v)).toBeLessThanOrEqual(1e-12 * v));
        const perFold = Array.from({ length: k }, (_, f) => {
          const train = rowsOf((i) => fold[i] !== f);
          const test = rowsOf((i) => fold[i] === f);
          const path = enetPath(train.X, train.y, { ...options, l1Ratio: rho, lambdas: grid });
          return path.coefs.map((w, l) => mse(test.X, test.y, w, path.intercepts[l]));
        });
        grid.forEach((_, l) => {
          const mean = perFold.reduce((s, e) => s + e[l], 0) / k;
          expect(Math.abs(result.cvMean[l] - mean)).toBeLessThanOrEqual(1e-8 * mean);
          if (mean < best.error) best = { error: mean, lambda: result.lambdas[l], rho };
        });
      });
      expect(cv.lambda).toBe(best.lambda);
      expect(cv.l1Ratio).toBe(best.rho);
      const refit = new Lasso({ lambda: cv.lambda, tol: 1e-12, maxIter: 100000 }).fitGram(total);
      if (name === "LassoCV") expect(Array.from(cv.coef)).toEqual(Array.from(refit.coef));
    });

  it("RidgeCV.fitFolds gives the k-fold MSE computed from the rows, and its minimizer", async () => {
    const { folds } = await streamed();
    const lambdas = [1, 0.1, 0.01, 0.001, 1e-5];
    const cv = new RidgeCV({ lambdas }).fitFolds(folds);
    const direct = lambdas.map((lambda) => {
      let sum = 0;
      for (let f = 0; f < k; f++) {
        const train = rowsOf((i) => fold[i] !== f);
        const test = rowsOf((i) => fold[i] === f);
        const model = new Ridge({ lambda }).fit(train.X, train.y);
        sum += mse(test.X, test.y, model.coef, model.intercept) * test.X.length;
      }
      return sum / X.length;
    });
    direct.forEach((value, l) => expect(Math.abs(cv.cvMean[l] - value)).toBeLessThanOrEqual(1e-8 * value));
    expect(cv.lambda).toBe(lambdas[direct.indexOf(Math.min(...direct))]);
  });

  it("refuses fewer than 2 folds and a fold that holds every row", async () => {
    const { total } = await streamed();
    expect(() => new LassoCV().fitFolds([total])).toThrow(/at least 2 fold statistics/);
    expect(() => new RidgeCV().fitFolds([total, new GramAccumulator(6)])).toThrow(/holds 400 of the 400 rows/);
  });
});
