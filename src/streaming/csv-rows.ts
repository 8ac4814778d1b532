// CSV bytes in chunks as numeric row chunks. Each stretch of whole lines is read by one of two readers: lines of
// plain decimal cells straight from their bytes (decimal-row.ts), any other line through the table rules; and
// the header, and any stretch with a quote in it (a record may span lines there), by papaparse's parser.

import type { RowChunk } from "./accumulate.js";
import { readDecimalRow, RowRead } from "./decimal-row.js";
import { afterFeeds, feedsIn } from "./line-bytes.js";
import { lineBreakOf, ParsedText, type LineBreak } from "./parsed-text.js";
import { RowTable, type ColumnPick } from "./row-table.js";

export type { ColumnPick } from "./row-table.js";

const [LINE_FEED, QUOTE] = [10, 34];

/** How to read a piece of a CSV file: its lines after the header, which was read apart. */
export interface PieceOptions {
  /** The file's header (already checked): the piece's every record is a data row. */
  columns: string[];
  /** The file line of the piece's first byte. */
  firstLine: number;
  /** Set when a stretch of the piece holds a quote: it may have begun inside a quoted cell. */
  report: { quoted: boolean };
}

/**
 * Row chunks of at most `chunkRows` rows from CSV bytes (UTF-8): the header checked by the table rules, `pick`
 * called with its names at the first data row, then every cell of every record checked (errors name the line
 * and the column). The chunk's arrays are reused for the next chunk: a consumer takes each chunk before asking
 * for more. With `piece`, the bytes are lines after a header read apart, and may hold no row.
 */
export async function* csvRowChunks(chunks: AsyncIterable<Uint8Array>, source: string, chunkRows: number, pick: (columns: string[]) => ColumnPick, piece?: PieceOptions): AsyncGenerator<RowChunk> {
  const table = new RowTable(source, chunkRows, pick, piece?.columns);
  const decoder = new TextDecoder();
  let newline: LineBreak | undefined;
  let line = piece?.firstLine ?? 1;

  /** papaparse over bytes[0, end) (ending at a line feed unless `last`); returns the bytes its records took. */
  const generalRead = function* (bytes: Uint8Array, end: number, last: boolean): Generator<RowChunk, number> {
    const text = decoder.decode(bytes.subarray(0, end));
    newline ??= lineBreakOf(text) ?? (text.includes("\r") ? "\r" : "\n");
    const parsed = new ParsedText(text, newline, line, last, source);
    for (let row = 0; row < parsed.records.length; row++) {
      if (table.full) yield table.take();
      table.record(parsed.records[row], () => parsed.lineOfRecord(row));
    }
    line = parsed.lineAt(parsed.consumed);
    // The records end at a line break, so the bytes they took end after as many line feeds as their text holds.
    return last ? end : afterFeeds(bytes, feedsIn(text, parsed.consumed));
  };

  /** The lines of bytes[0, end) (end just past a line feed), each by the decimal reader or the table rules. */
  const decimalRead = function* (bytes: Uint8Array, end: number): Generator<RowChunk> {
    const values = table.values;
    for (let start = 0; start < end; line++) {
      const feed = bytes.indexOf(LINE_FEED, start);
      if (table.full) yield table.take();
      const read = readDecimalRow(bytes, start, feed, values);
      if (read === RowRead.Row) table.putValues();
      else if (read === RowRead.Undecided) {
        const lineNumber = line;
        table.record(decoder.decode(bytes.subarray(start, feed)).split(","), () => lineNumber);
      }
      start = feed + 1;
    }
  };

  // The bytes not yet read (an unfinished record) stay at the front of `scratch`, each chunk is copied after
  // them: a producer may reuse its chunk's memory once the next is asked for, and no chunk makes garbage.
  let scratch = new Uint8Array(1 << 17);
  let carried = 0;
  for await (const chunk of chunks) {
    const length = carried + chunk.length;
    if (length > scratch.length) {
      const grown = new Uint8Array(Math.max(length, 2 * scratch.length));
      grown.set(scratch.subarray(0, carried));
      scratch = grown;
    }
    scratch.set(chunk, carried);
    const bytes = scratch.subarray(0, length);
    const end = bytes.lastIndexOf(LINE_FEED) + 1;
    if (end === 0) {
      carried = length;
      continue;
    }
    const quoted = bytes.subarray(0, end).indexOf(QUOTE) >= 0;
    if (quoted && piece) piece.report.quoted = true;
    const taken = !table.hasHeader || quoted ? yield* generalRead(bytes, end, false) : (yield* decimalRead(bytes, end), end);
    scratch.copyWithin(0, taken, length);
    carried = length - taken;
  }
  if (carried > 0) {
    const rest = scratch.subarray(0, carried);
    if (piece && rest.indexOf(QUOTE) >= 0) piece.report.quoted = true;
    yield* generalRead(rest, carried, true);
  }
  if (!piece) table.finish();
  if (table.pending) yield table.take();
}
