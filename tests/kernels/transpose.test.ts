import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Backend } from "../../src/backend.js";
import { bothBackends, on, problem } from "../helpers.js";

const [js, wasm] = bothBackends();

describe("transpose: the JS and WASM backends agree", () => {
  it("X^T, and (X - 1 mean^T)^T, exactly (one subtraction per entry)", () => {
    fc.assert(
      fc.property(problem, ({ rows, cols, X, w }) => {
        for (const mean of [null, w]) {
          const run = (b: Backend) =>
            on(b, [X, new Float64Array(rows * cols), mean ?? new Float64Array(0)], ([bX, out, bMean]) => {
              b.transpose(bX, rows, cols, mean ? bMean : null, out);
              return out.values.slice();
            });
          const a = run(js);
          expect(run(wasm)).toEqual(a);
          const last = (cols - 1) * rows;
          expect(a[last]).toBe(mean ? X[cols - 1] - mean[cols - 1] : X[cols - 1]);
        }
      }),
    );
  });
});
