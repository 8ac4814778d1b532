// A copying API over the backend kernels for users: plain arrays in, fresh Float64Arrays out.
// Estimators use the backend directly on resident blocks instead.

import { getBackend } from "../backends/registry.js";
import { checkSameLength, toMatrix, toVector, type MatrixInput, type VectorInput } from "../input.js";
import type { BackendOptions } from "../options/schema.js";

/** Dot product x . y of two vectors of the same length. */
export function dot(x: VectorInput, y: VectorInput, options: BackendOptions = {}): number {
  const backend = getBackend(options.backend);
  const xs = toVector(x, "x");
  const ys = toVector(y, "y");
  checkSameLength(xs.length, "x", ys.length, "y");
  return backend.scope((s) => backend.dot(s.fromArray(xs), s.fromArray(ys)));
}

/** Matrix-vector product X w. */
export function gemv(X: MatrixInput, w: VectorInput, options: BackendOptions = {}): Float64Array {
  const backend = getBackend(options.backend);
  const { data, rows, cols } = toMatrix(X, "X");
  const ws = toVector(w, "w");
  checkSameLength(cols, "the columns of X", ws.length, "w");
  return backend.scope((s) => {
    const [bX, bw, out] = [s.fromArray(data), s.fromArray(ws), s.alloc(rows)];
    backend.gemv(bX, rows, cols, bw, out);
    return out.values.slice();
  });
}

/** Transposed product X^T r. */
export function gemvT(X: MatrixInput, r: VectorInput, options: BackendOptions = {}): Float64Array {
  const backend = getBackend(options.backend);
  const { data, rows, cols } = toMatrix(X, "X");
  const rs = toVector(r, "r");
  checkSameLength(rows, "the rows of X", rs.length, "r");
  return backend.scope((s) => {
    const [bX, br, out] = [s.fromArray(data), s.fromArray(rs), s.alloc(cols)];
    backend.gemvT(bX, rows, cols, br, out);
    return out.values.slice();
  });
}

/** The squared loss, its gradient and the residual of a linear model at (w, intercept). */
export interface SquaredLoss {
  /** (1/2n) ||X w + intercept - y||^2 */
  loss: number;
  /** X^T r / n, the gradient with respect to w */
  gradient: Float64Array;
  /** mean(r), the gradient with respect to the intercept */
  interceptGradient: number;
  /** r = X w + intercept - y */
  residual: Float64Array;
}

/** Squared loss and gradient in one pass over the rows of X (the kernel under every gradient step). */
export function squaredLossGradient(
  X: MatrixInput, y: VectorInput, w: VectorInput, intercept = 0, options: BackendOptions = {},
): SquaredLoss {
  const backend = getBackend(options.backend);
  const { data, rows, cols } = toMatrix(X, "X");
  const ys = toVector(y, "y");
  const ws = toVector(w, "w");
  checkSameLength(rows, "the rows of X", ys.length, "y");
  checkSameLength(cols, "the columns of X", ws.length, "w");
  const b = toVector([intercept], "intercept")[0];
  return backend.scope((s) => {
    const [bX, by, bw, r, grad] = [s.fromArray(data), s.fromArray(ys), s.fromArray(ws), s.alloc(rows), s.alloc(cols)];
    const loss = backend.squaredLossGradient(bX, rows, cols, bw, b, by, r, grad);
    const residual = r.values.slice();
    let sum = 0;
    for (const value of residual) sum += value;
    return { loss, gradient: grad.values.slice(), interceptGradient: sum / rows, residual };
  });
}
