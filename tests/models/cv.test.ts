import { beforeAll, describe, expect, it } from "vitest";
import { ElasticNet, ElasticNetCV, init, LassoCV, loadDiabetes, Ridge, RidgeCV, type BackendName } from "../../src/index.js";

beforeAll(() => init());

const { X, y } = loadDiabetes();
const Xs = X.map((row) => row.map((v, j) => v / [100, 2, 40, 120, 250, 200, 80, 8, 6, 120][j]));

describe.each<BackendName>(["wasm", "js"])("cross-validation on the %s backend", (backend) => {
  it("LassoCV: each CV error is the test-fold error of the model fitted on the other folds", () => {
    const cv = new LassoCV({ nFolds: 4, nLambdas: 12, tol: 1e-10, seed: 3, backend }).fit(Xs, y);
    const [curve] = cv.cvResults;
    expect(curve.lambdas).toHaveLength(12);
    for (const l of [0, 5, 11]) {
      const errors = [0, 1, 2, 3].map((fold) => {
        const train = Array.from(y, (_, i) => i).filter((i) => cv.foldIds[i] !== fold);
        const test = Array.from(y, (_, i) => i).filter((i) => cv.foldIds[i] === fold);
        const model = new ElasticNet({ lambda: curve.lambdas[l], l1Ratio: 1, tol: 1e-10, backend })
          .fit(train.map((i) => Xs[i]), train.map((i) => y[i]));
        const predicted = model.predict(test.map((i) => Xs[i]));
        return test.reduce((s, i, t) => s + (y[i] - predicted[t]) ** 2, 0) / test.length;
      });
      const mean = errors.reduce((s, e) => s + e, 0) / 4;
      expect(Math.abs(curve.cvMean[l] - mean)).toBeLessThanOrEqual(1e-8 * mean);
      const sd = Math.sqrt(errors.reduce((s, e) => s + (e - mean) ** 2, 0) / 3);
      expect(Math.abs(curve.cvStd[l] - sd)).toBeLessThanOrEqual(1e-6 * sd);
    }
    const best = curve.cvMean.indexOf(Math.min(...curve.cvMean));
    expect(cv.lambda).toBe(curve.lambdas[best]);
    expect(cv.lambda1se).toBeGreaterThanOrEqual(cv.lambda);
    // The refit is the estimator at the chosen lambda on all rows.
    const refit = new ElasticNet({ lambda: cv.lambda, l1Ratio: 1, tol: 1e-10, backend }).fit(Xs, y);
    cv.coef.forEach((w, j) => expect(w).toBeCloseTo(refit.coef[j], 8));
  });

  it("shares one pass over the rows (each fold trains on the total minus its own statistics) and gets the fold-by-fold route's curve", () => {
    // precompute: false keeps the fold-by-fold route (residual mode on each training set's rows).
    const options = { nFolds: 5, nLambdas: 15, tol: 1e-12, seed: 5, backend };
    const [shared, byFold] = [new LassoCV(options).fit(Xs, y), new LassoCV({ ...options, precompute: false }).fit(Xs, y)];
    expect(Array.from(shared.foldIds)).toEqual(Array.from(byFold.foldIds));
    shared.cvResults[0].cvMean.forEach((mse, l) => expect(Math.abs(mse - byFold.cvResults[0].cvMean[l])).toBeLessThanOrEqual(1e-9 * mse));
    expect(shared.lambda).toBe(byFold.lambda);
    // Sample weights belong to the rows: weighted CV keeps the fold-by-fold route, and unit weights give the same curve.
    const weighted = new LassoCV(options).fit(Xs, y, { sampleWeight: new Float64Array(y.length).fill(1) });
    weighted.cvResults[0].cvMean.forEach((mse, l) => expect(Math.abs(mse - shared.cvResults[0].cvMean[l])).toBeLessThanOrEqual(1e-9 * mse));
  });

  it("is deterministic under a seed, and the seed decides the folds", () => {
    const options = { nFolds: 5, nLambdas: 10, seed: 11, backend };
    const reported: number[][] = [];
    const a = new LassoCV({ ...options, onProgress: (done, total) => reported.push([done, total]) }).fit(Xs, y);
    expect(reported).toEqual([[1, 5], [2, 5], [3, 5], [4, 5], [5, 5]]);
    const b = new LassoCV(options).fit(Xs, y);
    expect(Array.from(a.foldIds)).toEqual(Array.from(b.foldIds));
    expect(Array.from(a.cvResults[0].cvMean)).toEqual(Array.from(b.cvResults[0].cvMean));
    expect(a.lambda).toBe(b.lambda);
    const counts = [0, 1, 2, 3, 4].map((f) => a.foldIds.filter((id) => id === f).length);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
    const other = new LassoCV({ ...options, seed: 12 }).fit(Xs, y);
    expect(Array.from(other.foldIds)).not.toEqual(Array.from(a.foldIds));
  });

  it("ElasticNetCV picks among several l1Ratios the one with the smallest CV error", () => {
    const cv = new ElasticNetCV({ l1Ratio: [0.2, 0.9], nFolds: 3, nLambdas: 8, backend }).fit(Xs, y);
    expect(cv.cvResults.map((r) => r.l1Ratio)).toEqual([0.2, 0.9]);
    const bestOf = (r: (typeof cv.cvResults)[number]) => Math.min(...r.cvMean);
    const winner = cv.cvResults.reduce((a, r) => (bestOf(r) < bestOf(a) ? r : a));
    expect(cv.l1Ratio).toBe(winner.l1Ratio);
    expect(() => new ElasticNetCV({ l1Ratio: [0.5, 0] })).toThrow(/l1Ratio\[1\] is 0/);
    expect(() => new LassoCV({ l1Ratio: 0.5 } as object)).toThrow(/LassoCV has no l1Ratio option/);
    expect(() => new LassoCV({ nFolds: 1 }).fit(Xs, y)).toThrow(/nFolds must be at least 2/);
  });

  it("RidgeCV's leave-one-out errors equal refitting without each row (penalty n lambda held fixed)", () => {
    const rows = Xs.slice(0, 40);
    const targets = Array.from(y.slice(0, 40));
    const wide = rows.map((row) => [...row, ...row.map((v) => v * v)]).slice(0, 15);
    for (const [data, t] of [[rows, targets], [wide, targets.slice(0, 15)]] as const) {
      const cv = new RidgeCV({ lambdas: [0.001, 0.1, 3], backend }).fit(data, t);
      cv.candidates.forEach((lambda, l) => {
        let total = 0;
        data.forEach((_, i) => {
          // n - 1 rows with lambda n / (n - 1): the same n lambda on the diagonal, as the shortcut assumes.
          const n = data.length;
          const model = new Ridge({ lambda: (lambda * n) / (n - 1), backend }).fit(data.filter((__, r) => r !== i), t.filter((__, r) => r !== i));
          total += (t[i] - model.predict([data[i]])[0]) ** 2;
        });
        expect(Math.abs(cv.cvMean[l] - total / data.length)).toBeLessThanOrEqual(1e-9 * cv.cvMean[l]);
      });
      expect(cv.lambda).toBe(cv.candidates[cv.cvMean.indexOf(Math.min(...cv.cvMean))]);
    }
  });
});
