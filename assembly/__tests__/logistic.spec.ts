import { logisticFista, logisticGap, logisticGd } from "../solvers/logistic";
import { block, get, release, set } from "./helpers";

// Two rows x = [1], [-1] with labels 1, 0 and no intercept: both rows' log-loss gradients equal sigmoid(w) - 1, so
// with ridge lambda the optimum solves 1 - sigmoid(w) = lambda w. At w = 1: lambda = 1 - sigmoid(1).
const LAMBDA: f64 = 1.0 - 1.0 / (1.0 + Math.exp(-1.0));

function twoRows(): usize {
  const X = block(2, 0);
  set(X, 0, 1.0);
  set(X, 1, -1.0);
  return X;
}

function labels(): usize {
  const y = block(2, 0);
  set(y, 0, 1.0);
  set(y, 1, 0.0);
  return y;
}

function ones(n: i32): usize {
  const s = block(n, 0);
  for (let i = 0; i < n; i++) set(s, i, 1.0);
  return s;
}

describe("logistic", () => {
  it("fista finds the ridge optimum w = 1 worked by hand, where the duality gap is 0 to rounding", () => {
    const X = twoRows();
    const y = labels();
    const s = ones(2);
    const W = block(1, 0);
    const b = block(1, 0);
    set(W, 0, 0.0);
    set(b, 0, 0.0);
    // The smooth part's curvature is at most 1/4 (x^2 = 1) plus lambda.
    const scratch = block(64, 0);
    const out = block(4, 0);
    logisticFista(X, 2, 1, 1, y, s, LAMBDA, 0.0, 0.25 + LAMBDA, 10000, 1e-15, false, false, W, b,
      scratch, scratch + 8, scratch + 16, scratch + 24, scratch + 40, scratch + 56, scratch + 72, scratch + 88,
      scratch + 96, scratch + 104, scratch + 112, scratch + 128, 0, 0, out);
    // gap <= 1e-15 log 2 and strong convexity lambda bound |w - 1| by sqrt(2 gap / lambda) < 1e-7.
    expect(Math.abs(get(W, 0) - 1.0)).toBeLessThan(1e-7);
    expect(get(b, 0)).toBe(0.0);
    // The objective there: log(1 + e^-1) + lambda / 2.
    expect(get(out, 3)).toBeCloseTo(Math.log1p(Math.exp(-1.0)) + 0.5 * LAMBDA, 12);
    const gapOut = block(2, 0);
    set(W, 0, 1.0);
    logisticGap(X, 2, 1, 1, y, s, LAMBDA, 0.0, false, false, W, b, scratch, scratch + 16, scratch + 32, scratch + 40, gapOut);
    expect(Math.abs(get(gapOut, 0))).toBeLessThan(1e-15);
    // At w = 0 the gap is the objective log 2 minus the dual value at theta = (1/2)(y - 1/2) = +-1/4:
    // H(1/2) = log 2 per row, and (X^T theta)^2 / (2 lambda) = (1/2)^2 / (2 lambda).
    set(W, 0, 0.0);
    logisticGap(X, 2, 1, 1, y, s, LAMBDA, 0.0, false, false, W, b, scratch, scratch + 16, scratch + 32, scratch + 40, gapOut);
    expect(get(gapOut, 0)).toBeCloseTo(0.25 / (2.0 * LAMBDA), 14);
    release(X, 0); release(y, 0); release(s, 0); release(W, 0); release(b, 0); release(scratch, 0); release(out, 0); release(gapOut, 0);
  });

  it("gd takes the seed's steps: from w = 0 the first moves w by learningRate (1/2 - lambda 0)", () => {
    const X = twoRows();
    const y = labels();
    const s = ones(2);
    const W = block(1, 0);
    const b = block(1, 0);
    const scratch = block(64, 0);
    const out = block(4, 0);
    const history = block(2, 0);
    // Two iterations: the objective at w = 0 (log 2), then at w = 0.1 (the gradient at 0 is sigmoid(0) - 1 = -1/2).
    logisticGd(X, 2, 1, 1, y, s, LAMBDA, 0.0, 0.2, 2, 0.0, false, W, b, scratch, scratch + 8, scratch + 24, scratch + 40,
      scratch + 48, scratch + 64, history, 2, out);
    expect(get(history, 0)).toBeCloseTo(Math.log(2.0), 15);
    expect(get(history, 1)).toBeCloseTo(Math.log1p(Math.exp(-0.1)) + 0.5 * LAMBDA * 0.01, 15);
    // The second step from w = 0.1: w -= 0.2 (sigmoid(0.1) - 1 + lambda 0.1).
    expect(get(W, 0)).toBeCloseTo(0.1 - 0.2 * (1.0 / (1.0 + Math.exp(-0.1)) - 1.0 + LAMBDA * 0.1), 15);
    expect(get(out, 2)).toBe(1.0);
    release(X, 0); release(y, 0); release(s, 0); release(W, 0); release(b, 0); release(scratch, 0); release(out, 0); release(history, 0);
  });
});
