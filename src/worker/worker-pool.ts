// A pool of workers, each running one task at a time: at most `size` live workers, the calls beyond them
// queued in order, idle workers letting the program exit and retired after a while, an aborted call removed
// from the queue or its worker terminated, and a worker that fails replaced when the next task needs one.
// The same for browser Web Workers and Node's worker_threads: the platform is behind `spawn`.

/** A started worker as the pool drives it. */
export interface PoolWorker {
  post(message: unknown, transfer: Transferable[]): void;
  terminate(): void;
  /** Whether the worker keeps the program alive (Node's ref and unref; nothing to do in a browser). */
  keepAlive(on: boolean): void;
}

/** What a worker tells the pool. */
export interface PoolWorkerEvents {
  /** The answer to the task it was given. */
  message(data: unknown): void;
  /** It can no longer answer (it crashed, exited, or sent what could not be read). */
  failure(error: Error): void;
}

/** Starts a worker whose events go to `events`. */
export type SpawnWorker = (events: PoolWorkerEvents) => Promise<PoolWorker>;

export interface WorkerPoolOptions {
  /** The most workers alive at once. */
  size: number;
  spawn: SpawnWorker;
  /** How long a worker may wait for a task before it is terminated (ms). */
  idleTimeout: number;
}

/** A snapshot of the pool. */
export interface WorkerPoolStats {
  size: number;
  /** Workers alive or starting. */
  live: number;
  /** Workers running a task. */
  busy: number;
  /** Calls waiting for a worker. */
  queued: number;
  /** Workers started since the pool was made. */
  started: number;
}

interface Task {
  message: unknown;
  transfer: Transferable[];
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

interface Slot {
  /** Undefined while the worker starts. */
  worker?: PoolWorker;
  task?: Task;
  idleTimer?: ReturnType<typeof setTimeout>;
  retired: boolean;
}

/** The reason an aborted call rejects with: the signal's, or an AbortError as fetch gives. */
export function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException("The call was aborted.", "AbortError");
}

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private started = 0;

  constructor(private readonly options: WorkerPoolOptions) {
    if (!Number.isInteger(options.size) || options.size < 1) throw new RangeError(`The pool size must be an integer >= 1, got ${options.size}.`);
  }

  /**
   * Posts `message` (transferring `transfer`) to a free worker and resolves with its answer. Rejects with the
   * worker's failure, or with the signal's reason when `signal` aborts first.
   */
  run(message: unknown, transfer: Transferable[], signal?: AbortSignal): Promise<unknown> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) {
        reject(abortReason(signal));
        return;
      }
      const onAbort = () => this.abort(task, abortReason(signal as AbortSignal));
      const release = () => signal?.removeEventListener("abort", onAbort);
      const task: Task = { message, transfer, resolve: (value) => (release(), resolve(value)), reject: (error) => (release(), reject(error)) };
      signal?.addEventListener("abort", onAbort, { once: true });
      this.queue.push(task);
      this.dispatch();
    });
  }

  stats(): WorkerPoolStats {
    return {
      size: this.options.size,
      live: this.slots.length,
      busy: this.slots.filter((slot) => slot.task !== undefined).length,
      queued: this.queue.length,
      started: this.started,
    };
  }

  /** Hands queued tasks to idle workers, starting workers while there are fewer than `size`. */
  private dispatch(): void {
    while (this.queue.length > 0) {
      const slot = this.slots.find((s) => s.worker !== undefined && s.task === undefined) ?? this.startSlot();
      if (!slot) return;
      this.assign(slot, this.queue.shift() as Task);
    }
  }

  private startSlot(): Slot | undefined {
    if (this.slots.length >= this.options.size) return undefined;
    const slot: Slot = { retired: false };
    this.slots.push(slot);
    this.started++;
    this.options.spawn({ message: (data) => this.answered(slot, data), failure: (error) => this.failed(slot, error) }).then(
      (worker) => {
        if (slot.retired) {
          worker.terminate();
          return;
        }
        slot.worker = worker;
        if (slot.task) this.post(slot);
        else this.idle(slot);
      },
      (error: unknown) => this.failed(slot, error instanceof Error ? error : new Error(String(error))),
    );
    return slot;
  }

  private assign(slot: Slot, task: Task): void {
    clearTimeout(slot.idleTimer);
    slot.task = task;
    if (slot.worker) this.post(slot);
  }

  private post(slot: Slot): void {
    const worker = slot.worker as PoolWorker;
    const task = slot.task as Task;
    worker.keepAlive(true);
    try {
      worker.post(task.message, task.transfer);
    } catch (error) {
      // Nothing reached the worker (a message that cannot be cloned): it stays, free for the next task.
      slot.task = undefined;
      task.reject(error);
      this.idle(slot);
      this.dispatch();
    }
  }

  private idle(slot: Slot): void {
    slot.worker?.keepAlive(false);
    slot.idleTimer = setTimeout(() => this.retire(slot), this.options.idleTimeout);
    (slot.idleTimer as { unref?: () => void }).unref?.();
  }

  private answered(slot: Slot, data: unknown): void {
    const task = slot.task;
    if (slot.retired || !task) return;
    slot.task = undefined;
    task.resolve(data);
    this.idle(slot);
    this.dispatch();
  }

  private failed(slot: Slot, error: Error): void {
    if (slot.retired) return;
    const task = slot.task;
    this.retire(slot);
    task?.reject(error);
    this.dispatch();
  }

  private abort(task: Task, reason: unknown): void {
    const queued = this.queue.indexOf(task);
    if (queued >= 0) this.queue.splice(queued, 1);
    else {
      const slot = this.slots.find((s) => s.task === task);
      if (!slot) return;
      this.retire(slot);
    }
    task.reject(reason);
    this.dispatch();
  }

  /** Terminates the slot's worker (or the one still starting, once it is up) and frees its place. */
  private retire(slot: Slot): void {
    slot.retired = true;
    clearTimeout(slot.idleTimer);
    const index = this.slots.indexOf(slot);
    if (index >= 0) this.slots.splice(index, 1);
    slot.worker?.terminate();
  }
}
