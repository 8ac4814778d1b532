// accumulateCsvFiles on worker threads, from the built package (the threads run dist/ scripts), against
// accumulateCsv over one stream of the same rows: the same statistics and the same folds (by the row's index
// across the files) on 1 and 2 threads, files cut into pieces of whole lines; quoted cells, Unicode blank lines
// and errors read again on one thread, with the same values and messages.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { beforeAll, describe, expect, it } from "vitest";
import { mulberry32 } from "../../src/backends/random.js";
import type { CsvStatistics, GramStatistics } from "../../src/index.js";
import { expectClose } from "./expect-statistics.js";

type Dist = typeof import("../../src/index.js");
let dist: Dist;
beforeAll(async () => {
  dist = await import(new URL("../../dist/index.js", import.meta.url).href);
  await dist.init();
});

const folder = mkdtempSync(join(tmpdir(), "regularized-csv-files-"));

/** Rows of a, b, c, y (a with mean 1e6 and spread 1); about 1.3 MB per 20,000 rows, so a file of 60,000 is cut into pieces. */
function rows(n: number, seed: number): number[][] {
  const random = mulberry32(seed);
  return Array.from({ length: n }, () => {
    const [a, b, c] = [1e6 + random(), random() * 4 - 2, random()];
    return [a, b, c, 0.5 * (a - 1e6) - b + 2 * c + 0.1 * random()];
  });
}

/** A CSV of rows with a header in the order `columns` (of "a", "b", "c", "y"), cells as String gives them. */
function csv(data: number[][], columns = ["a", "b", "c", "y"], newline = "\n"): string {
  const order = columns.map((name) => ["a", "b", "c", "y"].indexOf(name));
  return [columns.join(","), ...data.map((row) => order.map((j) => String(row[j])).join(","))].join(newline) + newline;
}

function write(name: string, text: string): string {
  const path = join(folder, name);
  writeFileSync(path, text);
  return path;
}

/** accumulateCsv over the files' texts as one stream (the header of the first, the rows of all, in a, b, c, y order). */
async function oneStream(data: number[][], nFolds?: number): Promise<CsvStatistics> {
  return dist.accumulateCsv(Readable.from([csv(data)]), { target: "y", features: ["a", "b", "c"], nFolds });
}

function expectSame(got: CsvStatistics, want: CsvStatistics): void {
  expect(got.featureNames).toEqual(want.featureNames);
  expectClose(got.total.toJSON(), want.total.toJSON(), 1e-12);
  expect(got.folds.length).toBe(want.folds.length);
  got.folds.forEach((fold, f) => expectClose(fold.toJSON() as GramStatistics, want.folds[f].toJSON(), 1e-12));
}

describe("accumulateCsvFiles", () => {
  const [first, second, third] = [rows(60_000, 1), rows(7, 2), rows(45_000, 3)];
  // Blank lines (skipped by the rules, so not counted as records for the folds) now and then in the first file.
  const withBlanks = csv(first).split("\n").flatMap((line, i) => (i % 4999 === 7 ? [line, i % 2 ? "" : "  \t"] : [line])).join("\n");
  const files = [
    write("first.csv", withBlanks),
    write("second.csv", csv(second, ["y", "c", "b", "a"])),
    write("third.csv", csv(third, ["a", "b", "c", "y"], "\r\n")),
  ];
  const all = [...first, ...second, ...third];

  it("gives one stream's statistics and folds for three files (columns matched by name, CRLF, blank lines) on 1 and 2 threads", async () => {
    for (const nFolds of [undefined, 5]) {
      const want = await oneStream(all, nFolds);
      for (const threads of [1, 2]) {
        const got = await dist.accumulateCsvFiles(files, { target: "y", features: ["a", "b", "c"], nFolds, threads });
        expect([got.threads, got.pieces > 3]).toEqual(threads === 1 ? [1, false] : [2, true]);
        expectSame(got, want);
      }
    }
  });

  it("reads a file with quoted cells, or a Unicode blank line where records are counted, on one thread with the same result", async () => {
    const lines = csv(first).split("\n");
    const quoted = write("quoted.csv", lines.map((line, i) => (i === 40_000 ? line.replace(/^([^,]+),/, '"$1",') : line)).join("\n"));
    const fromQuoted = await dist.accumulateCsvFiles(quoted, { target: "y", threads: 2 });
    expect(fromQuoted.threads).toBe(1);
    expectSame(fromQuoted, await oneStream(first));
    const blank = write("blank.csv", [...lines.slice(0, 30_000), "\u00a0\u3000", ...lines.slice(30_000)].join("\n"));
    const fromBlank = await dist.accumulateCsvFiles(blank, { target: "y", threads: 2, nFolds: 3 });
    expect(fromBlank.threads).toBe(1);
    expectSame(fromBlank, await oneStream(first, 3));
    // Without folds the records are not counted: the blank line is skipped on two threads.
    const unfolded = await dist.accumulateCsvFiles(blank, { target: "y", threads: 2 });
    expect(unfolded.threads).toBe(2);
    expectSame(unfolded, await oneStream(first));
  });

  it("names the line of a bad cell in a later piece as accumulateCsv does", async () => {
    const lines = csv(first).split("\n");
    lines[50_000] = lines[50_000].replace(/,[^,]+$/, ",1,5");
    lines[55_000] = lines[55_000].replace(/,[^,]+$/, ",abc");
    const text = lines.join("\n");
    const bad = write("bad.csv", text);
    const message = await dist.accumulateCsv(Readable.from([text]), { target: "y", source: bad }).then(() => "", (error: Error) => error.message);
    expect(message).toMatch(/line 50001 has 5 cells/);
    await expect(dist.accumulateCsvFiles(bad, { target: "y", threads: 2 })).rejects.toThrow(message);
  });

  it("refuses what it cannot read, saying what to pass", async () => {
    await expect(dist.accumulateCsvFiles([], { target: "y" })).rejects.toThrow(/files must be a path or a non-empty array of paths/);
    await expect(dist.accumulateCsvFiles(files, { target: "y", threads: 0 })).rejects.toThrow(/threads must be an integer from 1/);
    await expect(dist.accumulateCsvFiles(files, { target: "y", nFolds: 1 })).rejects.toThrow(/at least 2 folds/);
    await expect(dist.accumulateCsvFiles(join(folder, "missing.csv"), { target: "y" })).rejects.toThrow(/cannot read .*missing\.csv \(ENOENT\): check the path/);
    await expect(dist.accumulateCsvFiles(files, { target: "z", threads: 2 })).rejects.toThrow(/has no column "z" \(the target\)/);
  });
});
