import { dot } from "../kernels/dot";
import { block, close, dotScale, eachCase, fill, otherOffset, release, scalarDot, set } from "./helpers";

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
