import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Backend } from "../../src/backend.js";
import { bothBackends, on, problem } from "../helpers.js";

const [js, wasm] = bothBackends();

describe("centerRows: the JS and WASM backends agree", () => {
  it("X - 1 mean^T, exactly, into a new block and in place", () => {
    fc.assert(
      fc.property(problem, ({ rows, cols, X, w: mean }) => {
        const run = (b: Backend) =>
          on(b, [X, mean, new Float64Array(rows * cols)], ([bX, bMean, out]) => {
            b.centerRows(bX, rows, cols, bMean, out);
            const copied = out.values.slice();
            b.centerRows(bX, rows, cols, bMean, bX);
            return [copied, bX.values.slice()];
          });
        const [a, c] = [run(js), run(wasm)];
        expect(c).toEqual(a);
        expect(a[1]).toEqual(a[0]);
      }),
    );
  });
});
