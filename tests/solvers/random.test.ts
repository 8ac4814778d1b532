// The random stream is a helper inside the solvers, in neither the Backend nor the core's exports: its JS twins
// (mulberry32 in src/random.ts, randomIndex) are held to the as-pect spec's values (assembly/__tests__/random.spec.ts).
import { describe, expect, it } from "vitest";
import { randomIndex } from "../../src/backends/js/solvers/random.js";
import { mulberry32 } from "../../src/backends/random.js";

describe("mulberry32 and randomIndex (JS twins) give the as-pect spec's values", () => {
  it("mulberry32's stream from seeds 0 and 42", () => {
    expect(mulberry32(0)()).toBe(1144304738);
    expect(mulberry32(0)() / 2 ** 32).toBe(0.26642920868471265);
    const next = mulberry32(42);
    expect([next(), next(), next(), next()]).toEqual([2581720956, 1925393290, 3661312704, 2876485805]);
  });

  it("randomIndex maps [0, 2^32) onto [0, n) by floor(value n / 2^32)", () => {
    for (const n of [1, 2, 3, 7, 8, 9, 1001]) {
      expect(randomIndex(0, n)).toBe(0);
      expect(randomIndex(0xffffffff, n)).toBe(n - 1);
      expect(randomIndex(0x80000000, n)).toBe(Math.floor(n / 2));
    }
  });
});
