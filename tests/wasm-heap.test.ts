import { describe, expect, it } from "vitest";
import { Heap, MAX_MEMORY_BYTES } from "../src/backends/wasm/heap.js";
import { createWasmBackend } from "../src/backends/wasm/index.js";
import { chooseBuild, instantiateCoreSync } from "../src/backends/wasm/instantiate.js";

const PAGE = 65536;

describe("the WASM heap", () => {
  it("hands out 16-byte aligned, non-overlapping blocks", () => {
    const heap = new Heap(new WebAssembly.Memory({ initial: 1 }), 8);
    const sizes = [8, 24, 16, 1, 100, 7];
    const blocks = sizes.map((size) => ({ start: heap.alloc(size), size }));
    for (const { start } of blocks) expect(start % 16).toBe(0);
    expect(blocks[0].start).toBeGreaterThanOrEqual(8);
    const sorted = [...blocks].sort((a, b) => a.start - b.start);
    for (let i = 1; i < sorted.length; i++) {
      expect(sorted[i].start).toBeGreaterThanOrEqual(sorted[i - 1].start + sorted[i - 1].size);
    }
  });

  it("leaves memory size unchanged over 10,000 allocate/free cycles", () => {
    const backend = createWasmBackend(instantiateCoreSync(chooseBuild(undefined)));
    const warm = [backend.alloc(1000), backend.alloc(5000)];
    warm.forEach((block) => backend.free(block));
    const size = backend.heap.byteLength;
    for (let cycle = 0; cycle < 10_000; cycle++) {
      const a = backend.alloc(1 + (cycle % 977));
      const b = backend.alloc(1 + ((cycle * 31) % 4999));
      backend.free(a);
      backend.free(b);
    }
    expect(backend.heap.byteLength).toBe(size);
    expect(backend.heap.bytesInUse).toBe(0);
  });

  it("reuses freed space: coalesced neighbours serve a request as large as both", () => {
    const heap = new Heap(new WebAssembly.Memory({ initial: 1 }), 0);
    const a = heap.alloc(1024);
    const b = heap.alloc(1024);
    const guard = heap.alloc(16);
    heap.free(b);
    heap.free(a);
    expect(heap.alloc(2048)).toBe(a);
    heap.free(guard);
  });

  it("keeps block views valid after memory grows", () => {
    const backend = createWasmBackend(instantiateCoreSync(chooseBuild(undefined)));
    const block = backend.fromArray([1, 2, 3, 4.5]);
    const before = backend.heap.byteLength;
    const oldView = block.values;
    const big = backend.alloc((before * 2) / 8); // cannot fit: forces a grow
    expect(backend.heap.byteLength).toBeGreaterThan(before);
    expect(oldView.length).toBe(0); // the old buffer was detached by the grow
    expect(Array.from(block.values)).toEqual([1, 2, 3, 4.5]);
    expect(backend.sumAbs(block)).toBe(10.5);
    backend.free(big);
    backend.free(block);
  });

  it("throws a clear error, naming the size, before asking for more than 4 GiB", () => {
    const heap = new Heap(new WebAssembly.Memory({ initial: 1 }), 0);
    expect(() => heap.alloc(MAX_MEMORY_BYTES + PAGE)).toThrow(/needs 4\.00 GiB .*4 GiB limit.*backend: "js"/);
    expect(heap.byteLength).toBe(PAGE);
  });

  it("rejects freeing a block twice", () => {
    const heap = new Heap(new WebAssembly.Memory({ initial: 1 }), 0);
    const a = heap.alloc(64);
    heap.free(a);
    expect(() => heap.free(a)).toThrow(/no live block/);
  });
});
