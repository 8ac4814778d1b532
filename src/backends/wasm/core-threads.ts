// Calls of the WASM core split across threads that share its memory (Node's worker_threads, or a browser's module
// Workers where the page is cross-origin isolated; the core built with a shared memory). A pass is a list of independent calls of one export (stripes of rows, each writing its own
// output): this thread and every ready worker take calls from a shared counter until none is left, then this
// thread waits for the workers. Which thread runs a call never changes what it writes, so results do not depend
// on the number of threads. Workers start on the first pass, in the background (that pass runs on the threads
// ready by then, this one at least), never keep the process alive, and wait in Atomics.wait between passes.

import { startWorker } from "../worker-argv.js";

/** The exports a pass may call, by index in the control block. */
export const PARALLEL_EXPORTS = [
  "centeredGram", "centeredGramPanels", "gemv", "choleskyTrailing", "gdStripe", "cdGramPath", "cdCorrelations",
] as const;
export type ParallelExport = (typeof PARALLEL_EXPORTS)[number];

/** The most calls in one pass, and the most numeric arguments of a call. */
export const MAX_CALLS = 16;
export const MAX_ARGS = 13;

/** Words of the control block (an Int32Array over a SharedArrayBuffer). */
export const CONTROL = { next: 0, calls: 1, exportIndex: 2, argCount: 3, workerCalls: 4, workers: 5 } as const;
/** A worker's state word (at CONTROL.workers + its index). */
export const STATE = { booting: 0, idle: 1, run: 2, failed: 3 } as const;

/** How long this thread waits for a worker's part of a pass before it gives up (ms). */
const STALL_MS = 120_000;

const NODE_WORKERS = "node:worker_threads";

/** What a worker is started with. */
export interface ThreadData {
  module: WebAssembly.Module;
  memory: WebAssembly.Memory;
  control: SharedArrayBuffer;
  args: SharedArrayBuffer;
  index: number;
}

type CoreCall = (...args: number[]) => void;

/** Takes calls of the pass from the shared counter until none is left; returns how many it took. */
export function takeCalls(control: Int32Array, args: Float64Array, core: Record<string, unknown>): number {
  const call = core[PARALLEL_EXPORTS[control[CONTROL.exportIndex]]] as CoreCall;
  const [calls, argCount] = [control[CONTROL.calls], control[CONTROL.argCount]];
  let taken = 0;
  for (let c = Atomics.add(control, CONTROL.next, 1); c < calls; c = Atomics.add(control, CONTROL.next, 1), taken++) {
    call(...Array.from(args.subarray(c * MAX_ARGS, c * MAX_ARGS + argCount)));
  }
  return taken;
}

/** What the core's threads have done. */
export interface CoreThreadStats {
  /** Threads, this one included. */
  threads: number;
  /** Workers started and waiting for a pass. */
  ready: number;
  /** Passes run. */
  passes: number;
  /** Calls of those passes the workers took (the rest ran on this thread). */
  callsOnWorkers: number;
}

/** The threads of one core: this one and up to `threads - 1` workers. */
export class CoreThreads {
  private readonly control: Int32Array;
  private readonly args: Float64Array;
  private started = false;
  private passes = 0;

  constructor(
    private readonly threads: number,
    private readonly module: WebAssembly.Module,
    private readonly memory: WebAssembly.Memory,
    private readonly core: Record<string, unknown>,
    private readonly workerScript: URL,
  ) {
    this.control = new Int32Array(new SharedArrayBuffer(4 * (CONTROL.workers + threads)));
    this.args = new Float64Array(new SharedArrayBuffer(8 * MAX_CALLS * MAX_ARGS));
  }

  stats(): CoreThreadStats {
    let ready = 0;
    for (let w = 0; w < this.threads - 1; w++) if (Atomics.load(this.control, CONTROL.workers + w) === STATE.idle) ready++;
    return { threads: this.threads, ready, passes: this.passes, callsOnWorkers: Atomics.load(this.control, CONTROL.workerCalls) };
  }

  /** Starts the workers in the background; one that cannot start (or fails) is marked failed and never used. */
  private start(): void {
    this.started = true;
    const failed = (index: number) => Atomics.store(this.control, CONTROL.workers + index, STATE.failed);
    const data = (index: number): ThreadData => ({
      module: this.module, memory: this.memory, control: this.control.buffer as SharedArrayBuffer,
      args: this.args.buffer as SharedArrayBuffer, index,
    });
    if (typeof process === "undefined" || typeof process.versions?.node !== "string") {
      // A browser's module Worker, given its ThreadData (the module, the shared memory and buffers) by message.
      for (let index = 0; index < this.threads - 1; index++) {
        try {
          const worker = new Worker(this.workerScript, { type: "module" });
          worker.addEventListener("error", () => failed(index));
          worker.postMessage(data(index));
        } catch {
          failed(index);
        }
      }
      return;
    }
    void import(/* @vite-ignore */ NODE_WORKERS).then(({ Worker }: typeof import("node:worker_threads")) => {
      for (let index = 0; index < this.threads - 1; index++) {
        try {
          const worker = startWorker(Worker, this.workerScript, { workerData: data(index) });
          worker.on("error", () => failed(index));
          worker.unref();
        } catch {
          failed(index);
        }
      }
    }).catch(() => undefined);
  }

  /** Runs `calls` (each the arguments of one call of `name`) on this thread and the ready workers; returns when all are done. */
  run(name: ParallelExport, calls: number[][]): void {
    if (calls.length > MAX_CALLS || calls.some((call) => call.length > MAX_ARGS)) throw new RangeError(`A parallel pass takes at most ${MAX_CALLS} calls of ${MAX_ARGS} arguments.`);
    if (!this.started) this.start();
    this.passes++;
    const { control, args } = this;
    calls.forEach((call, c) => args.set(call, c * MAX_ARGS));
    control[CONTROL.exportIndex] = PARALLEL_EXPORTS.indexOf(name);
    control[CONTROL.calls] = calls.length;
    control[CONTROL.argCount] = calls[0]?.length ?? 0;
    Atomics.store(control, CONTROL.next, 0);
    const running: number[] = [];
    for (let w = 0; w < this.threads - 1 && running.length < calls.length - 1; w++) {
      if (Atomics.compareExchange(control, CONTROL.workers + w, STATE.idle, STATE.run) === STATE.idle) {
        Atomics.notify(control, CONTROL.workers + w);
        running.push(w);
      }
    }
    takeCalls(control, args, this.core);
    for (const w of running) {
      const slot = CONTROL.workers + w;
      const deadline = Date.now() + STALL_MS;
      while (Atomics.load(control, slot) === STATE.run) {
        if (Atomics.wait(control, slot, STATE.run, Math.max(1, deadline - Date.now())) === "timed-out" && Date.now() >= deadline) {
          throw new Error(`A WASM core thread did not finish its part of a pass in ${STALL_MS / 1000} s: call init({ threads: 1 }) to fit on one thread.`);
        }
      }
      if (Atomics.load(control, slot) === STATE.failed) throw new Error("A WASM core thread failed during a pass: call init({ threads: 1 }) to fit on one thread.");
    }
  }
}
