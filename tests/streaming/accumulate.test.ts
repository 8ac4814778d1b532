import { beforeAll, describe, expect, it } from "vitest";
import { accumulateStatistics, foldOfRow, GramAccumulator, init, type RowChunk } from "../../src/index.js";
import { mulberry32 } from "../../src/backends/random.js";
import { expectClose } from "./expect-statistics.js";

beforeAll(() => init());

/** Rows with a column of mean 1e6 and spread 1 beside ordinary ones. */
function data(n: number, seed: number): { X: number[][]; y: number[] } {
  const random = mulberry32(seed);
  const X = Array.from({ length: n }, () => [1e6 + random() - 0.5, random() * 4 - 2, random()]);
  const y = X.map(([a, b, c]) => 0.5 * (a - 1e6) - b + 2 * c + 0.1 * random());
  return { X, y };
}


function chunksOf(X: number[][], y: number[], sizes: number[]): RowChunk[] {
  const chunks: RowChunk[] = [];
  let start = 0;
  for (const size of sizes) {
    chunks.push({ X: X.slice(start, start + size), y: y.slice(start, start + size) });
    start += size;
  }
  return chunks;
}

describe("accumulateStatistics", () => {
  const { X, y } = data(1000, 3);

  it("gives one accumulator per fold, the rows of fold f those with foldOfRow(i, k) = f, merged to the total of all rows", async () => {
    async function* stream() {
      yield* chunksOf(X, y, [1, 250, 333, 416]);
    }
    const { total, folds } = await accumulateStatistics(stream(), { nFolds: 5 });
    const all = new GramAccumulator(3).update(X, y).toJSON();
    expectClose(total.toJSON(), all, 1e-12);
    folds.forEach((fold, f) => {
      const rows = [...X.keys()].filter((i) => foldOfRow(i, 5) === f);
      expectClose(fold.toJSON(), new GramAccumulator(3).update(rows.map((i) => X[i]), rows.map((i) => y[i])).toJSON(), 1e-12);
    });
    const merged = new GramAccumulator(3);
    for (const fold of folds) merged.merge(fold);
    expectClose(merged.toJSON(), all, 1e-12);
  });

  it("takes a sync iterable of chunks in any matrix form, and no folds", async () => {
    const flat = { data: X.flat(), rows: X.length, cols: 3 };
    const { total, folds } = await accumulateStatistics([{ X: flat, y }]);
    expect(folds).toEqual([]);
    expectClose(total.toJSON(), new GramAccumulator(3).update(X, y).toJSON(), 1e-12);
  });

  it("deals rows to folds evenly, the same for any chunking", () => {
    const counts = new Array(7).fill(0);
    for (let i = 0; i < 70000; i++) counts[foldOfRow(i, 7)]++;
    for (const count of counts) expect(Math.abs(count - 10000)).toBeLessThan(400);
    expect(foldOfRow(2 ** 40 + 5, 7)).toBe(foldOfRow(2 ** 40 + 5, 7));
    expect(foldOfRow(2 ** 40 + 5, 2 ** 31)).not.toBe(foldOfRow(5, 2 ** 31));
  });

  it("refuses an empty stream and fewer than 2 folds, saying what to pass", async () => {
    await expect(accumulateStatistics([])).rejects.toThrow(/at least one chunk/);
    await expect(accumulateStatistics([{ X, y }], { nFolds: 1 })).rejects.toThrow(/at least 2 folds/);
  });
});

describe("GramAccumulator.subtract", () => {
  it("undoes a merge: subtract(merge(a, b), b) = a, with a column of mean 1e6 and spread 1", () => {
    const first = data(300, 11);
    const second = data(500, 12);
    const a = new GramAccumulator(3).update(first.X, first.y);
    const b = new GramAccumulator(3).update(second.X, second.y);
    const back = a.clone().merge(b).subtract(b);
    expectClose(back.toJSON(), a.toJSON(), 1e-10);
  });

  it("gives a fold's training statistics: the total minus the fold equals the other rows accumulated directly", () => {
    const { X, y } = data(600, 5);
    const total = new GramAccumulator(3, "js").update(X, y);
    const fold = new GramAccumulator(3, "js").update(X.slice(0, 100), y.slice(0, 100));
    expectClose(total.subtract(fold).toJSON(), new GramAccumulator(3, "js").update(X.slice(100), y.slice(100)).toJSON(), 1e-10);
  });

  it("refuses more rows than it holds, and leaves an empty accumulator after subtracting itself", () => {
    const { X, y } = data(10, 1);
    const small = new GramAccumulator(3).update(X.slice(0, 4), y.slice(0, 4));
    const large = new GramAccumulator(3).update(X, y);
    expect(() => small.subtract(large)).toThrow(/only 4/);
    expect(large.clone().subtract(large).count).toBe(0);
  });
});

describe("foldOfRow keeps folds balanced for few rows", () => {
  it.each([[19, 5], [4, 3], [31, 10], [1000, 7]])("%i rows in %i folds: every fold holds floor(n / k) or one more", (n, k) => {
    const sizes = new Array<number>(k).fill(0);
    for (let i = 0; i < n; i++) sizes[foldOfRow(i, k)]++;
    sizes.forEach((size) => expect(size === Math.floor(n / k) || size === Math.floor(n / k) + 1).toBe(true));
  });
});
