import { transpose } from "../kernels/transpose";
import { cdGram, cdResidual } from "../solvers/cd";
import { elasticNetGap } from "../solvers/duality-gap";
import { fista, largestEigenvalue } from "../solvers/fista";
import { block, fill, get, guard, intact, release, set } from "./helpers";

// An orthogonal, centered design: X = [[1, 0], [0, 1], [-1, 0], [0, -1]], y = [3, 1, -3, -1].
// X^T X = 2 I and X^T y = [6, 2], so the lasso solution is w_j = S(q_j, n lambda) / 2 in closed form:
// with lambda = 1 (alpha = 4), w = [S(6, 4) / 2, S(2, 4) / 2] = [1, 0].
function design(): usize {
  const X = block(8, 1);
  const values: f64[] = [1, 0, 0, 1, -1, 0, 0, -1];
  for (let i = 0; i < 8; i++) set(X, i, values[i]);
  return X;
}

function targets(): usize {
  const y = block(4, 0);
  const values: f64[] = [3, 1, -3, -1];
  for (let i = 0; i < 4; i++) set(y, i, values[i]);
  return y;
}

describe("transpose", () => {
  it("writes X^T for shapes around the 8 x 8 tile", () => {
    const shapes: i32[] = [1, 3, 8, 9, 17];
    for (let a = 0; a < shapes.length; a++) {
      for (let b = 0; b < shapes.length; b++) {
        const rows = shapes[a];
        const cols = shapes[b];
        const X = block(rows * cols, 1);
        const T = block(rows * cols, 0);
        fill(X, rows * cols, a + b);
        guard(T, rows * cols);
        transpose(X, rows, cols, T);
        for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) expect(get(T, j * rows + i)).toBe(get(X, i * cols + j));
        expect(intact(T, rows * cols)).toBe(true);
        release(X, 1);
        release(T, 0);
      }
    }
  });
});

describe("coordinate descent", () => {
  it("finds the closed-form lasso solution of an orthogonal design in both modes, with a zero gap", () => {
    const X = design();
    const y = targets();
    const G = block(4, 0);
    set(G, 0, 2.0);
    set(G, 1, 0.0);
    set(G, 2, 0.0);
    set(G, 3, 2.0);
    const q = block(2, 1);
    set(q, 0, 6.0);
    set(q, 1, 2.0);
    const w = block(2, 0);
    const h = block(2, 1);
    const scratch = block(2, 0);
    const rng = block(1, 0);
    const out = block(3, 1);
    cdGram(G, q, 20.0, 2, 4.0, 4.0, 0.0, 100, 1e-12, false, false, rng, w, h, scratch, 0, 0, out);
    expect(get(w, 0)).toBe(1.0);
    expect(get(w, 1)).toBe(0.0);
    expect(get(out, 2)).toBe(1.0);
    expect(get(out, 1)).toBeCloseTo(0.0, 14);
    const Xt = block(8, 1);
    transpose(X, 4, 2, Xt);
    const r = block(4, 0);
    const norms = block(2, 1);
    const g = block(2, 0);
    set(w, 0, 0.0);
    cdResidual(Xt, 4, 2, y, 4.0, 0.0, 100, 1e-12, false, true, rng, w, r, norms, g, scratch, 0, 0, out);
    expect(get(w, 0)).toBe(1.0);
    expect(get(w, 1)).toBe(0.0);
    expect(get(r, 0)).toBe(2.0); // r = y - X w = [3 - 1, 1, -3 + 1, -1]
    release(X, 1); release(y, 0); release(G, 0); release(q, 1); release(w, 0); release(h, 1);
    release(scratch, 0); release(rng, 0); release(out, 1); release(Xt, 1); release(r, 0); release(norms, 1); release(g, 0);
  });
});

describe("FISTA and the power iteration", () => {
  it("finds the largest eigenvalue of X^T X / n and the same orthogonal-design solution", () => {
    const X = design();
    const y = targets();
    const v = block(2, 0);
    const u = block(2, 1);
    const t = block(4, 0);
    expect(largestEigenvalue(X, 4, 2, 100, v, u, t)).toBeCloseTo(0.5, 14); // X^T X / 4 = I / 2
    const w = block(2, 1);
    const scratch = block(6 * 2 + 4, 0);
    const out = block(3, 1);
    fista(X, 4, 2, y, 1.0, 1.0, 0.5, 1000, 1e-14, false, w, scratch, scratch + 16, scratch + 32, scratch + 48,
      scratch + 64, scratch + 80, 0, 0, 0, 0, 0, 0, out);
    expect(get(w, 0)).toBeCloseTo(1.0, 12);
    expect(get(w, 1)).toBe(0.0);
    expect(get(out, 2)).toBe(1.0);
    release(X, 1); release(y, 0); release(v, 0); release(u, 1); release(t, 0); release(w, 1); release(scratch, 0); release(out, 1);
  });
});

describe("elasticNetGap", () => {
  it("is 0 at the orthogonal lasso solution and positive away from it", () => {
    // At w = [1, 0]: R = [2, 1, -2, -1], ||R||^2 = 10, R.y = 14, X^T R = [4, 2], max |X^T R| = 4 = alpha.
    expect(elasticNetGap(10.0, 14.0, 4.0, 20.0, 1.0, 1.0, 4.0, 0.0)).toBeCloseTo(0.0, 14);
    // At w = 0: R = y, ||R||^2 = 20, R.y = 20, X^T R = [6, 2]: scale 4/6, gap = (20 + 20 (4/6)^2)/2 - (4/6) 20.
    expect(elasticNetGap(20.0, 20.0, 6.0, 40.0, 0.0, 0.0, 4.0, 0.0)).toBeCloseTo(0.5 * (20.0 + 20.0 * 4.0 / 9.0) - 40.0 / 3.0, 12);
    // Without a penalty there is no dual bound.
    expect(isNaN(elasticNetGap(1.0, 1.0, 1.0, 1.0, 0.0, 0.0, 0.0, 0.0))).toBe(true);
  });
});
