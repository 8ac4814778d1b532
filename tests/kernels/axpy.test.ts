import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Backend } from "../../src/backend.js";
import { simdBuild } from "../../src/index.js";
import { bothBackends, on, value, vector } from "../helpers.js";

const [js, wasm] = bothBackends();

describe("axpy: the JS and WASM backends agree", () => {
  it("y += alpha x element by element: exactly on the plain build; on the relaxed one, within the one rounding a fused multiply-add saves", () => {
    fc.assert(
      fc.property(vector(), value, (x, alpha) => {
        const y = x.map((v) => v / 3 + 1);
        const run = (b: Backend) =>
          on(b, [x, y], ([bx, by]) => {
            b.axpy(alpha, bx, by);
            return by.values.slice();
          });
        const [got, want] = [run(wasm), run(js)];
        if (simdBuild() === "plain") expect(got).toEqual(want);
        // fl(a x + y) against fl(fl(a x) + y): apart by at most the rounding of a x (2^-53 |a x|) and one
        // rounding of the result (2^-52 of it).
        else got.forEach((v, i) => expect(Math.abs(v - want[i])).toBeLessThanOrEqual(2 ** -53 * Math.abs(alpha * x[i]) + 2 ** -52 * Math.abs(want[i])));
      }),
    );
  });
});
