// Throughput of the kernels under every fit, on both backends, with the data resident in each backend's
// memory (copied in once, as the fits use it). Prints a markdown table and writes bench/results/kernels.json.
//
//   npm run bench                 # all sizes
//   npm run bench -- --time 200   # milliseconds of sampling per task (default 500)

import { mkdirSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { parseArgs } from "node:util";
import { markdownTable } from "markdown-table";
import { Bench } from "tinybench";
import type { Backend, F64Block } from "../src/backend.js";
import { getBackend, initSync } from "../src/backends/registry.js";

const { values: args } = parseArgs({
  options: { time: { type: "string", default: "500" } },
});
const sampleTime = Number(args.time);
if (!(sampleTime > 0)) throw new RangeError(`--time must be a positive number of milliseconds, got ${args.time}`);

const COLS = 100;
const ROW_COUNTS = [1_000, 10_000, 100_000];

/** Deterministic uniform numbers in [-1, 1) (mulberry32), so every run and backend sees the same data. */
function randomArray(length: number, seed: number): Float64Array {
  const out = new Float64Array(length);
  let state = seed >>> 0;
  for (let i = 0; i < length; i++) {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out[i] = ((t ^ (t >>> 14)) >>> 0) / 2 ** 31 - 1;
  }
  return out;
}

interface Problem {
  X: F64Block;
  Z: F64Block;
  y: F64Block;
  w: F64Block;
  r: F64Block;
  grad: F64Block;
}

interface Kernel {
  name: string;
  /** Bytes the kernel must move between memory and the core for one call. */
  bytes: (rows: number, cols: number) => number;
  run: (backend: Backend, p: Problem, rows: number, cols: number) => void;
}

const kernels: Kernel[] = [
  { name: "dot", bytes: (n, d) => 16 * n * d, run: (b, p) => void b.dot(p.X, p.Z) },
  { name: "gemv", bytes: (n, d) => 8 * (n * d + n), run: (b, p, n, d) => b.gemv(p.X, n, d, p.w, p.r) },
  { name: "gemvT", bytes: (n, d) => 8 * (n * d + n), run: (b, p, n, d) => b.gemvT(p.X, n, d, p.r, p.grad) },
  {
    name: "fused loss+gradient",
    bytes: (n, d) => 8 * (n * d + 2 * n),
    run: (b, p, n, d) => void b.squaredLossGradient(p.X, n, d, p.w, 0.5, p.y, p.r, p.grad),
  },
];

function setUp(backend: Backend, rows: number, cols: number): Problem {
  return {
    X: backend.fromArray(randomArray(rows * cols, 1)),
    Z: backend.fromArray(randomArray(rows * cols, 2)),
    y: backend.fromArray(randomArray(rows, 3)),
    w: backend.fromArray(randomArray(cols, 4)),
    r: backend.alloc(rows),
    grad: backend.alloc(cols),
  };
}

function tearDown(backend: Backend, p: Problem): void {
  for (const block of Object.values(p)) backend.free(block);
}

interface Row {
  kernel: string;
  rows: number;
  cols: number;
  jsMs: number;
  wasmMs: number;
  jsGBs: number;
  wasmGBs: number;
  speedup: number;
}

async function medianMs(run: () => void): Promise<number> {
  const bench = new Bench({ time: sampleTime, warmupTime: Math.min(100, sampleTime), throws: true });
  bench.add("task", run);
  await bench.run();
  const result = bench.tasks[0].result;
  if (!result || !("latency" in result)) throw new Error("tinybench returned no latency for the task");
  return result.latency.p50;
}

initSync();
const backends = [getBackend("js"), getBackend("wasm")];
const results: Row[] = [];
for (const rows of ROW_COUNTS) {
  const problems = backends.map((backend) => setUp(backend, rows, COLS));
  for (const kernel of kernels) {
    const [jsMs, wasmMs] = [
      await medianMs(() => kernel.run(backends[0], problems[0], rows, COLS)),
      await medianMs(() => kernel.run(backends[1], problems[1], rows, COLS)),
    ];
    const gb = kernel.bytes(rows, COLS) / 1e9;
    results.push({
      kernel: kernel.name, rows, cols: COLS, jsMs, wasmMs,
      jsGBs: gb / (jsMs / 1e3), wasmGBs: gb / (wasmMs / 1e3), speedup: jsMs / wasmMs,
    });
    process.stderr.write(`. ${kernel.name} ${rows} x ${COLS}\n`);
  }
  backends.forEach((backend, i) => tearDown(backend, problems[i]));
}

const fixed = (value: number, digits: number) => value.toFixed(digits);
console.log(
  markdownTable([
    ["kernel", "n x d", "JS median ms", "WASM median ms", "JS GB/s", "WASM GB/s", "WASM speedup"],
    ...results.map((r) => [
      r.kernel, `${r.rows.toLocaleString("en")} x ${r.cols}`, fixed(r.jsMs, 4), fixed(r.wasmMs, 4),
      fixed(r.jsGBs, 2), fixed(r.wasmGBs, 2), `${fixed(r.speedup, 2)}x`,
    ]),
  ], { align: ["l", "r", "r", "r", "r", "r", "r"] }),
);

const machine = { cpu: cpus()[0]?.model ?? "unknown", cores: cpus().length, node: process.version };
mkdirSync("bench/results", { recursive: true });
writeFileSync(
  "bench/results/kernels.json",
  JSON.stringify({ date: new Date().toISOString(), machine, sampleTimeMs: sampleTime, results }, null, 2) + "\n",
);
console.log(`\n${machine.cpu}, ${machine.cores} cores, Node ${machine.node}; written to bench/results/kernels.json`);
