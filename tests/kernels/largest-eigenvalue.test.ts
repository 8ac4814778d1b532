import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Backend } from "../../src/backend.js";
import { symmetricEigen } from "../../src/linalg/symmetric-eigen.js";
import { array, bothBackends, on } from "../helpers.js";

const [js, wasm] = bothBackends();

/**
 * Entries in [-1, 1], those below 1e-50 set to 0: the iteration's norm squares X^T X v, which underflows to 0
 * (and the estimate with it) for entries below about 1e-77.
 */
const entry = fc.double({ min: -1, max: 1, noNaN: true }).map((v) => (Math.abs(v) < 1e-50 ? 0 : v));

const matrix = fc
  .record({ rows: fc.integer({ min: 1, max: 20 }), cols: fc.integer({ min: 1, max: 8 }) })
  .chain(({ rows, cols }) =>
    fc.record({ rows: fc.constant(rows), cols: fc.constant(cols), X: array(rows * cols, entry) }),
  );

describe("largestEigenvalue: the JS and WASM backends agree with each other and with Jacobi's eigenvalues", () => {
  it("of X^T X / rows, to the power iteration's accuracy (relative 1e-4, or between the top two eigenvalues when they are closer)", () => {
    fc.assert(
      fc.property(matrix, ({ rows, cols, X }) => {
        const run = (b: Backend) => on(b, [X], ([bX]) => b.largestEigenvalue(bX, rows, cols, 10_000));
        const [a, c] = [run(js), run(wasm)];
        const A = new Float64Array(cols * cols);
        for (let j = 0; j < cols; j++) {
          for (let l = 0; l < cols; l++) for (let i = 0; i < rows; i++) A[j * cols + l] += (X[i * cols + j] * X[i * cols + l]) / rows;
        }
        const [top, second = 0] = Array.from(symmetricEigen(A, cols).values).sort((u, v) => v - u);
        // The power iteration's Rayleigh quotient lies in [second, top] once the other directions have decayed;
        // when the top two are closer than 1e-4 of top it may stop anywhere between them.
        const tolerance = Math.max(1e-4 * top, top - second) + 1e-300;
        expect(Math.abs(a - top)).toBeLessThanOrEqual(tolerance);
        expect(Math.abs(c - top)).toBeLessThanOrEqual(tolerance);
        expect(Math.abs(a - c)).toBeLessThanOrEqual(tolerance);
      }),
    );
  });
});
