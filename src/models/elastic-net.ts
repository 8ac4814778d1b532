import { LinearModel } from "./base.js";
import type { LassoOptions } from "./lasso.js";
import type { LinearModelOptions } from "./options.js";

export interface ElasticNetOptions extends LinearModelOptions {
  /** Mix of the penalties in [0, 1]: 1 is the lasso, 0 ridge (default 0.5). */
  l1Ratio?: number;
  /** `"cd"` (default), `"fista"` or `"gd"` (the seed's gradient descent); see {@link LassoOptions.solver}. */
  solver?: "cd" | "fista" | "gd";
}

/**
 * Elastic net: minimizes (1/2n) ||X w + b - y||^2 + lambda (l1Ratio ||w||_1 + (1 - l1Ratio)/2 ||w||^2)
 * (scikit-learn's `ElasticNet(alpha=lambda, l1_ratio=l1Ratio)`).
 */
export class ElasticNet extends LinearModel {
  static override readonly modelName = "ElasticNet";

  constructor(options: ElasticNetOptions = {}) {
    super(options);
  }

  /** The mix of the penalties. */
  get l1Ratio(): number {
    return this.options.l1Ratio;
  }

  protected get rho(): number {
    return this.options.l1Ratio;
  }
}
