import type { MatrixInput, VectorInput } from "../input.js";
import type { SparseLinearModel } from "../sparse/sparse-model.js";
import type { LinearModel } from "./base.js";

/** What the CV estimators share: the refitted model, the chosen lambdas, and prediction through the model. */
export abstract class CrossValidated<M extends LinearModel> {
  /** The fit's outcome; throws when not fitted yet. */
  protected abstract fitted(use: string): { model: M; lambdaMin: number; lambda1se: number };

  /** The model refitted on all rows at the chosen lambda (serialize it with `model.toJSON()`). */
  get model(): M {
    return this.fitted("reading model").model;
  }

  /** The chosen lambda (= lambdaMin). */
  get lambda(): number {
    return this.fitted("reading lambda").lambdaMin;
  }

  /** The lambda of the smallest CV error. */
  get lambdaMin(): number {
    return this.fitted("reading lambdaMin").lambdaMin;
  }

  /** The largest lambda within one standard error of the best CV error (glmnet's lambda.1se). */
  get lambda1se(): number {
    return this.fitted("reading lambda1se").lambda1se;
  }

  get coef(): Float64Array {
    return this.fitted("reading coef").model.coef;
  }

  get intercept(): number {
    return this.fitted("reading intercept").model.intercept;
  }

  /** The refitted model's weights as CSR (see LinearModel.toSparse). */
  toSparse(): SparseLinearModel {
    return this.fitted("toSparse").model.toSparse();
  }

  predict(X: MatrixInput): Float64Array {
    return this.fitted("predict").model.predict(X);
  }

  score(X: MatrixInput, y: VectorInput): number {
    return this.fitted("score").model.score(X, y);
  }
}
