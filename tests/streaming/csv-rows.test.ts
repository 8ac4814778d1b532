// The papaparse reader of accumulateCsv against the in-memory reader (csv-parse's sync parser and the same table
// rules): statistics for every chunk size (the row arrays are reused between chunks), and error lines where
// records span lines or blank lines are skipped.
import { Readable } from "node:stream";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { accumulateCsv, GramAccumulator, init } from "../../src/index.js";
import { CSV_OPTIONS, tableFromRecords, type CsvRecord } from "../../src/csv/table.js";
import { mulberry32 } from "../../src/backends/random.js";

beforeAll(() => init());

/** A header whose first name is quoted across two lines, then rows with blanks-only lines between some. */
function text(n: number): string {
  const random = mulberry32(21);
  const lines = ['"x\nfirst",x2,y'];
  for (let i = 0; i < n; i++) {
    lines.push(`${random() * 4 - 2},${random()},${random() * 100}`);
    if (i % 13 === 0) lines.push("   ");
  }
  return lines.join("\n") + "\n";
}

function inMemoryTable(csv: string) {
  return tableFromRecords(parse(csv, CSV_OPTIONS) as unknown as CsvRecord[], "the CSV");
}

function inMemoryMessage(csv: string): string {
  try {
    inMemoryTable(csv);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("the in-memory reader accepted the CSV");
}

const pieces = (csv: string, size: number) => Readable.from(Buffer.from(csv).toString().match(new RegExp(`[^]{1,${size}}`, "g")) ?? []);

describe("accumulateCsv with papaparse", () => {
  const csv = text(1000);
  const { rows } = inMemoryTable(csv);
  const expected = () => new GramAccumulator(2).update(rows.map((row) => [row[1], row[0]]), rows.map((row) => row[2])).toJSON();

  it("gives the in-memory statistics for chunks of 1, 7, 999, 1000 and 8192 rows, with and without folds", async () => {
    const want = expected();
    for (const chunkRows of [1, 7, 999, 1000, 8192]) {
      for (const nFolds of [undefined, 3]) {
        const stats = await accumulateCsv(pieces(csv, 50), { target: "y", features: ["x2", "x\nfirst"], chunkRows, nFolds });
        const got = stats.total.toJSON();
        expect(got.n).toBe(1000);
        for (const key of ["xMean", "xx", "xy"] as const) {
          got[key].forEach((v, i) => expect(Math.abs(v - want[key][i])).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(want[key][i]))));
        }
        expect(Math.abs(got.yy - want.yy)).toBeLessThanOrEqual(1e-12 * want.yy);
      }
    }
  });

  it("names the line the in-memory reader names, after a two-line header and skipped blank lines", async () => {
    const lines = csv.split("\n");
    const badCell = [...lines.slice(0, 700), lines[700].replace(/,[^,]+$/, ",0x1F"), ...lines.slice(701)].join("\n");
    const shortRow = [...lines.slice(0, 900), "1,2", ...lines.slice(900)].join("\n");
    for (const bad of [badCell, shortRow]) {
      const message = inMemoryMessage(bad);
      expect(message).toMatch(/line \d+/);
      await expect(accumulateCsv(pieces(bad, 77), { target: "y" })).rejects.toThrow(message);
    }
  });

  it("refuses a chunk size that is not a positive integer", async () => {
    await expect(accumulateCsv(pieces(csv, 50), { target: "y", chunkRows: 0 })).rejects.toThrow(/chunkRows/);
  });
});
