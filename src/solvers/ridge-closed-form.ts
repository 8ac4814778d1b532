// Ridge regression in closed form. The seed's augmented system (X_aug^T X_aug + n lambda I') w_aug = X_aug^T y,
// X_aug = [1 | X], I'[0][0] = 0, is formed on centered columns: [1 | X - 1 mean^T] spans the same space, so
// the optimum is the same, and the bias row then decouples (b = mean(y) - mean(X) . w), leaving
//   primal (d <= n):  (Xc^T Xc + n lambda I) W = Xc^T Yc          (d x d, Gram matrix in one pass)
//   dual   (d > n):   (Xc Xc^T + n lambda I) A = Yc,  W = Xc^T A   (n x n, as scikit-learn does for wide X)
// Centering avoids the cancellation of forming X^T X from uncentered data. Both are solved by LU.

import type { Backend, F64Block } from "../backend.js";
import { withBlocks } from "../backends/with-blocks.js";
import { pivotThreshold, SingularMatrixError } from "../linalg/singular-error.js";
import type { PreparedData } from "./least-squares-data.js";

/** Factors A (n x n) in place and solves A X = B (n x k) in place; throws if A is singular. */
function luSolveInPlace(backend: Backend, A: F64Block, n: number, B: F64Block, k: number): void {
  const threshold = pivotThreshold(A.values, n);
  withBlocks(backend, [new Float64Array(n)], ([pivots]) => {
    const step = backend.luDecompose(A, n, pivots, threshold);
    if (step >= 0) {
      throw new SingularMatrixError(
        `The ridge system is singular to working precision (pivot ${step} vanished): the features are ` +
          "collinear or there are more features than samples. Use lambda > 0.",
        step,
      );
    }
    backend.luSolve(A, n, pivots, B, k);
  });
}

function addToDiagonal(A: F64Block, n: number, value: number): void {
  const values = A.values;
  for (let i = 0; i < n; i++) values[i * n + i] += value;
}

/**
 * Minimizes, for each of the k outputs, (1/2n) ||Xs w - ys||^2 + (lambda/2) ||w||^2 on the prepared (centered,
 * weighted, scaled) data; returns W (d x k) on the data's scale.
 */
export function ridgeClosedForm(backend: Backend, data: PreparedData, lambda: number): Float64Array {
  const { n, d, k } = data;
  const shift = n * lambda;
  if (d <= n || !data.hasRows) {
    const { G, q } = data.gram();
    return withCopies(backend, [G, q], ([A, B]) => {
      addToDiagonal(A, d, shift);
      luSolveInPlace(backend, A, d, B, k);
      return B.values.slice();
    });
  }
  const Xc = data.rows();
  return withCopies(backend, [data.centeredTargets()], ([A]) =>
    withBlocks(backend, [new Float64Array(n * n), new Float64Array(n), new Float64Array(d)], ([K, a, w]) => {
      backend.rowGram(Xc, n, d, K);
      addToDiagonal(K, n, shift);
      luSolveInPlace(backend, K, n, A, k);
      const W = new Float64Array(d * k);
      for (let o = 0; o < k; o++) {
        a.values.set(Float64Array.from({ length: n }, (_, i) => A.values[i * k + o]));
        backend.gemvT(Xc, n, d, a, w);
        w.values.forEach((v, j) => (W[j * k + o] = v));
      }
      return W;
    }),
  );
}

/**
 * Runs `compute` on working copies of backend blocks, freed afterwards. Each copy is allocated before it is
 * filled, from the source's live view: an allocation may grow WASM memory and detach views taken earlier.
 */
function withCopies<T>(backend: Backend, sources: F64Block[], compute: (copies: F64Block[]) => T): T {
  const copies: F64Block[] = [];
  try {
    for (const source of sources) {
      const copy = backend.alloc(source.length);
      copy.values.set(source.values);
      copies.push(copy);
    }
    return compute(copies);
  } finally {
    for (const copy of copies) backend.free(copy);
  }
}
