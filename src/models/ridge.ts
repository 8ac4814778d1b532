import type { Design } from "../design/design.js";
import type { MatrixInput, VectorInput } from "../input.js";
import { LinearModel, type FitOptions } from "./base.js";
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

  /** Fits X (n x d) to y (n, or n x k rows for several outputs), or a prepared {@link Design}. */
  override fit(X: MatrixInput | Design, y?: RidgeTargets, options: FitOptions = {}): this {
    return this.fitWith(this.options.solver, X, y, options);
  }

  /** The seed's `fit_closed_form`: fits by the normal equations whatever the `solver` option says. */
  fitClosedForm(X: MatrixInput | Design, y?: RidgeTargets, options: FitOptions = {}): this {
    return this.fitWith("closed-form", X, y, options);
  }

  protected override get multiOutput(): boolean {
    return true;
  }
}
