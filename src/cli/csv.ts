import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { CliError } from "./cli-error.js";

/** A decimal number, as a CSV cell may hold one. */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** A numeric table read from a CSV file with a header row. */
export interface Table {
  columns: string[];
  rows: number[][];
}

/** Reads a CSV file with a header; every other cell must be a number (errors name the line and column). */
export function readCsv(path: string): Table {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new CliError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { skip_empty_lines: true, trim: true, info: true }) as unknown as typeof records;
  } catch (error) {
    throw new CliError(`${path} is not valid CSV: ${(error as Error).message}`);
  }
  if (records.length < 2) throw new CliError(`${path} is empty: it needs a header row and at least one data row.`);
  const [header, ...data] = records;
  const columns = header.record;
  const rows = data.map(({ record, info }) =>
    record.map((cell, c) => {
      // Decimal numbers only: Number() would also read "0x10" as 16.
      if (!DECIMAL.test(cell) || !Number.isFinite(Number(cell))) {
        throw new CliError(`${path} line ${info.lines}, column "${columns[c]}": ${cell === "" ? "missing value" : `"${cell}" is not a number`}.`);
      }
      return Number(cell);
    }));
  return { columns, rows };
}

/** Splits a table into features and the target column. */
export function splitTarget(table: Table, target: string, source: string): { X: number[][]; y: number[]; featureNames: string[] } {
  const index = table.columns.indexOf(target);
  if (index < 0) throw new CliError(`${source} has no column "${target}": its columns are ${table.columns.join(", ")}.`);
  return {
    X: table.rows.map((row) => row.filter((_, c) => c !== index)),
    y: table.rows.map((row) => row[index]),
    featureNames: table.columns.filter((_, c) => c !== index),
  };
}
