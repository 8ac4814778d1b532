import { beforeAll, describe, expect, it } from "vitest";
import { ElasticNet, init, Lasso, loadDiabetes, Ridge } from "../../src/index.js";

beforeAll(() => init());

const { X, y } = loadDiabetes();
const scaled = X.map((row) => row.map((v, j) => v / [100, 2, 40, 120, 250, 200, 80, 8, 6, 120][j]));

describe("toJSON / fromJSON", () => {
  it("round-trips every model exactly, through a JSON string", () => {
    const models = [
      new Ridge({ lambda: 0.05 }).fit(X, y),
      new Lasso({ lambda: 0.5, learningRate: 0.1, maxIter: 300, onWarning: () => {} }).fit(scaled, y),
      new ElasticNet({ lambda: 0.3, l1Ratio: 0.7, learningRate: 0.1, maxIter: 300, onWarning: () => {} }).fit(scaled, y),
    ];
    const restorers = [(t: string) => Ridge.fromJSON(t), (t: string) => Lasso.fromJSON(t), (t: string) => ElasticNet.fromJSON(t)];
    models.forEach((model, i) => {
      const text = JSON.stringify(model);
      const restored = restorers[i](text);
      expect(restored.toJSON()).toEqual(model.toJSON());
      expect(Array.from(restored.coef)).toEqual(Array.from(model.coef));
      expect(restored.intercept).toBe(model.intercept);
      expect(Array.from(restored.history)).toEqual(Array.from(model.history));
      const data = i === 0 ? X : scaled;
      expect(Array.from(restored.predict(data))).toEqual(Array.from(model.predict(data)));
    });
    expect((models[2] as ElasticNet).l1Ratio).toBe(0.7);
    expect(ElasticNet.fromJSON(models[2].toJSON()).l1Ratio).toBe(0.7);
  });

  it("round-trips an unfitted model and a multi-output ridge", () => {
    const unfitted = Lasso.fromJSON(new Lasso({ lambda: 2 }).toJSON());
    expect(unfitted.isFitted).toBe(false);
    expect(unfitted.toJSON().options.lambda).toBe(2);
    const targets = Array.from(y, (v, i) => [v, X[i][2]]);
    const multi = new Ridge({ lambda: 0.01 }).fit(X, targets);
    expect(Array.from(Ridge.fromJSON(JSON.stringify(multi)).predict(X))).toEqual(Array.from(multi.predict(X)));
  });

  it("refuses JSON of another model or format", () => {
    const json = new Lasso().toJSON();
    expect(() => Ridge.fromJSON(json)).toThrow(/holds a Lasso, not a Ridge: use Lasso.fromJSON/);
    expect(() => Ridge.fromJSON("{}")).toThrow(/expects the output of toJSON/);
  });
});
