import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Backend } from "../../src/backend.js";
import { agree, bothBackends, on, sumAbsProducts, vector } from "../helpers.js";

const [js, wasm] = bothBackends();

describe("dot: the JS and WASM backends agree (relative 1e-12)", () => {
  it("dot", () => {
    fc.assert(
      fc.property(vector(), vector(), (x0, y0) => {
        const n = Math.min(x0.length, y0.length);
        const [x, y] = [x0.subarray(0, n), y0.subarray(0, n)];
        const run = (b: Backend) => on(b, [x, y], ([bx, by]) => b.dot(bx, by));
        expect(agree(run(js), run(wasm), sumAbsProducts(x, y))).toBe(true);
      }),
    );
  });
});
