import { beforeAll, describe, expect, it } from "vitest";
import { ElasticNet, GramAccumulator, init, Lasso, loadDiabetes, MultiTaskLasso, Ridge, type BackendName } from "../src/index.js";

beforeAll(() => init());

const { X, y } = loadDiabetes();

const closeArrays = (a: ArrayLike<number>, b: ArrayLike<number>, relative: number) => {
  const scale = Math.max(...Array.from(b, Math.abs), 1e-300);
  for (let i = 0; i < b.length; i++) expect(Math.abs(a[i] - b[i])).toBeLessThanOrEqual(relative * scale);
};

describe.each<BackendName>(["wasm", "js"])("GramAccumulator on the %s backend", (backend) => {
  it("accumulated in uneven chunks gives the same models as one fit on all rows", () => {
    const acc = new GramAccumulator(10, backend);
    for (const [start, end] of [[0, 1], [1, 100], [100, 301], [301, 442]]) acc.update(X.slice(start, end), y.slice(start, end));
    expect(acc.count).toBe(442);
    const pairs = [
      [new Ridge({ lambda: 0.01, backend }), new Ridge({ lambda: 0.01, backend })],
      [new Lasso({ lambda: 0.5, tol: 1e-12, backend }), new Lasso({ lambda: 0.5, tol: 1e-12, backend })],
      [new ElasticNet({ lambda: 0.5, l1Ratio: 0.3, tol: 1e-12, standardize: true, backend }),
        new ElasticNet({ lambda: 0.5, l1Ratio: 0.3, tol: 1e-12, standardize: true, backend })],
      [new Lasso({ lambda: 0.5, fitIntercept: false, tol: 1e-12, backend }), new Lasso({ lambda: 0.5, fitIntercept: false, tol: 1e-12, backend })],
    ] as const;
    for (const [fromStats, fromRows] of pairs) {
      fromStats.fitGram(acc);
      fromRows.fit(X, y);
      closeArrays(fromStats.coef, fromRows.coef, 1e-8);
      expect(fromStats.intercept).toBeCloseTo(fromRows.intercept, 6);
    }
  });

  it("merges, round-trips through JSON and converts raw sums to the same statistics", () => {
    const a = new GramAccumulator(10, backend).update(X.slice(0, 200), y.slice(0, 200));
    const b = new GramAccumulator(10, backend).update(X.slice(200), y.slice(200));
    const whole = new GramAccumulator(10, backend).update(X, y).toJSON();
    const merged = a.merge(b).toJSON();
    closeArrays(merged.xx, whole.xx, 1e-12);
    closeArrays(merged.xy, whole.xy, 1e-12);
    closeArrays(merged.xMean, whole.xMean, 1e-14);
    expect(merged.yy).toBeCloseTo(whole.yy, 6);
    const restored = GramAccumulator.fromJSON(JSON.parse(JSON.stringify(merged)), backend).toJSON();
    expect(restored).toEqual(merged);
    // Raw sums, as SQL computes them.
    const d = 10;
    const xSum = new Array(d).fill(0);
    const xx = new Array(d * d).fill(0);
    const xy = new Array(d).fill(0);
    let ySum = 0;
    let yy = 0;
    X.forEach((row, i) => {
      ySum += y[i];
      yy += y[i] * y[i];
      for (let j = 0; j < d; j++) {
        xSum[j] += row[j];
        xy[j] += row[j] * y[i];
        for (let l = 0; l < d; l++) xx[j * d + l] += row[j] * row[l];
      }
    });
    const fromSums = GramAccumulator.fromSums({ n: 442, xSum, ySum, xx, xy, yy }, backend).toJSON();
    closeArrays(fromSums.xx, whole.xx, 1e-9);
    closeArrays(fromSums.xy, whole.xy, 1e-9);
  });

  it("refuses what it cannot fit", () => {
    const acc = new GramAccumulator(10, backend);
    expect(() => new Lasso({ backend }).fitGram(acc)).toThrow(/statistics hold no rows/);
    acc.update(X, y);
    expect(() => new Lasso({ solver: "fista", backend }).fitGram(acc)).toThrow(/fitGram needs solver "cd", not "fista"/);
    expect(() => new Ridge({ solver: "gd", backend }).fitGram(acc)).toThrow(/fitGram needs solver "closed-form" or "cd", not "gd"/);
    expect(() => new MultiTaskLasso({ backend }).fitGram(acc)).toThrow(/MultiTaskLasso cannot fit from statistics: its solver "cd" needs the rows/);
    expect(() => acc.update([[1, 2]], [1])).toThrow(/the columns of X has length 2 but nFeatures has length 10/);
  });
});
