// A fitted logistic model whose weights are sparse: the decision values by the CSR kernel (one multiplication per
// non-zero weight), then the link, as LogisticRegression predicts.

import type { MatrixInput } from "../input.js";
import { accuracy, logProbabilities, mostProbable } from "../logistic/link.js";
import type { Label } from "../logistic/labels.js";
import { SparseLinearModel } from "../sparse/sparse-model.js";

/**
 * A logistic model with CSR weights (LogisticRegression's `toSparse()`): one row of weights for the binomial model
 * (the log-odds of the second class), one per class for the multinomial.
 */
export class SparseLogisticModel {
  constructor(
    /** The linear part: k x d CSR weights and k intercepts (k = 1 binomial, K multinomial). */
    readonly linear: SparseLinearModel,
    /** The classes, in sorted order (predictProba's columns). */
    readonly classes: readonly Label[],
    readonly multinomial: boolean,
  ) {
    const outputs = multinomial ? classes.length : 1;
    if (linear.nOutputs !== outputs) {
      throw new RangeError(`A ${multinomial ? "multinomial" : "binomial"} model of ${classes.length} classes needs ${outputs} rows of weights, got ${linear.nOutputs}.`);
    }
  }

  get nFeatures(): number {
    return this.linear.nFeatures;
  }

  /** x w + b per row (binomial) or per row and class (n x K row-major). */
  decisionFunction(X: MatrixInput): Float64Array {
    return this.linear.predict(X);
  }

  /** log p(class | x), n x K row-major, columns in `classes` order. */
  predictLogProba(X: MatrixInput): Float64Array {
    return logProbabilities(this.decisionFunction(X), this.multinomial, this.classes.length);
  }

  /** p(class | x), n x K row-major. */
  predictProba(X: MatrixInput): Float64Array {
    return this.predictLogProba(X).map(Math.exp);
  }

  /** The most probable class of each row. */
  predict(X: MatrixInput): Label[] {
    return mostProbable(this.predictLogProba(X), this.classes);
  }

  /** The accuracy on (X, y). */
  score(X: MatrixInput, y: ArrayLike<Label>): number {
    return accuracy(this.predict(X), y);
  }
}
