// Fitting off the main thread: a page (Web Worker) or a Node program (worker_threads) fits without freezing.

import type { LinearModel } from "../models/base.js";
import { createModel, modelFromJSON } from "../models/registry.js";
import type { FitReply, FitRequest } from "./models.js";

/**
 * Node's worker module, imported through a variable: bundlers for the browser leave a non-literal import alone
 * (a literal "node:" import would fail a user's esbuild or Vite build); browsers never reach that branch.
 */
const NODE_WORKERS = "node:worker_threads";
/** The worker script beside this module in dist/ (Node). */
const NODE_ENTRY = "./worker-entry.js";

interface WorkerLike {
  postMessage(message: unknown): void;
  terminate(): unknown;
}

/** Starts a worker running worker-entry.js from beside this module (dist/worker/ in Node, dist/browser/ in the bundle). */
async function startWorker(onMessage: (data: unknown) => void, onError: (error: unknown) => void): Promise<WorkerLike> {
  const lost = (what: string) => onError(new Error(`The fitting worker ${what} before answering.`));
  const BrowserWorker = (globalThis as { Worker?: new (url: URL, options: object) => WorkerLike & { onmessage: unknown; onerror: unknown } }).Worker;
  if (typeof BrowserWorker === "function" && typeof (globalThis as { document?: unknown }).document !== "undefined") {
    const worker = new BrowserWorker(new URL("./worker.js", import.meta.url), { type: "module" });
    worker.onmessage = (event: { data: unknown }) => onMessage(event.data);
    worker.onerror = (event: unknown) => onError(event);
    (worker as unknown as { onmessageerror: unknown }).onmessageerror = () => lost("sent a message that could not be read");
    return worker;
  }
  const { Worker } = (await import(/* @vite-ignore */ NODE_WORKERS)) as typeof import("node:worker_threads");
  // Through a variable too: bundlers treat new Worker(new URL("literal", import.meta.url)) as a browser worker.
  const worker = new Worker(new URL(NODE_ENTRY, import.meta.url));
  worker.on("message", onMessage);
  worker.on("error", onError);
  worker.on("messageerror", () => lost("sent a message that could not be read"));
  worker.on("exit", (code) => lost(`exited with code ${code}`));
  return worker;
}

/**
 * Fits a model in a worker (from a page: a Web Worker; from Node: worker_threads) and returns it, restored from the worker's JSON: the same model as fitting here,
 * without blocking this thread. `request.model` names the estimator, `options` are its options, checked here
 * by the option schema before a worker starts.
 */
export async function fitInWorker(request: FitRequest): Promise<LinearModel> {
  createModel(request.model, request.options);
  let worker: WorkerLike | undefined;
  try {
    const reply = await new Promise<FitReply>((resolve, reject) => {
      startWorker((data) => resolve((data as { reply: FitReply }).reply), reject).then((started) => {
        worker = started;
        try {
          started.postMessage({ id: 1, request });
        } catch (error) {
          // A request that cannot be copied (a function among the options, say) never reaches the worker.
          reject(new TypeError(`fitInWorker could not send the request: ${(error as Error).message} (options must be plain data).`));
        }
      }, reject);
    });
    if ("error" in reply) {
      const error = new Error(reply.error.message);
      error.name = reply.error.name;
      throw error;
    }
    return modelFromJSON(reply.json);
  } finally {
    await worker?.terminate();
  }
}
