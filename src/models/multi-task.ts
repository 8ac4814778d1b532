import type { Backend } from "../backend.js";
import type { MatrixInput } from "../input.js";
import { HISTORY_LIMIT } from "../solvers/exact.js";
import type { PreparedData } from "../solvers/least-squares-data.js";
import { LinearModel, type FitOptions, type FittedState, type Targets } from "./base.js";
import type { LinearModelOptions } from "./options.js";

export interface MultiTaskElasticNetOptions extends Omit<LinearModelOptions, "positive" | "selection" | "learningRate"> {
  /** Mix of the penalties in [0, 1] (default 0.5). */
  l1Ratio?: number;
  /** `"cd"`: block coordinate descent over the rows of W. */
  solver?: "cd";
}

/**
 * MultiTaskElasticNet: for Y with k outputs (n rows of k values), minimizes
 * (1/2n)||Y - X W - 1 b^T||_F^2 + lambda (rho sum_j ||W_j||_2 + (1 - rho)/2 ||W||_F^2), W d x k (scikit-learn's
 * MultiTaskElasticNet(alpha=lambda, l1_ratio=rho)). The group of feature j is its row W_j: a feature is kept or
 * dropped for all outputs at once. coef is d x k row-major, intercepts has k values.
 */
export class MultiTaskElasticNet extends LinearModel {
  constructor(options: MultiTaskElasticNetOptions = {}, name = "MultiTaskElasticNet", extra: string[] = ["l1Ratio"]) {
    super(name, options as Record<string, unknown>, ["cd"], extra);
    if (this.options.positive) throw new RangeError(`${name} has no positive option: its penalty acts on whole rows of W.`);
  }

  protected get rho(): number {
    return this.options.l1Ratio;
  }

  override fit(X: MatrixInput, Y: ArrayLike<ArrayLike<number>> | ArrayLike<number>, options: FitOptions = {}): this {
    return this.fitWith(this.options.solver, X, Y, options);
  }

  protected override targets(y: unknown, rows: number): Targets {
    return this.multiOutputTargets(y, rows);
  }

  protected override solvePrepared(backend: Backend, solver: string, data: PreparedData): FittedState {
    const { n, d, k } = data;
    const { lambda, maxIter, tol, recordHistory, warmStart, seed } = this.options;
    const params = { lambda, rho: this.rho, maxIter, tol, positive: false, selection: "cyclic" as const, seed };
    const previous = warmStart ? this.previousCoef(d, k) : null;
    const Yt = backend.alloc(k * n);
    let W = null;
    let history = null;
    try {
      backend.transpose(data.centeredTargets(), n, k, Yt);
      W = backend.fromArray(previous ? data.scaled(previous) : new Float64Array(d * k));
      history = recordHistory ? backend.alloc(Math.min(maxIter, HISTORY_LIMIT)) : null;
      const result = backend.cdMultiTask(data.columns(), n, d, Yt, k, params, W, history);
      const { coef, intercepts } = data.original(W.values.slice());
      return {
        coef, intercepts, nFeatures: d, nOutputs: k, nIter: result.nIter, converged: result.converged,
        dualGap: result.dualGap, history: history ? history.values.slice(0, Math.min(result.nIter, history.length)) : new Float64Array(0),
      };
    } finally {
      for (const block of [Yt, W, history]) if (block) backend.free(block);
    }
  }
}

export type MultiTaskLassoOptions = Omit<MultiTaskElasticNetOptions, "l1Ratio">;

/** MultiTaskLasso: {@link MultiTaskElasticNet} with l1Ratio 1 (scikit-learn's MultiTaskLasso(alpha=lambda)). */
export class MultiTaskLasso extends MultiTaskElasticNet {
  constructor(options: MultiTaskLassoOptions = {}) {
    super(options, "MultiTaskLasso", []);
  }

  protected override get rho(): number {
    return 1;
  }
}
