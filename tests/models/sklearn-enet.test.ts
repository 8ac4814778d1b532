// Coordinate descent and FISTA against scikit-learn's Lasso and ElasticNet (tol 1e-12), fixtures from
// tests/fixtures/generate_sklearn_enet.py.
import { beforeAll, describe, expect, it } from "vitest";
import { ElasticNet, init, Lasso, loadDiabetes, type BackendName } from "../../src/index.js";
import fixture from "../fixtures/sklearn-enet.json" with { type: "json" };

beforeAll(() => init());

const diabetes = loadDiabetes();
const designs: Record<string, { X: ArrayLike<ArrayLike<number>>; y: ArrayLike<number> }> = {
  diabetes: { X: diabetes.X, y: diabetes.y },
  ...fixture.designs,
};

/** Our objective (1/2n)||X w + b - y||^2 + lambda (rho ||w||_1 + (1 - rho)/2 ||w||^2), computed here. */
function objective(X: ArrayLike<ArrayLike<number>>, y: ArrayLike<number>, coef: ArrayLike<number>, b: number, lambda: number, rho: number): number {
  let loss = 0;
  for (let i = 0; i < y.length; i++) {
    let fitted = b;
    for (let j = 0; j < coef.length; j++) fitted += X[i][j] * coef[j];
    loss += (fitted - y[i]) ** 2;
  }
  let l1 = 0;
  let l2 = 0;
  for (let j = 0; j < coef.length; j++) {
    l1 += Math.abs(coef[j]);
    l2 += coef[j] ** 2;
  }
  return loss / (2 * y.length) + lambda * (rho * l1 + 0.5 * (1 - rho) * l2);
}

const zeros = (coef: ArrayLike<number>) => Array.from(coef, (v, j) => (v === 0 ? j : -1)).filter((j) => j >= 0);

type Case = (typeof fixture.cases)[number];

function fitCase(c: Case, options: Record<string, unknown>) {
  const { X, y } = designs[c.design];
  const common = { lambda: c.lambda, fitIntercept: c.fitIntercept, positive: c.positive, tol: 1e-12, maxIter: 1_000_000, ...options };
  const model = c.model === "Lasso" ? new Lasso(common) : new ElasticNet({ ...common, l1Ratio: c.l1Ratio });
  return model.fit(X, y);
}

function expectSameOptimum(c: Case, coef: Float64Array, intercept: number, coefTolerance: number): void {
  const { X, y } = designs[c.design];
  const ours = objective(X, y, coef, intercept, c.lambda, c.l1Ratio);
  expect(Math.abs(ours - c.objective)).toBeLessThanOrEqual(1e-8 * c.objective);
  const scale = Math.max(...c.coef.map(Math.abs), 1e-300);
  coef.forEach((w, j) => expect(Math.abs(w - c.coef[j])).toBeLessThanOrEqual(coefTolerance * scale));
  expect(Math.abs(intercept - c.intercept)).toBeLessThanOrEqual(coefTolerance * Math.max(1, Math.abs(c.intercept), scale));
}

const label = (c: Case) =>
  `${c.model} ${c.design} lambda ${c.lambda} l1Ratio ${c.l1Ratio}${c.fitIntercept ? "" : " no intercept"}${c.positive ? " positive" : ""}`;

describe.each<BackendName>(["wasm", "js"])("coordinate descent vs scikit-learn on the %s backend", (backend) => {
  describe.each([["auto"], [true], [false]] as const)("precompute %s", (precompute) => {
    it.each(fixture.cases.map((c) => [label(c), c] as const))("%s: objective 1e-8, same zeros, coef 1e-6", (_, c) => {
      const model = fitCase(c, { backend, precompute });
      expect(model.converged).toBe(true);
      // The stopping rule: gap <= tol ||y - mean(y)||^2 on the unscaled objective, i.e. / n on ours.
      const y = Array.from(designs[c.design].y);
      const mean = c.fitIntercept ? y.reduce((s, v) => s + v, 0) / y.length : 0;
      const spread = y.reduce((s, v) => s + (v - mean) ** 2, 0);
      expect(model.dualGap).toBeLessThanOrEqual((1e-12 * spread) / y.length);
      expectSameOptimum(c, model.coef, model.intercept, 1e-6);
      expect(zeros(model.coef)).toEqual(zeros(c.coef));
    });
  });

  it("weights rows as scikit-learn's sample_weight", () => {
    const s = fixture.sampleWeight;
    const { X, y } = designs[s.design];
    const model = new ElasticNet({ lambda: s.lambda, l1Ratio: s.l1Ratio, tol: 1e-12, maxIter: 1_000_000, backend })
      .fit(X, y, { sampleWeight: s.weights });
    const scale = Math.max(...s.coef.map(Math.abs));
    model.coef.forEach((w, j) => expect(Math.abs(w - s.coef[j])).toBeLessThanOrEqual(1e-6 * scale));
    expect(model.intercept).toBeCloseTo(s.intercept, 6);
    // Integer weights are row repetitions.
    const repeatedX: number[][] = [];
    const repeatedY: number[] = [];
    s.weights.forEach((count, i) => {
      for (let c = 0; c < count; c++) {
        repeatedX.push(Array.from(X[i]));
        repeatedY.push(y[i]);
      }
    });
    const repeated = new ElasticNet({ lambda: s.lambda, l1Ratio: s.l1Ratio, tol: 1e-12, maxIter: 1_000_000, backend }).fit(repeatedX, repeatedY);
    repeated.coef.forEach((w, j) => expect(Math.abs(w - model.coef[j])).toBeLessThanOrEqual(1e-8 * scale));
  });
});

describe.each<BackendName>(["wasm", "js"])("FISTA vs scikit-learn on the %s backend", (backend) => {
  const cases = fixture.cases.filter((c) => c.design !== "diabetes");
  it.each(cases.map((c) => [label(c), c] as const))("%s: objective 1e-8, same zeros, coef 1e-5", (_, c) => {
    const model = fitCase(c, { backend, solver: "fista", tol: 1e-13, maxIter: 2_000_000 });
    expect(model.converged).toBe(true);
    expectSameOptimum(c, model.coef, model.intercept, 1e-5);
    expect(zeros(model.coef)).toEqual(zeros(c.coef));
  });
});
