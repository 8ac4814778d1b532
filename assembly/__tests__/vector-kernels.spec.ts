import { axpy } from "../kernels/axpy";
import { dot } from "../kernels/dot";
import { scal } from "../kernels/scal";
import { sumAbs, sumSquares } from "../kernels/sums";
import { block, close, dotScale, eachCase, fill, get, guard, intact, otherOffset, release, scalarDot, set } from "./helpers";

describe("dot", () => {
  it("matches a scalar loop for every length and odd offsets", () => {
    eachCase((n: i32, off: i32): void => {
      const x = block(n, off);
      const y = block(n, otherOffset(off));
      fill(x, n, 1);
      fill(y, n, 2);
      expect(close(dot(x, y, n), scalarDot(x, y, n), dotScale(x, y, n))).toBe(true, `n=${n} offset=${off}`);
      release(x, off);
      release(y, otherOffset(off));
    });
  });

  it("is exact on small integers", () => {
    const x = block(9, 1);
    const y = block(9, 0);
    for (let i = 0; i < 9; i++) {
      set(x, i, <f64>(i + 1));
      set(y, i, 2.0);
    }
    expect(dot(x, y, 9)).toBe(90.0); // 2 * (1 + ... + 9)
    release(x, 1);
    release(y, 0);
  });
});

describe("axpy", () => {
  it("adds alpha * x to y element by element, leaving the element past n untouched", () => {
    eachCase((n: i32, off: i32): void => {
      const x = block(n, off);
      const y = block(n + 1, off);
      const before = block(n + 1, 0);
      fill(x, n, 3);
      fill(y, n + 1, 4);
      fill(before, n + 1, 4);
      axpy(-1.5, x, y, n);
      for (let i = 0; i < n; i++) expect(get(y, i)).toBe(get(before, i) + -1.5 * get(x, i));
      expect(get(y, n)).toBe(get(before, n));
      release(x, off);
      release(y, off);
      release(before, 0);
    });
  });
});

describe("scal", () => {
  it("multiplies every element by alpha", () => {
    eachCase((n: i32, off: i32): void => {
      const x = block(n, off);
      const before = block(n, 0);
      fill(x, n, 5);
      fill(before, n, 5);
      guard(x, n);
      scal(0.3, x, n);
      expect(intact(x, n)).toBe(true, `scal wrote past n=${n}`);
      for (let i = 0; i < n; i++) expect(get(x, i)).toBe(0.3 * get(before, i));
      release(x, off);
      release(before, 0);
    });
  });
});

describe("sumSquares and sumAbs", () => {
  it("match scalar loops for every length and odd offsets", () => {
    eachCase((n: i32, off: i32): void => {
      const x = block(n, off);
      fill(x, n, 6);
      let squares = 0.0;
      let absolutes = 0.0;
      for (let i = 0; i < n; i++) {
        squares += get(x, i) * get(x, i);
        absolutes += Math.abs(get(x, i));
      }
      expect(close(sumSquares(x, n), squares, squares)).toBe(true, `sumSquares n=${n}`);
      expect(close(sumAbs(x, n), absolutes, absolutes)).toBe(true, `sumAbs n=${n}`);
      release(x, off);
    });
  });

  it("are 0 for an empty vector", () => {
    expect(sumSquares(0, 0)).toBe(0.0);
    expect(sumAbs(0, 0)).toBe(0.0);
  });
});
