// Fitting off the main thread: a page (Web Worker) or a Node program (worker_threads) fits without freezing,
// through one pool of workers shared by every call.

import { modelFromJSON, type ModelOf } from "../models/registry.js";
import { describeValue, isPlainObject } from "../options/checks.js";
import { restoreError } from "./error-transfer.js";
import { prepareFit } from "./fit-task.js";
import type { FitReply, FitRequest, WorkerModelName } from "./models.js";
import { spawnFittingWorker, workerCount } from "./spawn-worker.js";
import { WorkerPool, type WorkerPoolStats } from "./worker-pool.js";

/** How long an idle worker is kept for the next call (its WASM memory stays as large as its largest fit). */
const IDLE_TIMEOUT_MS = 30_000;

/** Options of one {@link fitInWorker} call. */
export interface FitInWorkerOptions {
  /**
   * Cancels the call: a call still queued is dropped, a running one stops at once (its worker is terminated and
   * replaced). The promise rejects with the signal's reason.
   */
  signal?: AbortSignal;
}

let pool: Promise<WorkerPool> | undefined;

/** The pool every call shares, made on the first call. */
function fittingPool(): Promise<WorkerPool> {
  pool ??= workerCount().then((size) => new WorkerPool({ size, spawn: spawnFittingWorker, idleTimeout: IDLE_TIMEOUT_MS }));
  return pool;
}

/** The pool's size, live, busy and queued workers, and how many it has started (for tests and diagnostics). */
export async function workerPoolStats(): Promise<WorkerPoolStats> {
  return (await fittingPool()).stats();
}

function readSignal(options: unknown): AbortSignal | undefined {
  if (options === undefined) return undefined;
  if (!isPlainObject(options)) {
    throw new TypeError(`fitInWorker(request, options): options must be a plain object such as { signal }, or left out; got ${describeValue(options)}.`);
  }
  const unknown = Object.keys(options).find((key) => key !== "signal");
  if (unknown !== undefined) {
    throw new TypeError(`fitInWorker(request, options): unknown option ${JSON.stringify(unknown)}; the only option is signal (an AbortSignal).`);
  }
  const signal = Object.hasOwn(options, "signal") ? options.signal : undefined;
  if (signal !== undefined && !(signal instanceof AbortSignal)) {
    throw new TypeError(`fitInWorker(request, options): signal must be an AbortSignal (new AbortController().signal), got ${describeValue(signal)}.`);
  }
  return signal;
}

/**
 * Fits a model in a worker (from a page: a Web Worker; from Node: worker_threads) and returns it, restored from
 * the worker's JSON: the same model as fitting here, without blocking this thread.
 *
 * The request is checked here first, with the checks and messages of a direct fit: `model` names the estimator,
 * `options` are its options, X, y and sampleWeight its data (copied once, then transferred to the worker). The
 * calls share one pool of workers, one per core (at most 8), and wait in order when all are busy; idle workers
 * never keep a Node process alive. The fit's warnings ("did not converge") go to `options.onWarning` as in a
 * direct fit (default `console.warn`), and its errors keep their class, message and fields.
 *
 * @example
 * ```ts
 * const controller = new AbortController();
 * const model = await fitInWorker({ model: "Lasso", options: { lambda: 0.1 }, X, y }, { signal: controller.signal });
 * const classifier = await fitInWorker({ model: "LogisticRegression", options: { l1Ratio: 1 }, X, y: labels });
 * ```
 * @throws TypeError or RangeError for a bad request (as the estimator's constructor and fit would), the fit's
 * own error from the worker, or the signal's reason once it aborts.
 */
export async function fitInWorker<N extends WorkerModelName>(request: FitRequest<N>, options?: FitInWorkerOptions): Promise<ModelOf<N>> {
  const signal = readSignal(options);
  signal?.throwIfAborted();
  const { task, transfer, onWarning } = prepareFit(request);
  const reply = (await (await fittingPool()).run(task, transfer, signal)) as FitReply;
  for (const warning of reply.warnings) onWarning(warning);
  if ("error" in reply) throw restoreError(reply.error);
  // The model warns as the caller's would, in later fits on this thread too.
  return modelFromJSON(reply.json as Parameters<typeof modelFromJSON>[0]).setOptions({ onWarning }) as ModelOf<N>;
}
