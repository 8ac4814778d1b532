import { LinearModel } from "./base.js";
import type { LinearModelOptions } from "./options.js";

export interface LassoOptions extends LinearModelOptions {
  /**
   * `"cd"` (default): coordinate descent to the exact optimum; `"fista"`: accelerated proximal gradient;
   * `"gd"`: the seed's gradient descent with exact, stable zeros.
   */
  solver?: "cd" | "fista" | "gd";
}

/** Lasso: minimizes (1/2n) ||X w + b - y||^2 + lambda ||w||_1 (scikit-learn's `Lasso(alpha=lambda)`). */
export class Lasso extends LinearModel {
  static override readonly modelName = "Lasso";

  constructor(options: LassoOptions = {}) {
    super(options);
  }

  protected get rho(): number {
    return 1;
  }
}
