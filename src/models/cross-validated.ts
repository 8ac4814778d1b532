import type { MatrixInput, VectorInput } from "../input.js";
import type { SparseLinearModel } from "../sparse/sparse-model.js";
import type { LinearModel } from "./base.js";
import type { ColumnEncoding } from "../tables/columns.js";
import type { TableRecord } from "../tables/records.js";

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

  /** The features' names, when the fit was given them (see LinearModel.featureNames). */
  get featureNames(): string[] | undefined {
    return this.fitted("reading featureNames").model.featureNames;
  }

  /** The table columns the features encode, when the fit was given names (see LinearModel.columns). */
  get columns(): ColumnEncoding[] | undefined {
    return this.fitted("reading columns").model.columns;
  }

  predict(X: MatrixInput | readonly TableRecord[]): Float64Array {
    return this.fitted("predict").model.predict(X);
  }

  score(X: MatrixInput | readonly TableRecord[], y: VectorInput): number {
    return this.fitted("score").model.score(X, y);
  }
}
