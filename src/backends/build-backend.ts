// Builds a backend from the kernel table: one method per entry, its arguments checked by the entry's length
// rules, its WASM scratch allocated in a scope around the call.

import type { Backend, BackendName, F64Block } from "./contract.js";
import { argumentCheck, lengthOf, type AnyFunction, type KernelEntry, type KernelMethods, type WasmContext } from "./kernel.js";
import { KERNELS, type KernelTable } from "./kernel-table.js";
import { inScope, keepScope, openScope, type BlockAllocator } from "./scope.js";
import { checkBlockSize, MAX_BLOCK_VALUES } from "../block-limit.js";

/** How one side of every entry is run: the TypeScript twin, or the WASM implementation over a core. */
export type Implementation<Core> =
  | { side: "js" }
  | { side: "wasm"; core: Core; address(block: F64Block | null): number; parallel: WasmContext<Core>["parallel"] };

type Entry<Core> = KernelEntry<AnyFunction, Core>;
type Method = (...args: unknown[]) => unknown;

function method<Core>(name: string, entry: Entry<Core>, allocator: BlockAllocator, implementation: Implementation<Core>): Method {
  const check = argumentCheck(name, entry);
  if (implementation.side === "js") {
    const run = entry.js as unknown as Method;
    return (...args) => {
      check(args);
      return run(...args);
    };
  }
  const { core, address, parallel } = implementation;
  const context = (scratch: WasmContext<Core>["scratch"]): WasmContext<Core> => ({ core, address, scratch, parallel });
  const scratchRules = Object.entries(entry.scratch ?? {});
  if (scratchRules.length === 0) {
    const run = entry.wasm(context({})) as unknown as Method;
    return (...args) => {
      check(args);
      return run(...args);
    };
  }
  return (...args) => {
    const named = check(args);
    return inScope(allocator, (scope) => {
      const scratch: Record<string, F64Block> = {};
      for (const [key, rule] of scratchRules) {
        scratch[key] = scope.alloc(Math.max(1, typeof rule === "function" ? rule(named) : lengthOf(rule, named)));
      }
      return (entry.wasm(context(scratch)) as unknown as Method)(...args);
    });
  };
}

/** Throws unless `length` is a block length: an integer from 0 to MAX_BLOCK_VALUES. */
function checkLength(length: unknown, call: string): void {
  if (!Number.isInteger(length) || (length as number) < 0) {
    throw new RangeError(`${call}: a block's length must be an integer from 0 to ${MAX_BLOCK_VALUES}, got ${String(length)}.`);
  }
  checkBlockSize(length as number, `${call} asks for ${String(length)} values`, "use fewer rows or features");
}

/** The allocator with every length checked before any memory is taken (so a bad length leaks nothing). */
function checkedAllocator(name: BackendName, allocator: BlockAllocator): BlockAllocator {
  return {
    alloc(length) {
      checkLength(length, `The ${name} backend's alloc(length)`);
      return allocator.alloc(length);
    },
    uninitialized(length) {
      checkLength(length, `The ${name} backend's alloc(length)`);
      return allocator.uninitialized(length);
    },
    fromArray(values) {
      checkLength(values.length, `The ${name} backend's fromArray(values)`);
      return allocator.fromArray(values);
    },
    free: (block) => allocator.free(block),
  };
}

/** A backend over a block allocator, every method of the kernel table implemented by one side. */
export function buildBackend<Core>(name: BackendName, unchecked: BlockAllocator, implementation: Implementation<Core>): Backend {
  const allocator = checkedAllocator(name, unchecked);
  const kernels: Record<string, Method> = {};
  for (const [key, entry] of Object.entries(KERNELS)) {
    kernels[key] = method(key, entry as unknown as Entry<Core>, allocator, implementation);
  }
  return {
    name,
    alloc: (length) => allocator.alloc(length),
    fromArray: (values) => allocator.fromArray(values),
    free: (block) => allocator.free(block),
    scope: (body) => inScope(allocator, body),
    openScope: () => openScope(allocator),
    keepScope: (build) => keepScope(allocator, build),
    ...(kernels as unknown as KernelMethods<KernelTable>),
  };
}
