// The demo's threads check, in a Web Worker: init() (with the threads asked for, or the default: the core's threads
// where the page is cross-origin isolated), then the median time of a Ridge fit on 20,000 x 100 rows.

import { coreThreads, init, Ridge, threadsAvailable } from "../src/index.js";

const [ROWS, COLS] = [20_000, 100];

addEventListener("message", async (event: MessageEvent<{ threads?: number }>) => {
  const { threads } = event.data;
  await init(threads === undefined ? {} : { threads });
  const data = Float64Array.from({ length: ROWS * COLS }, (_, i) => Math.sin(i * 0.37));
  const y = Float64Array.from({ length: ROWS }, (_, i) => Math.cos(i));
  const fit = () => new Ridge({ lambda: 0.1 }).fit({ data, rows: ROWS, cols: COLS }, y);
  fit(); // the first large pass starts the threads in the background
  await new Promise((resolve) => setTimeout(resolve, 300));
  const times = Array.from({ length: 7 }, () => {
    const start = performance.now();
    fit();
    return performance.now() - start;
  }).sort((a, b) => a - b);
  postMessage({ available: threadsAvailable(), threads: coreThreads(), ms: times[3] });
});
