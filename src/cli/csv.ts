import { parse } from "csv-parse/sync";
import { CliError } from "./cli-error.js";
import { readText, sourceName } from "./input-source.js";
import {
  checkHeader, CSV_OPTIONS, csvSyntaxMessage, tableFromRecords, type CsvRecord, type Table,
} from "../csv/table.js";

export type { Table } from "../csv/table.js";

/** The records of a CSV file (or standard input for `-`), parsed but not yet checked, and how messages name it. */
export function readRecords(path: string): { records: CsvRecord[]; source: string } {
  const source = sourceName(path);
  const text = readText(path);
  try {
    return { records: parse(text, CSV_OPTIONS) as unknown as CsvRecord[], source };
  } catch (error) {
    throw new CliError(csvSyntaxMessage(source, error as Error));
  }
}

/** Reads a CSV file (or standard input for `-`) with a header; every other cell must be a number (errors name the line and column). */
export function readCsv(path: string): Table {
  const { records, source } = readRecords(path);
  return tableFromRecords(records, source);
}

/** The header and the data records, checked as the numeric table checks them: not empty, a good header, a data row. */
export function headerAndData(records: readonly CsvRecord[], source: string): { columns: string[]; data: readonly CsvRecord[] } {
  if (records.length === 0) throw new CliError(`${source} is empty: it needs a header row and at least one data row.`);
  const [header, ...data] = records;
  checkHeader(header.record, source);
  if (data.length === 0) throw new CliError(`${source} has a header but no data rows: add at least one data row.`);
  return { columns: header.record, data };
}

/** Features and targets: the target columns (several for a multi-output fit) and the other columns as features. */
export interface Split {
  X: number[][];
  /** One value per row for one target; one row of values per row for several. */
  y: number[] | number[][];
  featureNames: string[];
  targets: string[];
}

/** The columns of the `targets` (their indices, in the order given) and the feature columns; refuses a missing target or no feature left. */
export function targetColumns(columns: readonly string[], targets: readonly string[], source: string) {
  const indices = targets.map((target) => {
    const index = columns.indexOf(target);
    if (index < 0) throw new CliError(`${source} has no column "${target}": its columns are ${columns.join(", ")}. Name one with --target.`);
    return index;
  });
  const isTarget = (c: number) => indices.includes(c);
  const featureNames = columns.filter((_, c) => !isTarget(c));
  if (featureNames.length === 0) {
    throw new CliError(`${source} has no feature columns: every column is a --target. Add the columns to predict from.`);
  }
  return { indices, isTarget, featureNames };
}

/** A CSV cell: quoted (quotes doubled) when it holds a comma, a quote or a line break. */
export function csvCell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
