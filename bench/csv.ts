// Streamed CSV statistics: MB/s from a file read stream to the finished statistics, for accumulateCsv (papaparse
// under the table rules) and the csv-parse reader it replaced, and the bare parsers (no number conversion) for
// the floor; then the command line end to end on the same file (--stream, --engine duckdb, in memory). Writes a
// 200,000 x 21 CSV to the temp directory (--quick: 50,000 rows); prints markdown tables and writes
// bench/results/csv.json.

import { spawnSync } from "node:child_process";
import { createReadStream, existsSync, mkdtempSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
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

// The command line end to end (process start to exit) on the same file: streamed, in DuckDB, and in memory. Peak
// resident memory from GNU time when /usr/bin/time is there; the process's own wall time otherwise.
const cli = fileURLToPath(new URL("../dist/cli/main.js", import.meta.url));
const timeTool = existsSync("/usr/bin/time") ? "/usr/bin/time" : undefined;
const commands: [string, string[]][] = [
  ["fit --stream", ["--stream"]],
  ["fit --engine duckdb", ["--engine", "duckdb"]],
  ["fit (rows in memory)", []],
];
const endToEnd: string[][] = [["command (ridge, lambda 0.01)", "rows x cells", "seconds", "MB/s", "peak RSS MB"]];
const commandResults = [];
for (const [name, flags] of commands) {
  const args = [cli, "fit", file, "--target", "y", "--model", "ridge", "--lambda", "0.01", "--format", "json", ...flags];
  const start = performance.now();
  const child = timeTool
    ? spawnSync(timeTool, ["-f", "%M", process.execPath, ...args], { encoding: "utf8" })
    : spawnSync(process.execPath, args, { encoding: "utf8" });
  const seconds = (performance.now() - start) / 1e3;
  if (child.status !== 0) {
    endToEnd.push([name, `${N} x ${D + 1}`, "failed", "-", child.stderr.trim().split("\n")[0]]);
    continue;
  }
  const rss = timeTool ? Number(child.stderr.trim().split("\n").pop()) / 1e3 : Number.NaN;
  endToEnd.push([name, `${N} x ${D + 1}`, fixed(seconds, 2), fixed(mb / seconds, 1), timeTool ? fixed(rss, 0) : "-"]);
  commandResults.push({ command: name, seconds, mbPerSecond: mb / seconds, peakRssMb: rss });
  process.stderr.write(`. ${name}\n`);
}
printTable(endToEnd);
writeResults("csv", { file: { rows: N, cells: D + 1, megabytes: mb }, readers: results, commands: commandResults });
