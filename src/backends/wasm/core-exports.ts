/**
 * The ABI of the WASM core (assembly/index.ts). Pointers are byte addresses in the imported memory,
 * lengths count f64 elements.
 */
export interface CoreExports {
  heapBase(): number;
  dot(x: number, y: number, n: number): number;
  axpy(alpha: number, x: number, y: number, n: number): void;
  scal(alpha: number, x: number, n: number): void;
  sumSquares(x: number, n: number): number;
  sumAbs(x: number, n: number): number;
  sum(x: number, n: number): number;
  columnMeans(X: number, rows: number, cols: number, out: number): void;
  centerRows(X: number, rows: number, cols: number, mean: number, out: number): void;
  centeredGram(
    X: number, rows: number, cols: number, xMean: number, Y: number, k: number, yMean: number,
    scratch: number, G: number, XtY: number,
  ): void;
  rowGram(X: number, rows: number, cols: number, K: number): void;
  transpose(X: number, rows: number, cols: number, out: number): void;
  luDecompose(A: number, n: number, pivots: number, threshold: number): number;
  luSolve(LU: number, n: number, pivots: number, B: number, k: number): void;
  gdFit(
    X: number, rows: number, cols: number, y: number, lambda: number, rho: number, learningRate: number,
    maxIter: number, tol: number, fitIntercept: number, w: number, r: number, grad: number, history: number,
    historyLength: number, out: number,
  ): void;
  gemv(X: number, rows: number, cols: number, w: number, out: number): void;
  gemvT(X: number, rows: number, cols: number, r: number, out: number): void;
  squaredLossGradient(
    X: number, rows: number, cols: number, w: number, b: number, y: number, r: number, grad: number,
  ): number;
  elasticNetPenalty(w: number, n: number, lambda: number, rho: number): number;
  elasticNetGradient(w: number, n: number, lambda: number, rho: number, out: number): void;
  softThreshold(x: number, n: number, t: number, out: number): void;
  softL1Gradient(w: number, n: number, lambda: number, eps: number, out: number): void;
  csrMatVec(values: number, columnIndices: number, rowPointers: number, rows: number, x: number, out: number): void;
  csrTimesRows(values: number, columnIndices: number, rowPointers: number, k: number, X: number, n: number, d: number, out: number): void;
  cdGram(
    G: number, q: number, yy: number, d: number, n: number, lambda: number, rho: number, maxIter: number, tol: number,
    positive: number, random: number, rng: number, w: number, h: number, scratch: number, history: number,
    historyLength: number, out: number,
  ): void;
  cdResidual(
    Xt: number, n: number, d: number, y: number, lambda: number, rho: number, maxIter: number, tol: number,
    positive: number, random: number, rng: number, w: number, r: number, norms: number, g: number, scratch: number,
    history: number, historyLength: number, out: number,
  ): void;
  adamStep(
    w: number, grad: number, m: number, v: number, n: number, lr: number, beta1: number, beta2: number, eps: number,
    l2: number, weightDecay: number, t: number,
  ): void;
  sgdStep(w: number, grad: number, n: number, lr: number, weightDecay: number): void;
  cdMultiTask(
    Xt: number, n: number, d: number, Yt: number, k: number, lambda: number, rho: number, maxIter: number, tol: number,
    W: number, Rt: number, norms: number, t: number, history: number, historyLength: number, out: number,
  ): void;
  sgdEpoch(
    X: number, cols: number, y: number, order: number, count: number, batchSize: number, theta: number,
    optimizer: number, lr: number, beta1: number, beta2: number, eps: number, lambda: number, rho: number,
    fitIntercept: number, m: number, v: number, g: number, r: number, state: number,
  ): number;
  largestEigenvalue(X: number, rows: number, cols: number, maxIter: number, v: number, u: number, t: number): number;
  fista(
    X: number, rows: number, cols: number, y: number, lambda: number, rho: number, L: number, maxIter: number,
    tol: number, positive: number, w: number, wPrev: number, z: number, gw: number, gPrev: number, gz: number,
    r: number, groups: number, groupCount: number, groupWeights: number, groupScratch: number, history: number,
    historyLength: number, out: number,
  ): void;
}
