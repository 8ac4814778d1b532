// The model registry: modelFromJSON restores every model class from its JSON, as the class's own fromJSON does.
import { beforeAll, describe, expect, it } from "vitest";
import {
  ElasticNet, GroupLasso, init, Lasso, LogisticRegression, modelFromJSON, MultiTaskElasticNet, MultiTaskLasso, Ridge, SGDRegressor,
} from "../../src/index.js";
import { createModel, MODEL_NAMES, type Model } from "../../src/models/registry.js";

beforeAll(() => init());

const X = Array.from({ length: 40 }, (_, i) => [Math.sin(i), Math.cos(2 * i), (i % 7) / 7, Math.sin(3 * i + 1)]);
const y = X.map((row, i) => 1 + row[0] - 2 * row[2] + 0.01 * Math.cos(i));
const Y = X.map((row) => [row[0], row[1] - row[3]]);

describe("modelFromJSON", () => {
  const fitted: [string, () => Model][] = [
    ["Ridge", () => new Ridge({ lambda: 0.1 }).fit(X, Y)],
    ["Lasso", () => new Lasso({ lambda: 0.01, solver: "gd", learningRate: 0.1, maxIter: 50, onWarning: () => {} }).fit(X, y)],
    ["ElasticNet", () => new ElasticNet({ lambda: 0.01, l1Ratio: 0.3, solver: "fista" }).fit(X, y)],
    ["MultiTaskLasso", () => new MultiTaskLasso({ lambda: 0.01 }).fit(X, Y)],
    ["MultiTaskElasticNet", () => new MultiTaskElasticNet({ lambda: 0.01, l1Ratio: 0.4 }).fit(X, Y)],
    ["GroupLasso", () => new GroupLasso({ lambda: 0.01, groups: [[0, 1], [2, 3]], groupWeights: [1, 2] }).fit(X, y)],
    ["SGDRegressor", () => new SGDRegressor({ penalty: "elasticnet", optimizer: "adam", batchSize: 8, epochs: 20, onWarning: () => {} }).fit(X, y)],
    ["LogisticRegression", () => new LogisticRegression({ lambda: 0.01, l1Ratio: 0.5 }).fit(X, y.map((v) => (v > 1 ? "high" : "low")))],
  ];

  it("covers every registered class", () => {
    expect(fitted.map(([name]) => name)).toEqual(MODEL_NAMES);
  });

  it.each(fitted)("restores a %s, from an object or a string, as its class's fromJSON does", (name, make) => {
    const model = make();
    for (const json of [model.toJSON(), JSON.stringify(model)]) {
      const restored = modelFromJSON(json);
      expect(restored.constructor).toBe(model.constructor);
      expect(restored.modelName).toBe(name);
      expect(restored.toJSON()).toEqual(model.toJSON());
      expect(Array.from(restored.predict(X))).toEqual(Array.from(model.predict(X)));
    }
    const json = model.toJSON();
    expect((model.constructor as typeof Ridge).fromJSON(json as never).toJSON()).toEqual(json);
  });

  it("refuses what is not a model's JSON, and an unknown class", () => {
    expect(() => modelFromJSON("{}")).toThrow(/expects the output of toJSON/);
    expect(() => modelFromJSON({ ...new Lasso().toJSON(), model: "Perceptron" })).toThrow(/unknown model "Perceptron"; the models are Ridge, Lasso/);
    expect(() => Ridge.fromJSON(new ElasticNet().toJSON())).toThrow(/holds a ElasticNet, not a Ridge: use ElasticNet.fromJSON/);
  });

  it("creates models by name through the same option checks", () => {
    expect(createModel("Lasso", { lambda: 0.3 }).toJSON().options.lambda).toBe(0.3);
    expect(() => createModel("Lasso", { l1Ratio: 0.3 })).toThrow(/Lasso has no l1Ratio option/);
    expect(() => createModel("Perceptron" as "Lasso")).toThrow(/model must be one of Ridge, Lasso/);
  });
});
