/** What a fit produces: the weights on the original scale and how the solver ended. */
export interface FittedState {
  /** d x k row-major (d for one output). */
  coef: Float64Array;
  /** k intercepts. */
  intercepts: Float64Array;
  nFeatures: number;
  nOutputs: number;
  history: Float64Array;
  nIter: number;
  converged: boolean;
  /** Duality gap of the last fit (CD, FISTA) on the objective; NaN for the solvers without one. */
  dualGap: number;
}
