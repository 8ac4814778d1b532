// The script a fitting worker runs, in a browser Worker or a Node worker_threads Worker: it instantiates the
// WASM core, then answers each FitRequest with the fitted model's JSON (or the error).

import { init } from "../backends/registry.js";
import { fitRequest, type FitRequest } from "./models.js";

const ready = init();

type Port = { postMessage(message: unknown): void };

async function answer(port: Port, message: { id: number; request: FitRequest }): Promise<void> {
  await ready;
  port.postMessage({ id: message.id, reply: fitRequest(message.request) });
}

const scope = globalThis as unknown as { postMessage?: Port["postMessage"]; addEventListener?: (type: string, handler: (event: { data: unknown }) => void) => void; WorkerGlobalScope?: unknown };
if (scope.WorkerGlobalScope !== undefined && scope.addEventListener) {
  scope.addEventListener("message", (event) => void answer(scope as Port, event.data as { id: number; request: FitRequest }));
} else {
  // Through a variable, so browser bundlers leave it alone (see fit-in-worker.ts).
  const nodeWorkers = "node:worker_threads";
  const { parentPort } = (await import(/* @vite-ignore */ nodeWorkers)) as typeof import("node:worker_threads");
  parentPort?.on("message", (message) => void answer(parentPort, message as { id: number; request: FitRequest }));
}
