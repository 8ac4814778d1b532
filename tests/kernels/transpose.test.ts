import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Backend } from "../../src/backend.js";
import { bothBackends, on, problem } from "../helpers.js";

const [js, wasm] = bothBackends();

describe("transpose: the JS and WASM backends agree", () => {
  it("X^T, exactly", () => {
    fc.assert(
      fc.property(problem, ({ rows, cols, X }) => {
        const run = (b: Backend) =>
          on(b, [X, new Float64Array(rows * cols)], ([bX, out]) => {
            b.transpose(bX, rows, cols, out);
            return out.values.slice();
          });
        const a = run(js);
        expect(run(wasm)).toEqual(a);
        expect(a[(cols - 1) * rows]).toBe(X[cols - 1]);
      }),
    );
  });
});
