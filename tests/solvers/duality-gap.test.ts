// The gap is a helper inside the solvers, in neither the Backend nor the core's exports: its JS twin is held to
// the as-pect spec's values (assembly/__tests__/duality-gap.spec.ts) and to weak duality on random points.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dualNorms, elasticNetGap } from "../../src/backends/js/solvers/duality-gap.js";
import { centered, design } from "../helpers.js";

describe("elasticNetGap and dualNorms (JS twin) give the as-pect spec's values", () => {
  it("0 at the orthogonal lasso solution, the scaled-dual gap at w = 0, NaN without a penalty", () => {
    expect(elasticNetGap(10, 14, 4, 20, 1, 1, 4, 0)).toBeCloseTo(0, 14);
    expect(elasticNetGap(20, 20, 6, 40, 0, 0, 4, 0)).toBeCloseTo(0.5 * (20 + (20 * 4) / 9) - 40 / 3, 12);
    expect(elasticNetGap(1, 1, 1, 1, 0, 0, 0, 0)).toBeNaN();
    expect(elasticNetGap(3, 2, 0, 8, 0, 5, 0, 2)).toBe(3 - 2 + 0.5 * 2 * 5 + 8 / 4);
  });

  it("dualNorms: max |g - beta w| and sum g^2, or the signed max and the positive part", () => {
    const g = Float64Array.of(1, -4, 2);
    const w = Float64Array.of(0.5, 0, -1);
    expect(dualNorms(g, w, 2, false)).toEqual([4, 21]);
    expect(dualNorms(g, w, 2, true)).toEqual([4, 5]);
    expect(dualNorms(g.subarray(0, 2), w.subarray(0, 2), 2, true)).toEqual([0, 1]);
  });
});

describe("elasticNetGap bounds the primal objective from above its dual", () => {
  it("is >= 0 at any w, and the primal minus the gap is the dual value at the scaled residual (computed here)", () => {
    fc.assert(
      fc.property(
        design(),
        fc.double({ min: 0.01, max: 2, noNaN: true }),
        fc.constantFrom(0, 0.5, 1),
        fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { minLength: 10, maxLength: 10 }),
        ({ X, y }, lambda, rho, start) => {
          const data = centered(X, y);
          const { n, d } = data;
          const w = start.slice(0, d);
          const alpha = n * lambda * rho;
          const beta = n * lambda * (1 - rho);
          const R = Array.from(data.y, (v, i) => v - w.reduce((s, wj, j) => s + data.X[i * d + j] * wj, 0));
          const XtR = Float64Array.from({ length: d }, (_, j) => R.reduce((s, r, i) => s + data.X[i * d + j] * r, 0));
          const rNorm2 = R.reduce((s, r) => s + r * r, 0);
          const rDotY = R.reduce((s, r, i) => s + r * data.y[i], 0);
          const l1 = w.reduce((s, v) => s + Math.abs(v), 0);
          const w2 = w.reduce((s, v) => s + v * v, 0);
          const [xtaMax, xtr2] = dualNorms(XtR, Float64Array.from(w), beta, false);
          const gap = elasticNetGap(rNorm2, rDotY, xtaMax, xtr2, l1, w2, alpha, beta);
          const primal = 0.5 * rNorm2 + alpha * l1 + 0.5 * beta * w2;
          const scale = primal + data.yy;
          expect(gap).toBeGreaterThanOrEqual(-1e-12 * scale);
          if (alpha > 0) {
            // D(theta) = theta.y - ||theta||^2 / 2 - ||(X^T theta - ...)||: for the scaled residual theta = s R with
            // ||X^T theta - beta s w||_inf <= alpha, D = s R.y - s^2 ||R||^2 / 2 - s^2 beta ||w||^2 / 2.
            const s = Math.min(1, alpha / xtaMax);
            const dual = s * rDotY - 0.5 * s * s * rNorm2 - 0.5 * beta * s * s * w2;
            expect(Math.abs(primal - gap - dual)).toBeLessThanOrEqual(1e-9 * scale);
          }
        },
      ),
    );
  });
});
