import { beforeAll, describe, expect, it } from "vitest";
import { Adam, AdamW, init, SGD, sgdWithWeightDecay, type BackendName } from "../../src/index.js";

beforeAll(() => init());

describe.each<BackendName>(["wasm", "js"])("optimizers on the %s backend", (backend) => {
  it("equivalence to l2 sgd: one step of weight decay equals L2-regularized SGD to 1e-15", () => {
    const w = Float64Array.of(5, 0.001, -3, 0);
    const grad = [0.4, -1.2, 0.05, 2];
    const [lr, lambda] = [0.1, 0.3];
    const l2 = Array.from(w, (v, j) => v - lr * (grad[j] + lambda * v));
    sgdWithWeightDecay(w, grad, lr, lambda, { backend });
    w.forEach((v, j) => expect(Math.abs(v - l2[j])).toBeLessThanOrEqual(1e-15));
  });

  it("multi step trajectory: the equivalence holds over 100 steps", () => {
    // Gradient of (1/2)||w - target||^2 at the current w.
    const target = [1, -2, 0.5];
    const decayed = Float64Array.of(0, 0, 0);
    const penalized = [0, 0, 0];
    const sgd = new SGD({ lr: 0.05, weightDecay: 0.2, backend });
    for (let step = 0; step < 100; step++) {
      sgd.step(decayed, Array.from(decayed, (v, j) => v - target[j]));
      const g = penalized.map((v, j) => v - target[j] + 0.2 * v);
      penalized.forEach((v, j) => (penalized[j] = v - 0.05 * g[j]));
    }
    decayed.forEach((v, j) => expect(Math.abs(v - penalized[j])).toBeLessThanOrEqual(1e-15));
    // Both head for target / (1 + lambda), geometrically: the error after 100 steps is 0.94^100 of the start.
    decayed.forEach((v, j) => expect(Math.abs(v - target[j] / 1.2)).toBeLessThanOrEqual(1.01 * 0.94 ** 100 * Math.abs(target[j] / 1.2)));
  });

  it("Adam: two steps by hand, with bias correction at t = 1", () => {
    const w = Float64Array.of(1);
    const adam = new Adam({ lr: 0.1, backend });
    adam.step(w, [0.5]);
    // t = 1: m = 0.05, v = 0.00025; m_hat = 0.5, v_hat = 0.25 (the bias correction makes them the gradient and its square).
    expect(adam.moments.m[0]).toBeCloseTo(0.05, 15);
    expect(adam.moments.v[0]).toBeCloseTo(0.00025, 15);
    expect(w[0]).toBeCloseTo(1 - 0.1 * (0.5 / (0.5 + 1e-8)), 15);
    adam.step(w, [-0.2]);
    // t = 2: m = 0.045 - 0.02 = 0.025, v = 0.00024975 + 0.00004 = 0.00028975; corrections 0.19 and 0.001999.
    const update = 0.025 / 0.19 / (Math.sqrt(0.00028975 / 0.001999) + 1e-8);
    expect(w[0]).toBeCloseTo(1 - 0.1 * (0.5 / (0.5 + 1e-8)) - 0.1 * update, 14);
    expect(adam.t).toBe(2);
    adam.reset();
    expect(adam.t).toBe(0);
  });

  it("Adam with l2 and AdamW follow different trajectories; AdamW shrinks by (1 - lr weightDecay) apart from the gradient step", () => {
    const gradients = Array.from({ length: 30 }, (_, t) => [Math.sin(t), 3 * Math.cos(2 * t), 0.01 * t]);
    const [withL2, decoupled, plain] = [Float64Array.of(2, -1, 4), Float64Array.of(2, -1, 4), Float64Array.of(2, -1, 4)];
    const adam = new Adam({ lr: 0.05, l2: 0.1, backend });
    const adamw = new AdamW({ lr: 0.05, weightDecay: 0.1, backend });
    const reference = new AdamW({ lr: 0.05, weightDecay: 0, backend });
    for (const g of gradients) {
      const before = decoupled.slice();
      const plainBefore = plain.slice();
      adam.step(withL2, g);
      adamw.step(decoupled, g);
      reference.step(plain, g);
      // The moments see only the gradients, so the adaptive step is the same with and without decay.
      decoupled.forEach((v, j) => {
        const gradientStep = plain[j] - plainBefore[j];
        expect(Math.abs(v - ((1 - 0.05 * 0.1) * before[j] + gradientStep))).toBeLessThanOrEqual(1e-14);
      });
    }
    const gap = Math.max(...Array.from(withL2, (v, j) => Math.abs(v - decoupled[j])));
    expect(gap).toBeGreaterThan(1e-3);
  });

  it("Adam mixes l2 into the gradient: one step by hand", () => {
    // g = 0.5 + 0.2 * 1 = 0.7; m_hat = 0.7, v_hat = 0.49 at t = 1.
    const w = Float64Array.of(1);
    new Adam({ lr: 0.1, l2: 0.2, backend }).step(w, [0.5]);
    expect(w[0]).toBeCloseTo(1 - 0.1 * (0.7 / (0.7 + 1e-8)), 15);
    expect(() => new Adam({ eps: 0 })).toThrow(/eps must be a finite number > 0/);
  });

  it("rejects bad options and shapes", () => {
    expect(() => new Adam({ beta1: 1 })).toThrow(/beta1 must be in \[0, 1\), got 1/);
    expect(() => new AdamW({ lr: 0 })).toThrow(/lr must be a finite number > 0/);
    expect(() => new Adam({ weightDecay: 0.1 } as object)).toThrow(/Unknown option "weightDecay" for Adam/);
    expect(() => new SGD({ weightDecay: -1 })).toThrow(/weightDecay must be a finite number >= 0/);
    expect(() => sgdWithWeightDecay([1, 2] as unknown as Float64Array, [1, 2], 0.1, 0)).toThrow(/w must be a Float64Array/);
    expect(() => new AdamW({ backend }).step(Float64Array.of(1, 2), [1])).toThrow(/gradient has length 1 but w has length 2/);
  });
});
