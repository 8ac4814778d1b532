// A numeric table from parsed CSV records: the rules both the command line and the demo page read CSV by
// (one header of distinct names, then rows of decimal numbers, one per column). No Node imports: the page
// bundles it with csv-parse's browser build.

import type { Options } from "csv-parse";
import { isDecimal, repeatedName, UNDERFLOW, underflowsToZero } from "../options/checks.js";

export { repeatedName } from "../options/checks.js";

/** A numeric table with a header row. */
export interface Table {
  columns: string[];
  rows: number[][];
}

/** A record as csv-parse gives it with `info: true`: its cells and the file line it ends on. */
export interface CsvRecord {
  record: string[];
  info: { lines: number };
}

/**
 * How to parse: a byte-order mark dropped, blank lines skipped, cells trimmed, and rows of any length (the
 * table checks them, naming the line).
 */
export const CSV_OPTIONS = { bom: true, skip_empty_lines: true, trim: true, info: true, relax_column_count: true } as const satisfies Options;

/** Separators people save "CSV" with instead of commas. */
const OTHER_SEPARATORS: readonly [string, string][] = [[";", "semicolons"], ["\t", "tabs"], ["|", "bars"]];

/** Checks a header row: more than a semicolon- or tab-separated line, names not numbers, none blank, none twice. */
export function checkHeader(columns: string[], source: string): void {
  if (columns.length === 1) {
    const separator = OTHER_SEPARATORS.find(([char]) => columns[0].includes(char));
    if (separator) {
      throw new TypeError(`${source} has one column, "${columns[0]}": it looks separated by ${separator[1]}, and this reader splits at commas. Save it with commas.`);
    }
  }
  if (columns.every(isDecimal)) {
    throw new TypeError(`${source}: its first line (${columns.join(",")}) holds numbers, not column names. Add a header row that names the columns.`);
  }
  const blank = columns.indexOf("");
  if (blank >= 0) throw new TypeError(`${source}: column ${blank + 1} of the header has no name. Name every column.`);
  const twice = repeatedName(columns);
  if (twice !== undefined) {
    const first = columns.indexOf(twice);
    throw new TypeError(`${source} has two columns named "${twice}" (columns ${first + 1} and ${columns.indexOf(twice, first + 1) + 1}): rename one, so each name picks one column.`);
  }
}

/** Where a cell is, as errors name it: the source, the file line its record ends on, and its column's name. */
export function cellPlace(source: string, line: number, column: string): string {
  return `${source} line ${line}, column "${column}"`;
}

/**
 * The number a (trimmed) cell holds, if it is a decimal literal of a double; otherwise an error naming the cell
 * by `where(column)`, called only then (so a reader pays for no message while the cells are good).
 */
export function cellValue(cell: string, column: number, where: (column: number) => string): number {
  if (cell === "") throw new TypeError(`${where(column)}: missing value. Fill it in, or drop the row.`);
  if (!isDecimal(cell)) throw new TypeError(`${where(column)}: "${cell}" is not a number. Write numbers in decimal, such as 0.5 or -1e3.`);
  const value = Number(cell);
  if (!Number.isFinite(value)) throw new RangeError(`${where(column)}: ${cell} is beyond double precision (about 1.8e308). Rescale the column.`);
  if (underflowsToZero(cell, value)) throw new RangeError(`${where(column)}: ${cell} ${UNDERFLOW}. Rescale the column, or write 0.`);
  return value;
}

/** Checks that a record has one cell per column, naming its line otherwise. */
export function checkRowLength(cells: number, columns: readonly string[], source: string, line: number): void {
  if (cells !== columns.length) {
    throw new TypeError(`${source} line ${line} has ${cells} cells but the header has ${columns.length} columns: give every row one cell per column.`);
  }
}

/** Checks the header and reads every other cell as a decimal number; errors name the source, the line and the column. */
export function tableFromRecords(records: readonly CsvRecord[], source: string): Table {
  if (records.length === 0) throw new TypeError(`${source} is empty: it needs a header row and at least one data row.`);
  const [header, ...data] = records;
  const columns = header.record;
  checkHeader(columns, source);
  if (data.length === 0) throw new TypeError(`${source} has a header but no data rows: add at least one row of numbers.`);
  const rows = data.map(({ record, info }) => {
    checkRowLength(record.length, columns, source, info.lines);
    const where = (c: number) => cellPlace(source, info.lines, columns[c]);
    return record.map((cell, c) => cellValue(cell, c, where));
  });
  return { columns, rows };
}

/** The message for CSV text csv-parse could not read: where, csv-parse's reason (with its line), and the fix. */
export function csvSyntaxMessage(source: string, error: Error): string {
  return `${source} is not valid CSV: ${error.message}. Fix that line (a cell with a comma or a quote needs "quotes", its quotes doubled).`;
}
