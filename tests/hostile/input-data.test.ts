// Hostile and careless data: each row is the correct answer, or an error of the right class whose message names
// X or y, the position and the rule, raised before any value is read where the shape alone is wrong.
import { beforeAll, describe, expect, it } from "vitest";
import {
  conditionNumber, dot, ElasticNetCV, enetPath, gemv, gemvT, getBackend, GramAccumulator, init, l1Penalty, Lasso, LassoCV,
  lassoPath, luDecompose, MultiTaskLasso, nmPrune, prepareDesign, prune, Ridge, RidgeCV, SGDRegressor, singularValues, solve,
  squaredLossGradient, CsrMatrix, type Backend,
} from "../../src/index.js";

beforeAll(() => init());

const X = [[1, 2], [2, 1], [3, 5], [4, 2], [5, 7], [6, 1]];
const y = [1, 2, 4, 3, 6, 5];
/** The reference fit every accepted form of the same data must reproduce. */
const reference = () => Array.from(new Ridge({ lambda: 0.1 }).fit(X, y).coef);
const fitCoef = (Xin: unknown, yin: unknown) => Array.from(new Ridge({ lambda: 0.1 }).fit(Xin as number[][], yin as number[]).coef);
const sharedCopy = (values: readonly number[]) => {
  const array = new Float64Array(new SharedArrayBuffer(8 * values.length));
  array.set(values);
  return array;
};

describe("forms of data that are accepted give the same fit as plain arrays", () => {
  it.each<[string, unknown, unknown]>([
    ["frozen rows and frozen y", Object.freeze(X.map((row) => Object.freeze([...row]))), Object.freeze([...y])],
    ["Float32Array rows and y", X.map((row) => Float32Array.from(row)), Float32Array.from(y)],
    ["Int8Array rows and y", X.map((row) => Int8Array.from(row)), Int8Array.from(y)],
    ["rows over a SharedArrayBuffer", X.map((row) => sharedCopy(row)), sharedCopy(y)],
    ["{ data, rows, cols } over a SharedArrayBuffer", { data: sharedCopy(X.flat()), rows: 6, cols: 2 }, sharedCopy(y)],
    ["array-like objects", X.map((row) => ({ length: 2, 0: row[0], 1: row[1] })), { ...y, length: 6 }],
  ])("%s", (_, Xin, yin) => {
    expect(fitCoef(Xin, yin)).toEqual(reference());
  });
});

describe("entries that are not numbers are named with their position and the rule", () => {
  const sparse = [1, , 2]; // eslint-disable-line no-sparse-arrays
  it.each<[string, unknown, unknown, ErrorConstructor, RegExp]>([
    ["a BigInt in a plain row", [[1, 2], [3, 4n], [1, 1]], [1, 2, 3], TypeError, /^X\[1\]\[1\] \(row 1, column 1\) is the BigInt 4n: every entry must be a finite number\.$/],
    ["a BigInt in y", [[1, 2], [3, 4], [1, 1]], [1, 2n, 3], TypeError, /^y\[1\] is the BigInt 2n: every entry must be a finite number\.$/],
    ["a BigInt64Array row", [new BigInt64Array([1n, 2n]), [3, 4], [1, 1]], [1, 2, 3], TypeError, /^X\[0\] is a BigInt64Array, whose entries are BigInts: convert it to numbers first, e\.g\. Float64Array\.from\(X\[0\], Number\)\.$/],
    ["a BigUint64Array y", [[1, 2], [3, 4], [1, 1]], new BigUint64Array([1n, 2n, 3n]), TypeError, /^y is a BigUint64Array, whose entries are BigInts/],
    ["a BigInt64Array as data", { data: new BigInt64Array(6), rows: 3, cols: 2 }, [1, 2, 3], TypeError, /^X\.data is a BigInt64Array/],
    ["a DataView as the first row", [new DataView(new ArrayBuffer(16)), [3, 4]], [1, 2], TypeError, /^X\[0\] is a DataView: every row must be an array of numbers/],
    ["a DataView as a later row", [[3, 4], new DataView(new ArrayBuffer(16))], [1, 2], TypeError, /^X\[1\] is a DataView: every row must be an array of numbers/],
    ["a DataView as y", [[1, 2], [3, 4]], new DataView(new ArrayBuffer(16)), TypeError, /^y must be an array of numbers or a Float64Array, got a DataView\.$/],
    ["a DataView as data", { data: new DataView(new ArrayBuffer(48)), rows: 3, cols: 2 }, [1, 2, 3], TypeError, /^X\.data must be an array of numbers \(row-major\), got a DataView\.$/],
    ["a hole in a row", [sparse, [3, 4, 5], [1, 1, 1]], [1, 2, 3], TypeError, /^X\[0\]\[1\] \(row 0, column 1\) is a hole \(empty slot\): every entry must be a finite number\.$/],
    ["a hole in y", [[1, 2], [3, 4], [1, 1]], sparse, TypeError, /^y\[1\] is a hole \(empty slot\)/],
    ["a hole for a row", [[1, 2], , [1, 1]], [1, 2, 3], TypeError, /^X\[1\] is a hole \(empty slot\): every row must be an array of numbers/], // eslint-disable-line no-sparse-arrays
    ["undefined in a row", [[1, undefined], [3, 4], [1, 1]], [1, 2, 3], TypeError, /^X\[0\]\[1\] \(row 0, column 1\) is undefined: every entry/],
    ["a string row", [[1, 2], "34", [1, 1]], [1, 2, 3], TypeError, /^X\[1\] is string "34": every row must be an array of numbers/],
    ["y given as rows to a one-output model", X, y.map((v) => [v]), TypeError, /^y\[0\] is an array, but this model fits one output: pass y as a vector of n numbers/],
  ])("%s", (_, Xin, yin, type, message) => {
    for (const backend of ["wasm", "js"] as const) {
      const fit = () => new Lasso({ backend }).fit(Xin as number[][], yin as number[]);
      expect(fit).toThrow(type);
      expect(fit).toThrow(message);
    }
  });

  it("2-D y for every one-output model is refused with the same advice", () => {
    const column = y.map((v) => [v]);
    for (const model of [new Lasso(), new SGDRegressor(), new RidgeCV(), new LassoCV({ nFolds: 2 })]) {
      expect(() => model.fit(X, column as never)).toThrow(/^y\[0\] is an array, but this model fits one output.*MultiTaskLasso/);
    }
  });
});

describe("lying lengths are refused before anything is allocated", () => {
  it.each<[string, unknown, unknown, ErrorConstructor, RegExp]>([
    ["X of length -1", { length: -1 }, [1], TypeError, /^X has length -1, which no array has: pass an array of numbers or a Float64Array\.$/],
    ["X of length 1.5", { length: 1.5, 0: 1 }, [1], TypeError, /^X has length 1\.5, which no array has/],
    ["a row of length NaN", [[1, 2], { length: Number.NaN }], [1, 2], TypeError, /^X\[1\] has length NaN, which no array has/],
    ["y of length -1", [[1, 2]], { length: -1 }, TypeError, /^y has length -1, which no array has/],
    ["data of length 1e10 for 1e5 x 1e5", { data: { length: 1e10 }, rows: 1e5, cols: 1e5 }, [1], RangeError, /^X is 100000 x 100000 = 10000000000 values \(80000000000 bytes, 74\.51 GiB as float64\), more than one block holds/],
    ["rows of 1e308 x 1e308", { data: [], rows: 1e308, cols: 1e308 }, [1], RangeError, /^X is 1e\+308 x 1e\+308 = Infinity values/],
  ])("%s", (_, Xin, yin, type, message) => {
    const wasm = getBackend("wasm") as Backend & { heap: { bytesInUse: number } };
    const before = wasm.heap.bytesInUse;
    const fit = () => new Ridge().fit(Xin as number[][], yin as number[]);
    expect(fit).toThrow(type);
    expect(fit).toThrow(message);
    expect(wasm.heap.bytesInUse).toBe(before);
  });

  it("GramAccumulator refuses more features than its d x d statistics can hold, saying the size and the limit", () => {
    expect(() => new GramAccumulator(1e5)).toThrow(new RangeError(
      "nFeatures is 100000: X^T X would hold 100000 x 100000 = 10000000000 values (80000000000 bytes, 74.51 GiB as float64), " +
        "more than one block holds (536870912 values, 4 GiB, the limit of 32-bit WebAssembly): at most 23170 features fit.",
    ));
    expect(new GramAccumulator(23170).nFeatures).toBe(23170);
    expect(() => new GramAccumulator(23171)).toThrow(/at most 23170 features fit/);
  });
});

/** One value more than a block holds. */
const HUGE = 2 ** 29 + 1;
const HUGE_SIZE = /536870913 (values|rows).*\(4294967304 bytes, 4\.00 GiB as float64\), more than one block holds \(536870912 values, 4 GiB/;

/** An array of HUGE entries (Array.isArray holds for it) that counts every read of an entry. */
function countingArray(): { values: number[]; reads: () => number } {
  let reads = 0;
  const values = new Proxy([] as number[], {
    get(target, key) {
      if (key === "length") return HUGE;
      if (typeof key === "string" && /^\d+$/.test(key)) {
        reads++;
        return 1;
      }
      return Reflect.get(target, key);
    },
  });
  return { values, reads: () => reads };
}

/** A real Float64Array of one value whose length says HUGE: a copy that trusted it would write past the block. */
class LyingFloat64Array extends Float64Array {
  override get length(): number {
    return HUGE;
  }
}

describe("data beyond one block (2^29 values, 4 GiB) are refused from the shape, before one value is read", () => {
  const small = [[1, 2], [3, 4], [5, 6]];
  const smallY = [1, 2, 3];
  const fitted = () => new Ridge({ lambda: 0.1 }).fit(small, smallY);
  const entryPoints: [string, (huge: number[]) => unknown][] = [
    ["Ridge.fit X (one column)", (huge) => new Ridge().fit(huge, smallY)],
    ["Ridge.fit X as { data, rows, cols }", (huge) => new Ridge().fit({ data: huge, rows: HUGE, cols: 1 }, smallY)],
    ["Ridge.fit X as rows of one wide row", (huge) => new Ridge().fit([huge], [1])],
    ["Ridge.fit y", (huge) => new Ridge().fit(small, huge)],
    ["fit sampleWeight", (huge) => new Lasso().fit(small, smallY, { sampleWeight: huge })],
    ["predict", (huge) => fitted().predict(huge)],
    ["score y", (huge) => fitted().score(small, huge)],
    ["prepareDesign", (huge) => prepareDesign(huge, smallY)],
    ["lassoPath", (huge) => lassoPath(huge, smallY)],
    ["enetPath sampleWeight", (huge) => enetPath(small, smallY, { sampleWeight: huge })],
    ["LassoCV.fit", (huge) => new LassoCV().fit(huge, smallY)],
    ["ElasticNetCV.fit", (huge) => new ElasticNetCV().fit(small, huge)],
    ["RidgeCV.fit", (huge) => new RidgeCV().fit(huge, smallY)],
    ["RidgeCV lambdas", (huge) => new RidgeCV({ lambdas: huge })],
    ["SGDRegressor.fit", (huge) => new SGDRegressor().fit(huge, smallY)],
    ["SGDRegressor.partialFit", (huge) => new SGDRegressor().partialFit(small, huge)],
    ["MultiTaskLasso.fit", (huge) => new MultiTaskLasso().fit(huge, [[1, 2], [3, 4], [5, 6]])],
    ["GramAccumulator.update", (huge) => new GramAccumulator(1).update(huge, smallY)],
    ["GramAccumulator.fromJSON", (huge) => GramAccumulator.fromJSON({ nFeatures: 1, n: 1, xMean: [0], yMean: 0, xx: huge, xy: [0], yy: 0 })],
    ["CsrMatrix values", (huge) => new CsrMatrix({ rows: 1, cols: 1, values: huge, columnIndices: [0], rowPointers: [0, 1] })],
    ["CsrMatrix.multiply", (huge) => CsrMatrix.fromDense([[1]]).multiply(huge)],
    ["CsrMatrix.fromDense", (huge) => CsrMatrix.fromDense(huge)],
    ["SparseLinearModel.predict", (huge) => fitted().toSparse().predict(huge)],
    ["dot", (huge) => dot(huge, [1])],
    ["gemv", (huge) => gemv(small, huge)],
    ["gemvT", (huge) => gemvT(huge, smallY)],
    ["squaredLossGradient", (huge) => squaredLossGradient(small, huge, [1, 2])],
    ["l1Penalty", (huge) => l1Penalty(huge, 1)],
    ["solve", (huge) => solve([[1]], huge)],
    ["luDecompose", (huge) => luDecompose(huge)],
    ["conditionNumber", (huge) => conditionNumber(huge)],
    ["singularValues", (huge) => singularValues(huge)],
    ["prune", (huge) => prune(huge, { threshold: 0.5 })],
    ["nmPrune", (huge) => nmPrune([huge])],
  ];

  it.each(entryPoints)("%s: counted reads", (_, call) => {
    const { values, reads } = countingArray();
    expect(() => call(values)).toThrow(RangeError);
    expect(() => call(values)).toThrow(HUGE_SIZE);
    expect(reads()).toBe(0);
  });

  it.each(entryPoints)("%s: a real Float64Array whose length says 2^29 + 1", (_, call) => {
    const wasm = getBackend("wasm") as Backend & { heap: { bytesInUse: number } };
    const before = wasm.heap.bytesInUse;
    expect(() => call(new LyingFloat64Array(1) as unknown as number[])).toThrow(HUGE_SIZE);
    expect(wasm.heap.bytesInUse).toBe(before);
  });
});
