import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Backend } from "../../src/backend.js";
import { array, bothBackends, closeAll, linearSystem, on } from "../helpers.js";

const [js, wasm] = bothBackends();

/** A diagonally dominant n x n A (no vanishing pivot) and k right-hand sides B (n x k). */
const system = linearSystem((n) =>
  array(n * n, fc.double({ min: -1, max: 1, noNaN: true })).map((A) => {
    for (let i = 0; i < n; i++) A[i * n + i] += 2 * n * (A[i * n + i] < 0 ? -1 : 1);
    return A;
  }));

describe("luDecompose and luSolve: the JS and WASM backends agree", () => {
  it("on the pivots exactly, the factors and solutions to 1e-12, and A X = B to 1e-12", () => {
    fc.assert(
      fc.property(system, ({ n, k, A, B }) => {
        const run = (b: Backend) =>
          on(b, [A, new Float64Array(n), B], ([LU, pivots, X]) => {
            const step = b.luDecompose(LU, n, pivots, 1e-12);
            b.luSolve(LU, n, pivots, X, k);
            return { step, LU: LU.values.slice(), pivots: pivots.values.slice(), X: X.values.slice() };
          });
        const [a, c] = [run(js), run(wasm)];
        expect(a.step).toBe(-1);
        expect(c.step).toBe(-1);
        expect(c.pivots).toEqual(a.pivots);
        expect(closeAll(a.LU, c.LU, 1e-12)).toBe(true);
        expect(closeAll(a.X, c.X, 1e-12)).toBe(true);
        // Backward stability, normwise: |A X - B| <= 1e-12 (max_i sum_j |A_ij X_j| + max |B|) in every entry.
        for (const X of [a.X, c.X]) {
          let scale = Math.max(...Array.from(B, Math.abs));
          for (let i = 0; i < n; i++) {
            for (let o = 0; o < k; o++) {
              let row = 0;
              for (let j = 0; j < n; j++) row += Math.abs(A[i * n + j] * X[j * k + o]);
              scale = Math.max(scale, row);
            }
          }
          for (let i = 0; i < n; i++) {
            for (let o = 0; o < k; o++) {
              let product = 0;
              for (let j = 0; j < n; j++) product += A[i * n + j] * X[j * k + o];
              expect(Math.abs(product - B[i * k + o])).toBeLessThanOrEqual(1e-12 * scale + 1e-300);
            }
          }
        }
      }),
    );
  });

  it("report the same singular step", () => {
    for (const b of [js, wasm]) {
      // Row 1 is twice row 0: the second pivot vanishes.
      expect(on(b, [Float64Array.from([1, 2, 2, 4]), new Float64Array(2)], ([A, p]) => b.luDecompose(A, 2, p, 1e-12))).toBe(1);
    }
  });
});
