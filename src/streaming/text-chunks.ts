// CSV text as it arrives: a Node Readable, a browser Blob's stream, or any async iterable of bytes or text,
// read as UTF-8 text chunks.

/** Bytes (UTF-8) or text, in chunks: a Node `Readable`, a `Blob`'s stream, or any async iterable of them. */
export type TextChunks = AsyncIterable<Uint8Array | string>;

/** A browser `Blob` (or `File`) as an async iterable of its bytes, read through its stream's reader. */
export async function* blobChunks(blob: Blob): AsyncGenerator<Uint8Array> {
  const reader = blob.stream().getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

/**
 * The chunks as UTF-8 text (a multi-byte character cut between two chunks decoded whole), with a leading
 * byte-order mark dropped.
 */
export async function* textOf(chunks: TextChunks): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  let first = true;
  for await (const chunk of chunks) {
    let text = typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true });
    if (first && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    if (text.length > 0) yield text;
  }
  const rest = decoder.decode();
  if (rest.length > 0) yield rest;
}
