import { parse } from "csv-parse/sync";
import { CliError } from "./cli-error.js";
import { readText, sourceName } from "./input-source.js";
import { CSV_OPTIONS, csvSyntaxMessage, tableFromRecords, type CsvRecord, type Table } from "../csv/table.js";

export type { Table } from "../csv/table.js";

/** Reads a CSV file (or standard input for `-`) with a header; every other cell must be a number (errors name the line and column). */
export function readCsv(path: string): Table {
  const source = sourceName(path);
  const text = readText(path);
  let records: CsvRecord[];
  try {
    records = parse(text, CSV_OPTIONS) as unknown as CsvRecord[];
  } catch (error) {
    throw new CliError(csvSyntaxMessage(source, error as Error));
  }
  return tableFromRecords(records, source);
}

/** Features and targets: the target columns (several for a multi-output fit) and the other columns as features. */
export interface Split {
  X: number[][];
  /** One value per row for one target; one row of values per row for several. */
  y: number[] | number[][];
  featureNames: string[];
  targets: string[];
}

/** Splits a table into the features and the `targets` columns. */
export function splitTargets(table: Table, targets: readonly string[], source: string): Split {
  const indices = targets.map((target) => {
    const index = table.columns.indexOf(target);
    if (index < 0) throw new CliError(`${source} has no column "${target}": its columns are ${table.columns.join(", ")}. Name one with --target.`);
    return index;
  });
  const isTarget = (c: number) => indices.includes(c);
  const featureNames = table.columns.filter((_, c) => !isTarget(c));
  if (featureNames.length === 0) {
    throw new CliError(`${source} has no feature columns: every column is a --target. Add the columns to predict from.`);
  }
  return {
    X: table.rows.map((row) => row.filter((_, c) => !isTarget(c))),
    y: indices.length === 1 ? table.rows.map((row) => row[indices[0]]) : table.rows.map((row) => indices.map((c) => row[c])),
    featureNames,
    targets: [...targets],
  };
}

/** A CSV cell: quoted (quotes doubled) when it holds a comma, a quote or a line break. */
export function csvCell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
