import type { Backend, F64Block } from "../../backend.js";
import { axpy } from "./kernels/axpy.js";
import { centerRows } from "./kernels/center-rows.js";
import { columnMeans } from "./kernels/column-means.js";
import { csrMatVec, csrTimesRows } from "./kernels/csr.js";
import { dot } from "./kernels/dot.js";
import { gemv } from "./kernels/gemv.js";
import { gemvT } from "./kernels/gemv-t.js";
import * as gram from "./kernels/gram.js";
import { largestEigenvalue } from "./kernels/largest-eigenvalue.js";
import * as optim from "./kernels/optimizer-steps.js";
import * as penalties from "./kernels/penalties.js";
import { scal } from "./kernels/scal.js";
import { squaredLossGradient } from "./kernels/squared-loss-gradient.js";
import { sum, sumAbs, sumSquares } from "./kernels/sums.js";
import { transpose } from "./kernels/transpose.js";
import * as cd from "./solvers/cd.js";
import * as fista from "./solvers/fista.js";
import { gdFit } from "./solvers/gd.js";
import * as lu from "./solvers/lu.js";
import { cdMultiTask } from "./solvers/multi-task-cd.js";
import { sgdEpoch } from "./solvers/sgd.js";

/** A block of the JS backend: a plain Float64Array. */
class JsBlock implements F64Block {
  constructor(readonly values: Float64Array) {}
  get length(): number {
    return this.values.length;
  }
}

const v = (block: F64Block): Float64Array => block.values;
/** The 32-bit integers packed in a block (two per float64 slot). */
const int32 = (block: F64Block): Int32Array => new Int32Array(block.values.buffer, block.values.byteOffset, 2 * block.length);

/** The pure-TypeScript backend: runs anywhere, no initialization, the reference for the WASM core. */
export const jsBackend: Backend = {
  name: "js",
  alloc: (length) => new JsBlock(new Float64Array(length)),
  fromArray: (values) => new JsBlock(Float64Array.from(values)),
  free: () => {},
  dot: (x, y) => dot(v(x), v(y)),
  axpy: (alpha, x, y) => axpy(alpha, v(x), v(y)),
  scal: (alpha, x) => scal(alpha, v(x)),
  sumSquares: (x) => sumSquares(v(x)),
  sumAbs: (x) => sumAbs(v(x)),
  sum: (x) => sum(v(x)),
  columnMeans: (X, rows, cols, out) => columnMeans(v(X), rows, cols, v(out)),
  centerRows: (X, rows, cols, mean, out) => centerRows(v(X), rows, cols, v(mean), v(out)),
  centeredGram: (X, rows, cols, xMean, Y, k, yMean, G, XtY) =>
    gram.centeredGram(v(X), rows, cols, v(xMean), v(Y), k, v(yMean), v(G), v(XtY)),
  rowGram: (X, rows, cols, K) => gram.rowGram(v(X), rows, cols, v(K)),
  transpose: (X, rows, cols, out) => transpose(v(X), rows, cols, v(out)),
  luDecompose: (A, n, pivots, threshold) => lu.luDecompose(v(A), n, v(pivots), threshold),
  luSolve: (LU, n, pivots, B, k) => lu.luSolve(v(LU), n, v(pivots), v(B), k),
  gdFit: (X, rows, cols, y, params, w, history) =>
    gdFit(v(X), rows, cols, v(y), params, v(w), history ? v(history) : null),
  cdGram: (G, q, yy, d, n, params, w, history) => cd.cdGram(v(G), v(q), yy, d, n, params, v(w), history ? v(history) : null),
  cdResidual: (Xt, n, d, y, params, w, r, history) =>
    cd.cdResidual(v(Xt), n, d, v(y), params, v(w), v(r), history ? v(history) : null),
  largestEigenvalue: (X, rows, cols, maxIter) => largestEigenvalue(v(X), rows, cols, maxIter),
  sgdEpoch: (X, cols, y, order, count, batchSize, theta, params, m, s, state) =>
    sgdEpoch(v(X), cols, v(y), int32(order), count, batchSize, v(theta), params, v(m), v(s), v(state)),
  cdMultiTask: (Xt, n, d, Yt, k, params, W, history) => cdMultiTask(v(Xt), n, d, v(Yt), k, params, v(W), history ? v(history) : null),
  adamStep: (w, grad, m, s, { lr, beta1, beta2, eps, l2, weightDecay }, t) =>
    optim.adamStep(v(w), v(grad), v(m), v(s), lr, beta1, beta2, eps, l2, weightDecay, t),
  sgdStep: (w, grad, lr, weightDecay) => optim.sgdStep(v(w), v(grad), lr, weightDecay),
  fista: (X, rows, cols, y, params, w, history) =>
    fista.fista(v(X), rows, cols, v(y), params, v(w), history ? v(history) : null,
      params.groups && { ids: int32(params.groups.ids), count: params.groups.count, weights: v(params.groups.weights) }),
  gemv: (X, rows, cols, w, out) => gemv(v(X), rows, cols, v(w), v(out)),
  gemvT: (X, rows, cols, r, out) => gemvT(v(X), rows, cols, v(r), v(out)),
  squaredLossGradient: (X, rows, cols, w, b, y, r, grad) =>
    squaredLossGradient(v(X), rows, cols, v(w), b, v(y), v(r), v(grad)),
  elasticNetPenalty: (w, lambda, rho) => penalties.elasticNetPenalty(v(w), lambda, rho),
  elasticNetGradient: (w, lambda, rho, out) => penalties.elasticNetGradient(v(w), lambda, rho, v(out)),
  softThreshold: (x, t, out) => penalties.softThreshold(v(x), t, v(out)),
  softL1Gradient: (w, lambda, eps, out) => penalties.softL1Gradient(v(w), lambda, eps, v(out)),
  csrMatVec: (values, columnIndices, rowPointers, rows, x, out) =>
    csrMatVec(v(values), int32(columnIndices), int32(rowPointers), rows, v(x), v(out)),
  csrTimesRows: (values, columnIndices, rowPointers, k, X, n, d, out) =>
    csrTimesRows(v(values), int32(columnIndices), int32(rowPointers), k, v(X), n, d, v(out)),
};
