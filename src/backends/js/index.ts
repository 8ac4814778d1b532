// The pure-TypeScript backend: blocks are plain Float64Arrays, every kernel the TypeScript twin from the table.
// It runs anywhere with no initialization and is the reference for the WASM core.

import type { Backend, F64Block } from "../contract.js";
import { buildBackend } from "../build-backend.js";

/** A block of the JS backend: a plain Float64Array. */
class JsBlock implements F64Block {
  constructor(readonly values: Float64Array) {}
  get length(): number {
    return this.values.length;
  }
}

export const jsBackend: Backend = buildBackend<never>(
  "js",
  {
    alloc: (length) => new JsBlock(new Float64Array(length)),
    uninitialized: (length) => new JsBlock(new Float64Array(length)),
    fromArray: (values) => new JsBlock(Float64Array.from(values)),
    free: () => {},
  },
  { side: "js" },
);
