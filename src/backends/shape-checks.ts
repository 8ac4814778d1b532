// O(1) checks of block lengths against the dimensions a kernel is given, in front of both backends: the WASM
// core trusts its pointers and would otherwise read or write past a block into its neighbours.

import type { Backend, F64Block } from "../backend.js";

function dimension(value: number, name: string): void {
  if (!Number.isInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a non-negative integer, got ${value}.`);
  }
}

/** The 32-bit integers packed in a block (two per float64 slot). */
function int32(block: F64Block, count: number): Int32Array {
  return new Int32Array(block.values.buffer, block.values.byteOffset, count);
}

/** Every one of the first `count` packed integers is in [0, limit): they index memory the core writes or reads. */
function integersBelow(block: F64Block, count: number, limit: number, name: string, method: string): void {
  const values = int32(block, count);
  for (let i = 0; i < count; i++) {
    if (!(values[i] >= 0 && values[i] < limit)) {
      throw new RangeError(`${method}: ${name}[${i}] is ${values[i]}, outside [0, ${limit}).`);
    }
  }
}

/**
 * A CSR matrix's last row pointer stays within its non-zeros (O(1); the column indices are checked where
 * CsrMatrix is built, and an index past x can only make the core read a wrong value, never write).
 */
function lastPointerWithin(rowPointers: F64Block, rows: number, nnz: number, method: string): void {
  const last = int32(rowPointers, rows + 1)[rows];
  if (!(last >= 0 && last <= nnz)) throw new RangeError(`${method}: rowPointers[${rows}] is ${last}, but there are ${nnz} values.`);
}

function checkPositiveBatch(batchSize: number): void {
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`batchSize must be a positive integer, got ${batchSize}.`);
}

function atLeast(block: F64Block, length: number, name: string, method: string): void {
  if (block.length < length) {
    throw new RangeError(`${method}: ${name} holds ${block.length} values but needs ${length}.`);
  }
}

/** The backend with every kernel's block lengths checked against its dimensions first. */
export function withShapeChecks(backend: Backend): Backend {
  const b = backend;
  const matrix = (method: string, X: F64Block, rows: number, cols: number, name = "X") => {
    dimension(rows, "rows");
    dimension(cols, "cols");
    atLeast(X, rows * cols, name, method);
  };
  return {
    ...b,
    dot: (x, y) => (atLeast(y, x.length, "y", "dot"), b.dot(x, y)),
    axpy: (alpha, x, y) => (atLeast(y, x.length, "y", "axpy"), b.axpy(alpha, x, y)),
    gemv(X, rows, cols, w, out) {
      matrix("gemv", X, rows, cols);
      atLeast(w, cols, "w", "gemv");
      atLeast(out, rows, "out", "gemv");
      b.gemv(X, rows, cols, w, out);
    },
    gemvT(X, rows, cols, r, out) {
      matrix("gemvT", X, rows, cols);
      atLeast(r, rows, "r", "gemvT");
      atLeast(out, cols, "out", "gemvT");
      b.gemvT(X, rows, cols, r, out);
    },
    squaredLossGradient(X, rows, cols, w, bias, y, r, grad) {
      matrix("squaredLossGradient", X, rows, cols);
      atLeast(w, cols, "w", "squaredLossGradient");
      atLeast(y, rows, "y", "squaredLossGradient");
      atLeast(r, rows, "r", "squaredLossGradient");
      atLeast(grad, cols, "grad", "squaredLossGradient");
      return b.squaredLossGradient(X, rows, cols, w, bias, y, r, grad);
    },
    elasticNetGradient: (w, lambda, rho, out) => (atLeast(out, w.length, "out", "elasticNetGradient"), b.elasticNetGradient(w, lambda, rho, out)),
    softThreshold: (x, t, out) => (atLeast(out, x.length, "out", "softThreshold"), b.softThreshold(x, t, out)),
    softL1Gradient: (w, lambda, eps, out) => (atLeast(out, w.length, "out", "softL1Gradient"), b.softL1Gradient(w, lambda, eps, out)),
    csrTimesRows(values, columnIndices, rowPointers, k, X, n, d, out) {
      dimension(k, "k");
      matrix("csrTimesRows", X, n, d);
      atLeast(rowPointers, Math.ceil((k + 1) / 2), "rowPointers", "csrTimesRows");
      lastPointerWithin(rowPointers, k, values.length, "csrTimesRows");
      atLeast(columnIndices, Math.ceil(values.length / 2), "columnIndices", "csrTimesRows");
      atLeast(out, n * k, "out", "csrTimesRows");
      b.csrTimesRows(values, columnIndices, rowPointers, k, X, n, d, out);
    },
    csrMatVec(values, columnIndices, rowPointers, rows, x, out) {
      dimension(rows, "rows");
      atLeast(rowPointers, Math.ceil((rows + 1) / 2), "rowPointers", "csrMatVec");
      lastPointerWithin(rowPointers, rows, values.length, "csrMatVec");
      atLeast(columnIndices, Math.ceil(values.length / 2), "columnIndices", "csrMatVec");
      atLeast(out, rows, "out", "csrMatVec");
      b.csrMatVec(values, columnIndices, rowPointers, rows, x, out);
    },
    columnMeans(X, rows, cols, out) {
      matrix("columnMeans", X, rows, cols);
      atLeast(out, cols, "out", "columnMeans");
      b.columnMeans(X, rows, cols, out);
    },
    centerRows(X, rows, cols, mean, out) {
      matrix("centerRows", X, rows, cols);
      atLeast(mean, cols, "mean", "centerRows");
      atLeast(out, rows * cols, "out", "centerRows");
      b.centerRows(X, rows, cols, mean, out);
    },
    centeredGram(X, rows, cols, xMean, Y, k, yMean, G, XtY) {
      matrix("centeredGram", X, rows, cols);
      matrix("centeredGram", Y, rows, k, "Y");
      atLeast(xMean, cols, "xMean", "centeredGram");
      atLeast(yMean, k, "yMean", "centeredGram");
      atLeast(G, cols * cols, "G", "centeredGram");
      atLeast(XtY, cols * k, "XtY", "centeredGram");
      b.centeredGram(X, rows, cols, xMean, Y, k, yMean, G, XtY);
    },
    transpose(X, rows, cols, out) {
      matrix("transpose", X, rows, cols);
      atLeast(out, rows * cols, "out", "transpose");
      b.transpose(X, rows, cols, out);
    },
    rowGram(X, rows, cols, K) {
      matrix("rowGram", X, rows, cols);
      atLeast(K, rows * rows, "K", "rowGram");
      b.rowGram(X, rows, cols, K);
    },
    luDecompose(A, n, pivots, threshold) {
      matrix("luDecompose", A, n, n, "A");
      atLeast(pivots, n, "pivots", "luDecompose");
      return b.luDecompose(A, n, pivots, threshold);
    },
    luSolve(LU, n, pivots, B, k) {
      matrix("luSolve", LU, n, n, "LU");
      atLeast(pivots, n, "pivots", "luSolve");
      matrix("luSolve", B, n, k, "B");
      b.luSolve(LU, n, pivots, B, k);
    },
    gdFit(X, rows, cols, y, params, w, history) {
      matrix("gdFit", X, rows, cols);
      atLeast(y, rows, "y", "gdFit");
      atLeast(w, cols, "w", "gdFit");
      return b.gdFit(X, rows, cols, y, params, w, history);
    },
    cdGram(G, q, yy, d, n, params, w, history) {
      matrix("cdGram", G, d, d, "G");
      atLeast(q, d, "q", "cdGram");
      atLeast(w, d, "w", "cdGram");
      return b.cdGram(G, q, yy, d, n, params, w, history);
    },
    cdResidual(Xt, n, d, y, params, w, r, history) {
      matrix("cdResidual", Xt, d, n, "Xt");
      atLeast(y, n, "y", "cdResidual");
      atLeast(w, d, "w", "cdResidual");
      atLeast(r, n, "r", "cdResidual");
      return b.cdResidual(Xt, n, d, y, params, w, r, history);
    },
    adamStep(w, grad, m, v, params, t) {
      for (const [block, name] of [[grad, "grad"], [m, "m"], [v, "v"]] as const) atLeast(block, w.length, name, "adamStep");
      b.adamStep(w, grad, m, v, params, t);
    },
    sgdStep: (w, grad, lr, weightDecay) => (atLeast(grad, w.length, "grad", "sgdStep"), b.sgdStep(w, grad, lr, weightDecay)),
    cdMultiTask(Xt, n, d, Yt, k, params, W, history) {
      matrix("cdMultiTask", Xt, d, n, "Xt");
      matrix("cdMultiTask", Yt, k, n, "Yt");
      atLeast(W, d * k, "W", "cdMultiTask");
      return b.cdMultiTask(Xt, n, d, Yt, k, params, W, history);
    },
    sgdEpoch(X, cols, y, order, count, batchSize, theta, params, m, v, state) {
      dimension(count, "count");
      checkPositiveBatch(batchSize);
      atLeast(order, Math.ceil(count / 2), "order", "sgdEpoch");
      const rows = Math.min(Math.floor(X.length / Math.max(cols, 1)), y.length);
      integersBelow(order, count, rows, "order (row indices)", "sgdEpoch");
      for (const [block, name] of [[theta, "theta"], [m, "m"], [v, "v"]] as const) atLeast(block, cols + 1, name, "sgdEpoch");
      atLeast(state, 1, "state", "sgdEpoch");
      return b.sgdEpoch(X, cols, y, order, count, batchSize, theta, params, m, v, state);
    },
    largestEigenvalue: (X, rows, cols, maxIter) => (matrix("largestEigenvalue", X, rows, cols), b.largestEigenvalue(X, rows, cols, maxIter)),
    fista(X, rows, cols, y, params, w, history) {
      matrix("fista", X, rows, cols);
      if (params.groups) {
        const { ids, count, weights } = params.groups;
        atLeast(ids, Math.ceil(cols / 2), "groups.ids", "fista");
        atLeast(weights, count, "groups.weights", "fista");
        integersBelow(ids, cols, count, "groups.ids", "fista");
      }
      atLeast(y, rows, "y", "fista");
      atLeast(w, cols, "w", "fista");
      return b.fista(X, rows, cols, y, params, w, history);
    },
  };
}
