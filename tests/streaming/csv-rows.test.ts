// The reader of accumulateCsv (decimal lines from their bytes, papaparse for the header and quotes) against the
// in-memory reader (csv-parse's sync parser and the same table rules): statistics for every chunk size (the row
// arrays are reused between chunks), and error lines where records span lines or blank lines are skipped.
import { Readable } from "node:stream";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { accumulateCsv, GramAccumulator, init } from "../../src/index.js";
import { CSV_OPTIONS, tableFromRecords, type CsvRecord } from "../../src/csv/table.js";
import { mulberry32 } from "../../src/backends/random.js";

beforeAll(() => init());

/**
 * A header whose first name is quoted across two lines, then rows with blanks-only lines between some: cells of
 * 17 digits and of 4 decimals (both readers of decimal-row.ts), now and then one quoted (papaparse's stretch).
 */
function text(n: number, newline = "\n"): string {
  const random = mulberry32(21);
  const lines = ['"x\nfirst",x2,y'];
  for (let i = 0; i < n; i++) {
    const first = i % 97 === 5 ? `"${(random() * 4 - 2).toFixed(3)}"` : String(random() * 4 - 2);
    lines.push(`${first},${random().toFixed(4)},${random() * 100}`);
    if (i % 13 === 0) lines.push("   ");
  }
  return lines.join(newline) + newline;
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

describe("accumulateCsv's reader", () => {
  const csv = text(1000);
  const expected = (csv: string) => {
    const { rows } = inMemoryTable(csv);
    return new GramAccumulator(2).update(rows.map((row) => [row[1], row[0]]), rows.map((row) => row[2])).toJSON();
  };

  it("gives the in-memory statistics for chunks of 1, 7, 999, 1000 and 8192 rows, with and without folds, either line break", async () => {
    for (const [newline, chunkRows, size] of [["\n", 1, 50], ["\n", 7, 50], ["\n", 999, 4096], ["\r\n", 1000, 50], ["\r\n", 8192, 65536]] as const) {
      const csv = text(1000, newline);
      const want = expected(csv);
      for (const nFolds of [undefined, 3]) {
        const stats = await accumulateCsv(pieces(csv, size), { target: "y", features: ["x2", "x\nfirst"], chunkRows, nFolds });
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
    for (const newline of ["\n", "\r\n"]) {
      const lines = text(1000, newline).split(newline);
      const badCell = [...lines.slice(0, 700), lines[700].replace(/,[^,]+$/, ",0x1F"), ...lines.slice(701)].join(newline);
      const shortRow = [...lines.slice(0, 900), "1,2", ...lines.slice(900)].join(newline);
      const badQuoted = [...lines.slice(0, 800), '"1e999",2,3', ...lines.slice(800)].join(newline);
      for (const bad of [badCell, shortRow, badQuoted]) {
        const message = inMemoryMessage(bad);
        expect(message).toMatch(/line \d+/);
        await expect(accumulateCsv(pieces(bad, 77), { target: "y" })).rejects.toThrow(message);
      }
    }
  });

  it("refuses a chunk size that is not a positive integer", async () => {
    await expect(accumulateCsv(pieces(csv, 50), { target: "y", chunkRows: 0 })).rejects.toThrow(/chunkRows/);
  });
});
