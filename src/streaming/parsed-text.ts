// The general CSV reader of a stretch of text: papaparse's core parser (quoted fields, records over several
// lines, any line break), with the file line of each record for error messages.

import Papa from "papaparse";
import { csvSyntaxMessage } from "../csv/table.js";

export type LineBreak = "\r\n" | "\n" | "\r";

/** Line breaks in text[0, end). */
function countBreaks(text: string, newline: string, end: number): number {
  let count = 0;
  for (let at = text.indexOf(newline); at >= 0 && at < end; at = text.indexOf(newline, at + newline.length)) count++;
  return count;
}

/** The line break of CSV text: "\r\n" or "\n" by its first line feed; undefined before the first line feed. */
export function lineBreakOf(text: string): LineBreak | undefined {
  const feed = text.indexOf("\n");
  if (feed >= 0) return feed > 0 && text[feed - 1] === "\r" ? "\r\n" : "\n";
  return undefined;
}

/** One parse of a stretch of text: its records, how much of it they took, and the file line of any of them. */
export class ParsedText {
  readonly records: string[][];
  /** Characters of the text the records took (all of it when `last`; otherwise up to the last whole record). */
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

  /** Where record `row` ends in the text, past its line break: parsed again, only for an error message or a header. */
  recordEnd(row: number): number {
    if (!this.recordEnds) {
      const ends: number[] = [];
      const step = (result: Papa.ParseStepResult<string[]>) => void ends.push(result.meta.cursor);
      new Papa.Parser({ delimiter: ",", newline: this.newline, quoteChar: '"', step }).parse(this.text, 0, !this.last);
      this.recordEnds = ends;
    }
    return this.recordEnds[row];
  }

  /** The file line record `row` ends on (as csv-parse counts lines). */
  lineOfRecord(row: number): number {
    const end = this.recordEnd(row);
    return this.lineAt(this.text.endsWith(this.newline, end) ? end - this.newline.length : end);
  }
}
