import { nextRandom, randomIndex } from "../solvers/random";

describe("nextRandom", () => {
  it("gives mulberry32's stream and advances the state in place", () => {
    const state = heap.alloc(8);
    store<u32>(state, 0);
    expect(nextRandom(state)).toBe(1144304738); // 0.26642920868471265 * 2^32, mulberry32(0)'s first value
    store<u32>(state, 42);
    const expected: u32[] = [2581720956, 1925393290, 3661312704, 2876485805];
    for (let i = 0; i < expected.length; i++) expect(nextRandom(state)).toBe(expected[i]);
    expect(load<u32>(state)).toBe(<u32>42 + <u32>4 * <u32>0x6d2b79f5);
    heap.free(state);
  });
});

describe("randomIndex", () => {
  it("maps [0, 2^32) onto [0, n) by floor(value n / 2^32)", () => {
    const sizes: i32[] = [1, 2, 3, 7, 8, 9, 1001];
    for (let a = 0; a < sizes.length; a++) {
      const n = sizes[a];
      expect(randomIndex(0, n)).toBe(0);
      expect(randomIndex(0xffffffff, n)).toBe(n - 1);
      expect(randomIndex(0x80000000, n)).toBe(n / 2);
    }
  });
});
