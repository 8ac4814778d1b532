// The Node options a worker thread is started with.

/**
 * The parent's Node options for a worker, without --input-type: it describes the parent's -e or stdin text, and
 * a worker given it refuses to load its script file (`node --input-type=module -e "..."` could not fit in workers).
 */
export function workerExecArgv(parent: readonly string[]): string[] {
  return parent.filter((arg, i) => !arg.startsWith("--input-type=") && arg !== "--input-type" && parent[i - 1] !== "--input-type");
}
