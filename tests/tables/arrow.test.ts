// fromArrow: number columns of every width read from their buffers (several chunks too), booleans, dictionary text,
// and nulls, NaN, inexact Int64 and other types refused by column.
import { Bool, Dictionary, Float16, Float32, Int32, Table, Utf8, makeVector, tableFromArrays, vectorFromArray } from "apache-arrow";
import { describe, expect, it } from "vitest";
import { fromArrow, fromRecords } from "../../src/index.js";

describe("fromArrow", () => {
  it("reads Int8 to Int64 and Float16 to Float64 columns as the same doubles the records give", () => {
    const table = new Table({
      i8: vectorFromArray(new Int8Array([1, -2, 3])),
      u16: vectorFromArray(new Uint16Array([7, 8, 65535])),
      i64: vectorFromArray(new BigInt64Array([2n ** 53n, -5n, 0n])),
      f16: makeVector({ type: new Float16(), data: new Uint16Array([0x3c00, 0xc000, 0x3800]) }), // 1, -2, 0.5
      f32: vectorFromArray(new Float32Array([0.1, 0.2, 0.3])),
      f64: vectorFromArray(new Float64Array([Math.PI, -0, 1e-300])),
      b: vectorFromArray([true, false, true], new Bool()),
    });
    const { X } = fromArrow(table);
    const records = [0, 1, 2].map((i) => ({
      i8: [1, -2, 3][i], u16: [7, 8, 65535][i], i64: [2 ** 53, -5, 0][i], f16: [1, -2, 0.5][i],
      f32: Math.fround([0.1, 0.2, 0.3][i]), f64: [Math.PI, -0, 1e-300][i], b: [true, false, true][i],
    }));
    const expected = fromRecords(records).X;
    expect(X.featureNames).toEqual(expected.featureNames);
    expect(X.data).toEqual(expected.data);
    expect(Object.is(X.data[1 * X.cols + 5], -0)).toBe(true);
  });

  it("reads a column of several chunks in order", () => {
    const t1 = tableFromArrays({ a: new Float64Array([1, 2]), y: new Float64Array([10, 20]) });
    const t2 = tableFromArrays({ a: new Float64Array([3]), y: new Float64Array([30]) });
    const table = t1.concat(t2);
    expect(table.getChild("a")!.data.length).toBe(2);
    const { X, y } = fromArrow(table, { target: "y" });
    expect(Array.from(X.data)).toEqual([1, 2, 3]);
    expect(y).toEqual(Float64Array.from([10, 20, 30]));
  });

  it("reads a sliced table (chunks that start past their buffers' first value) from its first row", () => {
    const table = tableFromArrays({ a: new Float64Array([1, 2, 3, 4, 5]), b: new Int32Array([10, 20, 30, 40, 50]), s: ["x", "y", "x", "z", "y"] });
    const { X } = fromArrow(table.slice(1, 4));
    expect(X.featureNames).toEqual(["a", "b", "s=x", "s=y", "s=z"]);
    expect(Array.from(X.data)).toEqual([2, 20, 0, 1, 0, 3, 30, 1, 0, 0, 4, 40, 0, 0, 1]);
  });

  it("one-hot encodes Utf8 and dictionary columns as fromRecords does text", () => {
    const table = new Table({
      s: vectorFromArray(["b", "a", "b"], new Utf8()),
      d: vectorFromArray(["x", "y", "x"], new Dictionary(new Utf8(), new Int32())),
    });
    const { X } = fromArrow(table);
    const expected = fromRecords([{ s: "b", d: "x" }, { s: "a", d: "y" }, { s: "b", d: "x" }]).X;
    expect(X.featureNames).toEqual(["s=a", "s=b", "d=x", "d=y"]);
    expect(X.data).toEqual(expected.data);
  });

  it.each([
    [new Table({ a: vectorFromArray([1, null, 3], new Float32()) }), 'column "a" has 1 null(s), the first in row 1'],
    [tableFromArrays({ a: new Float64Array([1, Number.NaN]) }), 'column "a" row 1 is NaN'],
    [tableFromArrays({ a: new BigInt64Array([2n ** 53n + 1n]) }), 'column "a" row 0 is'],
    [new Table({ a: vectorFromArray([new Date(0)]) }), "fromArrow reads numbers, booleans and text"],
    [new Table({ s: vectorFromArray(["x", ""], new Utf8()) }), 'column "s" row 1 is an empty string'],
    [tableFromArrays({ f: new Float64Array([1, Number.NaN]) }), 'column "f" row 1 is NaN'],
  ])("refuses %#: %s", (table, message) => {
    expect(() => fromArrow(table)).toThrow(message);
  });

  it("refuses two columns of one name, and a NaN in a float column it one-hot encodes", () => {
    const a = vectorFromArray(new Float64Array([1, 2]));
    const twice = new Table({ a, b: a });
    Object.defineProperty(twice.schema.fields[1], "name", { value: "a" });
    expect(() => fromArrow(twice)).toThrow('two columns named "a"');
    expect(() => fromArrow(tableFromArrays({ f: new Float64Array([1, Number.NaN]) }), { oneHot: ["f"] })).toThrow('column "f" row 1 is NaN');
  });

  it("refuses what is not an Arrow table, naming fromRecords for arrays of objects", () => {
    expect(() => fromArrow([{ a: 1 }] as never)).toThrow("for arrays of objects use fromRecords");
  });
});
