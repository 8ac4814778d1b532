import { describe, expect, it } from "vitest";
import { toMatrix, toVector } from "../src/input.js";
import { checkL1Ratio, checkLambda } from "../src/options/checks.js";

describe("toMatrix", () => {
  const expected = { data: new Float64Array([1, 2, 3, 4, 5, 6]), rows: 3, cols: 2 };

  it("accepts number[][], Float64Array rows and { data, rows, cols } alike", () => {
    expect(toMatrix([[1, 2], [3, 4], [5, 6]], "X")).toEqual(expected);
    expect(toMatrix([Float64Array.of(1, 2), Float64Array.of(3, 4), Float64Array.of(5, 6)], "X")).toEqual(expected);
    expect(toMatrix({ data: [1, 2, 3, 4, 5, 6], rows: 3, cols: 2 }, "X")).toEqual(expected);
  });

  it("reads a 1-D array as one feature (a single column)", () => {
    expect(toMatrix([1, 2, 3], "X")).toEqual({ data: new Float64Array([1, 2, 3]), rows: 3, cols: 1 });
  });

  it("names the row of a ragged matrix", () => {
    expect(() => toMatrix([[1, 2], [3, 4], [5]], "X")).toThrow(
      new RangeError("X[2] has 1 entries but X[0] has 2: every row needs the same length."),
    );
  });

  it("names the row and column of a NaN or Infinity", () => {
    expect(() => toMatrix([[1, 2], [3, Number.NaN]], "X")).toThrow(/X\[1\]\[1\] \(row 1, column 1\) is NaN/);
    expect(() => toMatrix({ data: [1, 2, 3, -Infinity], rows: 2, cols: 2 }, "X")).toThrow(
      /X\.data\[3\] \(row 1, column 1\) is -Infinity/,
    );
  });

  it("rejects empty matrices, wrong shapes and non-numbers", () => {
    expect(() => toMatrix([], "X")).toThrow(/X is empty \(0 x 1\)/);
    expect(() => toMatrix([[]], "X")).toThrow(/X is empty \(1 x 0\)/);
    expect(() => toMatrix({ data: [1, 2, 3], rows: 2, cols: 2 }, "X")).toThrow(/rows \* cols = 2 \* 2 = 4/);
    expect(() => toMatrix([["1", 2]], "X")).toThrow(TypeError);
    expect(() => toMatrix(42, "X")).toThrow(TypeError);
  });
});

describe("toVector, checkLambda, checkL1Ratio", () => {
  it("copy finite numbers and reject the rest with the index", () => {
    expect(toVector([1, 2.5], "y")).toEqual(new Float64Array([1, 2.5]));
    expect(() => toVector([1, Infinity], "y")).toThrow(/y\[1\] is Infinity/);
    expect(() => toVector("abc", "y")).toThrow(TypeError);
  });

  it("accept lambda >= 0 and l1Ratio in [0, 1] only", () => {
    expect(checkLambda(0)).toBe(0);
    expect(checkL1Ratio(1)).toBe(1);
    expect(() => checkLambda(-1e-300)).toThrow(RangeError);
    expect(() => checkL1Ratio(1 + 1e-15)).toThrow(RangeError);
  });
});
