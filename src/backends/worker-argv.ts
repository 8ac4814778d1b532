// The Node options a worker thread is started with, and starting it.

type WorkerClass = typeof import("node:worker_threads").Worker;
type WorkerOptions = import("node:worker_threads").WorkerOptions;

/**
 * The parent's Node options for a worker: those Node lets a process pass on (process.allowedNodeEnvironmentFlags,
 * with their values), without --input-type, which describes the parent's -e or stdin text (a worker given it
 * refuses to load its script file). V8 flags such as --experimental-wasm-relaxed-simd are left out: a worker
 * refuses them, and they hold for the whole process anyway.
 */
export function workerExecArgv(parent: readonly string[]): string[] {
  const allowed = process.allowedNodeEnvironmentFlags;
  const kept: string[] = [];
  let keepValue = false;
  for (const arg of parent) {
    if (!arg.startsWith("-")) {
      if (keepValue) kept.push(arg);
      keepValue = false;
      continue;
    }
    const name = arg.split("=")[0];
    const keep = name !== "--input-type" && allowed.has(name);
    if (keep) kept.push(arg);
    keepValue = keep && !arg.includes("=");
  }
  return kept;
}

/** A worker on `script` with the parent's options it accepts (none, if it refuses even those). */
export function startWorker(Worker: WorkerClass, script: URL, options: WorkerOptions = {}): InstanceType<WorkerClass> {
  try {
    return new Worker(script, { ...options, execArgv: workerExecArgv(process.execArgv) });
  } catch (error) {
    if ((error as { code?: string }).code !== "ERR_WORKER_INVALID_EXEC_ARGV") throw error;
    return new Worker(script, { ...options, execArgv: [] });
  }
}
