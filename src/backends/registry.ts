import type { Backend, BackendName } from "./contract.js";
import { jsBackend } from "./js/index.js";
import { createWasmBackend } from "./wasm/index.js";
import { CoreThreads, type CoreThreadStats } from "./wasm/core-threads.js";

export type { CoreThreadStats } from "./wasm/core-threads.js";
import { chooseBuild, instantiateCore, instantiateCoreSync, instantiateSharedCore, type CoreInstance, type SimdBuild } from "./wasm/instantiate.js";

let wasmBackend: Backend | undefined;
let pending: Promise<void> | undefined;
export type { SimdBuild };

let chosen: SimdBuild | undefined;
let threadCount = 1;
let pool: CoreThreads | undefined;

/** The default number of threads at most, however many cores. */
const DEFAULT_MAX_THREADS = 4;
/** The most threads init takes. */
const MAX_THREADS = 64;
/** The worker script of the core's threads, beside the backends' modules in dist/ (through a variable: bundlers leave it alone). */
const THREAD_SCRIPT = "./wasm/core-thread-entry.js";
const NODE_OS = "node:os";

/** Whether this is Node (or a runtime that presents itself as Node). */
const isNode = (): boolean => typeof process !== "undefined" && typeof process.versions?.node === "string";

/**
 * Whether this runtime can run the core on threads that share its memory: Node (worker_threads), and a browser's
 * Web Worker whose page is cross-origin isolated (served with `Cross-Origin-Opener-Policy: same-origin` and
 * `Cross-Origin-Embedder-Policy: require-corp`, so that SharedArrayBuffer exists). Never a page's main thread,
 * where Atomics.wait is forbidden: fits there run on one thread, or in a worker through fitInWorker.
 */
export function threadsAvailable(): boolean {
  if (typeof SharedArrayBuffer !== "function") return false;
  if (isNode()) return true;
  const scope = globalThis as { crossOriginIsolated?: boolean; WorkerGlobalScope?: unknown; Worker?: unknown };
  return scope.crossOriginIsolated === true && scope.WorkerGlobalScope !== undefined && typeof scope.Worker === "function";
}

/** The machine's cores: os.availableParallelism() in Node, navigator.hardwareConcurrency in a browser. */
async function cores(): Promise<number> {
  if (isNode()) return ((await import(/* @vite-ignore */ NODE_OS)) as typeof import("node:os")).availableParallelism();
  return (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator?.hardwareConcurrency ?? 1;
}

/** The threads the core runs its row-parallel passes on (1 before init, or without threads). */
export function coreThreads(): number {
  return wasmBackend ? threadCount : 1;
}

/** What the core's threads have done so far (undefined without threads): workers ready, passes, calls the workers took. */
export function coreThreadStats(): CoreThreadStats | undefined {
  return pool?.stats();
}

function checkThreads(threads: unknown): number | undefined {
  if (threads === undefined) return undefined;
  if (!Number.isInteger(threads) || (threads as number) < 1 || (threads as number) > MAX_THREADS) {
    throw new RangeError(`init: threads must be an integer from 1 to ${MAX_THREADS}, got ${String(threads)}.`);
  }
  return threads as number;
}

/** Options of {@link init}. */
export interface InitOptions {
  /**
   * Which build of the core to run: "relaxed" (relaxed SIMD's fused multiply-add in the hot kernels) or
   * "plain" SIMD. Default: relaxed where the runtime runs it (Node 22+, Chrome 114+, Firefox 120+; Node 20 with
   * --experimental-wasm-relaxed-simd), plain elsewhere. See {@link simdBuild}.
   */
  simd?: SimdBuild;
  /**
   * Threads for the core's row-parallel passes (the Gram matrix of many rows), this one included. Default: the
   * cores, at most 4, in Node and in a cross-origin isolated browser worker (see {@link threadsAvailable}); 1
   * elsewhere (a page's main thread), and for {@link initSync}. The threads start on the first pass large enough
   * to gain from them and never keep a process alive; results do not depend on their number.
   */
  threads?: number;
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
  let threads: number | undefined;
  try {
    build = checkInitOptions(options);
    threads = checkThreads(options?.threads);
    if (wasmBackend && threads !== undefined && threads !== threadCount) {
      throw new Error(`init({ threads: ${threads} }): the core already runs on ${threadCount} thread(s). Ask for threads in the first call to init, before any fit.`);
    }
  } catch (error) {
    return Promise.reject(error);
  }
  if (wasmBackend) return Promise.resolve();
  chosen = build;
  pending ??= start(build, threads).catch((error: unknown) => {
    pending = undefined;
    chosen = undefined;
    throw error;
  });
  return pending;
}

async function start(build: SimdBuild, asked: number | undefined): Promise<void> {
  let threads = threadsAvailable() ? asked ?? Math.max(1, Math.min(DEFAULT_MAX_THREADS, await cores())) : 1;
  if (threads > 1) {
    const core = await sharedCore(build);
    if (core) {
      pool = new CoreThreads(threads, core.module!, core.memory, core.exports as unknown as Record<string, unknown>, new URL(THREAD_SCRIPT, import.meta.url));
      wasmBackend ??= createWasmBackend(core, pool);
    } else {
      threads = 1;
    }
  }
  wasmBackend ??= createWasmBackend(await instantiateCore(build));
  threadCount = threads;
}

/**
 * The core over a shared memory; in a browser, undefined where its shared builds cannot be fetched from beside
 * the importing file (an app that bundled the library's dist/ itself), and the core then runs on one thread
 * (coreThreads() says 1).
 */
async function sharedCore(build: SimdBuild): Promise<CoreInstance | undefined> {
  try {
    return await instantiateSharedCore(build);
  } catch (error) {
    if (isNode()) throw error;
    return undefined;
  }
}

/** Synchronous {@link init}, for Node scripts and workers. Idempotent. */
export function initSync(options?: InitOptions): void {
  const build = checkInitOptions(options);
  if ((checkThreads(options?.threads) ?? 1) > 1) {
    throw new RangeError("initSync runs the core on this thread: call `await init({ threads })` for threads.");
  }
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
