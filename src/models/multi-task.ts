import type { Design } from "../design/design.js";
import type { MatrixInput } from "../input.js";
import type { SolverName } from "../solvers/table.js";
import { LinearModel, type FitOptions } from "./base.js";
import type { LinearModelOptions } from "./options.js";

export interface MultiTaskElasticNetOptions extends Omit<LinearModelOptions, "positive" | "selection" | "precompute" | "seed" | "learningRate"> {
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
  static override readonly modelName: "MultiTaskElasticNet" | "MultiTaskLasso" = "MultiTaskElasticNet";

  constructor(options: MultiTaskElasticNetOptions = {}) {
    super(options);
  }

  protected get rho(): number {
    return this.options.l1Ratio;
  }

  override fit(X: MatrixInput | Design, Y?: ArrayLike<ArrayLike<number>> | ArrayLike<number>, options: FitOptions = {}): this {
    return this.fitWith(this.options.solver, X, Y, options);
  }

  protected override get multiOutput(): boolean {
    return true;
  }

  /** Option solver "cd" runs block coordinate descent over the rows of W. */
  protected override tableSolver(): SolverName {
    return "multi-task-cd";
  }
}

export type MultiTaskLassoOptions = Omit<MultiTaskElasticNetOptions, "l1Ratio">;

/** MultiTaskLasso: {@link MultiTaskElasticNet} with l1Ratio 1 (scikit-learn's MultiTaskLasso(alpha=lambda)). */
export class MultiTaskLasso extends MultiTaskElasticNet {
  static override readonly modelName = "MultiTaskLasso";

  constructor(options: MultiTaskLassoOptions = {}) {
    super(options);
  }

  protected override get rho(): number {
    return 1;
  }
}
