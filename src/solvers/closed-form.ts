// Ridge regression in closed form. The seed's augmented system (X_aug^T X_aug + n lambda I') w_aug = X_aug^T y,
// X_aug = [1 | X], I'[0][0] = 0, is formed on centered columns: [1 | X - 1 mean^T] spans the same space, so
// the optimum is the same, and the bias row then decouples (b = mean(y) - mean(X) . w), leaving
//   primal (d <= n):  (Xc^T Xc + n lambda I) W = Xc^T Yc          (d x d, Gram matrix in one pass)
//   dual   (d > n):   (Xc Xc^T + n lambda I) A = Yc,  W = Xc^T A   (n x n, as scikit-learn does for wide X)
// Centering avoids the cancellation of forming X^T X from uncentered data. Both systems are symmetric positive
// definite for lambda > 0 (or full rank), so they are solved by Cholesky (half LU's work); a pivot that is not
// positive (a singular or nearly singular system) sends the system to LU with partial pivoting, which solves
// what it can and names a singular system.

import type { Backend, F64Block, Scope } from "../backend.js";
import { pivotThreshold, SingularMatrixError } from "../linalg/singular-error.js";
import { solver, type SolverParams } from "./solver.js";

/** Factors A (n x n) in place and solves A X = B (n x k) in place; throws if A is singular. */
function luSolveInPlace(backend: Backend, scope: Scope, A: F64Block, n: number, B: F64Block, k: number): void {
  const pivots = scope.alloc(n);
  const step = backend.luDecompose(A, n, pivots, pivotThreshold(A.values, n));
  if (step >= 0) {
    throw new SingularMatrixError(
      `The ridge system is singular to working precision (pivot ${step} vanished): the features are ` +
        "collinear or there are more features than samples. Use lambda > 0.",
      step,
    );
  }
  backend.luSolve(A, n, pivots, B, k);
}

/** Solves A X = B (n x k) in place for a symmetric A: Cholesky on a copy of A, or LU on A itself when a pivot is not positive. */
function solveSymmetric(backend: Backend, scope: Scope, A: F64Block, n: number, B: F64Block, k: number): void {
  const U = scope.copyOf(A);
  if (backend.choleskyDecompose(U, n, pivotThreshold(A.values, n)) < 0) backend.choleskySolve(U, n, B, k);
  else luSolveInPlace(backend, scope, A, n, B, k);
}

function addToDiagonal(A: F64Block, n: number, value: number): void {
  const values = A.values;
  for (let i = 0; i < n; i++) values[i * n + i] += value;
}

/**
 * The factor both sides of the system are multiplied by: 1, or when n lambda overflows (lambda near the largest
 * double) the power of two 2^-ceil(log2 n), so that the diagonal shift (n scale) lambda <= lambda stays finite.
 */
function systemScale(n: number, lambda: number): number {
  return Number.isFinite(n * lambda) ? 1 : 2 ** -Math.ceil(Math.log2(n));
}

/**
 * Minimizes, for each of the k outputs, (1/2n) ||Xs w - ys||^2 + (lambda/2) ||w||^2 on the prepared (centered,
 * weighted, scaled) data; W (d x k) on the data's scale. lambda is the params' lambda; rho is ignored (0).
 */
export const closedForm = solver<SolverParams>({
  multiOutput: true,
  fromStatistics: true,
  weighted: true,
  scaleFree: true,
  iterative: false,
  iterations: () => 0,
  solve({ backend, data, params, scope }) {
    const { n, d, k } = data;
    const scale = systemScale(n, params.lambda);
    const shift = n * scale * params.lambda;
    const done = (w: Float64Array) => ({ w, nIter: 0, converged: true, dualGap: Number.NaN });
    // An infinite penalty (a rescaled problem's lambda can overflow) leaves w = 0.
    if (shift === Infinity) return done(new Float64Array(d * k));
    // A working copy times the (power-of-two, so exact) scale.
    const scaled = (block: F64Block) => {
      if (scale !== 1) backend.scal(scale, block);
      return block;
    };
    if (d <= n || !data.hasRows) {
      const { G, q } = data.gram();
      const [A, B] = [scaled(scope.copyOf(G)), scaled(scope.copyOf(q))];
      addToDiagonal(A, d, shift);
      solveSymmetric(backend, scope, A, d, B, k);
      return done(B.values.slice());
    }
    const Xc = data.rows();
    const A = scaled(scope.copyOf(data.centeredTargets()));
    const K = scope.uninitialized(n * n);
    backend.rowGram(Xc, n, d, K);
    scaled(K);
    addToDiagonal(K, n, shift);
    solveSymmetric(backend, scope, K, n, A, k);
    const [a, w] = [scope.alloc(n), scope.alloc(d)];
    const W = new Float64Array(d * k);
    for (let o = 0; o < k; o++) {
      const solution = A.values;
      a.values.set(Float64Array.from({ length: n }, (_, i) => solution[i * k + o]));
      backend.gemvT(Xc, n, d, a, w);
      w.values.forEach((value, j) => (W[j * k + o] = value));
    }
    return done(W);
  },
});
