// Ridge's closed form against scikit-learn's Ridge(alpha = n * lambda, solver="cholesky"),
// fixtures from tests/fixtures/generate_sklearn.py.
import { beforeAll, describe, expect, it } from "vitest";
import { init, loadDiabetes, Ridge, type BackendName } from "../../src/index.js";
import fixture from "../fixtures/sklearn-ridge.json" with { type: "json" };

beforeAll(() => init());

const diabetes = loadDiabetes();
const designs: Record<string, { X: ArrayLike<ArrayLike<number>>; y: ArrayLike<number> }> = {
  diabetes: { X: diabetes.X, y: diabetes.y },
  ...fixture.designs,
};

/** max |a - b| relative to max |b|. */
function relativeError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let diff = 0;
  let scale = 0;
  for (let i = 0; i < b.length; i++) {
    diff = Math.max(diff, Math.abs(a[i] - b[i]));
    scale = Math.max(scale, Math.abs(b[i]));
  }
  return diff / scale;
}

describe.each<BackendName>(["wasm", "js"])("Ridge closed form vs scikit-learn on the %s backend", (backend) => {
  it.each(fixture.cases.map((c) => [`${c.design}, lambda ${c.lambda}, fitIntercept ${c.fitIntercept}`, c] as const))(
    "%s: coefficients and intercept within 1e-9 relative",
    (_, c) => {
      const { X, y } = designs[c.design];
      const model = new Ridge({ lambda: c.lambda, fitIntercept: c.fitIntercept, backend }).fit(X, y);
      expect(relativeError(model.coef, c.coef)).toBeLessThan(1e-9);
      expect(Math.abs(model.intercept - c.intercept)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(c.intercept)));
    },
  );

  it("fits several outputs at once: coef is d x k", () => {
    const { X } = designs.correlated;
    const m = fixture.multiOutput;
    const model = new Ridge({ lambda: m.lambda, backend }).fit(X, m.Y);
    expect(relativeError(model.coef, m.coef.flat())).toBeLessThan(1e-9);
    expect(relativeError(model.intercepts, m.intercepts)).toBeLessThan(1e-9);
    expect(() => model.intercept).toThrow(/fitted on 2 outputs: read intercepts/);
    // Each output alone gives the same fit as its column of the joint fit.
    const single = new Ridge({ lambda: m.lambda, backend }).fit(X, m.Y.map((row) => row[1]));
    single.coef.forEach((w, j) => expect(model.coef[j * 2 + 1]).toBeCloseTo(w, 10));
    const predictions = model.predict(X);
    expect(predictions).toHaveLength(2 * m.Y.length);
    expect(model.score(X, m.Y)).toBeGreaterThan(0.9);
  });
});
