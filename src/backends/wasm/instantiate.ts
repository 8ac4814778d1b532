import { instantiate, instantiateSync } from "@assemblyscript/loader";
import { coreWasmBase64 } from "./core-wasm.generated.js";
import type { CoreExports } from "./core-abi.generated.js";

/** Pages of 64 KiB the memory starts with; the heap grows it on demand. */
const INITIAL_PAGES = 16;

export interface CoreInstance {
  exports: CoreExports;
  memory: WebAssembly.Memory;
}

function decodeBase64(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function imports(memory: WebAssembly.Memory) {
  return { env: { memory } };
}

function simdError(cause: unknown): Error {
  return new Error(
    "Could not instantiate the regularized WASM core, which needs WebAssembly SIMD (Node >= 16.4, Chrome >= 91, " +
      `Firefox >= 89, Safari >= 16.4). Upgrade the runtime, or pass { backend: "js" } to use the TypeScript backend. ` +
      `Cause: ${String(cause)}`,
    { cause },
  );
}

/** Instantiates the embedded core asynchronously, with a fresh JS-owned memory. */
export async function instantiateCore(): Promise<CoreInstance> {
  const memory = new WebAssembly.Memory({ initial: INITIAL_PAGES });
  try {
    const { exports } = await instantiate<CoreExports & Record<string, unknown>>(
      decodeBase64(coreWasmBase64),
      imports(memory),
    );
    return { exports, memory };
  } catch (cause) {
    throw simdError(cause);
  }
}

/**
 * Instantiates the embedded core synchronously. Fine in Node and in workers; browsers may refuse synchronous
 * compilation of larger modules on the main thread, where {@link instantiateCore} is the way.
 */
export function instantiateCoreSync(): CoreInstance {
  const memory = new WebAssembly.Memory({ initial: INITIAL_PAGES });
  try {
    const { exports } = instantiateSync<CoreExports & Record<string, unknown>>(
      decodeBase64(coreWasmBase64),
      imports(memory),
    );
    return { exports, memory };
  } catch (cause) {
    throw simdError(cause);
  }
}
