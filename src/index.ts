/**
 * regularized: Ridge, Lasso and Elastic Net regression with a WebAssembly SIMD core and a pure-TypeScript twin.
 * @packageDocumentation
 */
export { init, initSync, isInitialized, getBackend } from "./backends/registry.js";
export type { Backend, BackendName, F64Block } from "./backend.js";
export {
  l1Penalty,
  l1Gradient,
  l2Penalty,
  l2Gradient,
  elasticNetPenalty,
  elasticNetGradient,
  softThreshold,
  type BackendOptions,
  type Weights,
} from "./penalties.js";
export { dot, gemv, gemvT, squaredLossGradient, type SquaredLoss } from "./linalg/kernels.js";
export type { Matrix, MatrixInput, VectorInput } from "./input.js";
export { loadDiabetes, type Dataset } from "./datasets/diabetes.js";
