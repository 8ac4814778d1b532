import { luDecompose, luSolve } from "../solvers/lu";
import { block, fill, get, productOf, release, set } from "./helpers";

const SIZES: i32[] = [1, 2, 3, 5, 8, 9, 17];

describe("luDecompose and luSolve", () => {
  it("solve diagonally dominant systems with several right-hand sides to 1e-12", () => {
    for (let s = 0; s < SIZES.length; s++) {
      const n = SIZES[s];
      const k = 3;
      const A = block(n * n, 1);
      const copy = block(n * n, 0);
      fill(A, n * n, s);
      for (let i = 0; i < n; i++) set(A, i * n + i, get(A, i * n + i) + <f64>(2 * n));
      for (let i = 0; i < n * n; i++) set(copy, i, get(A, i));
      const X = block(n * k, 1);
      fill(X, n * k, s + 1);
      const B = productOf(copy, n, X, k);
      const pivots = block(n, 1);
      expect(luDecompose(A, n, pivots, 1e-12)).toBe(-1);
      luSolve(A, n, pivots, B, k);
      for (let i = 0; i < n * k; i++) expect(Math.abs(get(B, i) - get(X, i))).toBeLessThan(1e-12, `n=${n} entry ${i}`);
      release(A, 1);
      release(copy, 0);
      release(X, 1);
      release(B, 0);
      release(pivots, 1);
    }
  });

  it("pivots on the largest entry of each column", () => {
    // [[1, 2], [3, 4]]: row 1 (|3| > |1|) comes first; L = [[1, 0], [1/3, 1]], U = [[3, 4], [0, 2/3]].
    const A = block(4, 0);
    set(A, 0, 1.0);
    set(A, 1, 2.0);
    set(A, 2, 3.0);
    set(A, 3, 4.0);
    const pivots = block(2, 1);
    expect(luDecompose(A, 2, pivots, 0.0)).toBe(-1);
    expect(get(pivots, 0)).toBe(1.0);
    expect(get(A, 0)).toBe(3.0);
    expect(get(A, 1)).toBe(4.0);
    expect(get(A, 2)).toBeCloseTo(1.0 / 3.0, 15);
    expect(get(A, 3)).toBeCloseTo(2.0 / 3.0, 15);
    release(A, 0);
    release(pivots, 1);
  });

  it("reports the step of a vanishing pivot", () => {
    const A = block(4, 0);
    set(A, 0, 1.0);
    set(A, 1, 2.0);
    set(A, 2, 2.0);
    set(A, 3, 4.0);
    const pivots = block(2, 0);
    expect(luDecompose(A, 2, pivots, 1e-12)).toBe(1);
    release(A, 0);
    release(pivots, 0);
  });
});
