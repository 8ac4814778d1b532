import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Backend } from "../../src/backend.js";
import { agree, bothBackends, on, problem } from "../helpers.js";

const [js, wasm] = bothBackends();

describe("columnMeans: the JS and WASM backends agree (relative 1e-12)", () => {
  it("the mean of each column", () => {
    fc.assert(
      fc.property(problem, ({ rows, cols, X }) => {
        const run = (b: Backend) =>
          on(b, [X, new Float64Array(cols)], ([bX, out]) => {
            b.columnMeans(bX, rows, cols, out);
            return out.values.slice();
          });
        const [a, c] = [run(js), run(wasm)];
        for (let j = 0; j < cols; j++) {
          let scale = 0;
          for (let i = 0; i < rows; i++) scale += Math.abs(X[i * cols + j]);
          expect(agree(a[j], c[j], scale / rows)).toBe(true);
        }
      }),
    );
  });
});
