// CSV text, arriving in byte chunks, as csv-parse records (cells and the line each ends on), parsed by
// csv-parse's streaming parser under the command line's options (a BOM dropped, blank lines skipped, cells
// trimmed, quoted fields and CRLF read as CSV has them).

import { parse } from "csv-parse";
import { CSV_OPTIONS, csvSyntaxMessage, type CsvRecord } from "../csv/table.js";

/** Bytes (UTF-8) or text, in chunks: a Node `Readable`, a `Blob`'s stream, or any async iterable of them. */
export type TextChunks = AsyncIterable<Uint8Array | string>;

/**
 * A browser `Blob` (or `File`) as an async iterable of its text, read through its stream's reader and decoded
 * as UTF-8 (csv-parse's browser build takes text, not bytes).
 */
export async function* blobChunks(blob: Blob): AsyncGenerator<string> {
  const reader = blob.stream().getReader();
  const decoder = new TextDecoder();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        const rest = decoder.decode();
        if (rest.length > 0) yield rest;
        return;
      }
      yield decoder.decode(value, { stream: true });
    }
  } finally {
    reader.releaseLock();
  }
}

/**
 * The records of CSV text in chunks, in batches (each what the parser had ready after one chunk). A syntax
 * error becomes a TypeError naming the source, with csv-parse's line, and how to fix it.
 */
export async function* csvRecordBatches(chunks: TextChunks, source: string): AsyncGenerator<CsvRecord[]> {
  const parser = parse(CSV_OPTIONS);
  let batch: CsvRecord[] = [];
  let failure: Error | undefined;
  parser.on("data", (record: CsvRecord) => batch.push(record));
  parser.on("error", (error: Error) => (failure ??= error));
  const ended = new Promise<void>((resolve) => parser.on("end", resolve).on("error", () => resolve()));
  const take = () => {
    if (failure) {
      throw new TypeError(csvSyntaxMessage(source, failure));
    }
    const ready = batch;
    batch = [];
    return ready;
  };
  for await (const chunk of chunks) {
    // The parser pushes synchronously during write; the records reach "data" in this same turn or the next.
    await new Promise<void>((resolve) => parser.write(chunk, () => resolve()));
    const ready = take();
    if (ready.length > 0) yield ready;
  }
  parser.end();
  await ended;
  const rest = take();
  if (rest.length > 0) yield rest;
}
