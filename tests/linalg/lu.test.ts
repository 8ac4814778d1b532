import { beforeAll, describe, expect, it } from "vitest";
import { conditionNumber, init, luDecompose, luSolve, SingularMatrixError, solve, type BackendName } from "../../src/index.js";

beforeAll(() => init());

const A = [
  [0, 2, 1, 4],
  [1, 1, -1, 2],
  [4, -2, 3, 1],
  [2, 5, 1, -3],
];

describe.each<BackendName>(["wasm", "js"])("LU with partial pivoting on the %s backend", (backend) => {
  const options = { backend };

  it("factors P A = L U with unit lower L, upper U and the largest pivot first", () => {
    const { L, U, pivots } = luDecompose(A, options);
    expect(pivots[0]).toBe(2); // |4| is the largest entry of column 0
    for (let i = 0; i < 4; i++) {
      expect(L[i][i]).toBe(1);
      for (let j = 0; j < 4; j++) {
        if (j > i) expect(L[i][j]).toBe(0);
        if (j < i) expect(U[i][j]).toBe(0);
        if (j < i) expect(Math.abs(L[i][j])).toBeLessThanOrEqual(1);
        let product = 0;
        for (let m = 0; m < 4; m++) product += L[i][m] * U[m][j];
        expect(product).toBeCloseTo(A[pivots[i]][j], 13);
      }
    }
  });

  it("solves one and several right-hand sides", () => {
    const x = [1, -2, 0.5, 3];
    const b = A.map((row) => row.reduce((s, v, j) => s + v * x[j], 0));
    Array.from(solve(A, b, options)).forEach((v, i) => expect(v).toBeCloseTo(x[i], 13));
    // Two right-hand sides: x and 2x + 1.
    const B = b.map((v, i) => [v, 2 * v + A[i].reduce((s, a) => s + a, 0)]);
    const lu = luDecompose(A, options);
    luSolve(lu, B, options).forEach((row, i) => {
      expect(row[0]).toBeCloseTo(x[i], 13);
      expect(row[1]).toBeCloseTo(2 * x[i] + 1, 13);
    });
    // 2 x 2 by hand: [[2, 1], [1, 3]] x = [3, 5] gives x = [0.8, 1.4].
    const small = solve([[2, 1], [1, 3]], [3, 5], options);
    expect(small[0]).toBeCloseTo(0.8, 15);
    expect(small[1]).toBeCloseTo(1.4, 15);
  });

  it("throws a SingularMatrixError suggesting lambda > 0 for a singular matrix", () => {
    const singular = [[1, 2, 3], [2, 4, 6], [1, 0, 1]];
    expect(() => luDecompose(singular, options)).toThrow(SingularMatrixError);
    expect(() => solve(singular, [1, 2, 3], options)).toThrow(/singular to working precision.*lambda > 0/);
  });

  it("rejects non-square matrices and mismatched right-hand sides", () => {
    expect(() => luDecompose([[1, 2, 3], [4, 5, 6]], options)).toThrow(/A must be square, got 2 x 3/);
    expect(() => solve(A, [1, 2], options)).toThrow(/b has length 2 but the order of A has length 4/);
  });
});

describe("conditionNumber", () => {
  it("matches numpy.linalg.cond for [[1, 2], [3, 4]] and diagonal matrices", () => {
    expect(conditionNumber([[1, 2], [3, 4]])).toBeCloseTo(14.933034373659268, 12);
    expect(conditionNumber([[5, 0, 0], [0, 1e-3, 0], [0, 0, 2]])).toBeCloseTo(5000, 9);
    expect(conditionNumber([[1, 2], [2, 4]])).toBe(Infinity);
  });
});
