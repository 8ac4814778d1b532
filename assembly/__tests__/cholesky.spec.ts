import { choleskyBlock, choleskyDecompose, choleskySolve, choleskyTrailing } from "../solvers/cholesky";
import { block, fill, get, productOf, release, set } from "./helpers";

const SIZES: i32[] = [1, 2, 3, 5, 8, 9, 17, 64, 65, 150];

/** A = M^T M + n I for a filled M: symmetric positive definite. */
function spd(n: i32, seed: i32): usize {
  const M = block(n * n, 0);
  fill(M, n * n, seed);
  const A = block(n * n, 1);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let total = i == j ? <f64>n : 0.0;
      for (let r = 0; r < n; r++) total += get(M, r * n + i) * get(M, r * n + j);
      set(A, i * n + j, total);
    }
  }
  release(M, 0);
  return A;
}

describe("choleskyDecompose and choleskySolve", () => {
  it("solve symmetric positive definite systems with several right-hand sides to 1e-12", () => {
    for (let s = 0; s < SIZES.length; s++) {
      const n = SIZES[s];
      const k = 3;
      const A = spd(n, s);
      const copy = block(n * n, 0);
      for (let i = 0; i < n * n; i++) set(copy, i, get(A, i));
      const X = block(n * k, 1);
      fill(X, n * k, s + 1);
      const B = productOf(copy, n, X, k);
      expect(choleskyDecompose(A, n, 0)).toBe(-1);
      // The strict lower triangle is left as it was.
      for (let i = 1; i < n; i++) expect(get(A, i * n)).toBe(get(copy, i * n), `n=${n} lower entry ${i}`);
      choleskySolve(A, n, B, k);
      for (let i = 0; i < n * k; i++) expect(Math.abs(get(B, i) - get(X, i))).toBeLessThan(1e-12, `n=${n} entry ${i}`);
      release(A, 1);
      release(copy, 0);
      release(X, 1);
      release(B, 0);
    }
  });

  it("gives the same bits in blocks of any size, the rows below each block split in any ranges", () => {
    const n = 150;
    const A = spd(n, 7);
    const B = block(n * n, 0);
    for (let i = 0; i < n * n; i++) set(B, i, get(A, i));
    expect(choleskyDecompose(A, n, 0)).toBe(-1);
    // Blocks of 37 steps, the rows below each taken in two ranges, the later one first.
    for (let k0 = 0; k0 < n; k0 += 37) {
      const k1 = min(k0 + 37, n);
      expect(choleskyBlock(B, n, k0, k1, 0)).toBe(-1);
      const middle = k1 + (n - k1) / 3;
      choleskyTrailing(B, n, k0, k1, middle, n);
      choleskyTrailing(B, n, k0, k1, k1, middle);
    }
    for (let i = 0; i < n; i++) {
      for (let j = i; j < n; j++) expect(get(B, i * n + j)).toBe(get(A, i * n + j), `U[${i}][${j}]`);
    }
    release(A, 1);
    release(B, 0);
  });

  it("gives U = [[2, 1], [0, sqrt 2]] for [[4, 2], [2, 3]] by hand", () => {
    const A = block(4, 0);
    set(A, 0, 4);
    set(A, 1, 2);
    set(A, 2, 2);
    set(A, 3, 3);
    expect(choleskyDecompose(A, 2, 0)).toBe(-1);
    expect(get(A, 0)).toBe(2);
    expect(get(A, 1)).toBe(1);
    expect(Math.abs(get(A, 3) - Math.SQRT2)).toBeLessThan(1e-15);
    release(A, 0);
  });

  it("stops at the first pivot that is not positive: [[1, 2], [2, 1]] fails at step 1", () => {
    const A = block(4, 0);
    set(A, 0, 1);
    set(A, 1, 2);
    set(A, 2, 2);
    set(A, 3, 1);
    expect(choleskyDecompose(A, 2, 0)).toBe(1);
    release(A, 0);
  });
});
