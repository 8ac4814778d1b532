import type { Backend, BackendName } from "./contract.js";
import { jsBackend } from "./js/index.js";
import { createWasmBackend } from "./wasm/index.js";
import { instantiateCore, instantiateCoreSync } from "./wasm/instantiate.js";

let wasmBackend: Backend | undefined;
let pending: Promise<void> | undefined;

/**
 * Instantiates the WebAssembly core once. Call it (and await it) before using the default `"wasm"` backend;
 * later calls return at once. Fits and the other functions are synchronous afterwards.
 */
export function init(): Promise<void> {
  if (wasmBackend) return Promise.resolve();
  pending ??= instantiateCore().then(
    (core) => {
      wasmBackend ??= createWasmBackend(core);
    },
    (error: unknown) => {
      pending = undefined;
      throw error;
    },
  );
  return pending;
}

/** Synchronous {@link init}, for Node scripts and workers. Idempotent. */
export function initSync(): void {
  wasmBackend ??= createWasmBackend(instantiateCoreSync());
}

/** Whether the WASM core has been instantiated by {@link init} or {@link initSync}. */
export function isInitialized(): boolean {
  return wasmBackend !== undefined;
}

/** The backend of that name; `"wasm"` needs {@link init} first. */
export function getBackend(name: BackendName = "wasm"): Backend {
  if (name === "js") return jsBackend;
  if (name === "wasm") {
    if (!wasmBackend) {
      throw new Error(
        'The WASM backend is not initialized: call `await init()` once at startup (or `initSync()` in Node), ' +
          'or pass { backend: "js" }.',
      );
    }
    return wasmBackend;
  }
  throw new RangeError(`backend must be "wasm" or "js", got ${JSON.stringify(name)}.`);
}
