// Where a CSV file's rows are (Node): its header read apart, and the file cut into pieces of whole lines that
// readers on several threads can take, each from a line start to the next piece's.

import { open, type FileHandle } from "node:fs/promises";
import { checkHeader } from "../csv/table.js";
import { afterFeeds, feedsIn, joined } from "./line-bytes.js";
import { lineBreakOf, ParsedText } from "./parsed-text.js";
import { isBlankRecord } from "./row-table.js";

/** A CSV file as its pieces see it. */
export interface CsvLayout {
  file: string;
  size: number;
  /** The header's names, checked by the table rules. */
  columns: string[];
  /** The byte the line after the header starts at. */
  dataStart: number;
  /** That line's number in the file. */
  dataLine: number;
}

/** A piece of a file: the lines that start in bytes [start, end). */
export interface Piece {
  file: string;
  start: number;
  end: number;
}

const BLOCK = 1 << 16;
/** How far into a file its header is looked for: past it (a line break of CR alone, say) the file is read whole, on one thread. */
const HEADER_SEARCH = 1 << 20;
const LINE_FEED = 10;

async function readBlock(handle: FileHandle, position: number): Promise<Uint8Array> {
  const block = new Uint8Array(BLOCK);
  const { bytesRead } = await handle.read(block, 0, BLOCK, position);
  return block.subarray(0, bytesRead);
}

/** The header of a file: its names and where the rows start; undefined when it cannot be read apart (the one-thread reader then reads the file, and gives any error). */
export async function readLayout(file: string): Promise<CsvLayout | undefined> {
  let handle: FileHandle;
  try {
    handle = await open(file);
  } catch {
    return undefined;
  }
  try {
    const size = (await handle.stat()).size;
    let bytes: Uint8Array = new Uint8Array(0);
    while (bytes.length < HEADER_SEARCH) {
      const block = await readBlock(handle, bytes.length);
      if (block.length === 0) return undefined;
      bytes = joined(bytes, block);
      const end = bytes.lastIndexOf(LINE_FEED) + 1;
      if (end === 0) continue;
      const text = new TextDecoder().decode(bytes.subarray(0, end));
      const parsed = new ParsedText(text, lineBreakOf(text)!, 1, false, file);
      const row = parsed.records.findIndex((cells) => !isBlankRecord(cells));
      if (row < 0) continue;
      const columns = parsed.records[row].map((cell) => cell.trim());
      checkHeader(columns, file);
      const cursor = parsed.recordEnd(row);
      return { file, size, columns, dataStart: afterFeeds(bytes, feedsIn(text, cursor)), dataLine: parsed.lineAt(cursor) };
    }
    return undefined;
  } catch {
    return undefined;
  } finally {
    await handle.close();
  }
}

/** The first line start at or after `position` (the file's size when no line starts there). */
async function lineStartFrom(handle: FileHandle, position: number, size: number): Promise<number> {
  for (let at = position - 1; at < size; at += BLOCK) {
    const block = await readBlock(handle, at);
    const feed = block.indexOf(LINE_FEED);
    if (feed >= 0) return at + feed + 1;
  }
  return size;
}

/** The rows of a file cut into about `count` pieces of whole lines (fewer when lines are long). */
export async function piecesOf(layout: CsvLayout, count: number): Promise<Piece[]> {
  const { file, size, dataStart } = layout;
  const handle = await open(file);
  try {
    const starts = [dataStart];
    for (let i = 1; i < count; i++) {
      const start = await lineStartFrom(handle, dataStart + Math.floor(((size - dataStart) * i) / count), size);
      if (start > starts[starts.length - 1] && start < size) starts.push(start);
    }
    return starts.map((start, i) => ({ file, start, end: starts[i + 1] ?? size }));
  } finally {
    await handle.close();
  }
}
