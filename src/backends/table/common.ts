// What the families of the kernel table share: the entry helper bound to the WASM core's ABI, and the
// conversions between blocks and what each implementation takes.

import type { F64Block, IterativeResult } from "../contract.js";
import { kernel, packedIntegers, type AnyFunction, type KernelEntry } from "../kernel.js";
import type { CoreExports } from "../wasm/core-abi.generated.js";

/** A table entry whose WASM implementation calls the core's exports; `F` is the backend method's signature. */
export const entry = <F extends AnyFunction>(e: KernelEntry<F, CoreExports>): KernelEntry<F, CoreExports> => kernel(e);

/** A block's values (the TypeScript twins take typed arrays). */
export const v = (block: F64Block): Float64Array => block.values;

/** An optional block's values. */
export const optional = (block: F64Block | null): Float64Array | null => (block ? block.values : null);

/** Every 32-bit integer packed in a block (two per float64 slot). */
export const int32 = (block: F64Block): Int32Array => packedIntegers(block, 2 * block.length);

/** The length of an optional block, 0 for none. */
export const lengthOrZero = (block: F64Block | null): number => (block ? block.length : 0);

/** Booleans cross the ABI as 0 and 1. */
export const flag = (value: boolean): number => (value ? 1 : 0);

/** Reads the [iterations, gap, converged] triple the iterative solvers of the core write. */
export function iterativeResult(out: F64Block): IterativeResult {
  const [nIter, dualGap, converged] = out.values;
  return { nIter, dualGap, converged: converged === 1 };
}
