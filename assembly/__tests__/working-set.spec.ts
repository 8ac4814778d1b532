import { chooseWorkingSet, dualScaleOf, firstSetSize, kthLargest, movableCount, safeRadius, workingSetSize } from "../solvers/working-set";
import { block, fill, get, release, setAll } from "./helpers";

/** The k-th largest of values[0, m) by counting: v is it when fewer than k exceed it and at least k reach it. */
function kthByCounting(values: usize, m: i32, k: i32): f64 {
  for (let i = 0; i < m; i++) {
    const v = get(values, i);
    let above = 0;
    let reach = 0;
    for (let j = 0; j < m; j++) {
      if (get(values, j) > v) above++;
      if (get(values, j) >= v) reach++;
    }
    if (above < k && reach >= k) return v;
  }
  return NaN;
}

describe("kthLargest", () => {
  it("finds the k-th largest for every k, with repeated values and infinities", () => {
    const m = 37;
    const values = block(m, 0);
    const copy = block(m, 0);
    for (let seed = 1; seed <= 4; seed++) {
      fill(values, m, seed);
      // Repeats (fill's exact zeros and rounded copies) and both infinities.
      store<f64>(values + 8, -Infinity);
      store<f64>(values + 16, Infinity);
      store<f64>(values + 24, Math.floor(get(values, 5)));
      store<f64>(values + 32, Math.floor(get(values, 5)));
      for (let k = 1; k <= m; k++) {
        memory.copy(copy, values, <usize>m << 3);
        expect(kthLargest(copy, m, k)).toBe(kthByCounting(values, m, k));
      }
    }
    release(values, 0);
    release(copy, 0);
  });

  it("takes O(m) steps on m equal values (Hoare partitions split ties)", () => {
    const m = 4096;
    const values = block(m, 0);
    for (let i = 0; i < m; i++) store<f64>(values + (<usize>i << 3), -Infinity);
    expect(kthLargest(values, m, 1000)).toBe(-Infinity);
    release(values, 0);
  });
});

describe("chooseWorkingSet", () => {
  it("takes the support, then the zero coordinates of highest (|g_j| - alpha) / ||x_j||, in index order", () => {
    const d = 6;
    const g = block(d, 0);
    const w = block(d, 0);
    const norms = block(d, 0);
    const ws = block(d, 0);
    const values = block(d, 0);
    // Priorities with alpha = 1: j=0 (3-1)/1 = 2; j=1 in the support; j=2 (5-1)/4 = 1; j=3 zero column;
    // j=4 (|-7|-1)/2 = 3; j=5 (1.5-1)/1 = 0.5.
    setAll(g, [3.0, 0.0, 5.0, 9.0, -7.0, 1.5]);
    setAll(w, [0.0, 0.25, 0.0, 0.0, 0.0, 0.0]);
    setAll(norms, [1.0, 1.0, 16.0, 0.0, 4.0, 1.0]);
    expect(chooseWorkingSet(g, w, norms, d, 1.0, false, 3, ws, values, Infinity, 1.0, 0.0)).toBe(3);
    expect(load<i32>(ws)).toBe(0);
    expect(load<i32>(ws + 4)).toBe(1);
    expect(load<i32>(ws + 8)).toBe(4);
    // Room for every candidate: all but the zero column.
    expect(chooseWorkingSet(g, w, norms, d, 1.0, false, 10, ws, values, Infinity, 1.0, 0.0)).toBe(5);
    expect(load<i32>(ws + 12)).toBe(4);
    // Positive: g_j - alpha, so j=4 (-8/2) falls last; size 4 takes j=0 and j=2 beside the support.
    expect(chooseWorkingSet(g, w, norms, d, 1.0, true, 4, ws, values, Infinity, 1.0, 0.0)).toBe(4);
    expect(load<i32>(ws + 8)).toBe(2);
    expect(load<i32>(ws + 12)).toBe(5);
    expect(movableCount(w, norms, d)).toBe(5);
    [g, w, norms, ws, values].forEach((p) => release(p, 0));
  });

  it("leaves out the zero coordinates the gap-safe sphere screens", () => {
    const d = 4;
    const g = block(d, 0);
    const w = block(d, 0);
    const norms = block(d, 0);
    const ws = block(d, 0);
    const values = block(d, 0);
    // alpha = 1, dual scale 0.5, radius 0.2 (a gap of 0.02), beta 0.21: ||x~_j|| = sqrt(norm + 0.21).
    // j=0: 0.5 * 1.2 + sqrt(0.79 + 0.21) * 0.2 = 0.8 < 1, screened; j=1: 0.5 * 1.8 + 0.2 = 1.1, kept;
    // j=2 in the support; j=3: 0.5 * |-1.5| + sqrt(3.79 + 0.21) * 0.2 = 1.15, kept.
    setAll(g, [1.2, 1.8, 0.0, -1.5]);
    setAll(w, [0.0, 0.0, -0.5, 0.0]);
    setAll(norms, [0.79, 0.79, 1.0, 3.79]);
    expect(safeRadius(0.02, 0.0)).toBeCloseTo(0.2, 15);
    // A gap at rounding level keeps a radius of sqrt(2e-9 yy): here yy = 2e9 gives 2.
    expect(safeRadius(-1e-3, 2e9)).toBeCloseTo(2.0, 14);
    expect(dualScaleOf(4.0, 2.0)).toBe(0.5);
    expect(dualScaleOf(1.0, 2.0)).toBe(1.0);
    expect(chooseWorkingSet(g, w, norms, d, 1.0, false, 4, ws, values, 0.2, 0.5, 0.21)).toBe(3);
    expect(load<i32>(ws)).toBe(1);
    expect(load<i32>(ws + 4)).toBe(2);
    expect(load<i32>(ws + 8)).toBe(3);
    // Positive: j=3's 0.5 * -1.5 + 0.4 = -0.35 is screened too.
    expect(chooseWorkingSet(g, w, norms, d, 1.0, true, 4, ws, values, 0.2, 0.5, 0.21)).toBe(2);
    // Without a bound (a NaN gap) nothing is.
    expect(chooseWorkingSet(g, w, norms, d, 1.0, false, 4, ws, values, safeRadius(NaN, 1.0), 0.5, 0.21)).toBe(4);
    [g, w, norms, ws, values].forEach((p) => release(p, 0));
  });

  it("caps a path's first set at the sequential strong set: |g_j| >= 2 alpha - alphaPrev", () => {
    const d = 40;
    const g = block(d, 0);
    const w = block(d, 0);
    const norms = block(d, 0);
    // alpha 1, alphaPrev 1.5: the bound is 0.5. j = 0 and 1 in the support; of the zero coordinates j = 2..6 at 0.6
    // (j = 4 at -0.6; j = 6's column is zero), the rest at 0.4.
    for (let j = 0; j < d; j++) {
      store<f64>(g + ((<usize>j) << 3), j >= 2 && j <= 6 ? (j == 4 ? -0.6 : 0.6) : 0.4);
      store<f64>(norms + ((<usize>j) << 3), j == 6 ? 0.0 : 1.0);
      store<f64>(w + ((<usize>j) << 3), j < 2 ? 0.1 : 0.0);
    }
    // 2 in the support + 4 strong zeros = 6, below workingSetSize(2) = 12.
    expect(firstSetSize(1.0, 1.5, g, w, norms, d, false)).toBe(6);
    // Positive: j = 4 (-0.6) is not strong: 2 + 3.
    expect(firstSetSize(1.0, 1.5, g, w, norms, d, true)).toBe(5);
    // A bound no zero coordinate meets leaves one beside the support; one they all meet, workingSetSize.
    expect(firstSetSize(1.0, 1.1, g, w, norms, d, false)).toBe(3);
    expect(firstSetSize(1.0, 1.9, g, w, norms, d, false)).toBe(12);
    // No previous lambda (NaN), or one not above: workingSetSize of the support. No L1 part: every coordinate.
    expect(firstSetSize(1.0, NaN, g, w, norms, d, false)).toBe(12);
    expect(firstSetSize(1.0, 1.0, g, w, norms, d, false)).toBe(12);
    expect(firstSetSize(0.0, 1.5, g, w, norms, d, false)).toBe(d);
    [g, w, norms].forEach((p) => release(p, 0));
  });

  it("takes priorities equal but for rounding together", () => {
    const d = 3;
    const g = block(d, 0);
    const w = block(d, 0);
    const norms = block(d, 0);
    const ws = block(d, 0);
    const values = block(d, 0);
    setAll(g, [2.0, 2.0 * (1.0 + 2e-16), 1.0]);
    setAll(w, [0.0, 0.0, 0.0]);
    setAll(norms, [1.0, 1.0, 1.0]);
    expect(chooseWorkingSet(g, w, norms, d, 0.5, false, 1, ws, values, Infinity, 1.0, 0.0)).toBe(2);
    // At the boundary |g_j| = alpha the priorities are near 0, their rounding is not: 4.4e-16 and 0 are tied.
    setAll(g, [2.0 * (1.0 + 2e-16), 2.0, 1.0]);
    expect(chooseWorkingSet(g, w, norms, d, 2.0, false, 1, ws, values, Infinity, 1.0, 0.0)).toBe(2);
    [g, w, norms, ws, values].forEach((p) => release(p, 0));
  });

  it("sizes the first set a quarter above the support, at least 10 above", () => {
    expect(workingSetSize(0)).toBe(10);
    expect(workingSetSize(40)).toBe(50);
    expect(workingSetSize(400)).toBe(500);
  });
});
