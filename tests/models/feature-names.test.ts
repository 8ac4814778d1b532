// Feature names (scikit-learn's feature_names_in_): every model keeps them from fit, saves them in its JSON, predicts
// from records by name, and refuses a missing, unknown or reordered feature, naming it.
import { beforeAll, describe, expect, it } from "vitest";
import {
  ElasticNet, ElasticNetCV, GroupLasso, init, Lasso, LassoCV, LogisticRegression, LogisticRegressionCV, modelFromJSON,
  MultiTaskLasso, Ridge, RidgeCV, SGDRegressor,
} from "../../src/index.js";

beforeAll(() => init());

const names = ["age", "bmi", "bp"];
const X = Array.from({ length: 40 }, (_, i) => [Math.sin(i), Math.cos(3 * i), ((i * 7) % 11) / 11]);
const y = X.map(([a, b, c], i) => 2 * a - b + 0.5 * c + 0.1 * Math.sin(5 * i));
const labels = y.map((v) => (v > 0 ? "up" : "down"));
const records = X.map(([age, bmi, bp]) => ({ bp, age, bmi })); // keys in another order: records are read by name

type Predictor = { featureNames: string[] | undefined; predict(X: unknown): ArrayLike<unknown> };
const regressors: [string, () => Predictor][] = [
  ["Ridge", () => new Ridge({ lambda: 0.1 }).fit(X, y, { featureNames: names })],
  ["Lasso", () => new Lasso({ lambda: 0.01 }).fit(X, y, { featureNames: names })],
  ["ElasticNet", () => new ElasticNet({ lambda: 0.01 }).fit(X, y, { featureNames: names })],
  ["GroupLasso", () => new GroupLasso({ lambda: 0.01, groups: [[0, 1], [2]] }).fit(X, y, { featureNames: names })],
  ["SGDRegressor", () => new SGDRegressor({ lambda: 0.01, seed: 1 }).fit(X, y, { featureNames: names })],
  ["MultiTaskLasso", () => new MultiTaskLasso({ lambda: 0.01 }).fit(X, y.map((v) => [v, -v]), { featureNames: names })],
  ["RidgeCV", () => new RidgeCV().fit(X, y, { featureNames: names })],
  ["LassoCV", () => new LassoCV({ nFolds: 3 }).fit(X, y, { featureNames: names })],
  ["ElasticNetCV", () => new ElasticNetCV({ nFolds: 3 }).fit(X, y, { featureNames: names })],
  ["LogisticRegression", () => new LogisticRegression({ lambda: 0.01 }).fit(X, labels, { featureNames: names })],
  ["LogisticRegressionCV", () => new LogisticRegressionCV({ nFolds: 3, nLambdas: 5 }).fit(X, labels, { featureNames: names })],
];

describe.each(regressors)("%s with featureNames", (_, make) => {
  it("keeps the names and predicts from records (by name) what it predicts from the rows", () => {
    const model = make();
    expect(model.featureNames).toEqual(names);
    expect(Array.from(model.predict(records))).toEqual(Array.from(model.predict(X)));
  });

  it.each([
    [records.map(({ bp, age }) => ({ bp, age })), 'has no field "bmi"'],
    [records.map((r) => ({ ...r, sex: 1 })), 'has a field "sex"'],
  ])("refuses records with a feature missing or unknown, naming it (%#)", (rows, message) => {
    expect(() => make().predict(rows)).toThrow(message);
  });

  it("refuses a named matrix whose names are unseen, missing or in another order, naming the feature", () => {
    const model = make();
    const named = (featureNames: string[]) => ({ data: new Float64Array(3), rows: 1, cols: 3, featureNames });
    expect(() => model.predict(named(["age", "bp", "bmi"]))).toThrow('not in the order of fit: column 1 is "bp" where the model has "bmi"');
    expect(() => model.predict(named(["age", "bmi", "sex"]))).toThrow("unseen at fit: sex");
    expect(() => model.predict({ ...named(["age", "bmi"]), cols: 2, data: new Float64Array(2) })).toThrow("lacks feature(s) seen at fit: bp");
  });
});

describe("feature names in JSON and fit", () => {
  it("survive toJSON and fromJSON, and a model fitted without them predicts no records", () => {
    const model = new Lasso({ lambda: 0.01 }).fit(X, y, { featureNames: names });
    const json = model.toJSON();
    expect(json.featureNames).toEqual(names);
    const restored = modelFromJSON(JSON.stringify(json));
    expect(restored.featureNames).toEqual(names);
    expect(Array.from(restored.predict(records) as Float64Array)).toEqual(Array.from(model.predict(X)));
    const logistic = LogisticRegression.fromJSON(JSON.stringify(new LogisticRegression().fit(X, labels, { featureNames: names })));
    expect(logistic.featureNames).toEqual(names);
    const plain = new Lasso({ lambda: 0.01 }).fit(X, y);
    expect(plain.featureNames).toBeUndefined();
    expect(plain.toJSON()).not.toHaveProperty("featureNames");
    expect(() => plain.predict(records)).toThrow("fitted without feature names");
  });

  it("a refit without names forgets the old ones; a failed fit keeps them", () => {
    const model = new Ridge({ lambda: 0.1 }).fit(X, y, { featureNames: names });
    expect(() => model.fit(X, y, { featureNames: ["a", "b"] })).toThrow("featureNames has 2 names but X has 3 columns");
    expect(model.featureNames).toEqual(names);
    model.fit(X, y);
    expect(model.featureNames).toBeUndefined();
  });

  it.each([
    [{ featureNames: ["a", "a", "b"] }, 'names "a" twice'],
    [{ featureNames: ["a", "", "b"] }, "featureNames[1] must be a non-empty string"],
    [{ featureNames: "abc" }, "featureNames must be an array of distinct strings"],
  ])("refuses bad featureNames %j", (options, message) => {
    expect(() => new Ridge().fit(X, y, options as never)).toThrow(message);
  });

  it("refuses records at fit, pointing to fromRecords, and featureNames as a model option", () => {
    expect(() => new Ridge().fit(records as never, y)).toThrow("fromRecords");
    expect(() => new Ridge({ featureNames: names } as never)).toThrow("fit(X, y, { featureNames })");
  });

  it.each([
    [{ featureNames: ["a", "b"] }, "featureNames has 2 names but the model has 3 features"],
    [{ featureNames: ["a", "b", "c"], columns: [{ name: "a", kind: "number" }] }, "featureNames are not the features of columns"],
    [{ featureNames: ["a", "b", 3] }, "featureNames[2] must be a non-empty string"],
  ])("fromJSON refuses names that do not fit the model (%#)", (fields, message) => {
    const json = { ...new Ridge().fit(X, y).toJSON(), ...fields };
    expect(() => Ridge.fromJSON(json as never)).toThrow(message);
  });

  it("an unfitted model's JSON holds no names", () => {
    expect(() => Ridge.fromJSON({ ...new Ridge().toJSON(), featureNames: names })).toThrow("an unfitted model has no featureNames");
  });

  it("a fit refused for its names leaves an SGDRegressor's training progress as it was", () => {
    const sgd = () => new SGDRegressor({ seed: 1 }).fit(X, y, { featureNames: names });
    const [refused, untouched] = [sgd(), sgd()];
    expect(() => refused.fit(X.map((row) => row.slice(0, 2)), y, { featureNames: ["a", "b", "c"] })).toThrow("featureNames has 3 names but X has 2 columns");
    expect(Array.from(refused.partialFit(X, y).coef)).toEqual(Array.from(untouched.partialFit(X, y).coef));
  });

  it("partialFit keeps the first call's names and checks later named batches", () => {
    const named = { data: Float64Array.from(X.flat()), rows: X.length, cols: 3, featureNames: names };
    const model = new SGDRegressor({ seed: 1 }).partialFit(named, y);
    expect(model.featureNames).toEqual(names);
    expect(() => model.partialFit({ ...named, featureNames: ["age", "bp", "bmi"] } as typeof named, y)).toThrow("not in the order of fit");
    model.partialFit(X, y);
    expect(model.featureNames).toEqual(names);
  });
});
