import { Readable } from "node:stream";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { accumulateCsv, GramAccumulator, init } from "../../src/index.js";
import { CSV_OPTIONS, tableFromRecords, type CsvRecord } from "../../src/csv/table.js";
import { readCsv } from "../../src/cli/csv.js";
import { writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { mulberry32 } from "../../src/backends/random.js";

beforeAll(() => init());

/** A CSV with a BOM, CRLF line ends, quoted cells and blank lines, as the command line reads it. */
function csvText(n: number): string {
  const random = mulberry32(9);
  const lines = ["\uFEFFa,\"b\",target,c"];
  for (let i = 0; i < n; i++) {
    const [a, b, c] = [1e6 + random(), random() * 10 - 5, random()];
    lines.push(`${a},"${b}",${(2 * b - c + 0.01 * random()).toExponential()},${c}`);
    if (i % 97 === 0) lines.push("");
  }
  return lines.join("\r\n") + "\r\n";
}

/** The in-memory reader's table (csv-parse's sync parser and the same table rules). */
function inMemory(text: string) {
  const { columns, rows } = tableFromRecords(parse(text, CSV_OPTIONS) as unknown as CsvRecord[], "the CSV");
  const [t, features] = [columns.indexOf("target"), ["c", "a"].map((name) => columns.indexOf(name))];
  return { X: rows.map((row) => features.map((c) => row[c])), y: rows.map((row) => row[t]) };
}

/** A Readable that hands the text out in pieces of `size` bytes (cutting lines, quotes and CRLF pairs). */
function readable(text: string, size: number): Readable {
  const bytes = Buffer.from(text);
  return Readable.from((function* () {
    for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
  })());
}

function expectSameStatistics(a: GramAccumulator, b: GramAccumulator): void {
  const [s, t] = [a.toJSON(), b.toJSON()];
  expect(s.n).toBe(t.n);
  for (const key of ["xMean", "xx", "xy"] as const) {
    const scale = Math.max(...t[key].map(Math.abs));
    s[key].forEach((v, i) => expect(Math.abs(v - t[key][i])).toBeLessThanOrEqual(1e-12 * scale));
  }
  expect(Math.abs(s.yy - t.yy)).toBeLessThanOrEqual(1e-12 * t.yy);
}

describe("accumulateCsv", () => {
  const text = csvText(3000);
  const { X, y } = inMemory(text);
  const expected = () => new GramAccumulator(2).update(X, y);

  it("from a Node Readable cut anywhere equals the in-memory accumulator of the parsed rows", async () => {
    for (const size of [7, 1000, 1 << 16]) {
      const stats = await accumulateCsv(readable(text, size), { target: "target", features: ["c", "a"], chunkRows: 500 });
      expect(stats.featureNames).toEqual(["c", "a"]);
      expectSameStatistics(stats.total, expected());
    }
  });

  it("from a Blob (the browser's File) equals it too, and its folds merge to the total", async () => {
    const stats = await accumulateCsv(new Blob([text]), { target: "target", features: ["c", "a"], nFolds: 4 });
    expectSameStatistics(stats.total, expected());
    expect(stats.folds.reduce((sum, fold) => sum + fold.count, 0)).toBe(3000);
  });

  it("takes every column but the target as a feature by default", async () => {
    const stats = await accumulateCsv(readable(text, 4096), { target: "target" });
    expect(stats.featureNames).toEqual(["a", "b", "c"]);
    expect(stats.total.nFeatures).toBe(3);
  });

  it("reports a bad cell at the line and column the in-memory reader names", async () => {
    const lines = text.split("\r\n");
    lines[2500] = lines[2500].replace(/^[^,]+/, "1.5e");
    const bad = lines.join("\r\n");
    const dir = mkdtempSync(join(tmpdir(), "stream-csv-"));
    writeFileSync(join(dir, "bad.csv"), bad);
    let message = "";
    try {
      readCsv(join(dir, "bad.csv"));
    } catch (error) {
      message = (error as Error).message.replace(join(dir, "bad.csv"), "the CSV");
    }
    expect(message).toMatch(/line \d+, column "a": "1.5e" is not a number/);
    await expect(accumulateCsv(readable(bad, 333), { target: "target" })).rejects.toThrow(message);
  });

  it("gives the in-memory reader's messages for an empty file, a header alone, and names a missing target", async () => {
    await expect(accumulateCsv(readable("", 10), { target: "y" })).rejects.toThrow("the CSV is empty: it needs a header row and at least one data row.");
    await expect(accumulateCsv(readable("a,y\n", 10), { target: "y" })).rejects.toThrow("the CSV has a header but no data rows");
    await expect(accumulateCsv(readable("a,b\n1,2\n", 10), { target: "y" })).rejects.toThrow(/no column "y".*its columns are a, b/);
    await expect(accumulateCsv(readable('a,y\n1,"2\n', 3), { target: "y" })).rejects.toThrow(/is not valid CSV/);
  });
});
