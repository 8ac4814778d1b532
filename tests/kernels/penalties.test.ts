import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Backend } from "../../src/backend.js";
import { agree, bothBackends, lambda, on, ratio, sumAbs, vector } from "../helpers.js";

const [js, wasm] = bothBackends();

describe("penalties: the JS and WASM backends agree", () => {
  it("elastic-net penalty (relative 1e-12) and gradient, soft-threshold (exactly)", () => {
    fc.assert(
      fc.property(vector(), lambda, ratio, (w, lam, rho) => {
        const run = (b: Backend) =>
          on(b, [w, new Float64Array(w.length), new Float64Array(w.length)], ([bw, grad, prox]) => {
            const penalty = b.elasticNetPenalty(bw, lam, rho);
            b.elasticNetGradient(bw, lam, rho, grad);
            b.softThreshold(bw, lam, prox);
            return { penalty, grad: grad.values.slice(), prox: prox.values.slice() };
          });
        const a = run(js);
        const c = run(wasm);
        const scale = lam * (sumAbs(w) + 0.5 * w.reduce((s, v) => s + v * v, 0));
        expect(agree(a.penalty, c.penalty, scale)).toBe(true);
        expect(c.grad).toEqual(a.grad);
        expect(c.prox).toEqual(a.prox);
      }),
    );
  });

  it("softL1Gradient, exactly", () => {
    fc.assert(
      fc.property(vector(), lambda, fc.double({ min: 1e-8, max: 1, noNaN: true }), (w, lam, eps) => {
        const run = (b: Backend) =>
          on(b, [w, new Float64Array(w.length)], ([bw, out]) => {
            b.softL1Gradient(bw, lam, eps, out);
            return out.values.slice();
          });
        expect(run(wasm)).toEqual(run(js));
      }),
    );
  });
});
