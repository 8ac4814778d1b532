import type { MatrixInput, VectorInput } from "../input.js";
import type { SparseLinearModel } from "../sparse/sparse-model.js";
import type { LinearModel } from "./base.js";

/** What the CV estimators share: the refitted model, the chosen lambdas, and prediction through the model. */
export abstract class CrossValidated<M extends LinearModel> {
  /** The fit's outcome; throws when not fitted yet. */
  protected abstract fitted(): { model: M; lambdaMin: number; lambda1se: number };

  /** The model refitted on all rows at the chosen lambda (serialize it with `model.toJSON()`). */
  get model(): M {
    return this.fitted().model;
  }

  /** The chosen lambda (= lambdaMin). */
  get lambda(): number {
    return this.fitted().lambdaMin;
  }

  /** The lambda of the smallest CV error. */
  get lambdaMin(): number {
    return this.fitted().lambdaMin;
  }

  /** The largest lambda within one standard error of the best CV error (glmnet's lambda.1se). */
  get lambda1se(): number {
    return this.fitted().lambda1se;
  }

  get coef(): Float64Array {
    return this.model.coef;
  }

  get intercept(): number {
    return this.model.intercept;
  }

  /** The refitted model's weights as CSR (see LinearModel.toSparse). */
  toSparse(): SparseLinearModel {
    return this.model.toSparse();
  }

  predict(X: MatrixInput): Float64Array {
    return this.model.predict(X);
  }

  score(X: MatrixInput, y: VectorInput): number {
    return this.model.score(X, y);
  }
}
