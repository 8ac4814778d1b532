import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Backend } from "../../src/backend.js";
import { agree, bothBackends, on, problem, sumAbsProducts } from "../helpers.js";

const [js, wasm] = bothBackends();

describe("gemvT: the JS and WASM backends agree (relative 1e-12)", () => {
  it("X^T r, column by column", () => {
    fc.assert(
      fc.property(problem, ({ rows, cols, X, y }) => {
        const run = (b: Backend) =>
          on(b, [X, y, new Float64Array(cols)], ([bX, by, outT]) => {
            b.gemvT(bX, rows, cols, by, outT);
            return outT.values.slice();
          });
        const [jsOutT, wasmOutT] = [run(js), run(wasm)];
        for (let j = 0; j < cols; j++) {
          const column = Float64Array.from({ length: rows }, (_, i) => X[i * cols + j]);
          expect(agree(jsOutT[j], wasmOutT[j], sumAbsProducts(column, y))).toBe(true);
        }
      }),
    );
  });
});
