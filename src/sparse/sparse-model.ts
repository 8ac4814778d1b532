// Prediction with sparse weights, and what magnitude pruning costs in accuracy and saves in multiplications.

import type { BackendName } from "../backend.js";
import { getBackend } from "../backends/registry.js";
import { copyMatrixIn } from "../copy-in.js";
import { checkSameLength, isRows, toMatrix, toVector, type MatrixInput } from "../input.js";
import { rSquared } from "../metrics.js";
import { CsrMatrix } from "./csr.js";
import { prune, type PruneOptions } from "./prune.js";

/** A linear model whose weights are a k x d CSR matrix (row o: output o's weights) and k intercepts. */
export class SparseLinearModel {
  readonly intercepts: Float64Array;

  constructor(
    readonly weights: CsrMatrix,
    intercepts: ArrayLike<number>,
    /** The backend whose CSR kernel predicts. */
    readonly backend: BackendName = "wasm",
  ) {
    this.intercepts = toVector(intercepts, "intercepts");
    checkSameLength(weights.rows, "the rows of weights (outputs)", this.intercepts.length, "intercepts");
  }

  get nFeatures(): number {
    return this.weights.cols;
  }

  get nOutputs(): number {
    return this.weights.rows;
  }

  /** Predictions X W + b by the CSR kernel: n values, or n x k row-major for several outputs. */
  predict(X: MatrixInput): Float64Array {
    const backend = getBackend(this.backend);
    const k = this.nOutputs;
    return backend.scope((scope) => {
      const { block: Xb, rows: n, cols: d } = copyMatrixIn(backend, scope, X, "X", (cols) => {
        if (cols !== this.nFeatures) throw new RangeError(`X has ${cols} features but these weights have ${this.nFeatures}.`);
      });
      const out = scope.alloc(n * k);
      const { values, columnIndices, rowPointers } = this.weights;
      backend.csrTimesRows(scope.fromArray(values), scope.fromInt32(columnIndices), scope.fromInt32(rowPointers), k, Xb, n, d, out);
      return out.values.map((v, index) => v + this.intercepts[index % k]);
    });
  }

  /** R^2 of the predictions (averaged over outputs). */
  score(X: MatrixInput, y: ArrayLike<number> | ArrayLike<ArrayLike<number>>): number {
    const predicted = this.predict(X);
    const truth = isRows(y) ? toMatrix(y, "y").data : toVector(y, "y");
    checkSameLength(predicted.length, "the predictions", truth.length, "y");
    return rSquared(truth, predicted, this.nOutputs);
  }
}

/** What pruning a model's weights costs in accuracy and saves in work. */
export interface PruningReport {
  r2Before: number;
  r2After: number;
  /** Multiplications per prediction row: d k dense, nnz after pruning. */
  denseMultiplications: number;
  sparseMultiplications: number;
  /** 1 - sparse / dense. */
  saved: number;
  /** The pruned model, ready to predict with its CSR weights. */
  pruned: SparseLinearModel;
}

/**
 * Prunes a fitted model's weights by magnitude ({ threshold } or { fraction }), and reports R^2 on (X, y) before
 * and after and the multiplications saved per prediction (the seed's example: 12 down to 5, 58%).
 */
export function pruningReport(
  model: { toSparse(): SparseLinearModel },
  X: MatrixInput,
  y: ArrayLike<number> | ArrayLike<ArrayLike<number>>,
  options: PruneOptions,
): PruningReport {
  const sparse = model.toSparse();
  const denseWeights = sparse.weights.toDense();
  const prunedWeights = prune(denseWeights, options);
  const pruned = new SparseLinearModel(CsrMatrix.fromDense(prunedWeights), sparse.intercepts, sparse.backend);
  const dense = sparse.weights.rows * sparse.weights.cols;
  return {
    r2Before: sparse.score(X, y),
    r2After: pruned.score(X, y),
    denseMultiplications: dense,
    sparseMultiplications: pruned.weights.nnz,
    saved: dense === 0 ? 0 : 1 - pruned.weights.nnz / dense,
    pruned,
  };
}
