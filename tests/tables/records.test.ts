// fromRecords: columns typed by their values, one-hot on request, and every bad record refused by name.
import { describe, expect, it } from "vitest";
import { fromRecords } from "../../src/index.js";

const rows = [
  { id: 1, x: 0.5, flag: true, city: "b", y: 1 },
  { id: 2, x: -1.5, flag: false, city: "a", y: 2 },
  { id: 3, x: 2, flag: true, city: "b", y: 3 },
];

describe("fromRecords", () => {
  it("copies numbers, reads booleans as 1 and 0, one-hot encodes text, and returns the target apart", () => {
    const { X, y } = fromRecords(rows, { target: "y", exclude: ["id"] });
    expect(X.featureNames).toEqual(["x", "flag", "city=a", "city=b"]);
    expect(Array.from(X.data)).toEqual([0.5, 1, 0, 1, -1.5, 0, 1, 0, 2, 1, 0, 1]);
    expect([X.rows, X.cols]).toEqual([3, 4]);
    expect(y).toEqual(Float64Array.from([1, 2, 3]));
  });

  it("takes features in the order named, and one-hot encodes number columns named in oneHot (sorted by value)", () => {
    const { X, y } = fromRecords(rows, { features: ["id", "x"], oneHot: ["id"] });
    expect(y).toBeUndefined();
    expect(X.featureNames).toEqual(["id=1", "id=2", "id=3", "x"]);
    expect(X.columns[0]).toEqual({ name: "id", kind: "category", categories: ["1", "2", "3"] });
  });

  it("gives text and boolean targets as labels, for a classifier", () => {
    expect(fromRecords(rows, { target: "city", features: ["x"] }).y).toEqual(["b", "a", "b"]);
    expect(fromRecords(rows, { target: "flag", features: ["x"] }).y).toEqual([true, false, true]);
  });

  it.each([
    [[{ a: 1, b: 2 }, { a: null, b: 3 }], {}, 'records[1]["a"] is null: fill it in'],
    [[{ a: 1, b: 2 }, { a: Number.NaN, b: 3 }], {}, 'records[1]["a"] is NaN'],
    [[{ a: 1, b: 2 }, { a: "", b: 3 }], {}, 'records[1]["a"] is empty'],
    [[{ a: 1, b: 2 }, { a: Infinity, b: 3 }], {}, 'records[1]["a"] is Infinity: every number must be finite'],
    [[{ a: 1, b: 2 }, { a: "x", b: 3 }], {}, 'a column holds numbers or text, not both'],
    [[{ a: 1, b: 2 }, { a: 2n ** 53n + 1n, b: 3 }], {}, 'records[1]["a"] is 9007199254740993n, beyond 2^53'],
    [[{ a: 1, b: 2 }, { a: new Date(0), b: 3 }], {}, "Convert it, or exclude the column"],
    [[{ a: 1, b: 2 }, { a: 2 }], {}, 'records[1] has no field "b"'],
    [[{ a: 1 }, { a: 2, c: 3 }], {}, 'records[1] has a field "c"'],
    [[{ a: 1, b: 2 }], { target: "z" }, 'has no column "z" (the target)'],
    [[{ a: 1, b: 2 }], { features: ["a", "q"] }, "has no column(s) q"],
    [[{ a: 1, b: 2 }], { target: "a", features: ["a"] }, '"a" is the target'],
    [[{ a: 1, b: 2 }], { oneHot: ["q"] }, "oneHot names q"],
    [[{ a: 1, b: 2 }], { exclude: ["a", "b"] }, "no feature column left"],
    [[{ a: 1, b: 2 }], { features: ["a", "a"] }, 'names "a" twice'],
    [[{ a: 1, b: 2 }], { taget: "a" }, 'has no option "taget"'],
    [[[1, 2]], {}, "takes a non-empty array of objects"],
    [[{ a: 1, b: 2 }], { exclude: ["c"] }, "exclude names c, which records[0] lacks"],
    [[{ a: 1, b: 2 }], { features: ["a"], exclude: ["b"] }, "give one of the two"],
    [[{ a: 1, b: 2 }], { columns: [{ name: "a", kind: "number" }], oneHot: ["a"] }, "drop oneHot"],
    [[{ c: "x", "c=x": 1 }], {}, 'two columns give the feature "c=x"'],
    [[{ a: 1 }, , { a: 2 }], {}, "records[1] is undefined: every record must be an object"], // eslint-disable-line no-sparse-arrays
  ])("refuses case %#", (records, options, message) => {
    expect(() => fromRecords(records as never, options as never)).toThrow(message);
  });

  it("reads BigInts (Parquet and SQL INT64 values) exactly, in features and in the target", () => {
    expect(Array.from(fromRecords([{ a: 2n ** 53n }, { a: -3n }]).X.data)).toEqual([2 ** 53, -3]);
    expect(fromRecords([{ a: 1, p: 10n }, { a: 2, p: -4n }], { target: "p" }).y).toEqual(Float64Array.from([10, -4]));
  });

  it("reads only its own options: names set on Object.prototype are not a target", () => {
    const prototype = Object.prototype as Record<string, unknown>;
    prototype.target = "a";
    try {
      expect(fromRecords([{ a: 1, b: 2 }], {}).y).toBeUndefined();
    } finally {
      delete prototype.target;
    }
  });

  it("sorts the categories of a one-hot number column by value, and text ones in code-unit order", () => {
    expect(fromRecords([{ zip: 9000 }, { zip: 75001 }, { zip: 10 }], { oneHot: ["zip"] }).X.featureNames).toEqual(["zip=10", "zip=9000", "zip=75001"]);
    expect(fromRecords([{ c: "b" }, { c: "B" }, { c: "a10" }, { c: "a9" }]).X.featureNames).toEqual(["c=B", "c=a10", "c=a9", "c=b"]);
  });

  it("a mixed column may be one-hot encoded, every value read as text", () => {
    const { X } = fromRecords([{ a: 1 }, { a: "x" }, { a: 1 }], { oneHot: ["a"] });
    expect(X.featureNames).toEqual(["a=1", "a=x"]);
    expect(Array.from(X.data)).toEqual([1, 0, 0, 1, 1, 0]);
  });
});
