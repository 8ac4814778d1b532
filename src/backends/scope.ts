// Allocation scopes: every block allocated through a scope is freed when the scope closes, on success and on
// throw, so no caller writes its own try/finally around blocks.

import type { F64Block, Scope } from "./contract.js";

/** How a backend hands out and takes back blocks. */
export interface BlockAllocator {
  alloc(length: number): F64Block;
  fromArray(values: ArrayLike<number>): F64Block;
  /** A block whose values may be anything (every one is written before it is read). */
  uninitialized(length: number): F64Block;
  free(block: F64Block): void;
}

/** A scope over an allocator; close() frees its blocks, newest first. */
export function openScope(allocator: BlockAllocator): Scope {
  const owned: F64Block[] = [];
  const own = (block: F64Block) => (owned.push(block), block);
  return {
    alloc: (length) => own(allocator.alloc(length)),
    fromArray: (values) => own(allocator.fromArray(values)),
    uninitialized: (length) => own(allocator.uninitialized(length)),
    fromInt32(values) {
      const block = own(allocator.alloc(Math.ceil(values.length / 2)));
      new Int32Array(block.values.buffer, block.values.byteOffset, values.length).set(values);
      return block;
    },
    close() {
      while (owned.length > 0) allocator.free(owned.pop() as F64Block);
    },
  };
}

/** Runs `body` in a fresh scope and frees everything it allocated afterwards. */
export function inScope<T>(allocator: BlockAllocator, body: (scope: Scope) => T): T {
  const scope = openScope(allocator);
  try {
    return body(scope);
  } finally {
    scope.close();
  }
}
