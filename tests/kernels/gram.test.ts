import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Backend } from "../../src/backend.js";
import { agree, array, bothBackends, on, problem } from "../helpers.js";

const [js, wasm] = bothBackends();

/** A problem with a second matrix Y (rows x k) and the means to subtract from X and Y. */
const centering = problem.chain((p) =>
  fc.integer({ min: 1, max: 3 }).chain((k) =>
    fc.record({
      p: fc.constant(p),
      k: fc.constant(k),
      Y: array(p.rows * k),
      xMean: array(p.cols),
      yMean: array(k),
    }),
  ),
);

describe("gram: the JS and WASM backends agree (relative 1e-12)", () => {
  it("centeredGram: Xc^T Xc and Xc^T Yc", () => {
    fc.assert(
      fc.property(centering, ({ p: { rows, cols, X }, k, Y, xMean, yMean }) => {
        const run = (b: Backend) =>
          on(b, [X, xMean, Y, yMean, new Float64Array(cols * cols), new Float64Array(cols * k)], ([bX, bxm, bY, bym, G, XtY]) => {
            b.centeredGram(bX, rows, cols, bxm, bY, k, bym, G, XtY);
            return { G: G.values.slice(), XtY: XtY.values.slice() };
          });
        const [a, c] = [run(js), run(wasm)];
        const xc = (i: number, j: number) => X[i * cols + j] - xMean[j];
        for (let j = 0; j < cols; j++) {
          for (let l = 0; l < cols; l++) {
            let scale = 0;
            for (let i = 0; i < rows; i++) scale += Math.abs(xc(i, j) * xc(i, l));
            expect(agree(a.G[j * cols + l], c.G[j * cols + l], scale)).toBe(true);
          }
          for (let o = 0; o < k; o++) {
            let scale = 0;
            for (let i = 0; i < rows; i++) scale += Math.abs(xc(i, j) * (Y[i * k + o] - yMean[o]));
            expect(agree(a.XtY[j * k + o], c.XtY[j * k + o], scale)).toBe(true);
          }
        }
      }),
      { numRuns: 50 },
    );
  });

  it("rowGram: X X^T", () => {
    fc.assert(
      fc.property(problem, ({ rows, cols, X }) => {
        const run = (b: Backend) =>
          on(b, [X, new Float64Array(rows * rows)], ([bX, K]) => {
            b.rowGram(bX, rows, cols, K);
            return K.values.slice();
          });
        const [a, c] = [run(js), run(wasm)];
        for (let i = 0; i < rows; i++) {
          for (let l = 0; l < rows; l++) {
            let scale = 0;
            for (let j = 0; j < cols; j++) scale += Math.abs(X[i * cols + j] * X[l * cols + j]);
            expect(agree(a[i * rows + l], c[i * rows + l], scale)).toBe(true);
          }
        }
      }),
      { numRuns: 50 },
    );
  });
});
