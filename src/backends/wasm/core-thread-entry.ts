// The script of a worker thread of the WASM core (Node): it instantiates the core over the shared memory, says
// it is ready, then takes calls of each pass it is woken for (see core-threads.ts).

import { workerData } from "node:worker_threads";
import { CONTROL, STATE, takeCalls, type ThreadData } from "./core-threads.js";

const { module, memory, control: controlBuffer, args: argsBuffer, index } = workerData as ThreadData;
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
