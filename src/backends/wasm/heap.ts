const PAGE_BYTES = 65536;
const ALIGN = 16;
/** 32-bit WebAssembly memory holds at most 65536 pages of 64 KiB: 4 GiB. */
export const MAX_MEMORY_BYTES = 65536 * PAGE_BYTES;

interface FreeRange {
  start: number;
  size: number;
}

const formatBytes = (bytes: number): string =>
  bytes >= 2 ** 30 ? `${(bytes / 2 ** 30).toFixed(2)} GiB` : `${(bytes / 2 ** 20).toFixed(1)} MiB`;

/**
 * A first-fit allocator over a JS-owned `WebAssembly.Memory`, starting at the module's heap base.
 * Blocks are 16-byte aligned (whole f64x2 lanes), freed ranges coalesce with their neighbours, and memory
 * grows when no free range fits. Growing detaches every typed-array view of the old buffer: use
 * {@link Heap.f64} after any allocation rather than keeping views.
 */
export class Heap {
  /** Free ranges, sorted by start, never adjacent (they are merged on free). */
  private readonly freeRanges: FreeRange[] = [];
  /** Size in bytes of every live block, by its start address. */
  private readonly live = new Map<number, number>();

  constructor(
    readonly memory: WebAssembly.Memory,
    base: number,
  ) {
    const start = roundUp(base, ALIGN);
    const end = memory.buffer.byteLength;
    if (end > start) this.freeRanges.push({ start, size: end - start });
  }

  /** Current size of the memory in bytes. */
  get byteLength(): number {
    return this.memory.buffer.byteLength;
  }

  /** Bytes held by live blocks. */
  get bytesInUse(): number {
    let total = 0;
    for (const size of this.live.values()) total += size;
    return total;
  }

  /** Allocates `bytes` (rounded up to 16) and returns the block's address, growing memory if needed. */
  alloc(bytes: number): number {
    const size = Math.max(ALIGN, roundUp(bytes, ALIGN));
    let index = this.freeRanges.findIndex((range) => range.size >= size);
    if (index < 0) index = this.grow(size);
    const range = this.freeRanges[index];
    const start = range.start;
    if (range.size === size) this.freeRanges.splice(index, 1);
    else {
      range.start += size;
      range.size -= size;
    }
    this.live.set(start, size);
    return start;
  }

  /** Returns a block to the free list, merging it with adjacent free ranges. */
  free(address: number): void {
    const size = this.live.get(address);
    if (size === undefined) throw new Error(`Heap.free: no live block at address ${address} (freed twice?)`);
    this.live.delete(address);
    let index = this.freeRanges.findIndex((range) => range.start > address);
    if (index < 0) index = this.freeRanges.length;
    this.freeRanges.splice(index, 0, { start: address, size });
    const next = this.freeRanges[index + 1];
    if (next && address + size === next.start) {
      this.freeRanges[index].size += next.size;
      this.freeRanges.splice(index + 1, 1);
    }
    const previous = this.freeRanges[index - 1];
    if (previous && previous.start + previous.size === address) {
      previous.size += this.freeRanges[index].size;
      this.freeRanges.splice(index, 1);
    }
  }

  /** A live Float64Array view of `length` values at `address` on the current buffer. */
  f64(address: number, length: number): Float64Array {
    return new Float64Array(this.memory.buffer, address, length);
  }

  /** Grows memory so that a range of `size` bytes is free at its end; returns that range's index. */
  private grow(size: number): number {
    const end = this.byteLength;
    const last = this.freeRanges[this.freeRanges.length - 1];
    const tailFree = last && last.start + last.size === end ? last.size : 0;
    const pages = Math.ceil((size - tailFree) / PAGE_BYTES);
    const needed = end + pages * PAGE_BYTES;
    if (needed > MAX_MEMORY_BYTES) {
      throw new RangeError(
        `The WASM backend needs ${formatBytes(needed)} of memory (a block of ${formatBytes(size)} on top of ` +
          `${formatBytes(this.bytesInUse)} in use), above the 4 GiB limit of 32-bit WebAssembly: ` +
          `use fewer rows or features, or pass { backend: "js" }.`,
      );
    }
    try {
      this.memory.grow(pages);
    } catch (cause) {
      throw new RangeError(
        `The WASM backend could not grow its memory to ${formatBytes(needed)}: the engine refused ` +
          `(${String(cause)}). Use less data or pass { backend: "js" }.`,
      );
    }
    if (tailFree > 0) {
      last.size += pages * PAGE_BYTES;
      return this.freeRanges.length - 1;
    }
    this.freeRanges.push({ start: end, size: pages * PAGE_BYTES });
    return this.freeRanges.length - 1;
  }
}

function roundUp(value: number, multiple: number): number {
  return Math.ceil(value / multiple) * multiple;
}
