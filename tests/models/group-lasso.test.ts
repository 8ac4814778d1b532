import { beforeAll, describe, expect, it } from "vitest";
import { GroupLasso, init, Lasso, type BackendName } from "../../src/index.js";

beforeAll(() => init());

// 9 features in 3 groups of 3; only group 0 and group 2 carry signal.
const n = 120;
// Pseudo-random features in [-0.5, 0.5): the fractional part of a large multiple of a sine (a common hash).
const hash = (i: number, j: number) => { const v = Math.sin(12.9898 * (i + 1) + 78.233 * (j + 1)) * 43758.5453; return v - Math.floor(v) - 0.5; };
const X = Array.from({ length: n }, (_, i) => Array.from({ length: 9 }, (_, j) => hash(i, j)));
const y = X.map((row, i) => 2 * row[0] - row[1] + 0.5 * row[2] + 1.5 * row[7] - row[8] + 0.05 * Math.sin(31 * i));
const groups = [[0, 1, 2], [3, 4, 5], [6, 7, 8]];

/** (1/2n)||X w + b - y||^2 + lambda sum_g sqrt(|g|) ||w_g||, computed here. */
function objective(coef: ArrayLike<number>, b: number, lambda: number): number {
  let loss = 0;
  X.forEach((row, i) => (loss += (row.reduce((s, v, j) => s + v * coef[j], b) - y[i]) ** 2));
  const penalty = groups.reduce((s, g) => s + Math.sqrt(g.length) * Math.sqrt(g.reduce((t, j) => t + coef[j] ** 2, 0)), 0);
  return loss / (2 * n) + lambda * penalty;
}

describe.each<BackendName>(["wasm", "js"])("GroupLasso on the %s backend", (backend) => {
  it("zeroes the noise group whole and keeps the signal groups", () => {
    const model = new GroupLasso({ lambda: 0.05, groups, tol: 1e-10, maxIter: 100_000, backend }).fit(X, y);
    expect(model.converged).toBe(true);
    expect([3, 4, 5].every((j) => model.coef[j] === 0)).toBe(true);
    expect([0, 1, 2, 6, 7, 8].every((j) => model.coef[j] !== 0)).toBe(true);
    // Optimal: no small perturbation of a surviving group lowers the objective (computed here).
    const best = objective(model.coef, model.intercept, 0.05);
    for (const j of [0, 4, 7]) {
      for (const step of [1e-4, -1e-4]) {
        const moved = Float64Array.from(model.coef);
        moved[j] += step;
        expect(objective(moved, model.intercept, 0.05)).toBeGreaterThanOrEqual(best - 1e-12);
      }
    }
  });

  it("with one feature per group equals the lasso", () => {
    const singles = Array.from({ length: 9 }, (_, j) => [j]);
    const group = new GroupLasso({ lambda: 0.05, groups: singles, tol: 1e-12, maxIter: 200_000, backend }).fit(X, y);
    const lasso = new Lasso({ lambda: 0.05, tol: 1e-12, backend }).fit(X, y);
    group.coef.forEach((w, j) => expect(Math.abs(w - lasso.coef[j])).toBeLessThanOrEqual(1e-6));
    expect(Array.from(group.coef, (w) => w === 0)).toEqual(Array.from(lasso.coef, (w) => w === 0));
  });

  it("weights the groups: a heavy weight on a signal group zeroes it", () => {
    const model = new GroupLasso({ lambda: 0.05, groups, groupWeights: [40, 1, 1], tol: 1e-10, maxIter: 100_000, backend }).fit(X, y);
    expect([0, 1, 2].every((j) => model.coef[j] === 0)).toBe(true);
    expect([6, 7, 8].every((j) => model.coef[j] !== 0)).toBe(true);
    expect(() => new GroupLasso({ groups, positive: true } as object as { groups: number[][] })).toThrow(/GroupLasso has no positive option/);
  });

  it("round-trips through JSON with its groups", () => {
    const model = new GroupLasso({ lambda: 0.05, groups, groupWeights: [1, 2, 1], backend }).fit(X, y);
    const copy = GroupLasso.fromJSON(JSON.stringify(model));
    expect(copy.groups).toEqual(groups);
    expect(Array.from(copy.predict(X))).toEqual(Array.from(model.predict(X)));
  });

  it("rejects groups that overlap, leave a feature out or name a missing one", () => {
    expect(() => new GroupLasso({ groups: [[0, 1], [1, 2]], backend }).fit(X, y)).toThrow(/Feature 1 is in groups\[0\] and groups\[1\]: groups must not overlap/);
    expect(() => new GroupLasso({ groups: [[0, 1, 2, 3, 4, 5, 6, 7]], backend }).fit(X, y)).toThrow(/Feature 8 is in no group/);
    expect(() => new GroupLasso({ groups: [[0, 1, 2, 3, 4, 5, 6, 7, 9]], backend }).fit(X, y)).toThrow(/names feature 9, but X has features 0 to 8/);
    expect(() => new GroupLasso({ groups: [], backend })).toThrow(/GroupLasso needs groups/);
    expect(() => new GroupLasso({ groups, groupWeights: [1, 2], backend })).toThrow(/groupWeights has 2 values but there are 3 groups/);
  });
});
