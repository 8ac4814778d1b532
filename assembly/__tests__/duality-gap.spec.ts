import { dualNorms, elasticNetGap } from "../solvers/duality-gap";
import { block, get, release, setAll } from "./helpers";

describe("elasticNetGap", () => {
  it("is 0 at the orthogonal lasso solution and positive away from it", () => {
    // At w = [1, 0]: R = [2, 1, -2, -1], ||R||^2 = 10, R.y = 14, X^T R = [4, 2], max |X^T R| = 4 = alpha.
    expect(elasticNetGap(10.0, 14.0, 4.0, 20.0, 1.0, 1.0, 4.0, 0.0)).toBeCloseTo(0.0, 14);
    // At w = 0: R = y, ||R||^2 = 20, R.y = 20, X^T R = [6, 2]: scale 4/6, gap = (20 + 20 (4/6)^2)/2 - (4/6) 20.
    expect(elasticNetGap(20.0, 20.0, 6.0, 40.0, 0.0, 0.0, 4.0, 0.0)).toBeCloseTo(0.5 * (20.0 + 20.0 * 4.0 / 9.0) - 40.0 / 3.0, 12);
    // Without a penalty there is no dual bound.
    expect(isNaN(elasticNetGap(1.0, 1.0, 1.0, 1.0, 0.0, 0.0, 0.0, 0.0))).toBe(true);
  });

  it("is the ridge gap ||R||^2 - R.y + beta/2 ||w||^2 + ||X^T R||^2 / (2 beta) without an L1 part", () => {
    expect(elasticNetGap(3.0, 2.0, 0.0, 8.0, 0.0, 5.0, 0.0, 2.0)).toBe(3.0 - 2.0 + 0.5 * 2.0 * 5.0 + 8.0 / 4.0);
  });
});

describe("dualNorms", () => {
  it("gives max_j |g_j - beta w_j| and sum_j g_j^2, or the signed max and the positive part when positive", () => {
    const g = block(3, 1);
    const w = block(3, 0);
    const out = block(2, 1);
    setAll(g, [1.0, -4.0, 2.0]);
    setAll(w, [0.5, 0.0, -1.0]);
    // g - 2 w = [0, -4, 4]
    dualNorms(g, w, 3, 2.0, false, out);
    expect(get(out, 0)).toBe(4.0);
    expect(get(out, 1)).toBe(21.0);
    dualNorms(g, w, 3, 2.0, true, out);
    expect(get(out, 0)).toBe(4.0);
    expect(get(out, 1)).toBe(5.0);
    dualNorms(g, w, 2, 2.0, true, out);
    expect(get(out, 0)).toBe(0.0);
    expect(get(out, 1)).toBe(1.0);
    release(g, 1);
    release(w, 0);
    release(out, 1);
  });
});
