import { sum, sumAbs, sumSquares } from "../kernels/sums";
import { block, close, eachCase, fill, get, release } from "./helpers";

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

describe("sum", () => {
  it("matches a scalar loop for every length and odd offsets", () => {
    eachCase((n: i32, off: i32): void => {
      const x = block(n, off);
      fill(x, n, 1);
      let total = 0.0;
      let scale = 0.0;
      for (let i = 0; i < n; i++) {
        total += get(x, i);
        scale += Math.abs(get(x, i));
      }
      expect(close(sum(x, n), total, scale)).toBe(true, `n=${n}`);
      release(x, off);
    });
  });
});
