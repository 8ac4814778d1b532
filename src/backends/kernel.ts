// What one entry of the kernel table declares, and the generic argument checks built from it. The WASM core
// trusts its pointers, so every block a kernel reads or writes is checked against its dimensions before the
// call, on both backends alike.

import type { F64Block } from "./contract.js";
import type { ParallelExport } from "./wasm/core-threads.js";

/** A factor of a block's required length: a numeric argument or a block argument (its length) by name, or a constant. */
export type Factor = string | number;

/** A required length: the product of its factors. */
export type Length = readonly Factor[];

// `never[]` parameters make every function assignable here, whatever its own parameters.
export type AnyFunction = (...args: never[]) => unknown;

/** The arguments of one call, by the names the entry gives them. */
export type NamedArguments = Readonly<Record<string, unknown>>;

/** One name per element of a tuple of parameters. */
type Names<P extends readonly unknown[]> = { readonly [I in keyof P]: string };

/** What a WASM implementation is handed for one call. */
export interface WasmContext<Core> {
  /** The instantiated core's exports. */
  readonly core: Core;
  /** The byte address of a block of the WASM heap; 0 for null (the core reads 0 as "no block"). */
  address(block: F64Block | null): number;
  /** The entry's scratch blocks, allocated for this call and freed after it. */
  readonly scratch: Readonly<Record<string, F64Block>>;
  /**
   * Runs independent calls of a core export (each writing its own output) on the core's threads, or one after
   * another on this thread when it has none or the pass is small (`work`, its multiply-adds, under what waking a
   * thread is worth); returns when all are done. Which thread runs a call changes no bit.
   */
  readonly parallel: (name: ParallelExport, calls: number[][], work: number) => void;
}

/**
 * One kernel or solver loop: its argument names, the lengths its blocks need, its scratch, and its two
 * implementations. `F` is the backend method's signature.
 */
export interface KernelEntry<F extends AnyFunction, Core> {
  /**
   * The triplet the entry runs: "kernels/<name>" or "solvers/<name>", the file name shared by the AssemblyScript
   * source (assembly/), its TypeScript twin (src/backends/js/), its as-pect spec and its agreement test.
   */
  readonly source: string;
  /** A name for every argument of F, in order (messages and length rules use them). */
  readonly args: Names<Parameters<F>>;
  /** Arguments that may be null (an optional history block); every other argument must be given. */
  readonly optional?: readonly string[];
  /** The smallest length of block arguments, by name; a null optional block is not checked. */
  readonly lengths?: Readonly<Record<string, Length>>;
  /** Checks that lengths cannot express (packed indices, positive counts); throws a RangeError. */
  readonly check?: (args: NamedArguments, method: string) => void;
  /**
   * Scratch blocks the WASM implementation needs, by name: a length, or a function of the (checked) arguments for
   * what a product cannot say. The TypeScript twin allocates its own arrays.
   */
  readonly scratch?: Readonly<Record<string, Length | ((args: NamedArguments) => number)>>;
  /** The TypeScript twin. */
  readonly js: F;
  /** The WASM implementation, given the core, block addresses and scratch. */
  readonly wasm: (context: WasmContext<Core>) => F;
}

/** Declares a table entry with its method signature `F` spelled once, by the implementations' types. */
export function kernel<F extends AnyFunction, Core>(entry: KernelEntry<F, Core>): KernelEntry<F, Core> {
  return entry;
}

/** The backend methods a table provides: one per entry, with the entry's signature. */
export type KernelMethods<T> = { readonly [K in keyof T]: T[K] extends { readonly js: infer F } ? F : never };

function isBlock(value: unknown): value is F64Block {
  return typeof value === "object" && value !== null && "values" in value && "length" in value;
}

/** Throws unless `value` is a non-negative integer. */
export function checkDimension(value: unknown, name: string): number {
  if (!Number.isInteger(value) || (value as number) < 0) {
    throw new RangeError(`${name} must be a non-negative integer, got ${String(value)}.`);
  }
  return value as number;
}

/** The product of a length's factors for these arguments; dimensions are checked on the way. */
export function lengthOf(length: Length, args: NamedArguments): number {
  let product = 1;
  for (const factor of length) {
    if (typeof factor === "number") product *= factor;
    else {
      const value = args[factor];
      product *= isBlock(value) ? value.length : checkDimension(value, factor);
    }
  }
  return product;
}

/** Throws unless the block holds at least `needed` values. */
export function checkLength(block: F64Block, needed: number, name: string, method: string): void {
  if (block.length < needed) throw new RangeError(`${method}: ${name} holds ${block.length} values but needs ${needed}.`);
}

/** The first `count` 32-bit integers packed two per float64 slot of a block. */
export function packedIntegers(block: F64Block, count: number): Int32Array {
  return new Int32Array(block.values.buffer, block.values.byteOffset, count);
}

/** Throws unless the block has room for `count` packed integers, each in [0, limit): they index memory the core touches. */
export function checkIndices(block: F64Block, count: number, limit: number, name: string, method: string): void {
  checkLength(block, Math.ceil(count / 2), name, method);
  const values = packedIntegers(block, count);
  for (let i = 0; i < count; i++) {
    if (!(values[i] >= 0 && values[i] < limit)) {
      throw new RangeError(`${method}: ${name}[${i}] is ${values[i]}, outside [0, ${limit}).`);
    }
  }
}

/** Builds the argument check of an entry: names the arguments, checks every declared length, runs `check`. */
export function argumentCheck<F extends AnyFunction, Core>(
  method: string, entry: KernelEntry<F, Core>,
): (args: readonly unknown[]) => NamedArguments {
  const names = entry.args as readonly string[];
  const rules = Object.entries(entry.lengths ?? {});
  const optional = new Set(entry.optional ?? []);
  return (args) => {
    const named: Record<string, unknown> = {};
    names.forEach((name, i) => {
      // The core reads address 0 as "no block": only an optional argument may be missing.
      if ((args[i] === null || args[i] === undefined) && !optional.has(name)) {
        throw new TypeError(`${method}: ${name} is ${args[i]}: pass a block of the same backend.`);
      }
      named[name] = args[i];
    });
    for (const [name, length] of rules) {
      const block = named[name];
      if (block === null || block === undefined) continue;
      checkLength(block as F64Block, lengthOf(length, named), name, method);
    }
    entry.check?.(named, method);
    return named;
  };
}
