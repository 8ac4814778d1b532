import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Backend } from "../../src/backend.js";
import { array, bothBackends, closeAll, linearSystem, on } from "../helpers.js";

const [js, wasm] = bothBackends();

/** A symmetric positive definite A = M^T M + I (n x n) and k right-hand sides B (n x k). */
const system = linearSystem((n) =>
  array(n * n, fc.double({ min: -1, max: 1, noNaN: true })).map((M) => {
    const A = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        let total = i === j ? 1 : 0;
        for (let r = 0; r < n; r++) total += M[r * n + i] * M[r * n + j];
        A[i * n + j] = total;
      }
    }
    return A;
  }));

describe("choleskyDecompose and choleskySolve: the JS and WASM backends agree", () => {
  it("on U and the solutions to 1e-12, U^T U = A and A X = B to 1e-12", () => {
    fc.assert(
      fc.property(system, ({ n, k, A, B }) => {
        const run = (b: Backend) =>
          on(b, [A, B], ([U, X]) => {
            const step = b.choleskyDecompose(U, n, 0);
            b.choleskySolve(U, n, X, k);
            return { step, U: U.values.slice(), X: X.values.slice() };
          });
        const [a, c] = [run(js), run(wasm)];
        expect([a.step, c.step]).toEqual([-1, -1]);
        expect(closeAll(a.U, c.U, 1e-12)).toBe(true);
        expect(closeAll(a.X, c.X, 1e-12)).toBe(true);
        const scale = Math.max(...Array.from(A, Math.abs));
        for (let i = 0; i < n; i++) {
          for (let j = i; j < n; j++) {
            let product = 0;
            for (let r = 0; r <= i; r++) product += c.U[r * n + i] * c.U[r * n + j];
            expect(Math.abs(product - A[i * n + j])).toBeLessThanOrEqual(1e-12 * scale + 1e-300);
          }
        }
        for (let i = 0; i < n; i++) {
          for (let o = 0; o < k; o++) {
            let [product, row] = [0, Math.max(...Array.from(B, Math.abs))];
            for (let j = 0; j < n; j++) {
              product += A[i * n + j] * c.X[j * k + o];
              row += Math.abs(A[i * n + j] * c.X[j * k + o]);
            }
            expect(Math.abs(product - B[i * k + o])).toBeLessThanOrEqual(1e-12 * row + 1e-300);
          }
        }
      }),
    );
  });

  it("both report the step of the first pivot that is not positive", () => {
    const indefinite = Float64Array.from([4, 2, 0, 2, 1, 0, 0, 0, 5]); // its second pivot is 1 - 2^2 / 4 = 0
    for (const b of [js, wasm]) expect(on(b, [indefinite], ([A]) => b.choleskyDecompose(A, 3, 1e-12))).toBe(1);
  });
});
