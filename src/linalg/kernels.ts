// A copying API over the backend kernels for users: plain arrays in (each copied once into the backend, checked
// on the way), fresh Float64Arrays out. Estimators use the backend directly on resident blocks instead.

import { getBackend } from "../backends/registry.js";
import { copyMatrixIn, copyVectorIn } from "../copy-in.js";
import { checkSameLength, toVector, type MatrixInput, type VectorInput } from "../input.js";
import type { BackendOptions } from "../options/schema.js";

/** Dot product x . y of two vectors of the same length. */
export function dot(x: VectorInput, y: VectorInput, options: BackendOptions = {}): number {
  const backend = getBackend(options.backend);
  return backend.scope((s) => {
    const [bx, by] = [copyVectorIn(backend, s, x, "x"), copyVectorIn(backend, s, y, "y")];
    checkSameLength(bx.length, "x", by.length, "y");
    return backend.dot(bx, by);
  });
}

/** Matrix-vector product X w. */
export function gemv(X: MatrixInput, w: VectorInput, options: BackendOptions = {}): Float64Array {
  const backend = getBackend(options.backend);
  return backend.scope((s) => {
    const { block: bX, rows, cols } = copyMatrixIn(backend, s, X, "X");
    const bw = copyVectorIn(backend, s, w, "w");
    checkSameLength(cols, "the columns of X", bw.length, "w");
    const out = s.alloc(rows);
    backend.gemv(bX, rows, cols, bw, out);
    return out.values.slice();
  });
}

/** Transposed product X^T r. */
export function gemvT(X: MatrixInput, r: VectorInput, options: BackendOptions = {}): Float64Array {
  const backend = getBackend(options.backend);
  return backend.scope((s) => {
    const { block: bX, rows, cols } = copyMatrixIn(backend, s, X, "X");
    const br = copyVectorIn(backend, s, r, "r");
    checkSameLength(rows, "the rows of X", br.length, "r");
    const out = s.alloc(cols);
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
  const b = toVector([intercept], "intercept")[0];
  return backend.scope((s) => {
    const { block: bX, rows, cols } = copyMatrixIn(backend, s, X, "X");
    const [by, bw] = [copyVectorIn(backend, s, y, "y"), copyVectorIn(backend, s, w, "w")];
    checkSameLength(rows, "the rows of X", by.length, "y");
    checkSameLength(cols, "the columns of X", bw.length, "w");
    const [r, grad] = [s.alloc(rows), s.alloc(cols)];
    const loss = backend.squaredLossGradient(bX, rows, cols, bw, b, by, r, grad);
    const residual = r.values.slice();
    let sum = 0;
    for (const value of residual) sum += value;
    return { loss, gradient: grad.values.slice(), interceptGradient: sum / rows, residual };
  });
}
