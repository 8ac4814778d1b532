// The exported ABI of the WASM core. Every pointer is a byte address in the JS-owned memory
// (imported as env.memory); every length counts f64 elements. Nothing here allocates.

export { dot } from "./kernels/dot";
export { axpy } from "./kernels/axpy";
export { scal } from "./kernels/scal";
export { sum, sumSquares, sumAbs } from "./kernels/sums";
export { gemv } from "./kernels/gemv";
export { gemvT } from "./kernels/gemv-t";
export { squaredLossGradient } from "./kernels/squared-loss-gradient";
export { columnMeans } from "./kernels/column-means";
export { centerRows } from "./kernels/center-rows";
export { centeredGram, rowGram } from "./kernels/gram";
export { transpose } from "./kernels/transpose";
export { elasticNetPenalty, elasticNetGradient, softThreshold, softL1Gradient } from "./kernels/penalties";
export { csrMatVec, csrTimesRows } from "./kernels/csr";
export { firstNonFinite } from "./kernels/non-finite";
export { luDecompose, luSolve } from "./solvers/lu";
export { gdFit } from "./solvers/gd";
export { cdGram, cdResidual } from "./solvers/cd";
export { cdMultiTask } from "./solvers/multi-task-cd";
export { fista } from "./solvers/fista";
export { largestEigenvalue } from "./kernels/largest-eigenvalue";
export { adamStep, sgdStep } from "./kernels/optimizer-steps";

/** First byte past the module's static data: the heap managed from JS may start here. */
export function heapBase(): usize {
  return __heap_base;
}
export { sgdEpoch } from "./solvers/sgd";
