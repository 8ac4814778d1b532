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
