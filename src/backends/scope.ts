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
  const owned: (() => void)[] = [];
  const own = (block: F64Block) => (owned.push(() => allocator.free(block)), block);
  return {
    alloc: (length) => own(allocator.alloc(length)),
    fromArray: (values) => own(allocator.fromArray(values)),
    uninitialized: (length) => own(allocator.uninitialized(length)),
    copyOf(block) {
      const copy = own(allocator.uninitialized(block.length));
      copy.values.set(block.values);
      return copy;
    },
    own(resource) {
      owned.push(() => resource.free());
      return resource;
    },
    fromInt32(values) {
      const block = own(allocator.alloc(Math.ceil(values.length / 2)));
      new Int32Array(block.values.buffer, block.values.byteOffset, values.length).set(values);
      return block;
    },
    close() {
      while (owned.length > 0) (owned.pop() as () => void)();
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

/** Runs `build` in a new scope and returns the scope still open with the result; closes it if `build` throws. */
export function keepScope<T>(allocator: BlockAllocator, build: (scope: Scope) => T): { scope: Scope; value: T } {
  const scope = openScope(allocator);
  try {
    return { scope, value: build(scope) };
  } catch (error) {
    scope.close();
    throw error;
  }
}
