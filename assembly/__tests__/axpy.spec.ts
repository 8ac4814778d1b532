import { axpy } from "../kernels/axpy";
import { block, eachCase, fill, get, release } from "./helpers";

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
