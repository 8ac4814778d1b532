// Ridge with lambda chosen by exact leave-one-out cross-validation from one eigendecomposition.

import { getBackend } from "../backends/registry.js";
import type { BackendName } from "../backend.js";
import type { Design } from "../design/design.js";
import type { MatrixInput, VectorInput } from "../input.js";
import { symmetricEigen } from "../linalg/symmetric-eigen.js";
import { withDesign } from "../pipeline/fit.js";
import { CrossValidated } from "./cross-validated.js";
import { selectLambda } from "./cv-selection.js";
import { resolveOptions } from "../options/schema.js";
import { Ridge } from "./ridge.js";

export interface RidgeCVOptions {
  /** Candidate lambdas (default 1e-3, 1e-2, 0.1, 1, 10). */
  lambdas?: ArrayLike<number>;
  fitIntercept?: boolean;
  standardize?: boolean;
  backend?: BackendName;
}

/**
 * RidgeCV: for each candidate lambda, the exact leave-one-out error of ridge regression,
 * e_i / (1 - H_ii) with H the hat matrix, from one eigendecomposition (of X_c^T X_c when n > d, of X_c X_c^T
 * otherwise), so every extra lambda costs O(n min(n, d)) (Golub, Heath & Wahba 1979; scikit-learn's _RidgeGCV).
 * The intercept adds 1/n to every H_ii. Each held-out fit keeps the penalty n lambda of the full data on the
 * diagonal (scikit-learn's RidgeCV convention, which the shortcut computes exactly; refitting Ridge on n - 1
 * rows gives the same with lambda n / (n - 1)). The chosen lambda minimizes the mean squared LOO error; the model is
 * then refitted on all rows. The eigendecomposition runs in TypeScript (Jacobi), O(min(n, d)^3).
 */
export class RidgeCV extends CrossValidated<Ridge> {
  private readonly lambdas: Float64Array;
  private readonly fitIntercept: boolean;
  private readonly standardize: boolean;
  private readonly backend: BackendName;
  private result?: { model: Ridge; lambdaMin: number; lambda1se: number; cvMean: Float64Array; cvStd: Float64Array };

  constructor(options: RidgeCVOptions = {}) {
    super();
    const o = resolveOptions("RidgeCV", options);
    // The schema gives RidgeCV default candidates.
    this.lambdas = o.lambdas as Float64Array;
    this.fitIntercept = o.fitIntercept;
    this.standardize = o.standardize;
    this.backend = o.backend;
    getBackend(this.backend);
  }

  /** Chooses lambda by exact leave-one-out CV, then refits on all rows; X may be a prepared {@link Design} (then without y). */
  fit(X: MatrixInput | Design, y?: VectorInput): this {
    this.result = withDesign(X, y, this.backend, "RidgeCV", false, (design) => this.crossValidate(design));
    return this;
  }

  private crossValidate(design: Design) {
    const { rows: n, cols: d } = design;
    const prepare = { fitIntercept: this.fitIntercept, standardize: this.standardize };
    const looErrors = design.withPrepared(prepare, (data, backend) => {
      const Xs = data.rows().values.slice();
      const yc = data.centeredTargets().values.slice();
      // basis: n x m columns u_k with weights(lambda)_k: H_c = sum_k u_k u_k^T f_k(lambda).
      let basis: Float64Array;
      let m: number;
      let spectrum: Float64Array;
      let filter: (s: number, shift: number) => number;
      if (n > d) {
        // X_c^T X_c = V S V^T, U = X_c V: H_c = U diag(1 / (s + n lambda)) U^T.
        const { values, vectors } = symmetricEigen(data.gram().G.values, d);
        m = d;
        basis = new Float64Array(n * d);
        for (let i = 0; i < n; i++) {
          for (let k = 0; k < d; k++) {
            let sum = 0;
            for (let j = 0; j < d; j++) sum += Xs[i * d + j] * vectors[j * d + k];
            basis[i * d + k] = sum;
          }
        }
        spectrum = values;
        filter = (s, shift) => 1 / (s + shift);
      } else {
        // X_c X_c^T = Q S Q^T: H_c = Q diag(s / (s + n lambda)) Q^T.
        const { values, vectors } = backend.scope((scope) => {
          const K = scope.alloc(n * n);
          backend.rowGram(data.rows(), n, d, K);
          return symmetricEigen(K.values, n);
        });
        basis = vectors;
        spectrum = values;
        m = n;
        filter = (s, shift) => (s > 0 ? s / (s + shift) : 0);
      }
      const projections = new Float64Array(m);
      for (let k = 0; k < m; k++) for (let i = 0; i < n; i++) projections[k] += basis[i * m + k] * yc[i];
      const base = this.fitIntercept ? 1 / n : 0;
      return Array.from(this.lambdas, (lambda) => {
        const f = Float64Array.from(spectrum, (s) => filter(Math.max(s, 0), n * lambda));
        return Float64Array.from({ length: n }, (_, i) => {
          let fitted = 0;
          let leverage = base;
          for (let k = 0; k < m; k++) {
            const u = basis[i * m + k];
            fitted += u * f[k] * projections[k];
            leverage += u * u * f[k];
          }
          return ((yc[i] - fitted) / (1 - leverage)) ** 2;
        });
      });
    });
    const cvMean = Float64Array.from(looErrors, (e) => e.reduce((s, v) => s + v, 0) / n);
    const cvStd = Float64Array.from(looErrors, (e, l) => Math.sqrt(e.reduce((s, v) => s + (v - cvMean[l]) ** 2, 0) / Math.max(n - 1, 1)));
    const { lambdaMin, lambda1se } = selectLambda({ lambdas: this.lambdas, mean: cvMean, standardError: cvStd.map((sd) => sd / Math.sqrt(n)) });
    const model = new Ridge({ lambda: lambdaMin, fitIntercept: this.fitIntercept, standardize: this.standardize, backend: this.backend }).fit(design);
    return { model, lambdaMin, lambda1se, cvMean, cvStd };
  }

  protected fitted() {
    if (!this.result) throw new TypeError("This RidgeCV is not fitted yet: call fit(X, y) first.");
    return this.result;
  }

  /** The candidate lambdas, decreasing, as cvMean and cvStd are ordered. */
  get candidates(): Float64Array {
    return this.lambdas;
  }

  /** Mean squared leave-one-out error per lambda. */
  get cvMean(): Float64Array {
    return this.fitted().cvMean;
  }

  /** Standard deviation of the squared leave-one-out errors per lambda. */
  get cvStd(): Float64Array {
    return this.fitted().cvStd;
  }
}
