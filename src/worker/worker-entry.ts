// The script a fitting worker runs, in a browser Worker or a Node worker_threads Worker: it instantiates the
// WASM core, then answers each FitTask with the fitted model's JSON (or the error) and the fit's warnings.

import { init } from "../backends/registry.js";
import { recordError } from "./error-transfer.js";
import { runFitTask, type FitReply, type FitTask } from "./models.js";

const ready = init({ threads: 1 }); // one thread per worker: the pool of workers is the parallelism

async function answer(task: FitTask, post: (reply: FitReply) => void): Promise<void> {
  try {
    await ready;
  } catch (error) {
    post({ error: recordError(error), warnings: [] });
    return;
  }
  post(runFitTask(task));
}

const scope = globalThis as unknown as {
  postMessage?: (message: unknown) => void;
  addEventListener?: (type: string, handler: (event: { data: unknown }) => void) => void;
  WorkerGlobalScope?: unknown;
};
if (scope.WorkerGlobalScope !== undefined && scope.addEventListener) {
  scope.addEventListener("message", (event) => void answer(event.data as FitTask, (reply) => scope.postMessage?.(reply)));
} else {
  // Through a variable, so browser bundlers leave it alone (see spawn-worker.ts).
  const nodeWorkers = "node:worker_threads";
  const { parentPort } = (await import(/* @vite-ignore */ nodeWorkers)) as typeof import("node:worker_threads");
  parentPort?.on("message", (task: FitTask) => void answer(task, (reply) => parentPort.postMessage(reply)));
}
