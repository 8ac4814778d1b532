import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Backend } from "../../src/backend.js";
import { bothBackends, on, value, vector } from "../helpers.js";

const [js, wasm] = bothBackends();

describe("axpy: the JS and WASM backends agree", () => {
  it("y += alpha x element by element, exactly", () => {
    fc.assert(
      fc.property(vector(), value, (x, alpha) => {
        const y = x.map((v) => v / 3 + 1);
        const run = (b: Backend) =>
          on(b, [x, y], ([bx, by]) => {
            b.axpy(alpha, bx, by);
            return by.values.slice();
          });
        expect(run(wasm)).toEqual(run(js));
      }),
    );
  });
});
