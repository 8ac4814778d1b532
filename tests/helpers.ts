import type { Backend } from "../src/backend.js";
import { getBackend, initSync } from "../src/backends/registry.js";

/** Both backends, the WASM core instantiated. */
export function bothBackends(): Backend[] {
  initSync();
  return [getBackend("js"), getBackend("wasm")];
}

/**
 * Whether a and b agree to a relative 1e-12 of `scale`, the sum of absolute terms that formed them
 * (the honest bound for sums taken in different orders, which may cancel to near 0).
 */
export function agree(a: number, b: number, scale: number): boolean {
  return Math.abs(a - b) <= 1e-12 * scale + Number.MIN_VALUE;
}
