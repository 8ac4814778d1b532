import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { CliError } from "./cli-error.js";

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
  let records: string[][];
  try {
    records = parse(text, { skip_empty_lines: true, trim: true }) as string[][];
  } catch (error) {
    throw new CliError(`${path} is not valid CSV: ${(error as Error).message}`);
  }
  if (records.length < 2) throw new CliError(`${path} is empty: it needs a header row and at least one data row.`);
  const [columns, ...data] = records;
  const rows = data.map((record, r) => {
    if (record.length !== columns.length) {
      throw new CliError(`${path} line ${r + 2} has ${record.length} cells but the header has ${columns.length}.`);
    }
    return record.map((cell, c) => {
      const value = Number(cell);
      if (cell === "" || !Number.isFinite(value)) {
        throw new CliError(`${path} line ${r + 2}, column "${columns[c]}": ${cell === "" ? "missing value" : `"${cell}" is not a number`}.`);
      }
      return value;
    });
  });
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
