import { coreRelaxedDelta, coreWasm } from "./core-wasm.generated.js";
import { applyDelta } from "./delta.js";
import type { CoreExports } from "./core-abi.generated.js";

/** Pages of 64 KiB the memory starts with; the heap grows it on demand. */
const INITIAL_PAGES = 16;

/**
 * The two builds of the core: "plain" SIMD, and "relaxed" (relaxed SIMD's fused multiply-add in the hot
 * kernels), which Node 22+, Chromium and Firefox run, and Node 20 only with --experimental-wasm-relaxed-simd.
 */
export type SimdBuild = "relaxed" | "plain";

export interface CoreInstance {
  exports: CoreExports;
  memory: WebAssembly.Memory;
  build: SimdBuild;
  /** The compiled module, for the core's threads (only for a shared memory). */
  module?: WebAssembly.Module;
}

/**
 * The shared builds' module, loaded only where threads run (Node, a cross-origin isolated browser worker): the
 * browser bundle ships it as a file of its own beside the bundle, fetched only then.
 */
const SHARED_MODULE = "./core-wasm-shared.generated.js";
/** A shared memory's most pages (4 GiB), as the shared builds declare. */
const SHARED_MAXIMUM_PAGES = 65536;

/** Instantiates `build` over a shared memory, for a core with threads. */
export async function instantiateSharedCore(build: SimdBuild): Promise<CoreInstance> {
  const builds = (await import(/* @vite-ignore */ SHARED_MODULE)) as typeof import("./core-wasm-shared.generated.js");
  const memory = new WebAssembly.Memory({ initial: INITIAL_PAGES, maximum: SHARED_MAXIMUM_PAGES, shared: true });
  const plain = unpack(builds.coreSharedWasm);
  const module = await WebAssembly.compile(build === "relaxed" ? applyDelta(plain, unpack(builds.coreRelaxedSharedDelta)) : plain);
  const instance = await WebAssembly.instantiate(module, imports(memory));
  return { exports: instance.exports as unknown as CoreExports, memory, build, module };
}

const decoded: Partial<Record<SimdBuild, Uint8Array<ArrayBuffer>>> = {};
/** A build's bytes, decoded once (the relaxed one from its delta against the plain one). */
export const bytesOf = (build: SimdBuild): Uint8Array<ArrayBuffer> => (decoded[build] ??= build === "relaxed"
  ? applyDelta(bytesOf("plain"), unpack(coreRelaxedDelta))
  : unpack(coreWasm));

/** Whether this runtime runs the relaxed build: it validates the module itself. */
export function relaxedSimdAvailable(): boolean {
  return WebAssembly.validate(bytesOf("relaxed"));
}

/** The build to instantiate: the one asked for (relaxed refused where it cannot run), else relaxed where it runs. */
export function chooseBuild(asked: SimdBuild | undefined): SimdBuild {
  if (asked === "relaxed" && !relaxedSimdAvailable()) {
    throw new Error('init({ simd: "relaxed" }): this runtime cannot run relaxed SIMD (Node 20 needs --experimental-wasm-relaxed-simd; ' +
      'Node 22+, Chrome 114+ and Firefox 120+ have it). Call init() to get the build this runtime runs, or init({ simd: "plain" }).');
  }
  return asked ?? (relaxedSimdAvailable() ? "relaxed" : "plain");
}

/** Embedded bytes (scripts/embed.mjs), from their base64. */
function unpack(base64: string): Uint8Array<ArrayBuffer> {
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

/** Instantiates the embedded core's `build` asynchronously, with a fresh JS-owned memory. */
export async function instantiateCore(build: SimdBuild): Promise<CoreInstance> {
  const memory = new WebAssembly.Memory({ initial: INITIAL_PAGES });
  try {
    const { instance } = await WebAssembly.instantiate(bytesOf(build), imports(memory));
    return { exports: instance.exports as unknown as CoreExports, memory, build };
  } catch (cause) {
    throw simdError(cause);
  }
}

/**
 * Instantiates the embedded core synchronously. Fine in Node and in workers; browsers may refuse synchronous
 * compilation of larger modules on the main thread, where {@link instantiateCore} is the way.
 */
export function instantiateCoreSync(build: SimdBuild): CoreInstance {
  const memory = new WebAssembly.Memory({ initial: INITIAL_PAGES });
  try {
    const instance = new WebAssembly.Instance(new WebAssembly.Module(bytesOf(build)), imports(memory));
    return { exports: instance.exports as unknown as CoreExports, memory, build };
  } catch (cause) {
    throw simdError(cause);
  }
}
