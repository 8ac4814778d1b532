// Streamed CSV statistics: MB/s from a file read stream to the finished statistics, for accumulateCsv (papaparse
// under the table rules) and the csv-parse reader it replaced, and the bare parsers (no number conversion) for
// the floor. Writes a 200,000 x 21 CSV to the temp directory (--quick: 50,000 rows); prints a markdown table and
// writes bench/results/csv.json.

import { createReadStream, mkdtempSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse";
import Papa from "papaparse";
import { CSV_OPTIONS, tableFromRecords, type CsvRecord } from "../src/csv/table.js";
import { accumulateCsv, accumulateStatistics, initSync } from "../src/index.js";
import { benchArgs, fixed, printTable, randomArray, writeResults } from "./harness.js";

const { quick } = benchArgs();
const [N, D] = [quick ? 50_000 : 200_000, 20];
const CHUNK_ROWS = 8192;

initSync();
const file = join(mkdtempSync(join(tmpdir(), "regularized-bench-csv-")), "rows.csv");
const values = randomArray(N * (D + 1), 31);
const lines = [[...Array.from({ length: D }, (_, j) => `x${j}`), "y"].join(",")];
for (let i = 0; i < N; i++) lines.push(Array.from(values.subarray(i * (D + 1), (i + 1) * (D + 1)), (v) => v.toFixed(5)).join(","));
writeFileSync(file, lines.join("\n") + "\n");
const mb = statSync(file).size / 1e6;
const read = () => createReadStream(file);

/** The reader accumulateCsv had before papaparse: csv-parse's streaming parser, tableFromRecords per batch of records. */
async function csvParseWithRules(): Promise<number> {
  const records = read().pipe(parse(CSV_OPTIONS));
  let header: CsvRecord | undefined;
  let batch: CsvRecord[] = [];
  const toChunk = (rows: CsvRecord[]) => {
    const table = tableFromRecords([header!, ...rows], "the CSV").rows;
    const X = new Float64Array(table.length * D);
    table.forEach((row, i) => X.set(row.slice(0, D), i * D));
    return { X: { data: X, rows: table.length, cols: D }, y: Float64Array.from(table, (row) => row[D]) };
  };
  const chunks = async function* () {
    for await (const record of records as AsyncIterable<CsvRecord>) {
      if (!header) header = record;
      else if (batch.push(record) === CHUNK_ROWS) {
        yield toChunk(batch);
        batch = [];
      }
    }
    if (batch.length > 0) yield toChunk(batch);
  };
  return (await accumulateStatistics(chunks())).total.count;
}

async function csvParseBare(): Promise<number> {
  let rows = 0;
  for await (const record of read().pipe(parse(CSV_OPTIONS))) rows += (record as CsvRecord).record.length > 0 ? 1 : 0;
  return rows - 1;
}

function papaparseBare(): Promise<number> {
  return new Promise((resolve) => {
    let rows = 0;
    Papa.parse(read(), { delimiter: ",", skipEmptyLines: true, chunk: (result: Papa.ParseResult<string[]>) => void (rows += result.data.length), complete: () => resolve(rows - 1) });
  });
}

const candidates: [string, () => Promise<number>][] = [
  ["accumulateCsv: papaparse Parser + table rules + Float64Array chunks (used)", async () => (await accumulateCsv(read(), { target: "y", chunkRows: CHUNK_ROWS })).total.count],
  ["csv-parse stream + tableFromRecords + number[][] (before)", csvParseWithRules],
  ["floor: papaparse parse alone, no numbers", papaparseBare],
  ["floor: csv-parse stream alone, no numbers", csvParseBare],
];

const table: string[][] = [["reader, file stream to statistics", "rows x cells", "seconds", "MB/s"]];
const results = [];
for (const [name, run] of candidates) {
  const start = performance.now();
  const rows = await run();
  const seconds = (performance.now() - start) / 1e3;
  if (rows !== N) throw new Error(`${name} read ${rows} rows of ${N}`);
  table.push([name, `${N} x ${D + 1}`, fixed(seconds, 2), fixed(mb / seconds, 1)]);
  results.push({ reader: name, seconds, mbPerSecond: mb / seconds });
  process.stderr.write(`. ${name}\n`);
}

printTable(table);
writeResults("csv", { file: { rows: N, cells: D + 1, megabytes: mb }, readers: results });
