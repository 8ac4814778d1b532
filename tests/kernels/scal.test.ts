import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Backend } from "../../src/backend.js";
import { bothBackends, on, value, vector } from "../helpers.js";

const [js, wasm] = bothBackends();

describe("scal: the JS and WASM backends agree", () => {
  it("x *= alpha element by element, exactly", () => {
    fc.assert(
      fc.property(vector(), value, (x, alpha) => {
        const run = (b: Backend) =>
          on(b, [x], ([bx]) => {
            b.scal(alpha, bx);
            b.scal(0.5, bx);
            return bx.values.slice();
          });
        expect(run(wasm)).toEqual(run(js));
      }),
    );
  });
});
