import { logisticCd } from "../solvers/logistic-cd";
import { block, get, release, set } from "./helpers";

// One feature x = [1, -1, 2] (Xc is then the same three values), unit weights h, the residual at w = 0 and b = 0
// r = h z = [1, 0, 3]: the lasso on it, worked by hand.
function filled(values: f64[]): usize {
  const p = block(values.length, 0);
  for (let i = 0; i < values.length; i++) set(p, i, values[i]);
  return p;
}

describe("logisticCd", () => {
  it("without an intercept: w = S(x^T z / n, lambda) / (x^T x / n) = (7/3 - 1/3) / 2 = 1, and r = z - x w", () => {
    const Xc = filled([1.0, -1.0, 2.0]);
    const h = filled([1.0, 1.0, 1.0]);
    const r = filled([1.0, 0.0, 3.0]);
    const w = filled([0.0]);
    const v = filled([NaN]);
    const ids = block(1, 0);
    store<i32>(ids, 0);
    const out = block(2, 0);
    logisticCd(Xc, 3, 1, h, r, w, v, ids, 1, 1.0 / 3.0, 1.0, false, false, 0.0, 100, 0.0, out);
    expect(get(w, 0)).toBeCloseTo(1.0, 15);
    expect(get(v, 0)).toBeCloseTo(2.0, 15);
    expect(get(r, 0)).toBeCloseTo(0.0, 15);
    expect(get(r, 1)).toBeCloseTo(1.0, 15);
    expect(get(r, 2)).toBeCloseTo(1.0, 15);
    // An epoch over the set moves w; one over its nonzero weights moves nothing; one over the whole set confirms
    // that (the loop stops there even at tol 0).
    expect(get(out, 0)).toBe(3.0);
    release(Xc, 0); release(h, 0); release(r, 0); release(w, 0); release(v, 0); release(ids, 0); release(out, 0);
  });

  it("with an intercept: the centered lasso, w = (cov(x, z) - lambda) / var(x) = 6/7 and b = mean z - w mean x = 16/21", () => {
    const Xc = filled([1.0, -1.0, 2.0]);
    const h = filled([1.0, 1.0, 1.0]);
    const r = filled([1.0, 0.0, 3.0]);
    const w = filled([0.0]);
    const v = filled([NaN]);
    const ids = block(1, 0);
    store<i32>(ids, 0);
    const out = block(2, 0);
    logisticCd(Xc, 3, 1, h, r, w, v, ids, 1, 1.0 / 9.0, 1.0, false, true, 0.0, 10000, 1e-30, out);
    expect(get(w, 0)).toBeCloseTo(6.0 / 7.0, 12);
    expect(get(out, 1)).toBeCloseTo(16.0 / 21.0, 12);
    release(Xc, 0); release(h, 0); release(r, 0); release(w, 0); release(v, 0); release(ids, 0); release(out, 0);
  });
});
