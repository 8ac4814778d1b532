import type { Backend, BackendName } from "./contract.js";
import { jsBackend } from "./js/index.js";
import { createWasmBackend } from "./wasm/index.js";
import { chooseBuild, instantiateCore, instantiateCoreSync, type SimdBuild } from "./wasm/instantiate.js";

let wasmBackend: Backend | undefined;
let pending: Promise<void> | undefined;
let chosen: SimdBuild | undefined;

/** Options of {@link init}. */
export interface InitOptions {
  /**
   * Which build of the core to run: "relaxed" (relaxed SIMD's fused multiply-add in the hot kernels) or
   * "plain" SIMD. Default: relaxed where the runtime runs it (Node 22+, Chrome 114+, Firefox 120+; Node 20 with
   * --experimental-wasm-relaxed-simd), plain elsewhere. See {@link simdBuild}.
   */
  simd?: SimdBuild;
}

function checkInitOptions(options: InitOptions | undefined): SimdBuild {
  const asked = options?.simd;
  if (asked !== undefined && asked !== "relaxed" && asked !== "plain") {
    throw new RangeError(`init: simd must be "relaxed" or "plain", got ${JSON.stringify(asked)}.`);
  }
  if (chosen !== undefined && asked !== undefined && asked !== chosen) {
    throw new Error(`init({ simd: "${asked}" }): the core already runs the ${chosen} build. Ask for a build in the first call to init, before any fit.`);
  }
  return chosen ?? chooseBuild(asked);
}

/**
 * Instantiates the WebAssembly core once. Call it (and await it) before using the default `"wasm"` backend;
 * later calls return at once. Fits and the other functions are synchronous afterwards.
 */
export function init(options?: InitOptions): Promise<void> {
  let build: SimdBuild;
  try {
    build = checkInitOptions(options);
  } catch (error) {
    return Promise.reject(error);
  }
  if (wasmBackend) return Promise.resolve();
  chosen = build;
  pending ??= instantiateCore(build).then(
    (core) => {
      wasmBackend ??= createWasmBackend(core);
    },
    (error: unknown) => {
      pending = undefined;
      chosen = undefined;
      throw error;
    },
  );
  return pending;
}

/** Synchronous {@link init}, for Node scripts and workers. Idempotent. */
export function initSync(options?: InitOptions): void {
  const build = checkInitOptions(options);
  if (wasmBackend) return;
  chosen = build;
  wasmBackend = createWasmBackend(instantiateCoreSync(build));
}

/** The build of the core {@link init} chose ("relaxed" or "plain"), or undefined before it. */
export function simdBuild(): SimdBuild | undefined {
  return wasmBackend ? chosen : undefined;
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
