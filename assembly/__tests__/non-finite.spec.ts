import { firstNonFinite } from "../kernels/non-finite";
import { OFFSETS, block, fill, release, set } from "./helpers";

/** 0..9, around the 16-value SIMD block, and large. */
const SIZES: i32[] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 15, 16, 17, 31, 32, 33, 1001];
/** Positions of the planted value (those >= n are skipped; -1 stands for the last one). */
const POSITIONS: i32[] = [0, 1, 2, 3, 7, 8, 9, 15, 16, 17, 500, 991, 992, -1];
const SPECIALS: f64[] = [NaN, Infinity, -Infinity];
/** Finite values that are easy to mistake for special ones: signed zeros, subnormals and the largest values. */
const EDGES: f64[] = [-0.0, 0.0, 5e-324, -5e-324, 2.2250738585072009e-308, 1.7e308, -1.7e308, 1.7976931348623157e308];

describe("firstNonFinite", () => {
  it("is -1 on finite data of every length and odd offsets", () => {
    for (let a = 0; a < SIZES.length; a++) {
      for (let o = 0; o < OFFSETS.length; o++) {
        const n = SIZES[a];
        const x = block(n, OFFSETS[o]);
        fill(x, n, a);
        expect(firstNonFinite(x, n)).toBe(-1, `n=${n} offset=${OFFSETS[o]}`);
        release(x, OFFSETS[o]);
      }
    }
  });

  it("finds a NaN, +Infinity or -Infinity at every position, for every length and odd offsets", () => {
    for (let a = 0; a < SIZES.length; a++) {
      for (let o = 0; o < OFFSETS.length; o++) {
        const n = SIZES[a];
        const off = OFFSETS[o];
        const x = block(n, off);
        let wrong = -1;
        for (let p = 0; p < POSITIONS.length; p++) {
          const at = POSITIONS[p] < 0 ? n - 1 : POSITIONS[p];
          if (at < 0 || at >= n) continue;
          for (let s = 0; s < SPECIALS.length; s++) {
            fill(x, n, a + p);
            set(x, at, SPECIALS[s]);
            if (wrong < 0 && firstNonFinite(x, n) != at) wrong = at;
          }
        }
        expect(wrong).toBe(-1, `n=${n} offset=${off}: first position missed`);
        release(x, off);
      }
    }
  });

  it("reports the first of several non-finite values and ignores values past n", () => {
    const x = block(1001, 1);
    fill(x, 1001, 3);
    set(x, 700, Infinity);
    set(x, 40, NaN);
    set(x, 999, -Infinity);
    expect(firstNonFinite(x, 1001)).toBe(40);
    expect(firstNonFinite(x, 40)).toBe(-1);
    expect(firstNonFinite(x, 41)).toBe(40);
    set(x, 40, 1.0);
    expect(firstNonFinite(x, 1001)).toBe(700);
    expect(firstNonFinite(x, 700)).toBe(-1);
    release(x, 1);
  });

  it("treats -0, subnormals and values near the largest finite one as finite", () => {
    for (let o = 0; o < OFFSETS.length; o++) {
      const n = 40;
      const x = block(n, OFFSETS[o]);
      for (let i = 0; i < n; i++) set(x, i, EDGES[i % EDGES.length]);
      expect(firstNonFinite(x, n)).toBe(-1);
      for (let e = 0; e < EDGES.length; e++) {
        for (let i = 0; i < n; i++) set(x, i, EDGES[e]);
        expect(firstNonFinite(x, n)).toBe(-1, `all ${EDGES[e]}`);
      }
      release(x, OFFSETS[o]);
    }
  });
});
