// The script of a worker thread of the WASM core, in Node (worker_threads, its ThreadData as workerData) or in a
// browser (a module Worker, its ThreadData as the first message): it instantiates the core over the shared
// memory, says it is ready, then takes calls of each pass it is woken for (see core-threads.ts).

import { CONTROL, STATE, takeCalls, type ThreadData } from "./core-threads.js";

function serve({ module, memory, control: controlBuffer, args: argsBuffer, index }: ThreadData): void {
  const control = new Int32Array(controlBuffer);
  const args = new Float64Array(argsBuffer);
  const slot = CONTROL.workers + index;
  const core = new WebAssembly.Instance(module, { env: { memory, abort: () => Atomics.store(control, slot, STATE.failed) } }).exports as Record<string, unknown>;
  Atomics.store(control, slot, STATE.idle);
  for (;;) {
    Atomics.wait(control, slot, STATE.idle);
    if (Atomics.load(control, slot) !== STATE.run) continue;
    try {
      Atomics.add(control, CONTROL.workerCalls, takeCalls(control, args, core));
      Atomics.store(control, slot, STATE.idle);
    } catch {
      Atomics.store(control, slot, STATE.failed);
    }
    Atomics.notify(control, slot);
  }
}

const scope = globalThis as unknown as {
  WorkerGlobalScope?: unknown;
  addEventListener?: (type: string, handler: (event: { data: unknown }) => void, options?: { once: boolean }) => void;
};
if (scope.WorkerGlobalScope !== undefined && scope.addEventListener) {
  scope.addEventListener("message", (event) => serve(event.data as ThreadData), { once: true });
} else {
  // Through a variable, so browser bundlers leave it alone (see spawn-worker.ts).
  const nodeWorkers = "node:worker_threads";
  const { workerData } = (await import(/* @vite-ignore */ nodeWorkers)) as typeof import("node:worker_threads");
  serve(workerData as ThreadData);
}
