import type { Backend } from "../backend.js";
import type { MatrixInput, VectorInput } from "../input.js";
import type { PreparedData } from "../solvers/least-squares-data.js";
import { ridgeClosedForm } from "../solvers/ridge-closed-form.js";
import { LinearModel, type FitOptions, type FittedState, type Targets } from "./base.js";
import type { LinearModelOptions } from "./options.js";

export interface RidgeOptions extends LinearModelOptions {
  /** `"closed-form"` (default; exact, LU), `"cd"`, `"fista"` or `"gd"` (the seed's gradient descent). */
  solver?: "closed-form" | "cd" | "fista" | "gd";
}

/** Several targets: n rows of k values each, or a single target vector. */
export type RidgeTargets = VectorInput | ArrayLike<ArrayLike<number>>;

/**
 * Ridge: minimizes (1/2n) ||X w + b - y||^2 + (lambda/2) ||w||^2. Equals scikit-learn's
 * `Ridge(alpha = n * lambda)`. With y as n x k rows, fits k outputs at once (closed form): coef is d x k.
 */
export class Ridge extends LinearModel {
  static override readonly modelName = "Ridge";

  constructor(options: RidgeOptions = {}) {
    super(options);
  }

  protected get rho(): number {
    return 0;
  }

  /** Fits X (n x d) to y (n, or n x k rows for several outputs). */
  override fit(X: MatrixInput, y: RidgeTargets, options: FitOptions = {}): this {
    return this.fitWith(this.options.solver, X, y, options);
  }

  /** The seed's `fit_closed_form`: fits by the normal equations whatever the `solver` option says. */
  fitClosedForm(X: MatrixInput, y: RidgeTargets, options: FitOptions = {}): this {
    return this.fitWith("closed-form", X, y, options);
  }

  protected override targets(y: unknown, rows: number): Targets {
    return this.multiOutputTargets(y, rows);
  }

  protected override solvePrepared(backend: Backend, solver: string, data: PreparedData): FittedState {
    if (solver !== "closed-form") return super.solvePrepared(backend, solver, data);
    const { coef, intercepts } = data.original(ridgeClosedForm(backend, data, this.options.lambda));
    return {
      coef, intercepts, nFeatures: data.d, nOutputs: data.k,
      history: new Float64Array(0), nIter: 0, converged: true, dualGap: Number.NaN,
    };
  }
}
