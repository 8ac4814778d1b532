import { scal } from "../kernels/scal";
import { block, eachCase, fill, get, guard, intact, release } from "./helpers";

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
