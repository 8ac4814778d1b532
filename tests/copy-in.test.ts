// One copy in: the data go from the caller's arrays into a backend block, checked during the copy and by the
// backend's finiteness scan, the shape checked before any value is read.
import { beforeAll, describe, expect, it } from "vitest";
import type { Backend } from "../src/backend.js";
import { getBackend, initSync } from "../src/backends/registry.js";
import { copyMatrixIn, copyVectorIn } from "../src/copy-in.js";
import type { BackendName } from "../src/index.js";

beforeAll(() => initSync());

/** An array-like whose values must not be read: any index access throws. */
function untouchable(length: number): ArrayLike<number> {
  return new Proxy({ length } as ArrayLike<number>, {
    get(target, key) {
      if (key === "length") return target.length;
      throw new Error(`value ${String(key)} was read`);
    },
  });
}

describe.each<BackendName>(["wasm", "js"])("copying in on the %s backend", (name) => {
  const backend = (): Backend => getBackend(name);
  const copy = (input: unknown) => backend().scope((scope) => {
    const { block, rows, cols } = copyMatrixIn(backend(), scope, input, "X");
    return { values: Array.from(block.values), rows, cols };
  });

  it("copies rows, typed rows, shaped data and a single column into the block unchanged", () => {
    const expected = { values: [1, 2, 3, 4, 5, 6], rows: 3, cols: 2 };
    expect(copy([[1, 2], [3, 4], [5, 6]])).toEqual(expected);
    expect(copy([Float64Array.of(1, 2), Float64Array.of(3, 4), Float64Array.of(5, 6)])).toEqual(expected);
    expect(copy({ data: Float32Array.of(1, 2, 3, 4, 5, 6), rows: 3, cols: 2 })).toEqual(expected);
    expect(copy([1, 2, 3])).toEqual({ values: [1, 2, 3], rows: 3, cols: 1 });
  });

  it("names the row and column of the first NaN or Infinity the block scan finds, wherever it sits", () => {
    const [rows, cols] = [37, 9];
    for (const position of [0, 1, 8, 9, 17, rows * cols - 1]) {
      for (const bad of [Number.NaN, Infinity, -Infinity]) {
        const data = Array.from({ length: rows * cols }, (_, k) => k + 0.5);
        data[position] = bad;
        const [i, j] = [Math.floor(position / cols), position % cols];
        const X = Array.from({ length: rows }, (_, r) => data.slice(r * cols, (r + 1) * cols));
        expect(() => copy(X)).toThrow(new RangeError(`X[${i}][${j}] (row ${i}, column ${j}) is ${bad}: every entry must be a finite number (remove or impute it).`));
        expect(() => copy({ data, rows, cols })).toThrow(`X.data[${position}] (row ${i}, column ${j}) is ${bad}`);
      }
    }
    expect(() => backend().scope((scope) => copyVectorIn(backend(), scope, [1, 2, Number.NaN], "y"))).toThrow(/y\[2\] is NaN/);
  });

  it("refuses entries that are not numbers during the copy, naming them", () => {
    expect(() => copy([[1, 2], [3, "4"]])).toThrow(new TypeError('X[1][1] (row 1, column 1) is string "4": every entry must be a finite number.'));
    expect(() => copy([[1, null], [3, 4]])).toThrow(/X\[0\]\[1\] \(row 0, column 1\) is null/);
    expect(() => copy({ data: [1, 2, true, 4], rows: 2, cols: 2 })).toThrow(/X\.data\[2\] \(row 1, column 0\) is boolean true/);
  });

  it("checks the shape before it reads any value", () => {
    const rows = [untouchable(3), untouchable(3), untouchable(2)];
    expect(() => copy(rows)).toThrow(/X\[2\] has 2 entries but X\[0\] has 3/);
    const huge = 2 ** 29 + 1;
    expect(() => copy({ data: untouchable(huge), rows: huge, cols: 1 })).toThrow(/X is 536870913 x 1 = 536870913 values \(4294967304 bytes, 4\.00 GiB as float64\)/);
  });
});

describe("allocation scopes", () => {
  it("free the block of a copy that fails", () => {
    const wasm = getBackend("wasm") as Backend & { heap: { bytesInUse: number } };
    const copy = (input: unknown) => wasm.scope((scope) => copyMatrixIn(wasm, scope, input, "X"));
    const before = wasm.heap.bytesInUse;
    expect(() => copy([[1, 2], [3, Number.NaN]])).toThrow(RangeError);
    expect(() => copy([[1, 2], [3, "x"]])).toThrow(TypeError);
    expect(wasm.heap.bytesInUse).toBe(before);
  });

  it("free every block on success and on throw, and pack 32-bit integers two per slot", () => {
    const wasm = getBackend("wasm") as Backend & { heap: { bytesInUse: number } };
    const before = wasm.heap.bytesInUse;
    const packed = wasm.scope((scope) => {
      scope.alloc(100);
      scope.fromArray([1, 2, 3]);
      const ints = scope.fromInt32([7, -1, 5]);
      expect(wasm.heap.bytesInUse).toBeGreaterThan(before);
      return Array.from(new Int32Array(ints.values.buffer, ints.values.byteOffset, 3));
    });
    expect(packed).toEqual([7, -1, 5]);
    expect(wasm.heap.bytesInUse).toBe(before);
    expect(() => wasm.scope((scope) => {
      scope.alloc(1000);
      throw new Error("inside");
    })).toThrow("inside");
    expect(wasm.heap.bytesInUse).toBe(before);
  });
});
