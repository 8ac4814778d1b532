// Starting a fitting worker on this platform (a Web Worker in a browser, worker_threads in Node), and how many
// the pool may run at once.

import { startWorker } from "../backends/worker-argv.js";
import type { PoolWorker, PoolWorkerEvents } from "./worker-pool.js";

/**
 * Node's modules, imported through variables: bundlers for the browser leave a non-literal import alone (a
 * literal "node:" import would fail a user's esbuild or Vite build); browsers never reach those branches.
 */
const NODE_WORKERS = "node:worker_threads";
const NODE_OS = "node:os";
/** The worker script beside this module in dist/ (Node). */
const NODE_ENTRY = "./worker-entry.js";

/** The most workers the pool runs, however many cores there are: each holds its own WASM memory. */
const MAX_WORKERS = 8;

const isNode = (): boolean => typeof process !== "undefined" && typeof process.versions?.node === "string";

/** Workers for the pool: one per core (Node's availableParallelism, a browser's hardwareConcurrency), 1 to 8. */
export async function workerCount(): Promise<number> {
  const cores = isNode()
    ? ((await import(/* @vite-ignore */ NODE_OS)) as typeof import("node:os")).availableParallelism()
    : (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator?.hardwareConcurrency;
  return Math.min(MAX_WORKERS, Math.max(1, Math.floor(cores ?? 1) || 1));
}

const lost = (what: string, cause?: unknown) =>
  new Error(`The fitting worker ${what} before answering, so the fit was lost: call fitInWorker again, or fit on this thread to see what fails.`, { cause });

function startBrowserWorker(events: PoolWorkerEvents): PoolWorker {
  // new URL("literal", import.meta.url) makes bundlers emit worker.js (already bundled, the WASM core embedded)
  // beside the page's bundle as it is; the constructor through a variable keeps them from re-bundling it.
  const BrowserWorker = globalThis.Worker;
  const worker = new BrowserWorker(new URL("./worker.js", import.meta.url), { type: "module" });
  worker.onmessage = (event) => events.message(event.data);
  worker.onerror = (event) => {
    event.preventDefault();
    events.failure(lost(`failed (${event.message || "its script could not be loaded"})`, event));
  };
  worker.onmessageerror = () => events.failure(lost("sent a message that could not be read"));
  return { post: (message, transfer) => worker.postMessage(message, transfer), terminate: () => worker.terminate(), keepAlive: () => {} };
}

/** Starts a worker_threads Worker running `script`, its events wired to the pool's. */
export async function startNodeWorker(events: PoolWorkerEvents, script: URL): Promise<PoolWorker> {
  const { Worker } = (await import(/* @vite-ignore */ NODE_WORKERS)) as typeof import("node:worker_threads");
  const worker = startWorker(Worker, script);
  // The listeners come before any unref: adding a message listener refs the worker again (nodejs/node#53036).
  worker.on("message", events.message);
  worker.on("error", (error) => events.failure(lost(`failed (${error.message})`, error)));
  worker.on("messageerror", (error) => events.failure(lost("sent a message that could not be read", error)));
  worker.on("exit", (code) => events.failure(lost(`exited with code ${code}`)));
  return {
    post: (message, transfer) => worker.postMessage(message, transfer as import("node:worker_threads").TransferListItem[]),
    terminate: () => void worker.terminate(),
    keepAlive: (on) => (on ? worker.ref() : worker.unref()),
  };
}

/** Starts a worker running worker-entry.js from beside this module (dist/worker/ in Node, dist/browser/ in the bundle). */
export async function spawnFittingWorker(events: PoolWorkerEvents): Promise<PoolWorker> {
  if (!isNode() && typeof Worker === "function") return startBrowserWorker(events);
  // Through a variable: bundlers treat new Worker(new URL("literal", import.meta.url)) as a browser worker.
  return startNodeWorker(events, new URL(NODE_ENTRY, import.meta.url));
}
