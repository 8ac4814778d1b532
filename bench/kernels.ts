// Throughput of the kernels under every fit, on both backends, with the data resident in each backend's
// memory (copied in once, as the fits use it). Prints a markdown table and writes bench/results/kernels.json.

import type { Backend, F64Block } from "../src/backend.js";
import { getBackend, initSync } from "../src/backends/registry.js";
import { benchArgs, fixed, medianMs, printTable, randomArray, writeResults } from "./harness.js";

const { time, quick } = benchArgs();
const COLS = 100;
const ROW_COUNTS = quick ? [10_000] : [1_000, 10_000, 100_000];

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

initSync();
const [js, wasm] = [getBackend("js"), getBackend("wasm")];
const results = [];
for (const rows of ROW_COUNTS) {
  const problems = [setUp(js, rows, COLS), setUp(wasm, rows, COLS)];
  for (const kernel of kernels) {
    const jsMs = await medianMs(() => kernel.run(js, problems[0], rows, COLS), time);
    const wasmMs = await medianMs(() => kernel.run(wasm, problems[1], rows, COLS), time);
    const gb = kernel.bytes(rows, COLS) / 1e9;
    results.push({
      kernel: kernel.name, rows, cols: COLS, jsMs, wasmMs,
      jsGBs: gb / (jsMs / 1e3), wasmGBs: gb / (wasmMs / 1e3), speedup: jsMs / wasmMs,
    });
    process.stderr.write(`. ${kernel.name} ${rows} x ${COLS}\n`);
  }
  problems.forEach((problem, i) => Object.values(problem).forEach((block) => [js, wasm][i].free(block)));
}

printTable([
  ["kernel", "n x d", "JS median ms", "WASM median ms", "JS GB/s", "WASM GB/s", "WASM speedup"],
  ...results.map((r) => [
    r.kernel, `${r.rows.toLocaleString("en")} x ${r.cols}`, fixed(r.jsMs, 4), fixed(r.wasmMs, 4),
    fixed(r.jsGBs, 2), fixed(r.wasmGBs, 2), `${fixed(r.speedup, 2)}x`,
  ]),
]);
writeResults("kernels", { sampleTimeMs: time, results });
