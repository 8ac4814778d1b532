// WASM against JS on the same fit, as the browser lets one time it: performance.now() is coarsened (to 0.1 ms in
// most browsers), so the fit runs in batches long enough to time, until each backend has spent at least
// BUDGET_MS, and each backend's time is the median over its batches of the time per fit.

import { timingChart } from "./charts.js";

/** Each backend fits for at least this long. */
const BUDGET_MS = 100;
/** A batch runs for at least this long: 50 times the coarsest timer step. */
const BATCH_MS = 5;
/** Batches at least, whatever the budget. */
const MIN_BATCHES = 5;

/** One backend's timing: the median time per fit over its batches, and the fits the batches ran and the time they took. */
export interface BackendTiming {
  median: number;
  fits: number;
  spentMs: number;
  batches: number;
}

/**
 * Times `fit` in batches until BUDGET_MS is spent in them, after a warm-up that doubles the batch size until one
 * takes BATCH_MS (the warm-up's fits, which also let the engine compile the code, are not counted).
 */
function timeFit(fit: () => void): BackendTiming {
  let size = 1;
  const batch = () => {
    const start = performance.now();
    for (let i = 0; i < size; i++) fit();
    return performance.now() - start;
  };
  while (batch() < BATCH_MS) size *= 2;
  let spentMs = 0;
  const perFit: number[] = [];
  while (spentMs < BUDGET_MS || perFit.length < MIN_BATCHES) {
    const elapsed = batch();
    spentMs += elapsed;
    perFit.push(elapsed / size);
  }
  const fits = perFit.length * size;
  perFit.sort((a, b) => a - b);
  const middle = perFit.length >> 1;
  const median = perFit.length % 2 === 1 ? perFit[middle] : (perFit[middle - 1] + perFit[middle]) / 2;
  return { median, fits, spentMs, batches: perFit.length };
}

/**
 * Times `fit` on each backend, draws the two medians as bars into `target`, and returns the status line with the
 * timings (what the page publishes for its test).
 */
export function timeBackends(fit: (backend: "wasm" | "js") => void, target: HTMLElement): { line: string; wasm: BackendTiming; js: BackendTiming } {
  const [wasm, js] = [timeFit(() => fit("wasm")), timeFit(() => fit("js"))];
  timingChart(target, wasm.median, js.median);
  const line = `  WASM ${wasm.median.toFixed(3)} ms, JS ${js.median.toFixed(3)} ms per fit (${(js.median / wasm.median).toFixed(1)}x): ` +
    `medians over ${wasm.batches} and ${js.batches} batches, ${wasm.fits} and ${js.fits} fits in ${BUDGET_MS}+ ms each.`;
  return { line, wasm, js };
}
