import { SingleBar } from "cli-progress";

/** A progress bar on stderr while a long job runs, only when it is a terminal. */
export function progress(label: string): ((done: number, total: number) => void) & { stop(): void } {
  const bar = process.stderr.isTTY ? new SingleBar({ format: `${label} [{bar}] {value}/{total}`, stream: process.stderr }) : null;
  let started = false;
  const update = (done: number, total: number) => {
    if (!bar) return;
    if (!started) bar.start(total, 0);
    started = true;
    bar.update(done);
  };
  return Object.assign(update, { stop: () => started && bar?.stop() });
}

/** A byte progress bar with the rate and the time left, on stderr when it is a terminal (for streamed files). */
export function byteProgress(label: string, totalBytes: number): { set(bytes: number): void; stop(): void } {
  const bar = process.stderr.isTTY
    ? new SingleBar({ format: `${label} [{bar}] {percentage}% of {size} MB | {rate} MB/s | ETA {eta}s`, stream: process.stderr })
    : null;
  const started = performance.now();
  bar?.start(totalBytes, 0, { size: (totalBytes / 1e6).toFixed(0), rate: "-" });
  return {
    set(done) {
      const seconds = (performance.now() - started) / 1000;
      bar?.update(done, { rate: seconds > 0 ? (done / 1e6 / seconds).toFixed(1) : "-" });
    },
    stop: () => bar?.stop(),
  };
}
