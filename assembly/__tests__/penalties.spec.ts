import { elasticNetGradient, elasticNetPenalty, softL1Gradient, softThreshold } from "../kernels/penalties";
import { block, close, eachCase, fill, get, guard, intact, otherOffset, release, set, sign } from "./helpers";

const RATIOS: f64[] = [0.0, 0.3, 0.5, 1.0];

describe("elasticNetPenalty", () => {
  it("equals lambda (rho sum|w| + (1 - rho)/2 sum w^2) for every length, offset and ratio", () => {
    eachCase((n: i32, off: i32): void => {
      const w = block(n, off);
      fill(w, n, 1);
      let absolutes = 0.0;
      let squares = 0.0;
      for (let i = 0; i < n; i++) {
        absolutes += Math.abs(get(w, i));
        squares += get(w, i) * get(w, i);
      }
      for (let c = 0; c < RATIOS.length; c++) {
        const rho = RATIOS[c];
        const expected = 0.7 * (rho * absolutes + 0.5 * (1.0 - rho) * squares);
        expect(close(elasticNetPenalty(w, n, 0.7, rho), expected, expected)).toBe(true, `n=${n} rho=${rho}`);
      }
      release(w, off);
    });
  });

  it("is the seed's L1 penalty at rho = 1 and L2 penalty at rho = 0 (w = [5, 0.001, -3], lambda = 0.1)", () => {
    const w = block(3, 1);
    set(w, 0, 5.0);
    set(w, 1, 0.001);
    set(w, 2, -3.0);
    expect(elasticNetPenalty(w, 3, 0.1, 1.0)).toBeCloseTo(0.1 * 8.001, 14);
    expect(elasticNetPenalty(w, 3, 0.1, 0.0)).toBeCloseTo(0.5 * 0.1 * (25.0 + 0.000001 + 9.0), 14);
    release(w, 1);
  });
});

describe("elasticNetGradient", () => {
  it("equals lambda (rho sign(w) + (1 - rho) w) with sign(0) = 0, element by element", () => {
    eachCase((n: i32, off: i32): void => {
      const w = block(n, off);
      const out = block(n, otherOffset(off));
      fill(w, n, 2);
      for (let c = 0; c < RATIOS.length; c++) {
        const rho = RATIOS[c];
        guard(out, n);
        elasticNetGradient(w, n, 0.4, rho, out);
        expect(intact(out, n)).toBe(true, "elasticNetGradient wrote past n");
        for (let i = 0; i < n; i++) {
          const v = get(w, i);
          expect(get(out, i)).toBe(0.4 * (rho * sign(v) + (1.0 - rho) * v));
        }
      }
      release(w, off);
      release(out, otherOffset(off));
    });
  });

  it("gives the seed's quick check: L2 [0.5, 0.0001, -0.3], L1 [0.1, 0.1, -0.1], and 0 at w = 0", () => {
    const w = block(4, 0);
    set(w, 0, 5.0);
    set(w, 1, 0.001);
    set(w, 2, -3.0);
    set(w, 3, 0.0);
    const out = block(4, 1);
    elasticNetGradient(w, 4, 0.1, 0.0, out);
    expect(get(out, 0)).toBeCloseTo(0.5, 15);
    expect(get(out, 1)).toBeCloseTo(0.0001, 15);
    expect(get(out, 2)).toBeCloseTo(-0.3, 15);
    elasticNetGradient(w, 4, 0.1, 1.0, out);
    expect(get(out, 0)).toBe(0.1);
    expect(get(out, 1)).toBe(0.1);
    expect(get(out, 2)).toBe(-0.1);
    expect(get(out, 3)).toBe(0.0);
    release(w, 0);
    release(out, 1);
  });
});

describe("softThreshold", () => {
  it("equals sign(x) max(|x| - t, 0) for every length and offset, in place", () => {
    eachCase((n: i32, off: i32): void => {
      const x = block(n, off);
      const before = block(n, 0);
      fill(x, n, 3);
      fill(before, n, 3);
      guard(x, n);
      softThreshold(x, n, 0.8, x);
      expect(intact(x, n)).toBe(true, "softThreshold wrote past n");
      for (let i = 0; i < n; i++) {
        const v = get(before, i);
        expect(get(x, i)).toBe(sign(v) * Math.max(Math.abs(v) - 0.8, 0.0));
      }
      release(x, off);
      release(before, 0);
    });
  });

  it("maps [3, -0.5, 0.2, -4, 1] with t = 1 to [2, 0, 0, -3, 0]", () => {
    const x = block(5, 1);
    const values: f64[] = [3.0, -0.5, 0.2, -4.0, 1.0];
    for (let i = 0; i < 5; i++) set(x, i, values[i]);
    softThreshold(x, 5, 1.0, x);
    const expected: f64[] = [2.0, 0.0, 0.0, -3.0, 0.0];
    for (let i = 0; i < 5; i++) expect(get(x, i)).toBe(expected[i]);
    release(x, 1);
  });
});

describe("softL1Gradient", () => {
  it("equals lambda w / (|w| + eps) element by element for every length and offset", () => {
    eachCase((n: i32, off: i32): void => {
      const w = block(n, off);
      const out = block(n, otherOffset(off));
      fill(w, n, 4);
      guard(out, n);
      softL1Gradient(w, n, 0.3, 1e-2, out);
      expect(intact(out, n)).toBe(true, "softL1Gradient wrote past n");
      for (let i = 0; i < n; i++) expect(get(out, i)).toBe(0.3 * get(w, i) / (Math.abs(get(w, i)) + 1e-2));
      release(w, off);
      release(out, otherOffset(off));
    });
  });

  it("is lambda w / (|w| + eps), 0 at 0", () => {
    const w = block(3, 1);
    set(w, 0, 5.0);
    set(w, 1, -2.0);
    set(w, 2, 0.0);
    softL1Gradient(w, 3, 0.1, 1e-3, w);
    expect(get(w, 0)).toBeCloseTo(0.5 / 5.001, 15);
    expect(get(w, 1)).toBeCloseTo(-0.2 / 2.001, 15);
    expect(get(w, 2)).toBe(0.0);
    release(w, 1);
  });
});
