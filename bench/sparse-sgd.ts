// SGDRegressor epoch throughput (10,000 x 100, batches of 32) and dense against CSR matrix-vector products of a
// 1,000 x 1,000 weight matrix at 50%, 90% and 99% sparsity, on both backends with data resident in each.
// Prints markdown tables and writes bench/results/sparse-sgd.json.

import type { Backend, F64Block } from "../src/backend.js";
import { getBackend, initSync } from "../src/backends/registry.js";
import { CsrMatrix } from "../src/index.js";
import { benchArgs, fixed, medianMs, printTable, randomArray, writeResults } from "./harness.js";

const { time } = benchArgs();
initSync();
const backends = [getBackend("js"), getBackend("wasm")] as const;

/** 32-bit integers packed two per float64 slot of a backend block. */
function packed(backend: Backend, integers: ArrayLike<number>): F64Block {
  const block = backend.alloc(Math.ceil(integers.length / 2));
  new Int32Array(block.values.buffer, block.values.byteOffset, integers.length).set(Array.from(integers));
  return block;
}

// 1. One epoch of mini-batch SGD.
const [n, d] = [10_000, 100];
const X = randomArray(n * d, 31);
const y = randomArray(n, 32);
const epochRows: string[][] = [["optimizer", "n x d, batch", "JS ms / epoch", "WASM ms / epoch", "WASM rows/s", "WASM speedup"]];
const epochResults = [];
for (const optimizer of ["sgd", "adam"] as const) {
  const medians = [];
  for (const backend of backends) {
    const [Xb, yb, order, theta, m, v, state] = [
      backend.fromArray(X), backend.fromArray(y), packed(backend, Array.from({ length: n }, (_, i) => i)),
      backend.alloc(d + 1), backend.alloc(d + 1), backend.alloc(d + 1), backend.alloc(1),
    ];
    const params = { optimizer, lr: 0.001, beta1: 0.9, beta2: 0.999, eps: 1e-8, lambda: 1e-4, rho: 0, fitIntercept: true };
    medians.push(await medianMs(() => void backend.sgdEpoch(Xb, d, yb, order, n, 32, theta, params, m, v, state), time, 5));
    [Xb, yb, order, theta, m, v, state].forEach((block) => backend.free(block));
  }
  const [jsMs, wasmMs] = medians;
  epochRows.push([optimizer, `${n.toLocaleString("en")} x ${d}, 32`, fixed(jsMs, 2), fixed(wasmMs, 2), `${(n / (wasmMs / 1e3) / 1e6).toFixed(1)}M`, `${fixed(jsMs / wasmMs, 2)}x`]);
  epochResults.push({ optimizer, rows: n, cols: d, batchSize: 32, jsMs, wasmMs });
  process.stderr.write(`. sgd epoch ${optimizer}\n`);
}

// 2. Dense against CSR products of a 1,000 x 1,000 matrix.
const size = 1_000;
const dense = randomArray(size * size, 41);
const x = randomArray(size, 42);
const spmvRows: string[][] = [["sparsity", "nnz", "dense JS ms", "dense WASM ms", "CSR JS ms", "CSR WASM ms", "CSR / dense (WASM)"]];
const spmvResults = [];
for (const sparsity of [0.5, 0.9, 0.99]) {
  // Zero the entries whose hash falls below the sparsity: a fixed, spread-out pattern.
  const pruned = dense.map((v, k) => (randomArray(1, k + 7)[0] * 0.5 + 0.5 < sparsity ? 0 : v));
  const csr = CsrMatrix.fromDense({ data: pruned, rows: size, cols: size });
  const times: number[] = [];
  for (const backend of backends) {
    const [A, xb, out, values, indices, pointers] = [
      backend.fromArray(pruned), backend.fromArray(x), backend.alloc(size), backend.fromArray(csr.values),
      packed(backend, csr.columnIndices), packed(backend, csr.rowPointers),
    ];
    times.push(await medianMs(() => backend.gemv(A, size, size, xb, out), time, 20));
    times.push(await medianMs(() => backend.csrMatVec(values, indices, pointers, size, xb, out), time, 20));
    [A, xb, out, values, indices, pointers].forEach((block) => backend.free(block));
  }
  const [denseJs, csrJs, denseWasm, csrWasm] = times;
  spmvRows.push([`${sparsity * 100}%`, csr.nnz.toLocaleString("en"), fixed(denseJs, 4), fixed(denseWasm, 4), fixed(csrJs, 4), fixed(csrWasm, 4), `${fixed(csrWasm / denseWasm, 2)}x`]);
  spmvResults.push({ sparsity, nnz: csr.nnz, denseJs, denseWasm, csrJs, csrWasm });
  process.stderr.write(`. spmv ${sparsity}\n`);
}

printTable(epochRows);
console.log();
printTable(spmvRows);
writeResults("sparse-sgd", { sampleTimeMs: time, epochs: epochResults, spmv: spmvResults });
