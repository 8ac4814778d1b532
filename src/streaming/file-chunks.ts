// Bytes [start, end) of a file (Node) in chunks read into one buffer, reused for every chunk: a consumer copies
// what it keeps before asking for the next (csvRowChunks does), and the reading makes no garbage.

import { open } from "node:fs/promises";

const CHUNK = 1 << 18;

export async function* fileChunks(file: string, start = 0, end = Number.POSITIVE_INFINITY): AsyncGenerator<Uint8Array> {
  const handle = await open(file);
  try {
    const buffer = new Uint8Array(CHUNK);
    for (let position = start; position < end; ) {
      const { bytesRead } = await handle.read(buffer, 0, Math.min(CHUNK, end - position), position);
      if (bytesRead === 0) return;
      position += bytesRead;
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    await handle.close();
  }
}
