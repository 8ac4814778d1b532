import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Backend, CdParams, FistaParams, IterativeResult } from "../../src/backend.js";
import { symmetricEigen } from "../../src/linalg/symmetric-eigen.js";
import { bothBackends, centered, type Centered, closeAll, design, enetObjective, on, packInt32 } from "../helpers.js";

const [js, wasm] = bothBackends();

/** Group lasso groups: feature j in group j % count, weight sqrt(size) scaled by a random factor. */
interface Groups {
  ids: Int32Array;
  count: number;
  weights: Float64Array;
}

const runs = fc
  .record({
    data: design(),
    fraction: fc.double({ min: 0.01, max: 0.9, noNaN: true }),
    rho: fc.constantFrom(0, 0.3, 0.7, 1),
    positive: fc.boolean(),
    grouped: fc.boolean(),
    groupCount: fc.integer({ min: 1, max: 4 }),
    weightScale: fc.double({ min: 0.5, max: 2, noNaN: true }),
  })
  .map(({ data: { X, y }, fraction, rho, positive, grouped, groupCount, weightScale }) => {
    const data = centered(X, y);
    const lambda = (fraction * Math.max(...Array.from(data.q, Math.abs))) / (data.n * Math.max(rho, 0.1)) + 1e-3;
    let groups: Groups | undefined;
    if (grouped) {
      const count = Math.min(groupCount, data.d);
      const ids = Int32Array.from({ length: data.d }, (_, j) => j % count);
      const weights = Float64Array.from({ length: count }, (_, g) => weightScale * Math.sqrt(ids.filter((id) => id === g).length));
      groups = { ids, count, weights };
    }
    return { data, lambda, rho, positive: positive && !grouped, groups };
  });

/** The Lipschitz constant of the smooth part, from Jacobi's eigenvalues of X^T X / n (with the margin of src/solvers/fista.ts). */
function lipschitz({ n, d, G }: Centered, lambda: number, rho: number): number {
  const top = Math.max(...symmetricEigen(G.map((v) => v / n), d).values);
  const L = 1.01 * top + lambda * (1 - rho);
  return L > 0 ? L : 1;
}

/** The objective with the group lasso's sum_g weight_g ||w_g|| in place of ||w||_1, computed here. */
function objective(data: Centered, w: ArrayLike<number>, lambda: number, rho: number, groups?: Groups): number {
  if (!groups) return enetObjective(data, w, lambda, rho);
  const smooth = enetObjective(data, w, lambda * (1 - rho), 0);
  const squares = new Float64Array(groups.count);
  for (let j = 0; j < data.d; j++) squares[groups.ids[j]] += w[j] * w[j];
  return smooth + lambda * rho * squares.reduce((s, v, g) => s + groups.weights[g] * Math.sqrt(v), 0);
}

function fista(b: Backend, data: Centered, params: Omit<FistaParams, "groups">, groups?: Groups): IterativeResult & { w: Float64Array } {
  const { n, d, X, y } = data;
  const arrays = [X, y, new Float64Array(d), new Float64Array(params.maxIter)];
  if (groups) arrays.push(packInt32(groups.ids), groups.weights);
  return on(b, arrays, ([bX, by, w, history, ids, weights]) => ({
    ...b.fista(bX, n, d, by, { ...params, groups: groups && { ids, count: groups.count, weights } }, w, history),
    w: w.values.slice(),
  }));
}

function cd(b: Backend, data: Centered, params: CdParams): IterativeResult & { w: Float64Array } {
  const { n, d, G, q, yy } = data;
  return on(b, [G, q, new Float64Array(d)], ([bG, bq, w]) => ({ ...b.cdGram(bG, bq, yy, d, n, params, w, null), w: w.values.slice() }));
}

describe("fista: the JS and WASM backends agree", () => {
  it("on the weights after a few iterations (relative 1e-9), with and without groups", () => {
    fc.assert(
      fc.property(runs, ({ data, lambda, rho, positive, groups }) => {
        const params = { lambda, rho, L: lipschitz(data, lambda, rho), maxIter: 10, tol: 0, positive };
        const [a, c] = [fista(js, data, params, groups), fista(wasm, data, params, groups)];
        // A step moves w_j by (x_j^T r / n) / L, a sum of terms of size up to ||x_j|| ||y|| / (n L).
        const largest = Math.max(...Array.from({ length: data.d }, (_, j) => data.G[j * data.d + j]));
        const unit = Math.sqrt(largest * data.yy) / (data.n * params.L);
        if (a.nIter === c.nIter) expect(closeAll(a.w, c.w, 1e-9, unit)).toBe(true);
        else expect(a.nIter < c.nIter ? a.converged : c.converged).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it("reach the optimum CD reaches: each objective, computed here, is within its duality gap of the best", () => {
    fc.assert(
      fc.property(runs, ({ data, lambda, rho, positive, groups }) => {
        const params = { lambda, rho, L: lipschitz(data, lambda, rho), maxIter: 20_000, tol: 1e-10, positive };
        const fits = [fista(js, data, params, groups), fista(wasm, data, params, groups)];
        if (!groups) fits.push(cd(js, data, { lambda, rho, lambdaPrev: Number.NaN, maxIter: 20_000, tol: 1e-10, positive, selection: "cyclic", seed: 0 }));
        const objectives = fits.map((fit) => objective(data, fit.w, lambda, rho, groups));
        const best = Math.min(...objectives);
        fits.forEach((fit, i) => {
          expect(fit.dualGap).toBeGreaterThanOrEqual(-1e-12 * best - 1e-300);
          expect(objectives[i] - best).toBeLessThanOrEqual(fit.dualGap + 1e-10 * best + 1e-14);
          if (positive) expect(fit.w.every((v) => v >= 0)).toBe(true);
        });
      }),
      { numRuns: 40 },
    );
  });
});
