import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { init, loadBreastCancer, logisticPath, LogisticRegression, LogisticRegressionCV } from "../../src/index.js";

beforeAll(() => init());

const fixture = JSON.parse(readFileSync(new URL("../fixtures/sklearn-logistic.json", import.meta.url), "utf8")) as {
  designs: Record<string, { X: number[][]; y: number[] }>;
};
const glmnet = JSON.parse(readFileSync(new URL("../fixtures/glmnet-logistic.json", import.meta.url), "utf8")) as {
  cases: { rho: number; lambda: number; objective: number; coef: number[] }[];
};

/** The binomial objective, written out here. */
function objective(X: number[][], y: number[], w: ArrayLike<number>, b: number, lambda: number, rho: number): number {
  let loss = 0;
  X.forEach((row, i) => {
    const t = row.reduce((s, v, j) => s + v * w[j], b);
    loss += Math.max(t, 0) + Math.log1p(Math.exp(-Math.abs(t))) - y[i] * t;
  });
  let [l1, l2] = [0, 0];
  for (let j = 0; j < w.length; j++) [l1, l2] = [l1 + Math.abs(w[j]), l2 + w[j] * w[j]];
  return loss / X.length + lambda * (rho * l1 + 0.5 * (1 - rho) * l2);
}

describe("logisticPath", () => {
  const cancer = loadBreastCancer();
  const X = cancer.X.map((row) => Array.from(row));
  const y = cancer.y.map((label) => (label === "malignant" ? 1 : 0));

  it("reaches glmnet's objectives (1e-8) and zeros on the raw features along its lambdas, warm-started", () => {
    for (const rho of [1, 0.5]) {
      const cases = glmnet.cases.filter((c) => c.rho === rho);
      const path = logisticPath(X, cancer.y, { l1Ratio: rho, lambdas: cases.map((c) => c.lambda), tol: 1e-10, maxIter: 200 });
      expect(path.classes).toEqual(["benign", "malignant"]);
      expect(path.converged.every(Boolean)).toBe(true);
      cases.forEach((c, i) => {
        expect(path.lambdas[i]).toBe(c.lambda);
        const ours = objective(X, y, path.coefs[i], path.intercepts[i][0], c.lambda, rho);
        expect(Math.abs(ours - c.objective)).toBeLessThanOrEqual(1e-8 * c.objective);
        expect(Array.from(path.coefs[i], (v) => v === 0)).toEqual(c.coef.map((v) => v === 0));
      });
    }
  });

  it("starts its grid at lambdaMax: every weight 0 there, and not just below it (checked by a fit at 0.99 of it)", () => {
    const { X: Xg, y: yg } = fixture.designs.generated;
    let progress = 0;
    const path = logisticPath(Xg, yg, { nLambdas: 5, eps: 0.1, onProgress: (done) => (progress = done) });
    expect(progress).toBe(5);
    expect(path.lambdas).toHaveLength(5);
    expect(path.lambdas[4] / path.lambdas[0]).toBeCloseTo(0.1, 12);
    expect(path.coefs[0].every((v) => v === 0)).toBe(true);
    const below = new LogisticRegression({ lambda: 0.99 * path.lambdas[0], l1Ratio: 1, tol: 1e-10 }).fit(Xg, yg);
    expect(below.coef.some((v) => v !== 0)).toBe(true);
  });

  it("refuses l1Ratio 0, which has no lambdaMax", () => {
    expect(() => logisticPath([[1], [2]], [0, 1], { l1Ratio: 0 })).toThrow("a logistic path needs an L1 part for its lambdaMax");
  });
});

describe("logisticPath without an intercept", () => {
  it("starts at the lambdaMax of b = 0 (p = 1/2): every weight 0 there, and not just below it", () => {
    const { X, y } = fixture.designs.imbalanced;
    const path = logisticPath(X, y, { nLambdas: 3, eps: 0.5, fitIntercept: false, tol: 1e-10 });
    expect(path.coefs[0].every((v) => v === 0)).toBe(true);
    const below = new LogisticRegression({ lambda: 0.99 * path.lambdas[0], l1Ratio: 1, fitIntercept: false, tol: 1e-10 }).fit(X, y);
    expect(below.coef.some((v) => v !== 0)).toBe(true);
  });
});

describe("LogisticRegressionCV", () => {
  const { X, y } = fixture.designs.generated;

  it("deals each class evenly into stratified folds, and its deviance curve is the folds' held-out deviance", () => {
    const cv = new LogisticRegressionCV({ nFolds: 4, nLambdas: 8, eps: 0.05, tol: 1e-10 }).fit(X, y);
    const folds = cv.foldIds;
    for (const label of [0, 1]) {
      const counts = [0, 1, 2, 3].map((f) => y.filter((v, i) => v === label && folds[i] === f).length);
      expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
    }
    // One lambda recomputed here: each fold fitted cold on its training rows, -2 mean log p on its test rows.
    const at = 3;
    const lambda = cv.lambdas[at];
    const deviances = [0, 1, 2, 3].map((f) => {
      const train = [...folds.keys()].filter((i) => folds[i] !== f);
      const test = [...folds.keys()].filter((i) => folds[i] === f);
      const model = new LogisticRegression({ lambda, l1Ratio: 1, tol: 1e-10 }).fit(train.map((i) => X[i]), train.map((i) => y[i]));
      const p = model.predictProba(test.map((i) => X[i]));
      return (-2 * test.reduce((s, i, r) => s + Math.log(p[2 * r + y[i]]), 0)) / test.length;
    });
    expect(Math.abs(cv.cvMean[at] - deviances.reduce((s, v) => s + v, 0) / 4)).toBeLessThanOrEqual(1e-7);
    // lambdaMin minimizes the curve; lambda1se is the largest lambda within one standard error of it.
    const best = cv.cvMean.indexOf(Math.min(...cv.cvMean));
    expect(cv.lambdaMin).toBe(cv.lambdas[best]);
    expect(cv.lambda1se).toBeGreaterThanOrEqual(cv.lambdaMin);
    const refit = new LogisticRegression({ lambda: cv.lambdaMin, l1Ratio: 1, tol: 1e-10 }).fit(X, y);
    expect(Array.from(cv.coef)).toEqual(Array.from(refit.coef));
    expect(cv.score(X, y)).toBe(refit.score(X, y));
  });

  it("with sampleWeight: weighted fold fits, weighted held-out deviance, folds counted by their weight (cv.glmnet's)", () => {
    const weights = y.map((_, i) => 0.5 + ((i * 7) % 5) / 2);
    const cv = new LogisticRegressionCV({ nFolds: 3, nLambdas: 6, eps: 0.05, tol: 1e-10 }).fit(X, y, { sampleWeight: weights });
    const folds = cv.foldIds;
    const at = 4;
    let [sum, mass] = [0, 0];
    for (const f of [0, 1, 2]) {
      const train = [...folds.keys()].filter((i) => folds[i] !== f);
      const test = [...folds.keys()].filter((i) => folds[i] === f);
      const model = new LogisticRegression({ lambda: cv.lambdas[at], l1Ratio: 1, tol: 1e-10 })
        .fit(train.map((i) => X[i]), train.map((i) => y[i]), { sampleWeight: train.map((i) => weights[i]) });
      const p = model.predictProba(test.map((i) => X[i]));
      // Fold weight W_f = sum of its rows' weights; its deviance is their weighted mean: W_f dev_f = -2 sum_i s_i log p_i.
      sum += -2 * test.reduce((s, i, r) => s + weights[i] * Math.log(p[2 * r + y[i]]), 0);
      mass += test.reduce((s, i) => s + weights[i], 0);
    }
    expect(Math.abs(cv.cvMean[at] - sum / mass)).toBeLessThanOrEqual(1e-7);
    const refit = new LogisticRegression({ lambda: cv.lambdaMin, l1Ratio: 1, tol: 1e-10 }).fit(X, y, { sampleWeight: weights });
    expect(Array.from(cv.coef)).toEqual(Array.from(refit.coef));
    expect(() => new LogisticRegressionCV().fit(X, y, { sampleWeight: [1, 2] })).toThrow("sampleWeight");
  });

  it("leaves out a fold whose held-out rows all weigh 0 (cv.glmnet's na.rm), and refuses when no fold has weight", () => {
    const folds = new LogisticRegressionCV({ nFolds: 3, nLambdas: 4, eps: 0.05 }).fit(X, y).foldIds;
    const weights = y.map((_, i) => (folds[i] === 0 ? 0 : 1));
    const cv = new LogisticRegressionCV({ nFolds: 3, nLambdas: 4, eps: 0.05, tol: 1e-10 }).fit(X, y, { sampleWeight: weights });
    expect(cv.cvMean.every(Number.isFinite)).toBe(true);
    // The curve is folds 1 and 2's, each the weighted deviance of its rows, weighted by its rows.
    let [sum, mass] = [0, 0];
    for (const f of [1, 2]) {
      const train = [...folds.keys()].filter((i) => folds[i] !== f);
      const test = [...folds.keys()].filter((i) => folds[i] === f);
      const model = new LogisticRegression({ lambda: cv.lambdas[2], l1Ratio: 1, tol: 1e-10 })
        .fit(train.map((i) => X[i]), train.map((i) => y[i]), { sampleWeight: train.map((i) => weights[i]) });
      const p = model.predictProba(test.map((i) => X[i]));
      sum += -2 * test.reduce((t, i, r) => t + Math.log(p[2 * r + y[i]]), 0);
      mass += test.length;
    }
    expect(Math.abs(cv.cvMean[2] - sum / mass)).toBeLessThanOrEqual(1e-7);
    // Two folds: the standard error of two values; cvStd is it times sqrt(2).
    cv.cvStd.forEach((v, i) => expect(v).toBeCloseTo(cv.cvStandardError[i] * Math.sqrt(2), 14));
    expect(() => new LogisticRegressionCV({ nFolds: 3 }).fit(X, y, { sampleWeight: y.map(() => 0) })).toThrow("sampleWeight");
  });

  it("scores accuracy (higher is better): at lambdaMax every fold predicts its training majority", () => {
    const accuracy = new LogisticRegressionCV({ nFolds: 3, nLambdas: 5, eps: 0.05, scoring: "accuracy" }).fit(X, y);
    expect(accuracy.lambdaMin).toBe(accuracy.lambdas[accuracy.cvMean.indexOf(Math.max(...accuracy.cvMean))]);
    const folds = accuracy.foldIds;
    // Each fold's share of right answers, the folds weighted by their rows (cv.glmnet's).
    const [hits, rows] = [0, 1, 2].map((f) => {
      const train = y.filter((_, i) => folds[i] !== f);
      const majority = train.filter((v) => v === 1).length > train.length / 2 ? 1 : 0;
      const test = y.filter((_, i) => folds[i] === f);
      return [test.filter((v) => v === majority).length, test.length];
    }).reduce(([a, b], [c, d]) => [a + c, b + d], [0, 0]);
    expect(Math.abs(accuracy.cvMean[0] - hits / rows)).toBeLessThanOrEqual(1e-12);
  });

  it("scores AUC, counted here pair by pair, for the binomial model and the two-class multinomial one", () => {
    for (const multiClass of ["auto", "multinomial"] as const) {
      const cv = new LogisticRegressionCV({ nFolds: 3, nLambdas: 6, eps: 0.05, scoring: "auc", multiClass, tol: 1e-10 }).fit(X, y);
      const at = 4;
      const folds = cv.foldIds;
      const aucs = [0, 1, 2].map((f) => {
        const train = [...folds.keys()].filter((i) => folds[i] !== f);
        const test = [...folds.keys()].filter((i) => folds[i] === f);
        const model = new LogisticRegression({ lambda: cv.lambdas[at], l1Ratio: 1, multiClass, tol: 1e-10 }).fit(train.map((i) => X[i]), train.map((i) => y[i]));
        const p = model.predictProba(test.map((i) => X[i]));
        let [wins, pairs] = [0, 0];
        test.forEach((i, a) => test.forEach((j, b) => {
          if (y[i] !== 1 || y[j] !== 0) return;
          pairs++;
          wins += p[2 * a + 1] > p[2 * b + 1] ? 1 : p[2 * a + 1] === p[2 * b + 1] ? 0.5 : 0;
        }));
        return [test.length * (wins / pairs), test.length];
      }).reduce(([a, b], [c, d]) => [a + c, b + d], [0, 0]);
      expect(Math.abs(cv.cvMean[at] - aucs[0] / aucs[1])).toBeLessThanOrEqual(1e-6);
      expect(cv.cvMean[at]).toBeGreaterThan(0.5);
    }
    const three = fixture.designs.threeClasses;
    expect(() => new LogisticRegressionCV({ scoring: "auc" }).fit(three.X, three.y)).toThrow('scoring "auc" needs two classes, and y holds 3');
  });

  it("refuses a class with fewer rows than folds", () => {
    const labels = y.map((v, i) => (i < 3 ? 2 : v));
    expect(() => new LogisticRegressionCV({ nFolds: 5 }).fit(X, labels)).toThrow("class 2 has 3 rows but nFolds is 5: every fold needs a row of each class to test on; use nFolds <= 3");
  });
});
