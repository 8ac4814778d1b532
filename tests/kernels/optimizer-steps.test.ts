import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { AdamParams, Backend } from "../../src/backend.js";
import { array, bothBackends, on } from "../helpers.js";

const [js, wasm] = bothBackends();

const unit = fc.double({ min: -1, max: 1, noNaN: true });
const steps = fc.integer({ min: 0, max: 40 }).chain((n) =>
  fc.record({
    w: array(n, unit),
    grad: array(n, unit),
    m: array(n, unit),
    v: array(n, fc.double({ min: 0, max: 1, noNaN: true })),
    params: fc.record({
      lr: fc.double({ min: 1e-4, max: 0.5, noNaN: true }),
      beta1: fc.double({ min: 0, max: 0.99, noNaN: true }),
      beta2: fc.double({ min: 0.5, max: 0.9999, noNaN: true }),
      eps: fc.double({ min: 1e-10, max: 1e-3, noNaN: true }),
      l2: fc.double({ min: 0, max: 1, noNaN: true }),
      weightDecay: fc.double({ min: 0, max: 1, noNaN: true }),
    }),
    t: fc.integer({ min: 1, max: 1000 }),
  }),
);

describe("optimizer steps: the JS and WASM backends agree", () => {
  it("adamStep: the moments exactly, the weights to 1e-12 of the step's terms (beta^t may differ in the last bit)", () => {
    fc.assert(
      fc.property(steps, ({ w, grad, m, v, params, t }) => {
        const run = (b: Backend) =>
          on(b, [w, grad, m, v], ([bw, bg, bm, bv]) => {
            b.adamStep(bw, bg, bm, bv, params as AdamParams, t);
            return { w: bw.values.slice(), m: bm.values.slice(), v: bv.values.slice() };
          });
        const [a, c] = [run(js), run(wasm)];
        expect(c.m).toEqual(a.m);
        expect(c.v).toEqual(a.v);
        const { lr, beta1, beta2, eps, weightDecay } = params;
        for (let j = 0; j < w.length; j++) {
          const step = a.m[j] / (1 - beta1 ** t) / (Math.sqrt(a.v[j] / (1 - beta2 ** t)) + eps);
          const scale = Math.abs(w[j]) + lr * (Math.abs(step) + weightDecay * Math.abs(w[j]));
          expect(Math.abs(a.w[j] - c.w[j])).toBeLessThanOrEqual(1e-12 * scale);
        }
      }),
    );
  });

  it("sgdStep: w - lr grad - lr weightDecay w, exactly", () => {
    fc.assert(
      fc.property(steps, ({ w, grad, params: { lr, weightDecay } }) => {
        const run = (b: Backend) =>
          on(b, [w, grad], ([bw, bg]) => {
            b.sgdStep(bw, bg, lr, weightDecay);
            return bw.values.slice();
          });
        const a = run(js);
        expect(run(wasm)).toEqual(a);
        a.forEach((wj, j) => expect(wj).toBe(w[j] - lr * grad[j] - lr * weightDecay * w[j]));
      }),
    );
  });
});
