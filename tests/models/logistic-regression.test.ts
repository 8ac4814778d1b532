import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { init, loadBreastCancer, LogisticRegression, NotFittedError } from "../../src/index.js";

beforeAll(() => init());

const fixture = JSON.parse(readFileSync(new URL("../fixtures/sklearn-logistic.json", import.meta.url), "utf8")) as {
  designs: Record<string, { X: number[][]; y: number[] }>;
  cases: { design: string; lambda: number; rho: number; probabilities: number[] }[];
  multinomialCases: { lambda: number; rho: number; coef: number[][]; probabilities: number[][] }[];
};
const quiet = { onWarning: () => {} };

describe("LogisticRegression", () => {
  it("on the breast cancer data, standardized, gives scikit-learn's probabilities (1e-6) with classes in sorted order", () => {
    const { X, y } = loadBreastCancer();
    for (const c of fixture.cases.filter((entry) => entry.design === "cancerStandardized")) {
      for (const backend of ["wasm", "js"] as const) {
        const model = new LogisticRegression({ lambda: c.lambda, l1Ratio: c.rho, standardize: true, tol: 1e-10, backend }).fit(X, y);
        expect(model.classes).toEqual(["benign", "malignant"]);
        expect(model.converged).toBe(true);
        const p = model.predictProba(X);
        c.probabilities.forEach((malignant, i) => {
          expect(Math.abs(p[2 * i + 1] - malignant)).toBeLessThanOrEqual(1e-6);
          expect(Math.abs(p[2 * i] + p[2 * i + 1] - 1)).toBeLessThanOrEqual(1e-15);
        });
      }
    }
  });

  it("takes labels as numbers, strings or booleans: the same model, classes sorted", () => {
    const { X, y } = fixture.designs.generated;
    const fitWith = (labels: (number | string | boolean)[]) => new LogisticRegression({ lambda: 0.02, l1Ratio: 0.5 }).fit(X, labels);
    const numeric = fitWith(y);
    const strings = fitWith(y.map((v) => (v === 1 ? "yes" : "no")));
    const booleans = fitWith(y.map((v) => v === 1));
    expect(numeric.classes).toEqual([0, 1]);
    expect(strings.classes).toEqual(["no", "yes"]);
    expect(booleans.classes).toEqual([false, true]);
    expect(Array.from(strings.coef)).toEqual(Array.from(numeric.coef));
    expect(Array.from(booleans.coef)).toEqual(Array.from(numeric.coef));
    expect(booleans.predict(X.slice(0, 5)).every((label) => typeof label === "boolean")).toBe(true);
  });

  it("fits three classes with the multinomial model: scikit-learn's probabilities (1e-6), and its weights where they are unique (ridge)", () => {
    const { X, y } = fixture.designs.threeClasses;
    const labels = y.map((v) => ["setosa", "versicolor", "virginica"][v]);
    for (const c of fixture.multinomialCases) {
      const model = new LogisticRegression({ lambda: c.lambda, l1Ratio: c.rho, tol: 1e-10 }).fit(X, labels);
      expect(model.classes).toEqual(["setosa", "versicolor", "virginica"]);
      const p = model.predictProba(X);
      c.probabilities.forEach((row, i) => row.forEach((v, k) => expect(Math.abs(p[3 * i + k] - v)).toBeLessThanOrEqual(1e-6)));
      if (c.rho === 0) {
        // coef is d x K: column k is class k's weights (scikit-learn's coef_[k]).
        const coef = model.coef;
        c.coef.forEach((row, k) => row.forEach((v, j) => expect(Math.abs(coef[j * 3 + k] - v)).toBeLessThanOrEqual(1e-6)));
      }
      expect(() => model.intercept).toThrow("one intercept per class: read intercepts");
      expect(model.intercepts).toHaveLength(3);
    }
  });

  it("with two classes the multinomial model at lambda is the binomial one at lambda / 2 (ridge): w = w_2 - w_1, split evenly", () => {
    const { X, y } = fixture.designs.imbalanced;
    const binomial = new LogisticRegression({ lambda: 0.05, tol: 1e-10 }).fit(X, y);
    const multinomial = new LogisticRegression({ lambda: 0.1, tol: 1e-10, multiClass: "multinomial" }).fit(X, y);
    const [pb, pm] = [binomial.predictProba(X), multinomial.predictProba(X)];
    pb.forEach((v, k) => expect(Math.abs(v - pm[k])).toBeLessThanOrEqual(1e-8));
    const w = multinomial.coef;
    binomial.coef.forEach((v, j) => expect(Math.abs(w[2 * j + 1] - w[2 * j] - v)).toBeLessThanOrEqual(1e-8));
  });

  it('classWeight "balanced" is sample weights n / (K n_k), written out here', () => {
    const { X, y } = fixture.designs.imbalanced;
    const positives = y.filter((v) => v === 1).length;
    const weights = y.map((v) => y.length / (2 * (v === 1 ? positives : y.length - positives)));
    const balanced = new LogisticRegression({ lambda: 0.01, l1Ratio: 1, tol: 1e-10, classWeight: "balanced" }).fit(X, y);
    // sampleWeight is rescaled to sum to n; these sum to n already.
    const weighted = new LogisticRegression({ lambda: 0.01, l1Ratio: 1, tol: 1e-10 }).fit(X, y, { sampleWeight: weights });
    balanced.coef.forEach((v, j) => expect(Math.abs(v - weighted.coef[j])).toBeLessThanOrEqual(1e-9));
    const mapped = new LogisticRegression({ lambda: 0.01, l1Ratio: 1, tol: 1e-10, classWeight: { 0: weights[y.indexOf(0)], 1: weights[y.indexOf(1)] } }).fit(X, y);
    mapped.coef.forEach((v, j) => expect(Math.abs(v - balanced.coef[j])).toBeLessThanOrEqual(1e-9));
  });

  it("a class weight that does not keep the sum at n counts its rows that many times over (scikit-learn's class_weight)", () => {
    // classWeight { 1: 2 } at lambda: (1/n) sum s_i loss_i with s = 2 on class 1. The same objective, times n / n', is
    // the unweighted one on the class-1 rows repeated (n' rows) at lambda n / n'.
    const { X, y } = fixture.designs.generated;
    const n = y.length;
    const extra = X.filter((_, i) => y[i] === 1);
    const nPrime = n + extra.length;
    const weighted = new LogisticRegression({ lambda: 0.02, l1Ratio: 1, tol: 1e-10, classWeight: { 1: 2 } }).fit(X, y);
    const repeated = new LogisticRegression({ lambda: (0.02 * n) / nPrime, l1Ratio: 1, tol: 1e-10 })
      .fit([...X, ...extra], [...y, ...extra.map(() => 1)]);
    expect(weighted.converged).toBe(true);
    weighted.coef.forEach((v, j) => expect(Math.abs(v - repeated.coef[j])).toBeLessThanOrEqual(1e-8));
    expect(Math.abs(weighted.intercept - repeated.intercept)).toBeLessThanOrEqual(1e-8);
    expect(() => new LogisticRegression({ classWeight: { 0: 0 } }).fit(X, y)).toThrow("classWeight and sampleWeight give class 0 no weight");
  });

  it("scores accuracy, predicts the likelier class, and gives log-probabilities whose exponentials are predictProba", () => {
    const { X, y } = fixture.designs.generated;
    const model = new LogisticRegression({ lambda: 0.01 }).fit(X, y);
    const p = model.predictProba(X);
    const logP = model.predictLogProba(X);
    logP.forEach((v, k) => expect(Math.abs(Math.exp(v) - p[k])).toBeLessThanOrEqual(1e-15));
    const predicted = model.predict(X);
    predicted.forEach((label, i) => expect(label).toBe(p[2 * i + 1] > p[2 * i] ? 1 : 0));
    const hits = predicted.filter((label, i) => label === y[i]).length;
    expect(model.score(X, y)).toBe(hits / y.length);
    const t = model.decisionFunction(X);
    t.forEach((v, i) => expect(Math.abs(1 / (1 + Math.exp(-v)) - p[2 * i + 1])).toBeLessThanOrEqual(1e-15));
  });

  it("with warmStart starts from its weights: a refit at the same lambda stops at once", () => {
    const { X, y } = fixture.designs.generated;
    const model = new LogisticRegression({ lambda: 0.01, l1Ratio: 0.5, warmStart: true, tol: 1e-8 }).fit(X, y);
    expect(model.nIter).toBeGreaterThan(1);
    const first = model.coef;
    model.fit(X, y);
    expect(model.nIter).toBe(0);
    expect(Array.from(model.coef)).toEqual(Array.from(first));
  });

  it("with warmStart, a refit without an intercept starts from intercepts 0 (not the last fit's), for every solver", () => {
    const { X, y } = fixture.designs.generated;
    const three = fixture.designs.threeClasses;
    for (const [rows, labels] of [[X, y], [three.X, three.y]] as const) {
      for (const solver of ["newton-cd", "fista"] as const) {
        const options = { lambda: 0.02, l1Ratio: 0.5, tol: 1e-10, maxIter: solver === "fista" ? 100_000 : 100, solver };
        const model = new LogisticRegression({ ...options, warmStart: true }).fit(rows, labels);
        expect(model.intercepts.some((v) => v !== 0)).toBe(true);
        model.setOptions({ fitIntercept: false }).fit(rows, labels);
        const fresh = new LogisticRegression({ ...options, fitIntercept: false }).fit(rows, labels);
        expect(Array.from(model.intercepts)).toEqual(Array.from(fresh.intercepts).map(() => 0));
        // fista stops on a relative gap of 1e-10: its weights are as close as sqrt(2 gap / (lambda (1 - rho))) allows.
        const close = solver === "fista" ? 1e-4 : 1e-7;
        model.coef.forEach((v, j) => expect(Math.abs(v - fresh.coef[j])).toBeLessThanOrEqual(close));
      }
    }
  });

  it("setOptions changes the given options and keeps the others: the same fit as a model built with them", () => {
    const { X, y } = fixture.designs.generated;
    const model = new LogisticRegression({ lambda: 0.1, l1Ratio: 0.5, tol: 1e-10 }).fit(X, y);
    model.setOptions({ lambda: 0.02 }).fit(X, y);
    const direct = new LogisticRegression({ lambda: 0.02, l1Ratio: 0.5, tol: 1e-10 }).fit(X, y);
    expect(Array.from(model.coef)).toEqual(Array.from(direct.coef));
    expect(model.toJSON().options).toEqual(direct.toJSON().options);
    expect(() => model.setOptions({ lambda: -1 })).toThrow("lambda");
    expect(model.toJSON().options.lambda).toBe(0.02);
  });

  it("toSparse keeps the non-zero weights only and predicts labels and probabilities as the dense model", () => {
    const { X, y } = fixture.designs.wide;
    const binomial = new LogisticRegression({ lambda: 0.05, l1Ratio: 1, tol: 1e-10 }).fit(X, y);
    const three = fixture.designs.threeClasses;
    const multinomial = new LogisticRegression({ lambda: 0.02, l1Ratio: 1, tol: 1e-10 }).fit(three.X, three.y);
    for (const [model, rows] of [[binomial, X], [multinomial, three.X]] as const) {
      const sparse = model.toSparse();
      const coef = model.coef;
      const k = model.intercepts.length;
      // Row o of the CSR weights is column o of coef (d x k).
      expect(sparse.linear.weights.nnz).toBe(coef.filter((v) => v !== 0).length);
      expect(sparse.linear.weights.nnz).toBeLessThan(coef.length);
      sparse.linear.weights.toDense().forEach((row, o) => row.forEach((v, j) => expect(v).toBe(coef[j * k + o])));
      expect(sparse.classes).toEqual(model.classes);
      expect(sparse.predict(rows)).toEqual(model.predict(rows));
      const [p, q] = [sparse.predictProba(rows), model.predictProba(rows)];
      p.forEach((v, i) => expect(Math.abs(v - q[i])).toBeLessThanOrEqual(1e-14));
      expect(sparse.score(rows, model.predict(rows))).toBe(1);
    }
    expect(() => new LogisticRegression().toSparse()).toThrow(NotFittedError);
  });

  it("refuses what it cannot fit, saying what to do", () => {
    const X = [[1], [2], [3], [4]];
    expect(() => new LogisticRegression().fit(X, [1, 1, 1, 1])).toThrow("y holds one class only (1): a classifier needs rows of at least two classes.");
    expect(() => new LogisticRegression().fit(X, [0, "a", 0, 1] as (number | string)[])).toThrow("labels must all be of one type");
    expect(() => new LogisticRegression().fit(X, [0, Number.NaN, 0, 1])).toThrow("y[1] is NaN: a label must be a finite number");
    expect(() => new LogisticRegression({ classWeight: { benign: 2 } }).fit(X, [0, 1, 0, 1])).toThrow('classWeight names "benign", which is not a class of y (the classes are 0, 1).');
    expect(() => new LogisticRegression().fit(X, [0, 1, 0])).toThrow("y has length 3 but the rows of X has length 4");
    expect(() => new LogisticRegression().predictProba(X)).toThrow(NotFittedError);
    expect(() => new LogisticRegression({ classWeight: "even" as "balanced" })).toThrow('classWeight must be "balanced" or an object');
    expect(() => new LogisticRegression({ l1Ratio: 2 })).toThrow("l1Ratio");
    const model = new LogisticRegression(quiet).fit(X, [0, 1, 0, 1]);
    expect(() => model.predict([[1, 2]])).toThrow("X has 2 columns but the model was fitted on 1: pass the same features.");
  });
});

describe("LogisticRegression JSON", () => {
  it("round-trips exactly: options, classes, weights and predictions (binomial and multinomial)", () => {
    const { X, y } = fixture.designs.threeClasses;
    for (const labels of [y.map((v) => v % 2 === 0), y.map((v) => ["a", "b", "c"][v])]) {
      const model = new LogisticRegression({ lambda: 0.03, l1Ratio: 0.5, standardize: true, classWeight: "balanced" }).fit(X, labels);
      const copy = LogisticRegression.fromJSON(JSON.stringify(model));
      expect(copy.classes).toEqual(model.classes);
      expect(Array.from(copy.coef)).toEqual(Array.from(model.coef));
      expect(Array.from(copy.predictProba(X))).toEqual(Array.from(model.predictProba(X)));
      expect(copy.toJSON()).toEqual(model.toJSON());
      expect(model.toJSON().options).toMatchObject({ lambda: 0.03, l1Ratio: 0.5, standardize: true, classWeight: "balanced" });
    }
    const unfitted = LogisticRegression.fromJSON(new LogisticRegression({ lambda: 0.5 }).toJSON());
    expect(() => unfitted.predict(X)).toThrow("not fitted yet");
  });

  it("refuses JSON that is not a fitted LogisticRegression's, saying what to pass", () => {
    const json = new LogisticRegression().fit([[0], [1], [2], [3]], [0, 0, 1, 1]).toJSON();
    expect(() => LogisticRegression.fromJSON({ ...json, model: "Lasso" } as never)).toThrow('the JSON is a "Lasso"\'s');
    expect(() => LogisticRegression.fromJSON({ ...json, fitted: { ...json.fitted!, coef: [1, 2] } })).toThrow("fitted.coef must hold 1 finite number;");
    expect(() => LogisticRegression.fromJSON({ ...json, fitted: { ...json.fitted!, classes: [1, 0] } })).toThrow("distinct labels in sorted order");
    expect(() => LogisticRegression.fromJSON("{")).toThrow("the text is not JSON");
  });
});
