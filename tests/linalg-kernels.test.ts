import { beforeAll, describe, expect, it } from "vitest";
import { dot, gemv, gemvT, init, squaredLossGradient, type BackendName } from "../src/index.js";

beforeAll(() => init());

// The seed's worked example: 4 samples, 2 features, y ~ 2 x1.
const X = [[1, 0.1], [2, 0.2], [3, 0.1], [4, 0.3]];
const y = [2.1, 4.0, 6.1, 7.9];

describe.each<BackendName>(["wasm", "js"])("the copying kernel API on the %s backend", (backend) => {
  const options = { backend };

  it("computes dot, X w and X^T r by hand", () => {
    expect(dot([1, 2, 3], [4, -5, 6], options)).toBe(12);
    expect(Array.from(gemv(X, [2, 10], options))).toEqual([3, 6, 7, 11]);
    const xtr = gemvT(X, [1, 0, -1, 2], options);
    expect(xtr[0]).toBe(6); // 1 - 3 + 8
    expect(xtr[1]).toBeCloseTo(0.6, 15); // 0.1 - 0.1 + 0.6
  });

  it("gives the seed's first iteration: data gradient [-15.0, -0.9975] and error -y at w = 0", () => {
    const { loss, gradient, interceptGradient, residual } = squaredLossGradient(X, y, [0, 0], 0, options);
    expect(gradient[0]).toBeCloseTo(-15.0, 13);
    expect(gradient[1]).toBeCloseTo(-0.9975, 13);
    expect(Array.from(residual)).toEqual(y.map((v) => -v));
    expect(interceptGradient).toBeCloseTo(-20.1 / 4, 14);
    expect(loss).toBeCloseTo(120.03 / 8, 13);
  });

  it("rejects mismatched lengths, naming both arguments", () => {
    expect(() => dot([1, 2], [1, 2, 3], options)).toThrow(
      new RangeError("y has length 3 but x has length 2: they must match."),
    );
    expect(() => gemv(X, [1, 2, 3], options)).toThrow(/w has length 3 but the columns of X has length 2/);
    expect(() => gemvT(X, [1], options)).toThrow(/r has length 1 but the rows of X has length 4/);
    expect(() => squaredLossGradient(X, [1, 2], [0, 0], 0, options)).toThrow(/^y has length 2/);
    expect(() => squaredLossGradient(X, y, [0, 0], Number.NaN, options)).toThrow(/intercept\[0\] is NaN/);
  });
});
