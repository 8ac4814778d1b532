import { beforeAll, describe, expect, it } from "vitest";
import {
  elasticNetGradient,
  elasticNetPenalty,
  init,
  l1Gradient,
  l1Penalty,
  l2Gradient,
  l2Penalty,
  softThreshold,
  type BackendName,
} from "../src/index.js";

beforeAll(() => init());

const backends: BackendName[] = ["wasm", "js"];

describe.each(backends)("the seed's penalty functions on the %s backend", (backend) => {
  const options = { backend };

  it("pass the seed's quick check: w = [5, 0.001, -3], lambda = 0.1", () => {
    const w = [5, 0.001, -3];
    const l2 = l2Gradient(w, 0.1, options);
    [0.5, 0.0001, -0.3].forEach((expected, i) => expect(l2[i]).toBeCloseTo(expected, 15));
    expect(Array.from(l1Gradient(w, 0.1, options))).toEqual([0.1, 0.1, -0.1]);
  });

  it("compute the seed's formulas by hand", () => {
    const w = new Float64Array([1.5, -2, 0, 0.25]);
    // L1: 0.5 * (1.5 + 2 + 0 + 0.25); L2: 0.5 * 0.5 * (2.25 + 4 + 0 + 0.0625)
    expect(l1Penalty(w, 0.5, options)).toBeCloseTo(1.875, 15);
    expect(l2Penalty(w, 0.5, options)).toBeCloseTo(1.578125, 15);
    // Elastic net, l1Ratio 0.25: 0.5 * (0.25 * 3.75 + 0.375 * 6.3125)
    expect(elasticNetPenalty(w, 0.5, 0.25, options)).toBeCloseTo(0.5 * (0.9375 + 2.3671875), 15);
    // Gradient at l1Ratio 0.25: 0.5 * (0.25 sign(w) + 0.75 w)
    const grad = elasticNetGradient(w, 0.5, 0.25, options);
    [0.5 * (0.25 + 1.125), 0.5 * (-0.25 - 1.5), 0, 0.5 * (0.25 + 0.1875)].forEach((expected, i) =>
      expect(grad[i]).toBeCloseTo(expected, 15),
    );
  });

  it("use sign(0) = 0: the L1 gradient of a zero weight is 0", () => {
    expect(Array.from(l1Gradient([0, -0, 2], 3, options))).toEqual([0, 0, 3]);
  });

  it("reduce the elastic net to pure L1 at l1Ratio = 1 and to pure L2 at l1Ratio = 0", () => {
    const w = [0.3, -1.7, 0, 4.2, -0.01];
    expect(elasticNetPenalty(w, 0.8, 1, options)).toBe(l1Penalty(w, 0.8, options));
    expect(elasticNetPenalty(w, 0.8, 0, options)).toBe(l2Penalty(w, 0.8, options));
    expect(elasticNetGradient(w, 0.8, 1, options)).toEqual(l1Gradient(w, 0.8, options));
    expect(elasticNetGradient(w, 0.8, 0, options)).toEqual(l2Gradient(w, 0.8, options));
  });

  it("treat a 2-D weight matrix as its flattened entries and keep its shape", () => {
    const W = [
      [1, -2, 0.5],
      [0, 3, -0.25],
    ];
    const flat = W.flat();
    expect(l1Penalty(W, 0.3, options)).toBe(l1Penalty(flat, 0.3, options));
    expect(l2Penalty(W, 0.3, options)).toBe(l2Penalty(flat, 0.3, options));
    expect(elasticNetPenalty(W, 0.3, 0.6, options)).toBe(elasticNetPenalty(flat, 0.3, 0.6, options));
    const grad = elasticNetGradient(W, 0.3, 0.6, options);
    expect(grad).toHaveLength(2);
    expect(grad.flatMap((row) => Array.from(row))).toEqual(Array.from(elasticNetGradient(flat, 0.3, 0.6, options)));
    expect(l2Gradient(W, 0.3, options).map((row) => row.length)).toEqual([3, 3]);
  });

  it("soft-threshold numbers, vectors and matrices: sign(x) max(|x| - t, 0)", () => {
    expect(softThreshold(2.5, 1, options)).toBe(1.5);
    expect(softThreshold(-0.4, 1, options)).toBe(0);
    expect(Array.from(softThreshold([3, -0.5, 0.2, -4, 1, -1], 1, options))).toEqual([2, 0, 0, -3, 0, 0]);
    const rows = softThreshold([[3, -3], [0.5, -7]], 2, options);
    expect(rows.map((row) => Array.from(row))).toEqual([[1, -1], [0, -5]]);
  });

  it("reject bad input with errors that name the argument", () => {
    expect(() => l1Penalty([1, 2], Number.NaN, options)).toThrow(RangeError);
    expect(() => l1Penalty([1, 2], Number.NaN, options)).toThrow(/lambda/);
    expect(() => l2Gradient([1, 2], -0.1, options)).toThrow(/lambda must be a finite number >= 0, got -0.1/);
    expect(() => l2Penalty([1], Infinity, options)).toThrow(RangeError);
    expect(() => l1Penalty([1], "0.1" as unknown as number, options)).toThrow(TypeError);
    expect(() => elasticNetPenalty([1], 0.1, 1.5, options)).toThrow(/l1Ratio must be in \[0, 1\]/);
    expect(() => elasticNetGradient([1], 0.1, -0.2, options)).toThrow(RangeError);
    expect(() => elasticNetGradient([1], 0.1, Number.NaN, options)).toThrow(/l1Ratio/);
    expect(() => l1Penalty([1, Number.NaN, 3], 0.1, options)).toThrow(/w\[1\] is NaN/);
    expect(() => l1Gradient([[1, 2], [3]], 0.1, options)).toThrow(/w\[1\] has 1 entries but w\[0\] has 2/);
    expect(() => l2Penalty([[1, 2], [3, Infinity]], 0.1, options)).toThrow(/w\[1\]\[1\] \(row 1, column 1\) is Infinity/);
    expect(() => softThreshold([1], -1, options)).toThrow(/threshold must be a finite number >= 0/);
  });
});
