import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Backend } from "../../src/backend.js";
import { agree, bothBackends, on, sumAbs, vector } from "../helpers.js";

const [js, wasm] = bothBackends();

describe("sums: the JS and WASM backends agree (relative 1e-12)", () => {
  it("sumSquares and sumAbs", () => {
    fc.assert(
      fc.property(vector(), (x) => {
        const run = (b: Backend) => on(b, [x], ([bx]) => [b.sumSquares(bx), b.sumAbs(bx)]);
        const [jsSq, jsAbs] = run(js);
        const [wasmSq, wasmAbs] = run(wasm);
        expect(agree(jsSq, wasmSq, jsSq)).toBe(true);
        expect(agree(jsAbs, wasmAbs, jsAbs)).toBe(true);
      }),
    );
  });

  it("sum", () => {
    fc.assert(
      fc.property(vector(), (x) => {
        const run = (b: Backend) => on(b, [x], ([bx]) => b.sum(bx));
        expect(agree(run(js), run(wasm), sumAbs(x))).toBe(true);
      }),
    );
  });
});
