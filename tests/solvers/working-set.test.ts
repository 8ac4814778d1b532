import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { chooseWorkingSet, firstSetSize, movableCount, NO_SCREENING } from "../../src/backends/js/solvers/working-set.js";

const problems = fc.integer({ min: 1, max: 60 }).chain((d) =>
  fc.record({
    g: fc.float64Array({ minLength: d, maxLength: d, min: -10, max: 10, noNaN: true }),
    // A third of the weights nonzero, some columns zero.
    w: fc.array(fc.oneof(fc.constant(0), fc.constant(0), fc.double({ min: -1, max: 1, noNaN: true })), { minLength: d, maxLength: d }),
    norms: fc.array(fc.oneof(fc.constant(0), fc.double({ min: 0.01, max: 100, noNaN: true })), { minLength: d, maxLength: d }),
    alpha: fc.double({ min: 0, max: 5, noNaN: true }),
    positive: fc.boolean(),
    size: fc.integer({ min: 0, max: 2 * d }),
  }),
);

describe("chooseWorkingSet (the JS twin; the core's is in assembly/__tests__/working-set.spec.ts)", () => {
  it("takes the support and the zero coordinates of highest priority, at least size of them, in index order", () => {
    fc.assert(
      fc.property(problems, ({ g, w: weights, norms: normList, alpha, positive, size }) => {
        const w = Float64Array.from(weights);
        const norms = Float64Array.from(normList);
        const chosen = Array.from(chooseWorkingSet(g, w, norms, alpha, positive, size, NO_SCREENING));
        const inSet = new Set(chosen);
        const priority = (j: number) => ((positive ? g[j] : Math.abs(g[j])) - alpha) / Math.sqrt(norms[j]);
        expect(chosen).toEqual([...chosen].sort((a, b) => a - b));
        w.forEach((v, j) => {
          if (v !== 0) expect(inSet.has(j)).toBe(true);
          else if (norms[j] === 0) expect(inSet.has(j)).toBe(false);
        });
        const zeros = (taken: boolean) => Array.from(w.keys()).filter((j) => w[j] === 0 && norms[j] !== 0 && inSet.has(j) === taken);
        const lowestTaken = Math.min(...zeros(true).map(priority));
        for (const j of zeros(false)) expect(priority(j)).toBeLessThanOrEqual(lowestTaken);
        expect(chosen.length).toBeGreaterThanOrEqual(Math.min(size, movableCount(w, norms)));
        const support = w.filter((v) => v !== 0).length;
        // More than size only through ties with the last one taken.
        if (chosen.length > Math.max(size, support)) {
          // The tie window: 1e-12 of the largest (|g_j| + alpha) / ||x_j||, what a priority's rounding scales with.
          const scale = Math.max(...[...zeros(true), ...zeros(false)].map((j) => (Math.abs(g[j]) + alpha) / Math.sqrt(norms[j])));
          const ties = zeros(true).filter((j) => priority(j) <= lowestTaken + 2e-12 * scale);
          expect(ties.length).toBeGreaterThan(1);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe("firstSetSize (the JS twin; the core's is in assembly/__tests__/working-set.spec.ts)", () => {
  it("caps a path's first set at the support and the sequential strong set, one beside the support at least", () => {
    const d = 40;
    // alpha 1, alphaPrev 1.5: the bound is 0.5. j = 0 and 1 in the support; of the zero coordinates j = 2..6 at 0.6
    // (j = 4 at -0.6; j = 6's column is zero), the rest at 0.4.
    const g = Float64Array.from({ length: d }, (_, j) => (j >= 2 && j <= 6 ? (j === 4 ? -0.6 : 0.6) : 0.4));
    const norms = Float64Array.from({ length: d }, (_, j) => (j === 6 ? 0 : 1));
    const w = Float64Array.from({ length: d }, (_, j) => (j < 2 ? 0.1 : 0));
    expect(firstSetSize(1, 1.5, g, w, norms, d, false)).toBe(6);
    expect(firstSetSize(1, 1.5, g, w, norms, d, true)).toBe(5);
    expect(firstSetSize(1, 1.1, g, w, norms, d, false)).toBe(3);
    expect(firstSetSize(1, 1.9, g, w, norms, d, false)).toBe(12);
    expect(firstSetSize(1, Number.NaN, g, w, norms, d, false)).toBe(12);
    expect(firstSetSize(0, 1.5, g, w, norms, d, false)).toBe(d);
  });
});
