// CSV text in chunks as numeric row chunks: papaparse's core parser over each chunk (the unfinished last record
// carried into the next), the table rules of csv/table.ts on every record, the cells written straight into
// Float64Arrays of features and target.

import Papa from "papaparse";
import { cellPlace, cellValue, checkHeader, checkRowLength, csvSyntaxMessage, tableFromRecords } from "../csv/table.js";
import type { RowChunk } from "./accumulate.js";

/** The columns a reader keeps: the target's index and the features' indices, in the order of X's columns. */
export interface ColumnPick {
  targetIndex: number;
  featureIndices: number[];
}

type LineBreak = "\r\n" | "\n" | "\r";

/** Line breaks in text[0, end). */
function countBreaks(text: string, newline: string, end: number): number {
  let count = 0;
  for (let at = text.indexOf(newline); at >= 0 && at < end; at = text.indexOf(newline, at + newline.length)) count++;
  return count;
}

/** The line break of CSV text: "\r\n" or "\n" by its first line feed; "\r" when it has carriage returns alone. */
function lineBreakOf(text: string): LineBreak | undefined {
  const feed = text.indexOf("\n");
  if (feed >= 0) return feed > 0 && text[feed - 1] === "\r" ? "\r\n" : "\n";
  return undefined;
}

/** One parse of a stretch of text: its records, and the file line of any of its records or characters. */
class ParsedText {
  readonly records: string[][];
  readonly consumed: number;
  private recordEnds: number[] | undefined;

  constructor(private readonly text: string, private readonly newline: LineBreak, private readonly firstLine: number, private readonly last: boolean, source: string) {
    const result = new Papa.Parser({ delimiter: ",", newline, quoteChar: '"' }).parse(text, 0, !last) as Papa.ParseResult<string[]>;
    const error = result.errors[0];
    if (error) throw new TypeError(csvSyntaxMessage(source, new Error(`${error.message} (line ${this.lineAt(error.index ?? 0)})`)));
    this.records = result.data;
    this.consumed = result.meta.cursor;
  }

  /** The file line of the character at `index`. */
  lineAt(index: number): number {
    return this.firstLine + countBreaks(this.text, this.newline, index);
  }

  /** The file line record `row` ends on (as csv-parse counts lines): parsed again, only for an error message. */
  lineOfRecord(row: number): number {
    if (!this.recordEnds) {
      const ends: number[] = [];
      const step = (result: Papa.ParseStepResult<string[]>) => void ends.push(result.meta.cursor);
      new Papa.Parser({ delimiter: ",", newline: this.newline, quoteChar: '"', step }).parse(this.text, 0, !this.last);
      this.recordEnds = ends;
    }
    const end = this.recordEnds[row];
    return this.lineAt(this.text.endsWith(this.newline, end) ? end - this.newline.length : end);
  }
}

/**
 * Row chunks of at most `chunkRows` rows from CSV text: the header checked by the table rules, `pick` called
 * with its names at the first data row, then every cell of every record checked (errors name the line and the
 * column). The chunk's arrays are reused for the next chunk: a consumer takes each chunk before asking for more.
 */
export async function* csvRowChunks(texts: AsyncIterable<string>, source: string, chunkRows: number, pick: (columns: string[]) => ColumnPick): AsyncGenerator<RowChunk> {
  let header: string[] | undefined;
  let slots: Int32Array | undefined;
  let [X, y] = [new Float64Array(0), new Float64Array(0)];
  let [d, filled, seen] = [0, 0, 0];
  const TARGET = -1;
  const take = (): RowChunk => ({ X: { data: X.subarray(0, filled * d), rows: filled, cols: d }, y: y.subarray(0, filled) });

  let newline: LineBreak | undefined;
  let [pending, line] = ["", 1];
  const parsedTexts = async function* (): AsyncGenerator<ParsedText> {
    for await (const text of texts) {
      pending += text;
      newline ??= lineBreakOf(pending);
      if (newline === undefined) continue;
      const parsed = new ParsedText(pending, newline, line, false, source);
      line = parsed.lineAt(parsed.consumed);
      pending = pending.slice(parsed.consumed);
      yield parsed;
    }
    if (pending.length > 0) yield new ParsedText(pending, newline ?? (pending.includes("\r") ? "\r" : "\n"), line, true, source);
  };

  for await (const parsed of parsedTexts()) {
    const { records } = parsed;
    let row = 0;
    const where = (column: number) => cellPlace(source, parsed.lineOfRecord(row), header![column]);
    for (; row < records.length; row++) {
      const cells = records[row];
      // A blank (or blanks-only) line holds no record, as csv-parse reads CSV with skip_empty_lines and trim.
      if (cells.length === 1 && cells[0].trim() === "") continue;
      if (!header) {
        header = cells.map((cell) => cell.trim());
        checkHeader(header, source);
        continue;
      }
      if (cells.length !== header.length) checkRowLength(cells.length, header, source, parsed.lineOfRecord(row));
      if (!slots) {
        const { targetIndex, featureIndices } = pick(header);
        slots = new Int32Array(header.length).fill(-2);
        featureIndices.forEach((c, j) => (slots![c] = j));
        slots[targetIndex] = TARGET;
        d = featureIndices.length;
        [X, y] = [new Float64Array(chunkRows * d), new Float64Array(chunkRows)];
      }
      const base = filled * d;
      for (let c = 0; c < cells.length; c++) {
        const value = cellValue(cells[c].trim(), c, where);
        const slot = slots[c];
        if (slot >= 0) X[base + slot] = value;
        else if (slot === TARGET) y[filled] = value;
      }
      seen++;
      if (++filled === chunkRows) {
        yield take();
        filled = 0;
      }
    }
  }
  // An empty file, or a header alone: the table rules' messages.
  if (!header) tableFromRecords([], source);
  if (seen === 0) tableFromRecords([{ record: header!, info: { lines: 1 } }], source);
  if (filled > 0) yield take();
}
