import { beforeAll, describe, expect, it } from "vitest";
import { init, Lasso, MultiTaskElasticNet, MultiTaskLasso, type BackendName } from "../../src/index.js";
import fixture from "../fixtures/sklearn-multitask.json" with { type: "json" };

beforeAll(() => init());

describe.each<BackendName>(["wasm", "js"])("multi-task models on the %s backend", (backend) => {
  it.each(fixture.cases.map((c) => [`${c.model} lambda ${c.lambda} l1Ratio ${c.l1Ratio}`, c] as const))(
    "%s matches scikit-learn to 1e-6, whole rows of W zero together",
    (_, c) => {
      const options = { lambda: c.lambda, tol: 1e-12, maxIter: 1_000_000, backend };
      const model = c.model === "MultiTaskLasso"
        ? new MultiTaskLasso(options).fit(fixture.X, fixture.Y)
        : new MultiTaskElasticNet({ ...options, l1Ratio: c.l1Ratio }).fit(fixture.X, fixture.Y);
      expect(model.converged).toBe(true);
      const expected = c.coef.flat();
      const scale = Math.max(...expected.map(Math.abs));
      model.coef.forEach((w, i) => expect(Math.abs(w - expected[i])).toBeLessThanOrEqual(1e-6 * scale));
      model.intercepts.forEach((b, o) => expect(Math.abs(b - c.intercepts[o])).toBeLessThanOrEqual(1e-6 * Math.max(1, scale)));
      for (let j = 0; j < 12; j++) {
        const row = Array.from(model.coef.slice(j * 3, j * 3 + 3));
        expect(row.every((w) => w === 0) || row.every((w) => w !== 0)).toBe(true);
        expect(row.every((w) => w === 0)).toBe(c.coef[j].every((w) => w === 0));
      }
      expect(model.predict(fixture.X)).toHaveLength(fixture.Y.length * 3);
    },
  );

  it("with one output is the Lasso", () => {
    const y = fixture.Y.map((row) => row[1]);
    const single = new MultiTaskLasso({ lambda: 0.3, tol: 1e-12, backend }).fit(fixture.X, y.map((v) => [v]));
    const lasso = new Lasso({ lambda: 0.3, tol: 1e-12, backend }).fit(fixture.X, y);
    single.coef.forEach((w, j) => expect(w).toBeCloseTo(lasso.coef[j], 8));
    expect(() => new MultiTaskLasso({ positive: true } as object)).toThrow(/MultiTaskLasso has no positive option/);
  });
});
