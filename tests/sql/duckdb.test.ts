// The statistics computed inside DuckDB equal a GramAccumulator over the same rows, and fits from them equal the
// in-memory fits. DuckDB is an optional dependency that `npm ci` installs: these tests run, never skip.

import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ElasticNet, GramAccumulator, init, Lasso, LassoCV, Ridge, type GramStatistics } from "../../src/index.js";
import { mulberry32 } from "../../src/backends/random.js";
import { duckdbFileSource, duckdbStatistics } from "../../src/sql/duckdb.js";

beforeAll(() => init());

const FEATURES = ["a b", 'q"uote', "big", "c"];
const K = 3;
const n = 400;
const next = mulberry32(7);
/** Uniform in [0, 1). */
const random = () => next() / 2 ** 32;
const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
// "big" has mean 1e6 and spread 1: raw sums of squares would lose about 12 of the 16 digits.
const X = Array.from({ length: n }, () => [normal(), 3 * normal() - 2, 1e6 + normal(), 0.01 * normal()]);
const y = X.map((row) => 1.5 * row[0] - 0.7 * row[1] + 2 * (row[2] - 1e6) + 40 * row[3] + 0.3 * normal() + 5);
const weights = X.map(() => 0.1 + random());
const ids = X.map((_, i) => i);

const dir = mkdtempSync(join(tmpdir(), "regularized-sql-"));
const csvPath = join(dir, "data.csv");
const csvName = (name: string) => `"${name.replaceAll('"', '""')}"`;
writeFileSync(csvPath, [[...FEATURES, "y", "w", "id"].map(csvName).join(","), ...X.map((row, i) => [...row, y[i], weights[i], ids[i]].map(String).join(","))].join("\n") + "\n");
const from = duckdbFileSource(csvPath);
const spec = { from, features: FEATURES, target: "y" };

/** Each entry within `relative` of its own size; xx entries within `relative` of sqrt(xx_jj xx_ll). */
function expectSameStatistics(actual: GramStatistics, expected: GramStatistics, relative: number) {
  const d = expected.nFeatures;
  expect(actual.n).toBeCloseTo(expected.n, 9);
  const close = (a: number, b: number, scale: number) => expect(Math.abs(a - b)).toBeLessThanOrEqual(relative * scale);
  expected.xMean.forEach((m, j) => close(actual.xMean[j], m, Math.abs(m)));
  close(actual.yMean, expected.yMean, Math.abs(expected.yMean));
  close(actual.yy, expected.yy, expected.yy);
  for (let j = 0; j < d; j++) {
    close(actual.xy[j], expected.xy[j], Math.sqrt(expected.xx[j * d + j] * expected.yy));
    for (let l = 0; l < d; l++) close(actual.xx[j * d + l], expected.xx[j * d + l], Math.sqrt(expected.xx[j * d + j] * expected.xx[l * d + l]));
  }
}

const closeArrays = (a: ArrayLike<number>, b: ArrayLike<number>, relative: number) => {
  const scale = Math.max(...Array.from(b, Math.abs));
  for (let i = 0; i < b.length; i++) expect(Math.abs(a[i] - b[i])).toBeLessThanOrEqual(relative * scale);
};

const accumulated = (rows: number[]) => new GramAccumulator(FEATURES.length, "js").update(rows.map((i) => X[i]), rows.map((i) => y[i])).toJSON();
const all = ids;

describe("statistics computed in DuckDB", () => {
  it("equal a GramAccumulator over the same rows to 1e-10, the column of mean 1e6 and spread 1 included", async () => {
    const [stats] = await duckdbStatistics(spec);
    expectSameStatistics(stats, accumulated(all), 1e-10);
  });

  it("split across queries by maxColumns, equal the statistics of one query", async () => {
    const [split] = await duckdbStatistics({ ...spec, maxColumns: 16 });
    expectSameStatistics(split, accumulated(all), 1e-10);
  });

  it("give Ridge, Lasso and ElasticNet fits equal to the in-memory fits to 1e-8", async () => {
    const [stats] = await duckdbStatistics(spec);
    const models = () => [new Ridge({ lambda: 0.01 }), new Lasso({ lambda: 0.05, tol: 1e-14, maxIter: 100000 }), new ElasticNet({ lambda: 0.05, l1Ratio: 0.4, tol: 1e-14, maxIter: 100000, standardize: true })];
    const fromRows = models().map((m) => m.fit(X, y));
    models().forEach((m, i) => {
      m.fitGram(stats);
      closeArrays(m.coef, fromRows[i].coef, 1e-8);
      expect(Math.abs(m.intercept - fromRows[i].intercept)).toBeLessThanOrEqual(1e-8 * Math.abs(fromRows[i].intercept) + 1e-8);
    });
  });

  it("with a weight column, give the fit with those sample weights", async () => {
    const [stats] = await duckdbStatistics({ ...spec, weight: "w" });
    closeArrays(new Ridge({ lambda: 0.01 }).fitGram(stats).coef, new Ridge({ lambda: 0.01 }).fit(X, y, { sampleWeight: weights }).coef, 1e-8);
    expect(stats.n).toBeCloseTo(weights.reduce((s, w) => s + w, 0), 9);
  });

  it("by fold: each fold's statistics are its rows' (id mod k), and the CV curve equals in-memory fits on the same folds", async () => {
    const folds = await duckdbStatistics({ ...spec, folds: K, foldColumn: "id" });
    expect(folds).toHaveLength(K);
    const members = (f: number) => all.filter((i) => i % K === f);
    folds.forEach((stats, f) => expectSameStatistics(stats, accumulated(members(f)), 1e-10));
    const cv = new LassoCV({ tol: 1e-14, maxIter: 100000, nLambdas: 8 }).fitFolds(folds);
    const [{ lambdas, cvMean }] = cv.cvResults;
    // In memory: for each fold, fit the other folds' rows and measure the squared error on the fold's rows.
    const expected = Array.from(lambdas, (lambda) => {
      const errors = Array.from({ length: K }, (_, f) => {
        const train = all.filter((i) => i % K !== f);
        const model = new Lasso({ lambda, tol: 1e-14, maxIter: 100000 }).fit(train.map((i) => X[i]), train.map((i) => y[i]));
        const test = members(f);
        const predicted = model.predict(test.map((i) => X[i]));
        return test.reduce((s, i, t) => s + (y[i] - predicted[t]) ** 2, 0) / test.length;
      });
      return errors.reduce((s, e) => s + e, 0) / K;
    });
    closeArrays(cvMean, expected, 1e-8);
    const best = expected.indexOf(Math.min(...expected));
    expect(cv.lambda).toBe(lambdas[best]);
    closeArrays(cv.model.coef, new Lasso({ lambda: cv.lambda, tol: 1e-14, maxIter: 100000 }).fit(X, y).coef, 1e-8);
  });
});
