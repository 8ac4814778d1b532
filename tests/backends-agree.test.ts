// Properties: every kernel gives the same result on the JS and WASM backends, for random shapes and values.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Backend, F64Block } from "../src/backend.js";
import { agree, bothBackends } from "./helpers.js";

const [js, wasm] = bothBackends();

const value = fc.double({ min: -1e3, max: 1e3, noNaN: true, noDefaultInfinity: true });
const vector = (maxLength = 300) => fc.array(value, { minLength: 0, maxLength }).map((a) => Float64Array.from(a));
const lambda = fc.double({ min: 0, max: 10, noNaN: true });
const ratio = fc.double({ min: 0, max: 1, noNaN: true });

/** A random rows x cols matrix (row-major) with vectors sized to match. */
const problem = fc
  .record({ rows: fc.integer({ min: 1, max: 40 }), cols: fc.integer({ min: 1, max: 40 }) })
  .chain(({ rows, cols }) =>
    fc.record({
      rows: fc.constant(rows),
      cols: fc.constant(cols),
      X: fc.array(value, { minLength: rows * cols, maxLength: rows * cols }).map((a) => Float64Array.from(a)),
      w: fc.array(value, { minLength: cols, maxLength: cols }).map((a) => Float64Array.from(a)),
      y: fc.array(value, { minLength: rows, maxLength: rows }).map((a) => Float64Array.from(a)),
      b: value,
    }),
  );

/** Runs `compute` on fresh copies of `arrays` in the backend and returns what it reports. */
function on<T>(backend: Backend, arrays: Float64Array[], compute: (blocks: F64Block[]) => T): T {
  const blocks = arrays.map((array) => backend.fromArray(array));
  try {
    return compute(blocks);
  } finally {
    blocks.forEach((block) => backend.free(block));
  }
}

const sumAbsProducts = (x: Float64Array, y: Float64Array) => x.reduce((s, v, i) => s + Math.abs(v * y[i]), 0);
const sumAbs = (x: Float64Array) => x.reduce((s, v) => s + Math.abs(v), 0);

describe("the JS and WASM backends agree (relative 1e-12)", () => {
  it("dot", () => {
    fc.assert(
      fc.property(vector(), vector(), (x0, y0) => {
        const n = Math.min(x0.length, y0.length);
        const [x, y] = [x0.subarray(0, n), y0.subarray(0, n)];
        const run = (b: Backend) => on(b, [x, y], ([bx, by]) => b.dot(bx, by));
        expect(agree(run(js), run(wasm), sumAbsProducts(x, y))).toBe(true);
      }),
    );
  });

  it("axpy and scal", () => {
    fc.assert(
      fc.property(vector(), value, (x, alpha) => {
        const y = x.map((v) => v / 3 + 1);
        const run = (b: Backend) =>
          on(b, [x, y], ([bx, by]) => {
            b.axpy(alpha, bx, by);
            b.scal(0.5, by);
            return by.values.slice();
          });
        expect(run(wasm)).toEqual(run(js));
      }),
    );
  });

  it("sumSquares and sumAbs", () => {
    fc.assert(
      fc.property(vector(), (x) => {
        const run = (b: Backend) => on(b, [x], ([bx]) => [b.sumSquares(bx), b.sumAbs(bx)]);
        const [jsSq, jsAbs] = run(js);
        const [wasmSq, wasmAbs] = run(wasm);
        expect(agree(jsSq, wasmSq, jsSq)).toBe(true);
        expect(agree(jsAbs, wasmAbs, jsAbs)).toBe(true);
      }),
    );
  });

  it("gemv and gemvT", () => {
    fc.assert(
      fc.property(problem, ({ rows, cols, X, w, y }) => {
        const run = (b: Backend) =>
          on(b, [X, w, y, new Float64Array(rows), new Float64Array(cols)], ([bX, bw, by, out, outT]) => {
            b.gemv(bX, rows, cols, bw, out);
            b.gemvT(bX, rows, cols, by, outT);
            return [out.values.slice(), outT.values.slice()];
          });
        const [jsOut, jsOutT] = run(js);
        const [wasmOut, wasmOutT] = run(wasm);
        for (let i = 0; i < rows; i++) {
          expect(agree(jsOut[i], wasmOut[i], sumAbsProducts(X.subarray(i * cols, (i + 1) * cols), w))).toBe(true);
        }
        for (let j = 0; j < cols; j++) {
          const column = Float64Array.from({ length: rows }, (_, i) => X[i * cols + j]);
          expect(agree(jsOutT[j], wasmOutT[j], sumAbsProducts(column, y))).toBe(true);
        }
      }),
    );
  });

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

  it("elastic-net penalty and gradient, soft-threshold", () => {
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
});
