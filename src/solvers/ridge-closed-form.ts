// Ridge regression in closed form. The seed's augmented system (X_aug^T X_aug + n lambda I') w_aug = X_aug^T y,
// X_aug = [1 | X], I'[0][0] = 0, is formed on centered columns: [1 | X - 1 mean^T] spans the same space, so
// the optimum is the same, and the bias row then decouples (b = mean(y) - mean(X) . w), leaving
//   primal (d <= n):  (Xc^T Xc + n lambda I) W = Xc^T Yc          (d x d, Gram matrix in one pass)
//   dual   (d > n):   (Xc Xc^T + n lambda I) A = Yc,  W = Xc^T A   (n x n, as scikit-learn does for wide X)
// Centering avoids the cancellation of forming X^T X from uncentered data. Both are solved by LU.

import type { Backend, F64Block } from "../backend.js";
import { withBlocks } from "../backends/with-blocks.js";
import type { Matrix } from "../input.js";
import { pivotThreshold, SingularMatrixError } from "../linalg/singular-error.js";

export interface RidgeSolution {
  /** d x k, row-major. */
  coef: Float64Array;
  /** k intercepts (zeros when fitIntercept is false). */
  intercepts: Float64Array;
}

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
 * Solves ridge regression exactly for targets Y (rows x k, row-major): minimizes, for each output,
 * (1/2n) ||X w + b - y||^2 + (lambda/2) ||w||^2.
 */
export function ridgeClosedForm(
  backend: Backend, X: Matrix, Y: Float64Array, k: number, lambda: number, fitIntercept: boolean,
): RidgeSolution {
  const { data, rows: n, cols: d } = X;
  const shift = n * lambda;
  return withBlocks(backend, [data, Y, new Float64Array(d), new Float64Array(k)], ([Xb, Yb, xMean, yMean]) => {
    if (fitIntercept) {
      backend.columnMeans(Xb, n, d, xMean);
      backend.columnMeans(Yb, n, k, yMean);
    }
    let coef: Float64Array;
    if (d <= n) {
      coef = withBlocks(backend, [new Float64Array(d * d), new Float64Array(d * k)], ([G, XtY]) => {
        backend.centeredGram(Xb, n, d, xMean, Yb, k, yMean, G, XtY);
        addToDiagonal(G, d, shift);
        luSolveInPlace(backend, G, d, XtY, k);
        return XtY.values.slice();
      });
    } else {
      backend.centerRows(Xb, n, d, xMean, Xb);
      backend.centerRows(Yb, n, k, yMean, Yb);
      coef = withBlocks(backend, [new Float64Array(n * n), new Float64Array(n), new Float64Array(d)], ([K, a, w]) => {
        backend.rowGram(Xb, n, d, K);
        addToDiagonal(K, n, shift);
        luSolveInPlace(backend, K, n, Yb, k);
        const W = new Float64Array(d * k);
        for (let o = 0; o < k; o++) {
          const dual = Yb.values;
          a.values.set(Float64Array.from({ length: n }, (_, i) => dual[i * k + o]));
          backend.gemvT(Xb, n, d, a, w);
          w.values.forEach((v, j) => (W[j * k + o] = v));
        }
        return W;
      });
    }
    const means = xMean.values;
    const targetMeans = yMean.values;
    const intercepts = Float64Array.from({ length: k }, (_, o) => {
      let fitted = 0;
      for (let j = 0; j < d; j++) fitted += means[j] * coef[j * k + o];
      return targetMeans[o] - fitted;
    });
    return { coef, intercepts };
  });
}
