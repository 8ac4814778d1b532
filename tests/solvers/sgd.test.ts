import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Backend, SgdParams } from "../../src/backend.js";
import { array, bothBackends, closeAll, design, on, packInt32 } from "../helpers.js";

const [js, wasm] = bothBackends();

const epochs = design(1, 30, 10).chain(({ X, y }) =>
  fc.record({
    X: fc.constant(X),
    y: fc.constant(y),
    order: fc.array(fc.integer({ min: 0, max: y.length - 1 }), { minLength: 1, maxLength: 2 * y.length }),
    batchSize: fc.integer({ min: 1, max: y.length }),
    theta: array(X[0].length + 1, fc.double({ min: -1, max: 1, noNaN: true })),
    t: fc.integer({ min: 0, max: 50 }),
    params: fc.record({
      optimizer: fc.constantFrom<SgdParams["optimizer"]>("sgd", "adam", "adamw"),
      lr: fc.double({ min: 1e-4, max: 0.05, noNaN: true }),
      beta1: fc.constantFrom(0.9, 0.5),
      beta2: fc.constantFrom(0.999, 0.99),
      eps: fc.constantFrom(1e-8, 1e-6),
      lambda: fc.double({ min: 0, max: 1, noNaN: true }),
      rho: fc.constantFrom(0, 0.5, 1),
      fitIntercept: fc.boolean(),
    }),
  }),
);

interface Epoch {
  X: number[][];
  y: number[];
  order: number[];
  batchSize: number;
  theta: Float64Array;
  t: number;
  params: SgdParams;
}

function epoch(b: Backend, { X, y, order, batchSize, theta, t, params }: Epoch) {
  const cols = X[0].length;
  return on(
    b,
    [Float64Array.from(X.flat()), Float64Array.from(y), packInt32(order), theta, new Float64Array(cols + 1), new Float64Array(cols + 1), Float64Array.of(t)],
    ([bX, by, bOrder, bTheta, m, v, state]) => {
      const loss = b.sgdEpoch(bX, cols, by, bOrder, order.length, batchSize, bTheta, params, m, v, state);
      return { loss, theta: bTheta.values.slice(), m: m.values.slice(), v: v.values.slice(), t: state.values[0] };
    },
  );
}

describe("sgdEpoch: the JS and WASM backends agree", () => {
  it("on the parameters, moments, step count and loss of one epoch (relative 1e-9)", () => {
    fc.assert(
      fc.property(epochs, (run) => {
        const [a, c] = [epoch(js, run), epoch(wasm, run)];
        expect(c.t).toBe(a.t);
        expect(a.t).toBe(run.t + Math.ceil(run.order.length / run.batchSize));
        expect(closeAll([a.loss], [c.loss], 1e-9)).toBe(true);
        expect(closeAll(a.theta, c.theta, 1e-9, 1)).toBe(true);
        expect(closeAll(a.m, c.m, 1e-9)).toBe(true);
        expect(closeAll(a.v, c.v, 1e-9)).toBe(true);
        if (!run.params.fitIntercept) expect(c.theta[run.X[0].length]).toBe(run.theta[run.X[0].length]);
      }),
    );
  });

  it("take theta - lr [X^T r / n, mean r] for one full batch of plain SGD without a penalty (gradient computed here)", () => {
    fc.assert(
      fc.property(epochs, ({ X, y, theta }) => {
        const n = y.length;
        const cols = X[0].length;
        const params: SgdParams = { optimizer: "sgd", lr: 0.01, beta1: 0.9, beta2: 0.999, eps: 1e-8, lambda: 0, rho: 0, fitIntercept: true };
        const order = Array.from({ length: n }, (_, i) => i);
        const r = X.map((row, i) => row.reduce((s, v, j) => s + v * theta[j], theta[cols]) - y[i]);
        const expected = Float64Array.from(theta, (value, j) =>
          value - 0.01 * (j < cols ? X.reduce((s, row, i) => s + row[j] * r[i], 0) : r.reduce((s, v) => s + v, 0)) / n);
        for (const b of [js, wasm]) {
          const result = epoch(b, { X, y, order, batchSize: n, theta, t: 0, params });
          expect(closeAll(result.theta, expected, 1e-12, 1 + Math.max(...y.map(Math.abs)))).toBe(true);
          // The residuals are sums that may cancel: the loss is compared to 1e-12 of the squares of their terms.
          const terms = X.map((row, i) => row.reduce((s, v, j) => s + Math.abs(v * theta[j]), Math.abs(theta[cols]) + Math.abs(y[i])));
          const lossScale = terms.reduce((s, v) => s + v * v, 0) / (2 * n);
          expect(closeAll([result.loss], [r.reduce((s, v) => s + v * v, 0) / (2 * n)], 1e-12, lossScale)).toBe(true);
        }
      }),
    );
  });
});
