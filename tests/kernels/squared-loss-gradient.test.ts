import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Backend } from "../../src/backend.js";
import { agree, bothBackends, on, problem, sumAbsProducts } from "../helpers.js";

const [js, wasm] = bothBackends();

describe("squaredLossGradient: the JS and WASM backends agree (relative 1e-12)", () => {
  it("the fused loss and gradient pass", () => {
    fc.assert(
      fc.property(problem, ({ rows, cols, X, w, y, b }) => {
        const run = (backend: Backend) =>
          on(backend, [X, w, y, new Float64Array(rows), new Float64Array(cols)], ([bX, bw, by, r, grad]) => {
            const loss = backend.squaredLossGradient(bX, rows, cols, bw, b, by, r, grad);
            return { loss, r: r.values.slice(), grad: grad.values.slice() };
          });
        const a = run(js);
        const c = run(wasm);
        // Scales: each residual is a sum of |x_ij w_j| + |b| + |y_i|; the gradient sums |x_ij| |r_i| / n.
        const rowScale = Array.from({ length: rows }, (_, i) =>
          sumAbsProducts(X.subarray(i * cols, (i + 1) * cols), w) + Math.abs(b) + Math.abs(y[i]));
        for (let i = 0; i < rows; i++) expect(agree(a.r[i], c.r[i], rowScale[i])).toBe(true);
        const lossScale = rowScale.reduce((s, v) => s + v * v, 0) / rows;
        expect(agree(a.loss, c.loss, lossScale)).toBe(true);
        for (let j = 0; j < cols; j++) {
          let scale = 0;
          for (let i = 0; i < rows; i++) scale += Math.abs(X[i * cols + j]) * rowScale[i];
          expect(agree(a.grad[j], c.grad[j], scale / rows)).toBe(true);
        }
      }),
    );
  });
});
