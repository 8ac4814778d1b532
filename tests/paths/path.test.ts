// Paths against scikit-learn's enet_path / lasso_path (fixtures from tests/fixtures/generate_sklearn_enet.py,
// computed on centered data: our paths center through the intercept).
import { beforeAll, describe, expect, it } from "vitest";
import { ElasticNet, enetPath, init, lassoPath, type BackendName } from "../../src/index.js";
import { lambdaGrid } from "../../src/paths/path.js";
import fixture from "../fixtures/sklearn-enet.json" with { type: "json" };

beforeAll(() => init());

const designs: Record<string, { X: number[][]; y: number[] }> = fixture.designs;

describe("lambdaGrid", () => {
  it("pins both ends exactly and spaces the rest geometrically", () => {
    for (const top of [45.16003002046291, 3.1880799428922604, 0.1 + 0.2, 1e-7]) {
      const grid = lambdaGrid(top, 7, 1e-3);
      expect(grid[0]).toBe(top);
      expect(grid[6]).toBe(top * 1e-3);
      for (let i = 1; i < 7; i++) expect(grid[i] / grid[i - 1]).toBeCloseTo(10 ** -0.5, 12);
    }
    expect(Array.from(lambdaGrid(2, 1, 1e-3))).toEqual([2]);
  });
});

describe.each<BackendName>(["wasm", "js"])("paths on the %s backend", (backend) => {
  it.each(fixture.paths.map((p) => [`${p.design} l1Ratio ${p.l1Ratio}`, p] as const))(
    "%s: scikit-learn's grid and coefficients",
    (_, p) => {
      const { X, y } = designs[p.design];
      const path = enetPath(X, y, { l1Ratio: p.l1Ratio, nLambdas: p.nLambdas, eps: p.eps, tol: 1e-12, maxIter: 100_000, backend });
      expect(path.lambdas).toHaveLength(p.nLambdas);
      path.lambdas.forEach((lambda, i) => expect(Math.abs(lambda - p.lambdas[i])).toBeLessThanOrEqual(1e-12 * p.lambdas[i]));
      const scale = Math.max(...p.coefs.flat().map(Math.abs));
      path.coefs.forEach((coef, i) => {
        coef.forEach((w, j) => expect(Math.abs(w - p.coefs[i][j])).toBeLessThanOrEqual(1e-6 * scale));
        // At lambdaMax itself either side may keep a weight of rounding size (1e-16): n (max|q| / (n rho)) rho
        // need not round back to max|q|.
        if (i > 0) expect(Array.from(coef, (w) => w === 0)).toEqual(p.coefs[i].map((w) => w === 0));
      });
      // The first lambda is lambdaMax exactly (the grid pins both ends): every weight is 0 there, to rounding,
      // and the intercept is mean(y).
      expect(Math.max(...Array.from(path.coefs[0], Math.abs))).toBeLessThanOrEqual(1e-12 * scale);
      expect(path.intercepts[0]).toBeCloseTo(y.reduce((s, v) => s + v, 0) / y.length, 10);
    },
  );

  it("gives at each lambda the model an estimator fits there", () => {
    const { X, y } = designs.wide;
    const path = lassoPath(X, y, { nLambdas: 8, tol: 1e-10, maxIter: 100_000, backend });
    [2, 5, 7].forEach((i) => {
      const model = new ElasticNet({ lambda: path.lambdas[i], l1Ratio: 1, tol: 1e-10, maxIter: 100_000, backend }).fit(X, y);
      const scale = Math.max(...Array.from(model.coef, Math.abs));
      model.coef.forEach((w, j) => expect(Math.abs(w - path.coefs[i][j])).toBeLessThanOrEqual(1e-5 * scale));
      expect(path.intercepts[i]).toBeCloseTo(model.intercept, 5);
    });
  });

  it("fits your own lambdas in decreasing order, and rejects a path without lambdaMax", () => {
    const { X, y } = designs.correlated;
    const path = lassoPath(X, y, { lambdas: [0.1, 1, 0.5], backend });
    expect(Array.from(path.lambdas)).toEqual([1, 0.5, 0.1]);
    expect(() => enetPath(X, y, { l1Ratio: 0, backend })).toThrow(/l1Ratio = 0 has no finite lambdaMax/);
    expect(enetPath(X, y, { l1Ratio: 0, lambdas: [0.5], backend }).coefs[0].every((w) => w !== 0)).toBe(true);
    expect(() => lassoPath(X, y.slice(1), { backend })).toThrow(/y has length 59 but the rows of X has length 60/);
    expect(() => lassoPath(X, y, { nLambdas: 0, backend })).toThrow(/nLambdas must be an integer from 1/);
    expect(() => lassoPath(X, y, { lambdas: [1, -1], backend })).toThrow(/lambdas\[1\] must be a finite number >= 0/);
    expect(() => lassoPath(X, y, { alpha: 1 } as object)).toThrow(/Unknown option "alpha" for enetPath/);
  });
});
