import type { Backend, CdParams, F64Block, GdOutcome, IterativeResult } from "../../backend.js";
import { Heap } from "./heap.js";
import type { CoreInstance } from "./instantiate.js";

/** A block of the WASM backend: an address in linear memory and a length. */
class WasmBlock implements F64Block {
  private view: Float64Array;

  constructor(
    private readonly heap: Heap,
    readonly address: number,
    readonly length: number,
  ) {
    this.view = heap.f64(address, length);
  }

  get values(): Float64Array {
    // A grown memory has a new buffer and detaches views of the old one: derive a fresh view then.
    if (this.view.buffer !== this.heap.memory.buffer) this.view = this.heap.f64(this.address, this.length);
    return this.view;
  }
}

function address(block: F64Block): number {
  if (!(block instanceof WasmBlock)) {
    throw new TypeError("This block was not allocated by the WASM backend: allocate it with the same backend.");
  }
  return block.address;
}

/** Reads the [iterations, gap, converged] triple the iterative solvers write. */
function iterativeResult(out: F64Block): IterativeResult {
  const [nIter, dualGap, converged] = out.values;
  return { nIter, dualGap, converged: converged === 1 };
}

/** The outcome codes of assembly/solvers/gd.ts. */
const GD_OUTCOMES: GdOutcome[] = ["converged", "maxIter", "diverged"];

/** The optimizer codes of assembly/solvers/sgd.ts. */
const OPTIMIZERS = ["sgd", "adam", "adamw"];

const random = (params: CdParams): number => (params.selection === "random" ? 1 : 0);

/** Writes the 32-bit seed where the core's random generator keeps its state. */
function seedRng(rng: F64Block, params: CdParams): void {
  new Uint32Array(rng.values.buffer, rng.values.byteOffset, 1)[0] = params.seed >>> 0;
}

/** Builds the WASM backend over an instantiated core: kernels run in place on blocks of its heap. */
export function createWasmBackend({ exports: core, memory }: CoreInstance): Backend & { heap: Heap } {
  const heap = new Heap(memory, core.heapBase());
  const a = address;
  /** Runs `compute` with fresh scratch blocks of the given lengths, freed afterwards. */
  const withScratch = <T>(lengths: number[], compute: (blocks: F64Block[]) => T): T => {
    const blocks: F64Block[] = [];
    try {
      for (const length of lengths) blocks.push(backend.alloc(length));
      return compute(blocks);
    } finally {
      blocks.forEach((block) => heap.free(a(block)));
    }
  };
  const backend: Backend & { heap: Heap } = {
    name: "wasm",
    heap,
    alloc(length) {
      const block = new WasmBlock(heap, heap.alloc(length * 8), length);
      block.values.fill(0);
      return block;
    },
    fromArray(values) {
      const block = new WasmBlock(heap, heap.alloc(values.length * 8), values.length);
      block.values.set(values);
      return block;
    },
    free: (block) => heap.free(a(block)),
    dot: (x, y) => core.dot(a(x), a(y), x.length),
    axpy: (alpha, x, y) => core.axpy(alpha, a(x), a(y), x.length),
    scal: (alpha, x) => core.scal(alpha, a(x), x.length),
    sumSquares: (x) => core.sumSquares(a(x), x.length),
    sumAbs: (x) => core.sumAbs(a(x), x.length),
    sum: (x) => core.sum(a(x), x.length),
    columnMeans: (X, rows, cols, out) => core.columnMeans(a(X), rows, cols, a(out)),
    centerRows: (X, rows, cols, mean, out) => core.centerRows(a(X), rows, cols, a(mean), a(out)),
    centeredGram: (X, rows, cols, xMean, Y, k, yMean, G, XtY) =>
      withScratch([4 * (cols + k)], ([scratch]) =>
        core.centeredGram(a(X), rows, cols, a(xMean), a(Y), k, a(yMean), a(scratch), a(G), a(XtY))),
    rowGram: (X, rows, cols, K) => core.rowGram(a(X), rows, cols, a(K)),
    transpose: (X, rows, cols, out) => core.transpose(a(X), rows, cols, a(out)),
    luDecompose: (A, n, pivots, threshold) => core.luDecompose(a(A), n, a(pivots), threshold),
    luSolve: (LU, n, pivots, B, k) => core.luSolve(a(LU), n, a(pivots), a(B), k),
    gdFit: (X, rows, cols, y, params, w, history) =>
      withScratch([rows, cols, 4], ([r, grad, out]) => {
        const { lambda, rho, learningRate, maxIter, tol, fitIntercept } = params;
        core.gdFit(a(X), rows, cols, a(y), lambda, rho, learningRate, maxIter, tol, fitIntercept ? 1 : 0,
          a(w), a(r), a(grad), history ? a(history) : 0, history ? history.length : 0, a(out));
        const [intercept, nIter, outcome, loss] = out.values;
        return { intercept, nIter, outcome: GD_OUTCOMES[outcome], loss };
      }),
    cdGram: (G, q, yy, d, n, params, w, history) =>
      withScratch([d, 2, 3, 1], ([h, scratch, out, rng]) => {
        const { lambda, rho, maxIter, tol, positive } = params;
        seedRng(rng, params);
        core.cdGram(a(G), a(q), yy, d, n, lambda, rho, maxIter, tol, positive ? 1 : 0, random(params), a(rng),
          a(w), a(h), a(scratch), history ? a(history) : 0, history ? history.length : 0, a(out));
        return iterativeResult(out);
      }),
    cdResidual: (Xt, n, d, y, params, w, r, history) =>
      withScratch([d, d, 2, 3, 1], ([norms, g, scratch, out, rng]) => {
        const { lambda, rho, maxIter, tol, positive } = params;
        seedRng(rng, params);
        core.cdResidual(a(Xt), n, d, a(y), lambda, rho, maxIter, tol, positive ? 1 : 0, random(params), a(rng),
          a(w), a(r), a(norms), a(g), a(scratch), history ? a(history) : 0, history ? history.length : 0, a(out));
        return iterativeResult(out);
      }),
    adamStep: (w, grad, m, v, { lr, beta1, beta2, eps, l2, weightDecay }, t) =>
      core.adamStep(a(w), a(grad), a(m), a(v), w.length, lr, beta1, beta2, eps, l2, weightDecay, t),
    sgdStep: (w, grad, lr, weightDecay) => core.sgdStep(a(w), a(grad), w.length, lr, weightDecay),
    cdMultiTask: (Xt, n, d, Yt, k, params, W, history) =>
      withScratch([n * k, d, k, 3], ([Rt, norms, t, out]) => {
        const { lambda, rho, maxIter, tol } = params;
        core.cdMultiTask(a(Xt), n, d, a(Yt), k, lambda, rho, maxIter, tol, a(W), a(Rt), a(norms), a(t),
          history ? a(history) : 0, history ? history.length : 0, a(out));
        return iterativeResult(out);
      }),
    sgdEpoch: (X, cols, y, order, count, batchSize, theta, params, m, v, state) =>
      withScratch([cols + 1, Math.max(1, Math.min(batchSize, count))], ([g, r]) => {
        const { optimizer, lr, beta1, beta2, eps, lambda, rho, fitIntercept } = params;
        return core.sgdEpoch(a(X), cols, a(y), a(order), count, batchSize, a(theta), OPTIMIZERS.indexOf(optimizer),
          lr, beta1, beta2, eps, lambda, rho, fitIntercept ? 1 : 0, a(m), a(v), a(g), a(r), a(state));
      }),
    largestEigenvalue: (X, rows, cols, maxIter) =>
      withScratch([cols, cols, rows], ([v, u, t]) => core.largestEigenvalue(a(X), rows, cols, maxIter, a(v), a(u), a(t))),
    fista: (X, rows, cols, y, params, w, history) =>
      withScratch([cols, cols, cols, cols, cols, rows, 3, Math.max(params.groups?.count ?? 0, 1)], ([wPrev, z, gw, gPrev, gz, r, out, groupScratch]) => {
        const { lambda, rho, L, maxIter, tol, positive, groups } = params;
        core.fista(a(X), rows, cols, a(y), lambda, rho, L, maxIter, tol, positive ? 1 : 0, a(w), a(wPrev), a(z),
          a(gw), a(gPrev), a(gz), a(r), groups ? a(groups.ids) : 0, groups ? groups.count : 0,
          groups ? a(groups.weights) : 0, a(groupScratch), history ? a(history) : 0, history ? history.length : 0, a(out));
        return iterativeResult(out);
      }),
    gemv: (X, rows, cols, w, out) => core.gemv(a(X), rows, cols, a(w), a(out)),
    gemvT: (X, rows, cols, r, out) => core.gemvT(a(X), rows, cols, a(r), a(out)),
    squaredLossGradient: (X, rows, cols, w, b, y, r, grad) =>
      core.squaredLossGradient(a(X), rows, cols, a(w), b, a(y), a(r), a(grad)),
    elasticNetPenalty: (w, lambda, rho) => core.elasticNetPenalty(a(w), w.length, lambda, rho),
    elasticNetGradient: (w, lambda, rho, out) => core.elasticNetGradient(a(w), w.length, lambda, rho, a(out)),
    softThreshold: (x, t, out) => core.softThreshold(a(x), x.length, t, a(out)),
    softL1Gradient: (w, lambda, eps, out) => core.softL1Gradient(a(w), w.length, lambda, eps, a(out)),
    csrMatVec: (values, columnIndices, rowPointers, rows, x, out) =>
      core.csrMatVec(a(values), a(columnIndices), a(rowPointers), rows, a(x), a(out)),
    csrTimesRows: (values, columnIndices, rowPointers, k, X, n, d, out) =>
      core.csrTimesRows(a(values), a(columnIndices), a(rowPointers), k, a(X), n, d, a(out)),
  };
  return backend;
}
