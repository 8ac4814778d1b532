import { adamStep, sgdStep } from "../optim";
import { block, get, release, set } from "./helpers";

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
