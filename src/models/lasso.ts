import { LinearModel } from "./base.js";
import type { LinearModelOptions } from "./options.js";

export interface LassoOptions extends LinearModelOptions {
  /** `"gd"`: the seed's gradient descent with exact, stable zeros. */
  solver?: "gd";
}

/** Lasso: minimizes (1/2n) ||X w + b - y||^2 + lambda ||w||_1 (scikit-learn's `Lasso(alpha=lambda)`). */
export class Lasso extends LinearModel {
  constructor(options: LassoOptions = {}) {
    super("Lasso", options as Record<string, unknown>, ["gd"]);
  }

  protected get rho(): number {
    return 1;
  }
}
