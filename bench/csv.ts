// Streamed CSV statistics: MB/s from a file to the finished statistics, for accumulateCsv (decimal lines read from
// their bytes), accumulateCsvFiles on 1 and 2 threads, the readers it replaced, and the bare parsers (no number
// conversion); then the command line end to end on the same file (--stream, --engine duckdb, in memory), and on
// the 1,000,000 x 21 file (skipped with --quick). Writes a 200,000 x 21 CSV to the temp directory
// (--quick: 50,000 rows); prints markdown tables and writes bench/results/csv.json.

import { spawnSync } from "node:child_process";
import { appendFileSync, createReadStream, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse";
import Papa from "papaparse";
import { CSV_OPTIONS, tableFromRecords, type CsvRecord } from "../src/csv/table.js";
import { accumulateCsv, accumulateStatistics, GramAccumulator, initSync, Ridge, type RowChunk } from "../src/index.js";
import { RowTable } from "../src/streaming/row-table.js";
import { benchArgs, builtPackage, fixed, printTable, randomArray, writeResults } from "./harness.js";

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

/** The reader before the byte reader: papaparse's parser over each text chunk, every record through the table rules. */
function papaparseWithRules(): Promise<number> {
  const table = new RowTable("the CSV", CHUNK_ROWS, (columns) => ({ targetIndex: D, featureIndices: columns.slice(0, D).map((_, j) => j) }));
  const total = new GramAccumulator(D);
  return new Promise((resolve) => {
    Papa.parse(read(), {
      delimiter: ",",
      chunk: (result: Papa.ParseResult<string[]>) => {
        for (const cells of result.data) {
          if (table.full) total.update(...Object.values(table.take()) as [RowChunk["X"], RowChunk["y"]]);
          table.record(cells, () => 0);
        }
      },
      complete: () => {
        if (table.pending) total.update(...Object.values(table.take()) as [RowChunk["X"], RowChunk["y"]]);
        resolve(total.count);
      },
    });
  });
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

/** The built package: accumulateCsvFiles's threads run its dist/ scripts. */
const built = await builtPackage();

const candidates: [string, () => Promise<number>][] = [
  ["accumulateCsv: decimal lines from their bytes, papaparse for quotes (used)", async () => (await accumulateCsv(read(), { target: "y", chunkRows: CHUNK_ROWS })).total.count],
  ["accumulateCsvFiles, 1 thread (file read into one reused buffer)", async () => (await built.accumulateCsvFiles(file, { target: "y", threads: 1 })).total.count],
  ["accumulateCsvFiles, 2 threads (8 pieces of the file)", async () => (await built.accumulateCsvFiles(file, { target: "y", threads: 2 })).total.count],
  ["papaparse stream + table rules + Float64Array chunks (before)", papaparseWithRules],
  ["csv-parse stream + tableFromRecords + number[][] (first)", csvParseWithRules],
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

// The command line end to end (process start to exit): peak resident memory from GNU time when /usr/bin/time is
// there; the process's own wall time otherwise.
const cli = fileURLToPath(new URL("../dist/cli/main.js", import.meta.url));
const timeTool = existsSync("/usr/bin/time") ? "/usr/bin/time" : undefined;
const endToEndHeader = ["command (ridge, lambda 0.01)", "rows x cells", "seconds", "MB/s", "peak RSS MB"];

interface CommandRun {
  command: string;
  seconds: number;
  mbPerSecond: number;
  peakRssMb: number;
  coef?: number[];
}

/** Runs `fit csv --target y --model ridge --lambda 0.01 --format json` with `flags`, once. */
function timeCommand(name: string, csv: string, megabytes: number, flags: string[]): CommandRun | string {
  const args = [cli, "fit", csv, "--target", "y", "--model", "ridge", "--lambda", "0.01", "--format", "json", ...flags];
  const start = performance.now();
  const child = timeTool
    ? spawnSync(timeTool, ["-f", "%M", process.execPath, ...args], { encoding: "utf8", maxBuffer: 1 << 26 })
    : spawnSync(process.execPath, args, { encoding: "utf8", maxBuffer: 1 << 26 });
  const seconds = (performance.now() - start) / 1e3;
  if (child.status !== 0) return child.stderr.trim().split("\n")[0];
  const rss = timeTool ? Number(child.stderr.trim().split("\n").pop()) / 1e3 : Number.NaN;
  process.stderr.write(`. ${name}\n`);
  return { command: name, seconds, mbPerSecond: megabytes / seconds, peakRssMb: rss, coef: JSON.parse(child.stdout).fitted.coef };
}

function commandRows(runs: [string, CommandRun | string][], shape: string): string[][] {
  return runs.map(([name, run]) => typeof run === "string"
    ? [name, shape, "failed", "-", run]
    : [name, shape, fixed(run.seconds, 2), fixed(run.mbPerSecond, 1), timeTool ? fixed(run.peakRssMb, 0) : "-"]);
}

const commands: [string, string[]][] = [
  ["fit --stream (one thread below 64 MiB)", ["--stream"]],
  ["fit --stream --threads 2", ["--stream", "--threads", "2"]],
  ["fit --engine duckdb", ["--engine", "duckdb"]],
  ["fit (rows in memory)", []],
];
const endToEnd = commands.map(([name, flags]): [string, CommandRun | string] => [name, timeCommand(name, file, mb, flags)]);
printTable([endToEndHeader, ...commandRows(endToEnd, `${N} x ${D + 1}`)]);

// The file: 1,000,000 x 21 (about 180 MB), streamed on one thread and on two (the default past 64 MiB)
// and read by DuckDB; coefficients against the exact Ridge fitted in this process on the same doubles.
const bigRuns: [string, CommandRun | string][] = [];
let bigFile: { rows: number; megabytes: number } | undefined;
if (!quick) {
  const [bigN, bigPath] = [1_000_000, join(tmpdir(), `regularized-bench-csv-big-${process.pid}.csv`)];
  const bigValues = randomArray(bigN * (D + 1), 37).map((v) => Number(v.toFixed(5)));
  writeFileSync(bigPath, [...Array.from({ length: D }, (_, j) => `x${j}`), "y"].join(",") + "\n");
  for (let block = 0; block < bigN; block += 50_000) {
    const lines = [];
    for (let i = block; i < block + 50_000; i++) lines.push(Array.from(bigValues.subarray(i * (D + 1), (i + 1) * (D + 1)), (v) => v.toFixed(5)).join(","));
    appendFileSync(bigPath, lines.join("\n") + "\n");
  }
  const bigMb = statSync(bigPath).size / 1e6;
  bigFile = { rows: bigN, megabytes: bigMb };
  const X = new Float64Array(bigN * D);
  const y = new Float64Array(bigN);
  for (let i = 0; i < bigN; i++) {
    X.set(bigValues.subarray(i * (D + 1), i * (D + 1) + D), i * D);
    y[i] = bigValues[i * (D + 1) + D];
  }
  const exact = Array.from(new Ridge({ lambda: 0.01 }).fit({ data: X, rows: bigN, cols: D }, y).coef);
  const scale = Math.max(...exact.map(Math.abs));
  for (const [name, flags] of [["fit --stream --threads 1", ["--stream", "--threads", "1"]], ["fit --stream (2 threads: the default past 64 MiB here)", ["--stream"]], ["fit --engine duckdb", ["--engine", "duckdb"]]] as const) {
    bigRuns.push([name, timeCommand(name, bigPath, bigMb, [...flags])]);
  }
  rmSync(bigPath);
  const rows = commandRows(bigRuns, `${bigN} x ${D + 1}`).map((row, i) => {
    const run = bigRuns[i][1];
    return [...row, typeof run === "string" ? "-" : (Math.max(...run.coef!.map((c, j) => Math.abs(c - exact[j]))) / scale).toExponential(1)];
  });
  printTable([[...endToEndHeader, "coef vs exact (relative)"], ...rows]);
}
const plain = (runs: [string, CommandRun | string][]) => runs.flatMap(([, run]) => (typeof run === "string" ? [] : [{ ...run, coef: undefined }]));
writeResults("csv", { file: { rows: N, cells: D + 1, megabytes: mb }, readers: results, commands: plain(endToEnd), bigFile, bigCommands: plain(bigRuns) });
