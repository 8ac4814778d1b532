import { largestEigenvalue } from "../kernels/largest-eigenvalue";
import { LENGTHS, OFFSETS, block, orthogonalDesign, otherOffset, release, set } from "./helpers";

describe("largestEigenvalue", () => {
  it("finds the largest eigenvalue of X^T X / n for the orthogonal design: 1/2", () => {
    const X = orthogonalDesign();
    const v = block(2, 0);
    const u = block(2, 1);
    const t = block(4, 0);
    expect(largestEigenvalue(X, 4, 2, 100, v, u, t)).toBeCloseTo(0.5, 14); // X^T X / 4 = I / 2
    release(X, 1); release(v, 0); release(u, 1); release(t, 0);
  });

  it("finds max_j (j + 1)^2 / rows for X = diag(1, 2, ..., cols) and odd offsets, and 0 without columns", () => {
    for (let a = 0; a < LENGTHS.length - 1; a++) {
      for (let o = 0; o < OFFSETS.length; o++) {
        const n = LENGTHS[a];
        const off = OFFSETS[o];
        const X = block(n * n, off);
        for (let i = 0; i < n * n; i++) set(X, i, 0.0);
        for (let j = 0; j < n; j++) set(X, j * n + j, <f64>(j + 1));
        const v = block(n, otherOffset(off));
        const u = block(n, off);
        const t = block(n, otherOffset(off));
        const expected = n == 0 ? 0.0 : <f64>(n * n) / <f64>n;
        expect(Math.abs(largestEigenvalue(X, n, n, 10000, v, u, t) - expected)).toBeLessThanOrEqual(1e-8 * expected, `n=${n}`);
        release(X, off); release(v, otherOffset(off)); release(u, off); release(t, otherOffset(off));
      }
    }
  });

  it("finds it for a tall X (1001 rows) whose columns are orthogonal: X^T X = diag(334, 334 * 4, 333 * 9)", () => {
    const rows = 1001;
    const X = block(rows * 3, 1);
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < 3; j++) set(X, i * 3 + j, i % 3 == j ? <f64>(j + 1) : 0.0);
    }
    const v = block(3, 0);
    const u = block(3, 1);
    const t = block(rows, 0);
    const expected = 2997.0 / 1001.0;
    expect(Math.abs(largestEigenvalue(X, rows, 3, 1000, v, u, t) - expected)).toBeLessThanOrEqual(1e-9 * expected);
    release(X, 1); release(v, 0); release(u, 1); release(t, 0);
  });
});
