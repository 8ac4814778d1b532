// glmnet's inner loop of a logistic Newton step (assembly/solvers/logistic-cd.ts and its twin): the hand-worked
// cases of the as-pect spec on both backends, the backends' agreement, and the optimality of what it returns.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Backend, LogisticCdParams } from "../../src/backend.js";
import { bothBackends } from "../helpers.js";

const [js, wasm] = bothBackends();

interface Problem {
  /** Column-major: feature j's n values at [j n, (j + 1) n). */
  Xc: Float64Array;
  n: number;
  d: number;
  h: Float64Array;
  /** The weighted residual at w = 0, b = 0: h z. */
  r: Float64Array;
}

function run(b: Backend, p: Problem, params: LogisticCdParams, members = [...Array(p.d).keys()]) {
  return b.scope((scope) => {
    const [Xc, h, r, w, v] = [scope.fromArray(p.Xc), scope.fromArray(p.h), scope.fromArray(p.r), scope.alloc(p.d), scope.fromArray(new Float64Array(p.d).fill(Number.NaN))];
    const result = b.logisticCd(Xc, p.n, p.d, h, r, w, v, scope.fromInt32(Int32Array.from(members)), members.length, params, 0);
    return { ...result, w: w.values.slice(), r: r.values.slice(), v: v.values.slice() };
  });
}

const oneFeature: Problem = { Xc: Float64Array.of(1, -1, 2), n: 3, d: 1, h: Float64Array.of(1, 1, 1), r: Float64Array.of(1, 0, 3) };

describe("logisticCd, worked by hand (as the as-pect spec)", () => {
  it.each([["js", js], ["wasm", wasm]] as const)("%s: the lasso without an intercept (w = 1) and with one (w = 6/7, b = 16/21)", (_, b) => {
    const plain = run(b, oneFeature, { lambda: 1 / 3, rho: 1, positive: false, fitIntercept: false, maxEpochs: 100, tol: 0 });
    expect(plain.w[0]).toBeCloseTo(1, 15);
    plain.r.forEach((v, i) => expect(v).toBeCloseTo([0, 1, 1][i], 15));
    expect(plain.v[0]).toBeCloseTo(2, 15);
    const centered = run(b, oneFeature, { lambda: 1 / 9, rho: 1, positive: false, fitIntercept: true, maxEpochs: 10_000, tol: 1e-30 });
    expect(centered.w[0]).toBeCloseTo(6 / 7, 12);
    expect(centered.b).toBeCloseTo(16 / 21, 12);
  });

  it("refuses a set naming a feature that does not exist, before the core reads it", () => {
    expect(() => run(wasm, oneFeature, { lambda: 0.1, rho: 1, positive: false, fitIntercept: false, maxEpochs: 1, tol: 0 }, [1])).toThrow("set[0] is 1, outside [0, 1)");
  });
});

const problems = fc.record({
  n: fc.integer({ min: 2, max: 40 }),
  d: fc.integer({ min: 1, max: 12 }),
  seed: fc.integer({ min: 1, max: 1_000_000 }),
  lambda: fc.double({ min: 1e-3, max: 0.5, noNaN: true }),
  rho: fc.constantFrom(0, 0.5, 1),
  positive: fc.boolean(),
  fitIntercept: fc.boolean(),
}).map(({ n, d, seed, ...params }) => {
  let state = seed;
  const next = () => ((state = (state * 16807) % 2147483647) / 2147483647);
  const Xc = Float64Array.from({ length: n * d }, () => 4 * next() - 2);
  const h = Float64Array.from({ length: n }, () => 0.05 + 0.2 * next());
  const z = Float64Array.from({ length: n }, () => 6 * next() - 3);
  return { problem: { Xc, n, d, h, r: z.map((v, i) => h[i] * v) }, z, params };
});

describe("logisticCd on random problems", () => {
  it("both backends give the same weights (1e-10), and they satisfy the weighted lasso's optimality conditions", () => {
    fc.assert(fc.property(problems, ({ problem, z, params }) => {
      const cd = { ...params, maxEpochs: 100_000, tol: 1e-28 };
      const [a, c] = [run(js, problem, cd), run(wasm, problem, cd)];
      const { Xc, n, d, h } = problem;
      a.w.forEach((v, j) => expect(Math.abs(v - c.w[j])).toBeLessThanOrEqual(1e-10 * (1 + Math.abs(v))));
      expect(Math.abs(a.b - c.b)).toBeLessThanOrEqual(1e-10 * (1 + Math.abs(a.b)));
      for (const fit of [a, c]) {
        // The carried residual is h (z - X w - b), recomputed here.
        const r = z.map((zi, i) => h[i] * (zi - fit.b - fit.w.reduce((t, w, j) => t + w * Xc[j * n + i], 0)));
        r.forEach((v, i) => expect(Math.abs(v - fit.r[i])).toBeLessThanOrEqual(1e-9));
        if (cd.fitIntercept) expect(Math.abs(r.reduce((s, v) => s + v, 0))).toBeLessThanOrEqual(1e-9);
        for (let j = 0; j < d; j++) {
          const g = r.reduce((t, v, i) => t + v * Xc[j * n + i], 0) / n - cd.lambda * (1 - cd.rho) * fit.w[j];
          const a1 = cd.lambda * cd.rho;
          if (fit.w[j] !== 0) expect(Math.abs(g - a1 * Math.sign(fit.w[j]))).toBeLessThanOrEqual(1e-7);
          else expect(cd.positive ? g : Math.abs(g)).toBeLessThanOrEqual(a1 + 1e-7);
          if (cd.positive) expect(fit.w[j]).toBeGreaterThanOrEqual(0);
        }
      }
    }), { numRuns: 60 });
  });
});
