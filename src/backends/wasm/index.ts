// The WASM backend: blocks live in the core's linear memory (a first-fit heap managed from JS), every kernel
// the core's export from the table.

import type { Backend, F64Block } from "../contract.js";
import { buildBackend } from "../build-backend.js";
import type { CoreExports } from "./core-abi.generated.js";
import { Heap } from "./heap.js";
import type { CoreThreads } from "./core-threads.js";
import type { CoreInstance } from "./instantiate.js";

/** A block of the WASM backend: an address in linear memory and a length. */
class WasmBlock implements F64Block {
  private view: Float64Array;

  constructor(
    private readonly heap: Heap,
    readonly address: number,
    readonly length: number,
  ) {
    this.view = heap.f64(address, length);
  }

  get values(): Float64Array {
    // A grown memory has a new buffer and detaches views of the old one: derive a fresh view then.
    if (this.view.buffer !== this.heap.memory.buffer) this.view = this.heap.f64(this.address, this.length);
    return this.view;
  }
}

function address(block: F64Block | null): number {
  if (block === null) return 0;
  if (!(block instanceof WasmBlock)) {
    throw new TypeError("This block was not allocated by the WASM backend: allocate it with the same backend.");
  }
  return block.address;
}

/** The multiply-adds of a pass below which it stays on this thread: waking a worker costs tens of microseconds. */
const MIN_PARALLEL_WORK = 1 << 22;

/**
 * Builds the WASM backend over an instantiated core: kernels run in place on blocks of its heap. With `threads`,
 * the passes that split into independent calls (centeredGram's stripes of rows) run on them.
 */
export function createWasmBackend({ exports: core, memory }: CoreInstance, threads?: CoreThreads): Backend & { heap: Heap } {
  const heap = new Heap(memory, core.heapBase());
  const backend = buildBackend<CoreExports>(
    "wasm",
    {
      alloc(length) {
        const block = new WasmBlock(heap, heap.alloc(length * 8), length);
        block.values.fill(0);
        return block;
      },
      uninitialized: (length) => new WasmBlock(heap, heap.alloc(length * 8), length),
      fromArray(values) {
        const block = new WasmBlock(heap, heap.alloc(values.length * 8), values.length);
        block.values.set(values);
        return block;
      },
      free: (block) => heap.free(address(block)),
    },
    {
      side: "wasm",
      core,
      address,
      parallel: (name, calls, work) => {
        if (threads && work >= MIN_PARALLEL_WORK) threads.run(name, calls);
        else calls.forEach((call) => (core[name] as (...args: number[]) => void)(...call));
      },
    },
  );
  return Object.assign(backend, { heap });
}
