import { expect } from "vitest";
import type { GramStatistics } from "../../src/index.js";

/** Every field of b within `relative` of its largest magnitude (per field), and the same n. */
export function expectClose(a: GramStatistics, b: GramStatistics, relative: number): void {
  expect(a.n).toBe(b.n);
  for (const key of ["xMean", "xx", "xy"] as const) {
    const scale = Math.max(...b[key].map(Math.abs));
    a[key].forEach((v, i) => expect(Math.abs(v - b[key][i]), `${key}[${i}]`).toBeLessThanOrEqual(relative * scale));
  }
  for (const key of ["yMean", "yy"] as const) expect(Math.abs(a[key] - b[key]), key).toBeLessThanOrEqual(relative * Math.abs(b[key]));
}
