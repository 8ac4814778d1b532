import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Backend } from "../../src/backend.js";
import { agree, bothBackends, on, problem, sumAbsProducts } from "../helpers.js";

const [js, wasm] = bothBackends();

describe("gemv: the JS and WASM backends agree (relative 1e-12)", () => {
  it("X w, row by row", () => {
    fc.assert(
      fc.property(problem, ({ rows, cols, X, w }) => {
        const run = (b: Backend) =>
          on(b, [X, w, new Float64Array(rows)], ([bX, bw, out]) => {
            b.gemv(bX, rows, cols, bw, out);
            return out.values.slice();
          });
        const [jsOut, wasmOut] = [run(js), run(wasm)];
        for (let i = 0; i < rows; i++) {
          expect(agree(jsOut[i], wasmOut[i], sumAbsProducts(X.subarray(i * cols, (i + 1) * cols), w))).toBe(true);
        }
      }),
    );
  });
});
