import type { Backend, F64Block } from "../backend.js";

/** Copies each array into a block of `backend`, runs `compute`, and frees every block afterwards. */
export function withBlocks<T>(backend: Backend, arrays: Float64Array[], compute: (blocks: F64Block[]) => T): T {
  const blocks: F64Block[] = [];
  try {
    for (const values of arrays) blocks.push(backend.fromArray(values));
    return compute(blocks);
  } finally {
    for (const block of blocks) backend.free(block);
  }
}
