// Throughput of every entry of the kernel table on both backends, with the data resident in each backend's
// memory (copied in once, as the fits use it): GB/s for kernels bound by memory, GFLOP/s for the ones bound by
// arithmetic. The run refuses to start if an entry of the table has no case here, so every kernel has a row.
// Prints a markdown table and writes bench/results/kernels.json.

import type { Backend, F64Block, Scope } from "../src/backend.js";
import { KERNELS } from "../src/backends/kernel-table.js";
import { getBackend, initSync } from "../src/backends/registry.js";
import { benchArgs, fixed, medianMs, printTable, randomArray, writeResults } from "./harness.js";

const { time, quick } = benchArgs();
const ROW_COUNTS = quick ? [10_000] : [1_000, 10_000, 100_000];
const COLS = 100;

/** The work one call does: bytes moved (memory-bound kernels) or floating-point operations. */
type Cost = { bytes: number } | { flops: number };

/** One kernel's case: make its arguments in a scope, then a call and the work that call did. */
type Case = (backend: Backend, scope: Scope, n: number, d: number) => () => Cost;

const data = (scope: Scope, length: number, seed: number): F64Block => scope.fromArray(randomArray(length, seed));
const cdParams = { lambda: 0.01, rho: 0.5, lambdaPrev: Number.NaN, maxIter: 20, tol: 0, positive: false, selection: "cyclic" as const, seed: 0 };

const vector = (bytesPerValue: number, run: (b: Backend, x: F64Block, y: F64Block) => unknown): Case => (b, s, n, d) => {
  const [x, y] = [data(s, n * d, 1), data(s, n * d, 2)];
  return () => (run(b, x, y), { bytes: bytesPerValue * n * d });
};

/** A symmetric positive definite m x m block: 2 m I plus a symmetric matrix of entries in [-1, 1). */
function spd(scope: Scope, m: number): F64Block {
  const values = randomArray(m * m, 3);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < i; j++) values[i * m + j] = values[j * m + i];
    values[i * m + i] += 2 * m;
  }
  return scope.fromArray(values);
}

const CASES: Record<keyof typeof KERNELS, Case> = {
  dot: vector(16, (b, x, y) => b.dot(x, y)),
  axpy: vector(24, (b, x, y) => b.axpy(0.5, x, y)),
  scal: vector(16, (b, x) => b.scal(1, x)),
  sum: vector(8, (b, x) => b.sum(x)),
  sumSquares: vector(8, (b, x) => b.sumSquares(x)),
  sumAbs: vector(8, (b, x) => b.sumAbs(x)),
  firstNonFinite: vector(8, (b, x) => b.firstNonFinite(x)),
  elasticNetPenalty: vector(8, (b, x) => b.elasticNetPenalty(x, 0.1, 0.5)),
  elasticNetGradient: vector(16, (b, x, y) => b.elasticNetGradient(x, 0.1, 0.5, y)),
  softL1Gradient: vector(16, (b, x, y) => b.softL1Gradient(x, 0.1, 1e-3, y)),
  softThreshold: vector(16, (b, x, y) => b.softThreshold(x, 0.1, y)),
  sgdStep: vector(24, (b, x, y) => b.sgdStep(x, y, 1e-9, 0)),
  adamStep: (b, s, n, d) => {
    const [w, g, m, v] = [data(s, n * d, 1), data(s, n * d, 2), s.alloc(n * d), s.alloc(n * d)];
    const params = { lr: 1e-6, beta1: 0.9, beta2: 0.999, eps: 1e-8, l2: 0, weightDecay: 0 };
    return () => (b.adamStep(w, g, m, v, params, 1), { bytes: 56 * n * d });
  },
  gemv: (b, s, n, d) => {
    const [X, w, out] = [data(s, n * d, 1), data(s, d, 2), s.alloc(n)];
    return () => (b.gemv(X, n, d, w, out), { bytes: 8 * (n * d + n + d) });
  },
  gemvT: (b, s, n, d) => {
    const [X, r, out] = [data(s, n * d, 1), data(s, n, 2), s.alloc(d)];
    return () => (b.gemvT(X, n, d, r, out), { bytes: 8 * (n * d + n + d) });
  },
  squaredLossGradient: (b, s, n, d) => {
    const [X, w, y, r, grad] = [data(s, n * d, 1), data(s, d, 2), data(s, n, 3), s.alloc(n), s.alloc(d)];
    return () => (b.squaredLossGradient(X, n, d, w, 0.5, y, r, grad), { bytes: 8 * (n * d + 2 * n) });
  },
  columnMeans: (b, s, n, d) => {
    const [X, out] = [data(s, n * d, 1), s.alloc(d)];
    return () => (b.columnMeans(X, n, d, out), { bytes: 8 * n * d });
  },
  centerRows: (b, s, n, d) => {
    const [X, mean, out] = [data(s, n * d, 1), data(s, d, 2), s.alloc(n * d)];
    return () => (b.centerRows(X, n, d, mean, out), { bytes: 16 * n * d });
  },
  transpose: (b, s, n, d) => {
    const [X, mean, out] = [data(s, n * d, 1), data(s, d, 2), s.alloc(n * d)];
    return () => (b.transpose(X, n, d, mean, out), { bytes: 16 * n * d });
  },
  centeredGram: (b, s, n, d) => {
    const [X, xMean, y, yMean, G, q] = [data(s, n * d, 1), data(s, d, 2), data(s, n, 3), data(s, 1, 4), s.alloc(d * d), s.alloc(d)];
    // The symmetric half: n d (d + 1) / 2 multiply-adds, plus X^T y.
    return () => (b.centeredGram(X, n, d, xMean, y, 1, yMean, G, q), { flops: n * d * (d + 1) + 2 * n * d });
  },
  rowGram: (b, s, n, d) => {
    const rows = Math.min(n, 1_000);
    const [X, K] = [data(s, rows * d, 1), s.alloc(rows * rows)];
    return () => (b.rowGram(X, rows, d, K), { flops: rows * (rows + 1) * d });
  },
  largestEigenvalue: (b, s, n, d) => {
    const X = data(s, n * d, 1);
    // At most 10 power iterations of two passes over X (fewer if the estimate settles: an upper bound).
    return () => (b.largestEigenvalue(X, n, d, 10), { bytes: 10 * 2 * 8 * n * d });
  },
  csrMatVec: (b, s, n, d) => {
    const { values, indices, pointers, nnz } = csr(s, n, d);
    const [x, out] = [data(s, d, 5), s.alloc(n)];
    return () => (b.csrMatVec(values, indices, pointers, n, x, out), { bytes: 12 * nnz + 8 * n });
  },
  csrTimesRows: (b, s, n, d) => {
    const k = 8;
    const { values, indices, pointers, nnz } = csr(s, k, d);
    const [X, out] = [data(s, n * d, 5), s.alloc(n * k)];
    return () => (b.csrTimesRows(values, indices, pointers, k, X, n, d, out), { flops: 2 * n * nnz });
  },
  luDecompose: (b, s) => {
    const m = 300;
    const A = data(s, m * m, 1);
    const [work, pivots] = [s.alloc(m * m), s.alloc(m)];
    return () => {
      work.values.set(A.values);
      b.luDecompose(work, m, pivots, 0);
      return { flops: (2 / 3) * m ** 3 };
    };
  },
  choleskyDecompose: (b, s) => {
    const m = 300;
    const A = spd(s, m);
    const work = s.alloc(m * m);
    return () => {
      work.values.set(A.values);
      b.choleskyDecompose(work, m, 0);
      return { flops: m ** 3 / 3 };
    };
  },
  choleskySolve: (b, s) => {
    const [m, k] = [300, 10];
    const [U, B] = [spd(s, m), data(s, m * k, 2)];
    b.choleskyDecompose(U, m, 0);
    return () => (b.choleskySolve(U, m, B, k), { flops: 2 * m * m * k });
  },
  luSolve: (b, s) => {
    const [m, k] = [300, 10];
    const [LU, pivots, B] = [data(s, m * m, 1), s.alloc(m), data(s, m * k, 2)];
    b.luDecompose(LU, m, pivots, 0);
    return () => (b.luSolve(LU, m, pivots, B, k), { flops: 2 * m * m * k });
  },
  gdFit: (b, s, n, d) => {
    const [X, y, w] = [data(s, n * d, 1), data(s, n, 2), s.alloc(d)];
    const params = { lambda: 0.01, rho: 0.5, learningRate: 1e-3, maxIter: 10, tol: 0, fitIntercept: true };
    return () => {
      w.values.fill(0);
      const { nIter } = b.gdFit(X, n, d, y, params, w, null);
      return { bytes: nIter * 8 * (n * d + 2 * n) };
    };
  },
  cdGram: (b, s, n, d) => {
    const [G, q, w] = [s.alloc(d * d), s.alloc(d), s.alloc(d)];
    b.centeredGram(data(s, n * d, 1), n, d, s.alloc(d), data(s, n, 2), 1, s.alloc(1), G, q);
    return () => {
      w.values.fill(0);
      const { nIter } = b.cdGram(G, q, n, d, n, cdParams, w, null);
      // Upper bound: every coordinate changes, each change an axpy of a Gram row.
      return { flops: nIter * 2 * d * d };
    };
  },
  cdGramPaths: (b, s, n, d) => {
    // Five folds' Gram forms (the same here), 10 lambdas each from lambda 0.1 down.
    const [G, q] = [s.alloc(d * d), s.alloc(d)];
    b.centeredGram(data(s, n * d, 1), n, d, s.alloc(d), data(s, n, 2), 1, s.alloc(1), G, q);
    const count = 10;
    const lambdas = s.fromArray(Float64Array.from({ length: count }, (_, i) => 0.1 * 0.7 ** i));
    const problems = Array.from({ length: 5 }, () => ({ G, q, yy: n, n }));
    const [W, results] = [problems.map(() => s.alloc(count * d)), problems.map(() => s.alloc(3 * count))];
    return () => {
      b.cdGramPaths(problems, d, lambdas, count, cdParams, W, results);
      const epochs = results.reduce((total, r) => total + r.values.filter((_, i) => i % 3 === 0).reduce((a, e) => a + e, 0), 0);
      return { flops: epochs * 2 * d * d };
    };
  },
  cdResidual: (b, s, n, d) => {
    const [Xt, y, w, r, norms, g] = [data(s, n * d, 1), data(s, n, 2), s.alloc(d), s.alloc(n), s.alloc(d), s.alloc(d)];
    return () => {
      w.values.fill(0);
      const { nIter } = b.cdResidual(Xt, n, d, y, cdParams, w, r, norms, g, 0, null);
      // Upper bound: every epoch on every column (a working set may hold fewer).
      return { bytes: nIter * 2 * 8 * n * d };
    };
  },
  cdMultiTask: (b, s, n, d) => {
    const k = 3;
    const [Xt, Yt, W] = [data(s, n * d, 1), data(s, k * n, 2), s.alloc(d * k)];
    return () => {
      W.values.fill(0);
      const { nIter } = b.cdMultiTask(Xt, n, d, Yt, k, cdParams, W, null);
      return { bytes: nIter * 8 * n * d * 2 };
    };
  },
  sgdEpoch: (b, s, n, d) => {
    const [X, y, theta, m, v, state] = [data(s, n * d, 1), data(s, n, 2), s.alloc(d + 1), s.alloc(d + 1), s.alloc(d + 1), s.alloc(1)];
    const order = s.fromInt32(Int32Array.from({ length: n }, (_, i) => i));
    const params = { optimizer: "sgd" as const, lr: 1e-4, beta1: 0.9, beta2: 0.999, eps: 1e-8, lambda: 0.01, rho: 0.5, fitIntercept: true };
    return () => (b.sgdEpoch(X, d, y, order, n, 32, theta, params, m, v, state), { bytes: 2 * 8 * n * d });
  },
  fista: (b, s, n, d) => {
    const [X, y, w] = [data(s, n * d, 1), data(s, n, 2), s.alloc(d)];
    const params = { lambda: 0.01, rho: 0.5, L: 40, maxIter: 10, tol: 0, positive: false };
    return () => {
      w.values.fill(0);
      const { nIter } = b.fista(X, n, d, y, params, w, null);
      return { bytes: nIter * 2 * 8 * n * d };
    };
  },
  // The binomial model (C = 1) on labels alternating 0 and 1, unit row weights; each iteration reads X twice.
  logisticFista: (b, s, n, d) => {
    const [X, labels, weights, W, bias] = [data(s, n * d, 1), s.fromArray(Float64Array.from({ length: n }, (_, i) => i % 2)), s.fromArray(new Float64Array(n).fill(1)), s.alloc(d), s.alloc(1)];
    const params = { lambda: 0.01, rho: 0.5, L: 10, maxIter: 10, tol: 0, positive: false, fitIntercept: true };
    return () => {
      W.values.fill(0);
      bias.values.fill(0);
      const { nIter } = b.logisticFista(X, n, d, 1, labels, weights, params, W, bias, null);
      return { bytes: nIter * 2 * 8 * n * d };
    };
  },
  logisticGd: (b, s, n, d) => {
    const [X, labels, weights, W, bias] = [data(s, n * d, 1), s.fromArray(Float64Array.from({ length: n }, (_, i) => i % 2)), s.fromArray(new Float64Array(n).fill(1)), s.alloc(d), s.alloc(1)];
    const params = { lambda: 0.01, rho: 0.5, learningRate: 1e-3, maxIter: 10, tol: 0, positive: false, fitIntercept: true };
    return () => {
      const { nIter } = b.logisticGd(X, n, d, 1, labels, weights, params, W, bias, null);
      return { bytes: nIter * 2 * 8 * n * d };
    };
  },
  // Epochs over every coordinate from w = 0 (h = 1/4, r = y - 1/2: the first Newton step); each reads X twice.
  logisticCd: (b, s, n, d) => {
    const [Xc, h, r, w, v] = [data(s, n * d, 1), s.fromArray(new Float64Array(n).fill(0.25)), s.alloc(n), s.alloc(d), s.alloc(d)];
    const set = s.fromInt32(Int32Array.from({ length: d }, (_, j) => j));
    const labels = Float64Array.from({ length: n }, (_, i) => (i % 2) - 0.5);
    const params = { lambda: 0.01, rho: 0.5, positive: false, fitIntercept: true, maxEpochs: 10, tol: 0 };
    return () => {
      [w.values.fill(0), v.values.fill(Number.NaN), r.values.set(labels)];
      const { epochs } = b.logisticCd(Xc, n, d, h, r, w, v, set, d, params, 0);
      return { bytes: epochs * 2 * 8 * n * d };
    };
  },
  // One gap: a pass for X w, one for X^T theta.
  logisticGap: (b, s, n, d) => {
    const [X, labels, weights, W, bias] = [data(s, n * d, 1), s.fromArray(Float64Array.from({ length: n }, (_, i) => i % 2)), s.fromArray(new Float64Array(n).fill(1)), data(s, d, 3), s.alloc(1)];
    const params = { lambda: 0.01, rho: 0.5, maxIter: 1, tol: 0, positive: false, fitIntercept: true };
    return () => (b.logisticGap(X, n, d, 1, labels, weights, params, W, bias), { bytes: 2 * 8 * n * d });
  },
};

/** A rows x cols CSR matrix with about 10% of its entries non-zero (column indices packed as the kernels take them). */
function csr(scope: Scope, rows: number, cols: number) {
  const values: number[] = [];
  const indices: number[] = [];
  const pointers = [0];
  const uniform = randomArray(rows * cols, 9);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) if (uniform[i * cols + j] > 0.8) (values.push(uniform[i * cols + j]), indices.push(j));
    pointers.push(values.length);
  }
  return { values: scope.fromArray(values), indices: scope.fromInt32(indices), pointers: scope.fromInt32(pointers), nnz: values.length };
}

const missing = Object.keys(KERNELS).filter((name) => !(name in CASES));
if (missing.length > 0) throw new Error(`bench/kernels.ts has no case for ${missing.join(", ")}: add one per kernel.`);

initSync();
const [js, wasm] = [getBackend("js"), getBackend("wasm")];
const results = [];
for (const rows of ROW_COUNTS) {
  for (const [name, make] of Object.entries(CASES)) {
    const timings = [];
    for (const backend of [js, wasm]) {
      const scope = backend.openScope();
      try {
        const call = make(backend, scope, rows, COLS);
        let cost: Cost = { bytes: 0 };
        const ms = await medianMs(() => void (cost = call()), time);
        timings.push({ ms, cost });
      } finally {
        scope.close();
      }
    }
    const [j, w] = timings;
    const unit = "flops" in j.cost ? "GFLOP/s" : "GB/s";
    const rate = (t: { ms: number; cost: Cost }) => ("flops" in t.cost ? t.cost.flops : t.cost.bytes) / 1e9 / (t.ms / 1e3);
    results.push({ kernel: name, rows, cols: COLS, unit, jsMs: j.ms, wasmMs: w.ms, jsRate: rate(j), wasmRate: rate(w), speedup: j.ms / w.ms });
    process.stderr.write(`. ${name} ${rows} x ${COLS}\n`);
  }
}

printTable([
  ["kernel", "n x d", "JS median ms", "WASM median ms", "unit", "JS rate", "WASM rate", "WASM speedup"],
  ...results.map((r) => [
    r.kernel, `${r.rows.toLocaleString("en")} x ${r.cols}`, fixed(r.jsMs, 4), fixed(r.wasmMs, 4), r.unit,
    fixed(r.jsRate, 2), fixed(r.wasmRate, 2), `${fixed(r.speedup, 2)}x`,
  ]),
]);
writeResults("kernels", { sampleTimeMs: time, results });
