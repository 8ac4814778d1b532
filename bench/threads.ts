// Fits whose passes beyond the Gram run on the core's threads, each timed in a fresh process over the built package
// on 1 and on 2 threads (the plain build): LassoCV from shared fold statistics (the folds' paths side by side), and
// residual-mode coordinate descent (each full X^T r pass in ranges of columns): a single Lasso and a lasso path on
// the columns. Prints a markdown table and writes bench/results/threads.json.

import { spawnSync } from "node:child_process";
import { benchArgs, fixed, printTable, writeResults } from "./harness.js";

const { quick } = benchArgs();
const dist = new URL("../dist/index.js", import.meta.url).href;

/** [name, rows, cols, the call timed (m: the package, data, y)]. */
const TASKS: [string, number, number, string][] = [
  ["LassoCV, 5 folds x 100 lambdas", 10_000, 100, "new m.LassoCV({ nFolds: 5 }).fit(data, y)"],
  ["Lasso (residual mode), lambda 0.001", quick ? 20_000 : 100_000, 100, "new m.Lasso({ lambda: 0.001 }).fit(data, y)"],
  ["lasso path on the columns, 30 lambdas", 10_000, quick ? 200 : 1_000, "m.lassoPath(data, y, { nLambdas: 30, precompute: false })"],
];

/** Median ms of each task, in a fresh process on `threads` threads. */
function ours(threads: number): number[] | string {
  const script = `
    const m = await import(${JSON.stringify(dist)});
    await m.init({ threads: ${threads} });
    const random = (length, seed) => {
      const out = new Float64Array(length);
      let state = seed >>> 0;
      for (let i = 0; i < length; i++) {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = Math.imul(state ^ (state >>> 15), state | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        out[i] = (((t ^ (t >>> 14)) >>> 0) / 4294967296) * 2 - 1;
      }
      return out;
    };
    new m.GramAccumulator(50).update({ data: random(20000 * 50, 1), rows: 20000, cols: 50 }, random(20000, 2));
    for (let waited = 0; (m.coreThreadStats()?.ready ?? 0) < ${threads} - 1 && waited < 10000; waited += 20) await new Promise((r) => setTimeout(r, 20));
    const out = [];
    for (const [, n, d, call] of ${JSON.stringify(TASKS)}) {
      const X = random(n * d, 21);
      const noise = random(n, 23);
      const y = Float64Array.from({ length: n }, (_, i) => 3 * X[i * d] - 2 * X[i * d + 7] + X[i * d + 11] + 0.5 * noise[i]);
      const data = { data: X, rows: n, cols: d };
      const run = new Function("m", "data", "y", call);
      const times = [];
      for (let r = 0; r < 7; r++) { const t = performance.now(); run(m, data, y); times.push(performance.now() - t); }
      out.push(times.sort((a, b) => a - b)[3]);
    }
    process.stdout.write(JSON.stringify(out));`;
  const child = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" });
  return child.status === 0 ? JSON.parse(child.stdout) : `failed: ${child.stderr.trim().split("\n").at(-1)}`;
}

const [one, two] = [ours(1), ours(2)];
const table = [["fit", "n x d", "1 thread ms", "2 threads ms", "speedup"]];
TASKS.forEach(([name, n, d], t) => {
  const cell = (run: number[] | string) => (typeof run === "string" ? run : fixed(run[t], 2));
  const speedup = typeof one === "string" || typeof two === "string" ? "-" : `${fixed(one[t] / two[t], 2)}x`;
  table.push([name, `${n.toLocaleString("en")} x ${d.toLocaleString("en")}`, cell(one), cell(two), speedup]);
});
printTable(table);
writeResults("threads", { tasks: TASKS.map(([name, rows, cols]) => ({ name, rows, cols })), oneThread: one, twoThreads: two });
