// Predictions X W + b of fitted weights, by the backend's gemv on X copied in once (or resident in a design).

import type { Backend, BackendName, F64Block } from "../backend.js";
import { getBackend } from "../backends/registry.js";
import { copyMatrixIn } from "../copy-in.js";
import type { Design } from "../design/design.js";
import { powerOfTwoScaler } from "../power-of-two.js";

/** X W + 1 b^T for a resident X (n x d) and W (d x k): n x k row-major. */
export function predictResident(backend: Backend, X: F64Block, n: number, d: number, coef: Float64Array, intercepts: Float64Array): Float64Array {
  const k = intercepts.length;
  const out = new Float64Array(n * k);
  backend.scope((scope) => {
    const [w, p] = [scope.alloc(d), scope.alloc(n)];
    for (let o = 0; o < k; o++) {
      w.values.set(Float64Array.from({ length: d }, (_, j) => coef[j * k + o]));
      backend.gemv(X, n, d, w, p);
      p.values.forEach((value, i) => (out[i * k + o] = value + intercepts[o]));
    }
  });
  return out;
}

/**
 * Predictions for user input X. `checkColumns` sees the number of columns before any value is copied (models
 * refuse a wrong feature count there).
 */
export function predictInput(
  backendName: BackendName, X: unknown, coef: Float64Array, intercepts: Float64Array, checkColumns: (cols: number) => void,
): Float64Array {
  const backend = getBackend(backendName);
  return backend.scope((scope) => {
    const { block, rows, cols } = copyMatrixIn(backend, scope, X, "X", checkColumns);
    return predictResident(backend, block, rows, cols, coef, intercepts);
  });
}

/**
 * The (weighted) mean squared error on a held-out design of each of several models (coefs[l], intercepts[l]):
 * the test folds of cross-validation. Residuals are taken times 2^(errorExponent / 2) before squaring (exact), so
 * that the errors of huge or tiny targets stay finite and comparable; the errors come in those units.
 */
export function heldOutErrors(
  test: Design, weights: ArrayLike<number> | undefined, coefs: readonly Float64Array[], intercepts: ArrayLike<number>,
  errorExponent = 0,
): Float64Array {
  const y = test.targets();
  let mass = 0;
  for (let i = 0; i < test.rows; i++) mass += weights ? weights[i] : 1;
  const scale = powerOfTwoScaler(errorExponent / 2);
  const [n, d] = [test.rows, test.cols];
  return test.withRows((X, backend) =>
    backend.scope((scope) => {
      const [w, p] = [scope.alloc(d), scope.alloc(n)];
      // One gemv per model into the same blocks, its residuals squared as they are read.
      return Float64Array.from(coefs, (coef, l) => {
        w.values.set(coef.subarray(0, d));
        backend.gemv(X, n, d, w, p);
        const fitted = p.values;
        const b = intercepts[l];
        let loss = 0;
        for (let i = 0; i < n; i++) loss += (weights ? weights[i] : 1) * scale(y[i] - (fitted[i] + b)) ** 2;
        return mass > 0 ? loss / mass : 0;
      });
    }));
}
