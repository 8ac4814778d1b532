import { gdFit, gdGather, gdStripe, GD_CONVERGED, GD_DIVERGED, GD_MAX_ITER, stepWeights } from "../solvers/gd";
import { elasticNetPenalty } from "../kernels/penalties";
import { squaredLossGradient } from "../kernels/squared-loss-gradient";
import { block, fill, get, release, set } from "./helpers";

describe("stepWeights", () => {
  it("takes the plain gradient step without an L1 part", () => {
    const w = block(2, 1);
    const g = block(2, 0);
    set(w, 0, 1.0);
    set(w, 1, -0.01);
    set(g, 0, 0.5);
    set(g, 1, -1.0);
    stepWeights(w, g, 2, 0.2, 0.0, 0.1);
    expect(get(w, 0)).toBe(1.0 - 0.1 * (0.5 + 0.2 * 1.0));
    expect(get(w, 1)).toBe(-0.01 - 0.1 * (-1.0 + 0.2 * -0.01));
    release(w, 1);
    release(g, 0);
  });

  it("clips a sign flip to exactly 0 and keeps a zero weight while |g| <= lambda rho", () => {
    const w = block(4, 1);
    const g = block(4, 0);
    set(w, 0, 0.01); // 0.01 - 0.1 (0.2 + 0.5) < 0: clipped to 0
    set(g, 0, 0.2);
    set(w, 1, 0.0); // |g| = 0.4 <= 0.5: stays 0
    set(g, 1, -0.4);
    set(w, 2, 0.0); // |g| = 0.9 > 0.5: plain step -lr g (sign(0) = 0)
    set(g, 2, -0.9);
    set(w, 3, -2.0); // far from 0: -2 - 0.1 (0.3 - 0.5)
    set(g, 3, 0.3);
    stepWeights(w, g, 4, 0.5, 1.0, 0.1);
    expect(get(w, 0)).toBe(0.0);
    expect(get(w, 1)).toBe(0.0);
    expect(get(w, 2)).toBeCloseTo(0.09, 15);
    expect(get(w, 3)).toBeCloseTo(-1.98, 15);
    release(w, 1);
    release(g, 0);
  });
});

describe("gdFit", () => {
  it("takes the seed's first step on the worked example and reaches the lasso optimum [1.55, 0]", () => {
    const X = block(8, 1);
    const values: f64[] = [1, 0.1, 2, 0.2, 3, 0.1, 4, 0.3];
    for (let i = 0; i < 8; i++) set(X, i, values[i]);
    const y = block(4, 0);
    const targets: f64[] = [2.1, 4.0, 6.1, 7.9];
    for (let i = 0; i < 4; i++) set(y, i, targets[i]);
    const w = block(2, 1);
    const r = block(4, 0);
    const grad = block(2, 0);
    const history = block(20000, 1);
    const out = block(3, 0);
    gdFit(X, 4, 2, y, 0.5, 1.0, 0.1, 1, 1e-14, true, w, r, grad, history, 20000, out);
    expect(get(w, 0)).toBeCloseTo(1.5, 14);
    expect(get(w, 1)).toBeCloseTo(0.09975, 14);
    expect(get(out, 2)).toBe(<f64>GD_MAX_ITER);
    gdFit(X, 4, 2, y, 0.5, 1.0, 0.1, 20000, 1e-14, true, w, r, grad, history, 20000, out);
    expect(get(out, 2)).toBe(<f64>GD_CONVERGED);
    expect(get(w, 0)).toBeCloseTo(1.55, 5);
    expect(get(w, 1)).toBe(0.0);
    expect(get(out, 0)).toBeCloseTo(1.15, 5);
    expect(get(history, 0)).toBeCloseTo(120.03 / 8.0, 12);
    release(X, 1);
    release(y, 0);
    release(w, 1);
    release(r, 0);
    release(grad, 0);
    release(history, 1);
    release(out, 0);
  });

  it("stops at once when the objective is no longer finite", () => {
    const X = block(2, 0);
    set(X, 0, 1e3);
    set(X, 1, -1e3);
    const y = block(2, 0);
    set(y, 0, 1.0);
    set(y, 1, 2.0);
    const w = block(1, 0);
    const r = block(2, 0);
    const grad = block(1, 0);
    const out = block(3, 0);
    gdFit(X, 2, 1, y, 0.0, 0.0, 10.0, 1000, 1e-9, true, w, r, grad, 0, 0, out);
    expect(get(out, 2)).toBe(<f64>GD_DIVERGED);
    expect(get(out, 1)).toBeLessThan(1000.0);
    release(X, 0);
    release(y, 0);
    release(w, 0);
    release(r, 0);
    release(grad, 0);
    release(out, 0);
  });
});

describe("gdStripe and gdGather", () => {
  it("give squaredLossGradient's pass in stripes of rows: r, grad and the objective to 1e-12", () => {
    const rows = 37;
    const cols = 9;
    const X = block(rows * cols, 1);
    const y = block(rows, 0);
    const w = block(cols, 1);
    fill(X, rows * cols, 3);
    fill(y, rows, 4);
    fill(w, cols, 5);
    const b = 0.25;
    const r = block(rows, 0);
    const grad = block(cols, 1);
    const whole = squaredLossGradient(X, rows, cols, w, b, y, r, grad) + elasticNetPenalty(w, cols, 0.3, 0.5);
    // Three stripes: rows 0-11, 12-29, 30-36, each part cols + 2 values.
    const bounds: i32[] = [0, 12, 30, rows];
    const parts = block(3 * (cols + 2), 0);
    const striped = block(rows, 1);
    for (let s = 0; s < 3; s++) {
      const first = bounds[s];
      gdStripe(X + (<usize>(first * cols) << 3), bounds[s + 1] - first, cols, w, b, y + (<usize>first << 3),
        striped + (<usize>first << 3), parts + (<usize>(s * (cols + 2)) << 3));
    }
    const gathered = block(cols, 0);
    const out = block(1, 1);
    const loss = gdGather(parts, 3, rows, cols, w, 0.3, 0.5, gathered, out);
    expect(Math.abs(loss - whole)).toBeLessThan(1e-12 * whole);
    let mean = 0.0;
    for (let i = 0; i < rows; i++) {
      expect(get(striped, i)).toBe(get(r, i), `r ${i}`);
      mean += get(r, i) / <f64>rows;
    }
    for (let j = 0; j < cols; j++) expect(Math.abs(get(gathered, j) - get(grad, j))).toBeLessThan(1e-12, `grad ${j}`);
    expect(Math.abs(get(out, 0) - mean)).toBeLessThan(1e-12);
    release(X, 1); release(y, 0); release(w, 1); release(r, 0); release(grad, 1); release(parts, 0); release(striped, 1);
    release(gathered, 0); release(out, 1);
  });
});
