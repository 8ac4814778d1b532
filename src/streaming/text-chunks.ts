// CSV text as it arrives: a Node Readable, a browser Blob's stream, or any async iterable of bytes or text,
// read as UTF-8 byte chunks.

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

/** Whether a UTF-16 code unit opens a surrogate pair (its other half may come in the next string). */
const isHighSurrogate = (unit: number): boolean => unit >= 0xd800 && unit <= 0xdbff;

/**
 * The chunks as UTF-8 bytes, text encoded (a surrogate pair cut between two strings encoded whole). A leading
 * byte-order mark stays: the reader's TextDecoder drops it.
 */
export async function* bytesOf(chunks: TextChunks): AsyncGenerator<Uint8Array> {
  const encoder = new TextEncoder();
  let carried = "";
  for await (const chunk of chunks) {
    if (typeof chunk !== "string") {
      if (chunk.length > 0) yield chunk;
      continue;
    }
    const text = carried + chunk;
    carried = text.length > 0 && isHighSurrogate(text.charCodeAt(text.length - 1)) ? text.slice(-1) : "";
    if (text.length > carried.length) yield encoder.encode(carried ? text.slice(0, -1) : text);
  }
  if (carried) yield encoder.encode(carried);
}
