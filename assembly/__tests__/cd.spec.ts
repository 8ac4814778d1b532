import { transpose } from "../kernels/transpose";
import { cdGram, cdResidual } from "../solvers/cd";
import { block, orthogonalDesign, orthogonalTargets, get, release, set } from "./helpers";

describe("coordinate descent", () => {
  it("finds the closed-form lasso solution of an orthogonal design in both modes, with a zero gap", () => {
    const X = orthogonalDesign();
    const y = orthogonalTargets();
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
    const gws = block(2, 0);
    const gvalues = block(2, 0);
    const diag = block(2, 0);
    const packed = block(4, 0);
    cdGram(G, q, 20.0, 2, 4.0, 1.0, 1.0, NaN, 100, 1e-12, false, false, rng, w, h, gws, gvalues, diag, packed, scratch, 0, 0, out);
    expect(get(w, 0)).toBe(1.0);
    expect(get(w, 1)).toBe(0.0);
    expect(get(out, 2)).toBe(1.0);
    expect(get(out, 1)).toBeCloseTo(0.0, 14);
    const Xt = block(8, 1);
    transpose(X, 4, 2, 0, Xt);
    const r = block(4, 0);
    const norms = block(2, 1);
    const g = block(2, 0);
    set(w, 0, 0.0);
    const ws = block(2, 0);
    const values = block(2, 0);
    const state = block(3, 0);
    cdResidual(Xt, 4, 2, y, 1.0, 1.0, NaN, 100, 1e-12, false, true, rng, w, r, norms, g, 0, ws, values, scratch, 0, 0, state, out);
    expect(get(w, 0)).toBe(1.0);
    expect(get(w, 1)).toBe(0.0);
    expect(get(r, 0)).toBe(2.0); // r = y - X w = [3 - 1, 1, -3 + 1, -1]
    release(X, 1); release(y, 0); release(G, 0); release(q, 1); release(w, 0); release(h, 1);
    release(scratch, 0); release(rng, 0); release(out, 1); release(Xt, 1); release(r, 0); release(norms, 1); release(g, 0);
    release(ws, 0); release(values, 0); release(state, 0); release(gws, 0); release(gvalues, 0); release(diag, 0); release(packed, 0);
  });
});

describe("coordinate descent's penalty parameters", () => {
  it("take lambda and rho: alpha = n lambda rho, beta = n lambda (1 - rho) on the orthogonal design", () => {
    // w_j = S(q_j, alpha) / (2 + beta), q = [6, 2], n = 4. Elastic net lambda = 1, rho = 1/2: alpha = beta = 2,
    // w = [4/4, 0]; ridge lambda = 1, rho = 0: alpha = 0, beta = 4, w = [6/6, 2/6].
    const X = orthogonalDesign();
    const y = orthogonalTargets();
    const Xt = block(8, 0);
    transpose(X, 4, 2, 0, Xt);
    const G = block(4, 1);
    set(G, 0, 2.0);
    set(G, 1, 0.0);
    set(G, 2, 0.0);
    set(G, 3, 2.0);
    const q = block(2, 0);
    set(q, 0, 6.0);
    set(q, 1, 2.0);
    const w = block(2, 1);
    const h = block(2, 0);
    const r = block(4, 1);
    const norms = block(2, 0);
    const g = block(2, 1);
    const scratch = block(2, 0);
    const rng = block(1, 1);
    const out = block(3, 0);
    const ws = block(2, 0);
    const values = block(2, 0);
    const diag = block(2, 0);
    const packed = block(4, 0);
    const state = block(3, 0);
    const rhos: f64[] = [0.5, 0.0];
    const first: f64[] = [1.0, 1.0];
    const second: f64[] = [0.0, 1.0 / 3.0];
    for (let c = 0; c < rhos.length; c++) {
      set(w, 0, 0.0);
      set(w, 1, 0.0);
      cdGram(G, q, 20.0, 2, 4.0, 1.0, rhos[c], NaN, 100, 1e-12, false, false, rng, w, h, ws, values, diag, packed, scratch, 0, 0, out);
      expect(get(w, 0)).toBeCloseTo(first[c], 14);
      expect(get(w, 1)).toBeCloseTo(second[c], 14);
      expect(get(out, 2)).toBe(1.0);
      set(w, 0, 0.0);
      set(w, 1, 0.0);
      cdResidual(Xt, 4, 2, y, 1.0, rhos[c], NaN, 100, 1e-12, false, false, rng, w, r, norms, g, 0, ws, values, scratch, 0, 0, state, out);
      expect(get(w, 0)).toBeCloseTo(first[c], 14);
      expect(get(w, 1)).toBeCloseTo(second[c], 14);
      expect(get(out, 2)).toBe(1.0);
    }
    release(X, 1); release(y, 0); release(Xt, 0); release(G, 1); release(q, 0); release(w, 1); release(h, 0);
    release(r, 1); release(norms, 0); release(g, 1); release(scratch, 0); release(rng, 1); release(out, 0);
    release(ws, 0); release(values, 0); release(diag, 0); release(packed, 0); release(state, 0);
  });
});
