import { adamStep, sgdStep } from "../kernels/optimizer-steps";
import { block, eachCase, fill, get, otherOffset, release, set } from "./helpers";

describe("sgdStep", () => {
  it("equals L2-regularized SGD, w - lr (g + lambda w), to 1e-15", () => {
    const w = block(3, 1);
    const g = block(3, 0);
    const values: f64[] = [5.0, 0.001, -3.0];
    const grads: f64[] = [0.4, -1.2, 0.05];
    for (let j = 0; j < 3; j++) {
      set(w, j, values[j]);
      set(g, j, grads[j]);
    }
    sgdStep(w, g, 3, 0.1, 0.3);
    for (let j = 0; j < 3; j++) expect(Math.abs(get(w, j) - (values[j] - 0.1 * (grads[j] + 0.3 * values[j])))).toBeLessThanOrEqual(1e-15);
    release(w, 1);
    release(g, 0);
  });
});

describe("adamStep", () => {
  it("takes the bias-corrected first step lr g / (|g| + eps) and decays decoupled weight by lr weightDecay", () => {
    const w = block(2, 1);
    const g = block(2, 0);
    const m = block(2, 1);
    const v = block(2, 0);
    set(w, 0, 1.0);
    set(w, 1, -2.0);
    set(g, 0, 0.5);
    set(g, 1, -4.0);
    set(m, 0, 0.0);
    set(m, 1, 0.0);
    set(v, 0, 0.0);
    set(v, 1, 0.0);
    adamStep(w, g, m, v, 2, 0.1, 0.9, 0.999, 1e-8, 0.0, 0.5, 1.0);
    expect(get(m, 0)).toBeCloseTo(0.05, 15);
    expect(get(v, 1)).toBeCloseTo(0.016, 15);
    expect(get(w, 0)).toBeCloseTo(1.0 - 0.1 * (0.5 / (0.5 + 1e-8) + 0.5 * 1.0), 15);
    expect(get(w, 1)).toBeCloseTo(-2.0 - 0.1 * (-4.0 / (4.0 + 1e-8) + 0.5 * -2.0), 15);
    release(w, 1);
    release(g, 0);
    release(m, 1);
    release(v, 0);
  });
});

describe("sgdStep and adamStep on every length", () => {
  it("update each weight by the scalar formulas, for odd offsets", () => {
    eachCase((n: i32, off: i32): void => {
      const w = block(n, off);
      const g = block(n, otherOffset(off));
      const m = block(n, off);
      const v = block(n, otherOffset(off));
      const before = block(n, 0);
      fill(w, n, 1);
      fill(before, n, 1);
      fill(g, n, 2);
      sgdStep(w, g, n, 0.1, 0.3);
      for (let j = 0; j < n; j++) {
        const wj = get(before, j);
        expect(get(w, j)).toBe(wj - 0.1 * get(g, j) - 0.1 * 0.3 * wj, `sgdStep n=${n} j=${j}`);
      }
      fill(w, n, 1);
      fill(m, n, 3);
      fill(v, n, 4);
      for (let j = 0; j < n; j++) set(v, j, Math.abs(get(v, j)));
      const m0 = block(n, 0);
      const v0 = block(n, 0);
      for (let j = 0; j < n; j++) {
        set(m0, j, get(m, j));
        set(v0, j, get(v, j));
      }
      adamStep(w, g, m, v, n, 0.01, 0.9, 0.999, 1e-8, 0.2, 0.05, 3.0);
      const c1 = 1.0 - Math.pow(0.9, 3.0);
      const c2 = 1.0 - Math.pow(0.999, 3.0);
      for (let j = 0; j < n; j++) {
        const wj = get(before, j);
        const gj = get(g, j) + 0.2 * wj;
        const mj = 0.9 * get(m0, j) + (1.0 - 0.9) * gj;
        const vj = 0.999 * get(v0, j) + (1.0 - 0.999) * gj * gj;
        expect(get(m, j)).toBe(mj);
        expect(get(v, j)).toBe(vj);
        expect(get(w, j)).toBe(wj - 0.01 * (mj / c1 / (Math.sqrt(vj / c2) + 1e-8) + 0.05 * wj), `adamStep n=${n} j=${j}`);
      }
      release(w, off);
      release(g, otherOffset(off));
      release(m, off);
      release(v, otherOffset(off));
      release(before, 0);
      release(m0, 0);
      release(v0, 0);
    });
  });
});
