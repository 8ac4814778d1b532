// Options of the exact solvers: standardize (against glmnet), warmStart, random selection, positive.
import { beforeAll, describe, expect, it } from "vitest";
import { ElasticNet, init, Lasso, loadDiabetes, type BackendName } from "../../src/index.js";
import glmnet from "../fixtures/glmnet-standardize.json" with { type: "json" };

beforeAll(() => init());

const { X, y } = loadDiabetes();

/** Population standard deviation of y: glmnet divides its gaussian ridge term by it (see generate_glmnet.R). */
const sdY = (() => {
  const mean = y.reduce((s, v) => s + v, 0) / y.length;
  return Math.sqrt(y.reduce((s, v) => s + (v - mean) ** 2, 0) / y.length);
})();

describe.each<BackendName>(["wasm", "js"])("exact-solver options on the %s backend", (backend) => {
  it.each(glmnet.cases.map((c) => [`l1Ratio ${c.l1Ratio}, lambda ${c.lambda}, fitIntercept ${c.fitIntercept}`, c] as const))(
    "standardize matches glmnet(standardize = TRUE), %s",
    (_, c) => {
      // glmnet's objective on the original scale equals ours on standardized columns with
      // lambda' = lambda (rho + (1 - rho)/sd(y)) and rho' = rho / (rho + (1 - rho)/sd(y)); for rho = 1 they coincide.
      const factor = c.l1Ratio + (1 - c.l1Ratio) / sdY;
      const model = new ElasticNet({
        lambda: c.lambda * factor, l1Ratio: c.l1Ratio / factor, fitIntercept: c.fitIntercept, standardize: true,
        tol: 1e-14, maxIter: 100_000, backend,
      }).fit(X, y);
      const scale = Math.max(...c.coef.map(Math.abs));
      model.coef.forEach((w, j) => expect(Math.abs(w - c.coef[j])).toBeLessThanOrEqual(1e-7 * scale));
      expect(Array.from(model.coef, (w) => w === 0)).toEqual(c.coef.map((w) => w === 0));
      expect(model.intercept).toBeCloseTo(c.intercept, 6);
    },
  );

  it('precompute "auto": a single fit in residual mode from 32 features, in covariance mode below (same bits)', () => {
    // 60 rows; 40 features (the diabetes columns, their squares, cubes and products of neighbours), and the first 10 alone.
    const wide = X.slice(0, 60).map((row) => [...row, ...row.map((v) => v * v), ...row.map((v) => v * v * v), ...row.map((v, j) => v * row[(j + 1) % 10])]);
    const narrow = wide.map((row) => row.slice(0, 10));
    const targets = y.slice(0, 60);
    const fit = (rows: number[][], precompute: "auto" | boolean) =>
      new Lasso({ lambda: 0.05, maxIter: 100_000, precompute, standardize: true, backend }).fit(rows, targets);
    const [autoWide, residual, gram] = [fit(wide, "auto"), fit(wide, false), fit(wide, true)];
    expect(Array.from(autoWide.coef)).toEqual(Array.from(residual.coef));
    expect(Array.from(autoWide.coef)).not.toEqual(Array.from(gram.coef));
    expect(Array.from(fit(narrow, "auto").coef)).toEqual(Array.from(fit(narrow, true).coef));
    expect(Array.from(fit(narrow, "auto").coef)).not.toEqual(Array.from(fit(narrow, false).coef));
  });

  it("warmStart starts from the current coefficients: fewer epochs along a decreasing lambda", () => {
    const Xs = X.map((row) => row.map((v, j) => v / [100, 2, 40, 120, 250, 200, 80, 8, 6, 120][j]));
    const cold = new Lasso({ lambda: 0.05, tol: 1e-8, precompute: false, backend }).fit(Xs, y);
    const warm = new Lasso({ lambda: 0.06, tol: 1e-8, precompute: false, backend }).fit(Xs, y)
      .setOptions({ lambda: 0.05, warmStart: true }).fit(Xs, y);
    expect(warm.nIter).toBeLessThan(cold.nIter);
    cold.coef.forEach((w, j) => expect(warm.coef[j]).toBeCloseTo(w, 3));
  });

  it("random selection reaches the same optimum, identically for the same seed on both backends", () => {
    const options = { lambda: 1, l1Ratio: 0.7, tol: 1e-12, selection: "random" as const, standardize: true };
    const a = new ElasticNet({ ...options, seed: 7, backend }).fit(X, y);
    const b = new ElasticNet({ ...options, seed: 7, backend: backend === "wasm" ? "js" : "wasm" }).fit(X, y);
    const cyclic = new ElasticNet({ ...options, selection: "cyclic", backend }).fit(X, y);
    expect(a.nIter).toBe(b.nIter);
    a.coef.forEach((w, j) => {
      expect(Math.abs(w - b.coef[j])).toBeLessThanOrEqual(1e-9 * Math.abs(w) + 1e-12);
      expect(w).toBeCloseTo(cyclic.coef[j], 5);
    });
  });

  it("positive ridge (l1Ratio 0) converges to the constrained optimum: KKT by hand", () => {
    const rows = X.slice(0, 60).map((row) => row.map((v, j) => v / [100, 2, 40, 120, 250, 200, 80, 8, 6, 120][j]));
    const t = Array.from(y.slice(0, 60));
    for (const solver of ["cd", "fista"] as const) {
      const lambda = 0.05;
      const model = new ElasticNet({ lambda, l1Ratio: 0, positive: true, solver, tol: 1e-10, maxIter: 100_000, backend }).fit(rows, t);
      expect(model.converged).toBe(true);
      const n = t.length;
      const r = t.map((v, i) => v - rows[i].reduce((s, x, j) => s + x * model.coef[j], model.intercept));
      model.coef.forEach((w, j) => {
        const g = rows.reduce((s, row, i) => s + row[j] * r[i], 0) / n - lambda * w;
        expect(w).toBeGreaterThanOrEqual(0);
        if (w > 0) expect(Math.abs(g)).toBeLessThanOrEqual(1e-3);
        else expect(g).toBeLessThanOrEqual(1e-3);
      });
      expect(model.coef.some((w) => w === 0)).toBe(true);
    }
  });

  it("FISTA at lambda = 0 stops when the weights settle, at least squares", () => {
    const rows = X.slice(0, 80).map((row) => row.slice(0, 4).map((v, j) => v / [100, 2, 40, 120][j]));
    const t = Array.from(y.slice(0, 80));
    const fista = new Lasso({ lambda: 0, solver: "fista", tol: 1e-12, maxIter: 200_000, backend }).fit(rows, t);
    expect(fista.converged).toBe(true);
    expect(Number.isNaN(fista.dualGap)).toBe(true);
    const ols = new Lasso({ lambda: 0, tol: 1e-14, maxIter: 200_000, backend }).fit(rows, t);
    fista.coef.forEach((w, j) => expect(w).toBeCloseTo(ols.coef[j], 4));
  });

  it("positive keeps every weight >= 0", () => {
    const model = new Lasso({ lambda: 0.5, positive: true, standardize: true, backend }).fit(X, y);
    expect(model.coef.every((w) => w >= 0)).toBe(true);
    expect(model.coef.some((w) => w > 0)).toBe(true);
  });
});
