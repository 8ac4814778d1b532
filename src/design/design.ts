// A design (X and its targets) copied once into a backend's memory and kept there across fits.

import type { Backend, BackendName, F64Block, Scope } from "../backend.js";
import { getBackend } from "../backends/registry.js";
import { copyMatrixIn, copyValuesIn, copyVectorIn } from "../copy-in.js";
import { checkSameLength, isRows } from "../input.js";
import { resolveOptions } from "../options/schema.js";
import { LeastSquaresData, type PrepareOptions, type RawDesign } from "./least-squares-data.js";
import type { PreparedData } from "../solvers/prepared-data.js";

/** Options of {@link prepareDesign} (checked by the option schema, owner "prepareDesign"). */
export interface DesignOptions {
  /** The backend whose memory holds the data (default `"wasm"`); fits on the design must use the same. */
  backend?: BackendName;
}

/**
 * X (n x d) and y (n values, or n rows of k outputs) copied once into a backend's memory, checked on the way in,
 * and kept there for several fits: `fit(design)` on any model, `setOptions` then refit, `enetPath(design)`, the
 * CV estimators' folds, comparing models. What the fits derive from the data (means, the Gram matrix X^T X,
 * centered and transposed copies) is made once per `fitIntercept` / `standardize` combination and kept too,
 * so a refit at another lambda costs only the solver. Call {@link Design.free} when done (the JS backend's
 * memory is garbage-collected; the WASM heap is not).
 */
export class Design {
  /** Whether y was given as rows (several outputs) rather than a vector. */
  readonly multiOutput: boolean;
  readonly backendName: BackendName;
  private readonly backend: Backend;
  private readonly scope: Scope;
  private readonly raw: RawDesign;
  private readonly prepared = new Map<string, LeastSquaresData>();
  private freed = false;
  /** Fits running on the design (free() waits for none). */
  private users = 0;

  /** Use {@link prepareDesign}: it copies and checks the data. */
  constructor(parts: { backendName: BackendName; scope: Scope; raw: RawDesign; multiOutput: boolean }) {
    this.backendName = parts.backendName;
    this.backend = getBackend(parts.backendName);
    this.scope = parts.scope;
    this.raw = parts.raw;
    this.multiOutput = parts.multiOutput;
  }

  /** Rows n. */
  get rows(): number {
    return this.raw.n;
  }

  /** Features d. */
  get cols(): number {
    return this.raw.d;
  }

  /** Outputs k (1 when y is a vector). */
  get outputs(): number {
    return this.raw.k;
  }

  private live(): RawDesign {
    if (this.freed) throw new TypeError("This Design has been freed: make a new one from the data.");
    return this.raw;
  }

  /** Throws unless this design lives in the named backend's memory. */
  checkBackend(name: BackendName, owner: string): void {
    if (name !== this.backendName) {
      throw new RangeError(
        `This Design lives in the ${this.backendName} backend but ${owner} uses ${name}: make the Design with ` +
          `{ backend: "${name}" } or set the model's backend to "${this.backendName}".`,
      );
    }
  }

  /**
   * Runs `body` on the problem prepared for these options. Unweighted preparations are kept for the next fit;
   * a weighted one is freed afterwards.
   */
  withPrepared<T>(options: PrepareOptions, body: (data: PreparedData, backend: Backend) => T): T {
    const raw = this.live();
    const key = `${options.fitIntercept}/${options.standardize}`;
    return this.using(() => {
      if (options.sampleWeight !== undefined) {
        return this.backend.scope((scope) => body(scope.own(new LeastSquaresData(this.backend, raw, options)), this.backend));
      }
      let data = this.prepared.get(key);
      if (!data) {
        data = new LeastSquaresData(this.backend, raw, options);
        this.prepared.set(key, data);
      }
      return body(data, this.backend);
    });
  }

  /** Runs `body` with the design marked in use, so that free() refuses until it returns. */
  private using<T>(body: () => T): T {
    this.users++;
    try {
      return body();
    } finally {
      this.users--;
    }
  }

  /** The rows of X as a resident block (n x d, row-major), for prediction on the design. */
  withRows<T>(body: (X: F64Block, backend: Backend) => T): T {
    const { X } = this.live();
    return this.using(() => body(X, this.backend));
  }

  /** A new design of the given rows (CV folds), gathered inside the backend's memory without re-reading the input. */
  subset(rowIndices: ArrayLike<number>): Design {
    const { X, Y, n, d, k } = this.live();
    const count = rowIndices.length;
    for (let i = 0; i < count; i++) {
      const row = rowIndices[i];
      if (!Number.isInteger(row) || row < 0 || row >= n) {
        throw new RangeError(`rowIndices[${i}] is ${row}: row indices must be integers from 0 to ${n - 1}.`);
      }
    }
    const { scope, value: raw } = this.backend.keepScope((scope) => {
      const [Xs, Ys] = [scope.uninitialized(count * d), scope.uninitialized(count * k)];
      const [source, target, sourceY, targetY] = [X.values, Xs.values, Y.values, Ys.values];
      for (let i = 0; i < count; i++) {
        const row = rowIndices[i];
        target.set(source.subarray(row * d, (row + 1) * d), i * d);
        targetY.set(sourceY.subarray(row * k, (row + 1) * k), i * k);
      }
      return { X: Xs, Y: Ys, n: count, d, k };
    });
    return new Design({ backendName: this.backendName, scope, raw, multiOutput: this.multiOutput });
  }

  /** The targets as given (n x k row-major), copied out. */
  targets(): Float64Array {
    return this.live().Y.values.slice();
  }

  /** Frees the design's memory and everything derived from it; the design cannot be used afterwards. */
  free(): void {
    if (this.freed) return;
    if (this.users > 0) throw new TypeError("This Design is in use by a fit: free it after the fit returns.");
    for (const data of this.prepared.values()) data.free();
    this.prepared.clear();
    this.scope.close();
    this.freed = true;
  }
}

/** A vector block as a one-column target. */
const asColumn = (block: F64Block) => ({ block, rows: block.length, cols: 1, asRows: false });

/**
 * Copies X (n x d: rows, `{ data, rows, cols }`, or one column) and y (n values, or n rows of k outputs) once
 * into a backend's memory, checking every value on the way in, and returns the {@link Design} that fits reuse.
 */
export function prepareDesign(X: unknown, y: unknown, options: DesignOptions = {}): Design {
  return residentDesign(X, y, resolveOptions("prepareDesign", options).backend, false);
}

/** A Design of X and y on the named backend; `vectorTarget` reads y as one vector only (models of one output). */
export function residentDesign(X: unknown, y: unknown, backendName: BackendName, vectorTarget: boolean): Design {
  const backend = getBackend(backendName);
  const { scope, value } = backend.keepScope((scope) => {
    const { block, rows, cols } = copyMatrixIn(backend, scope, X, "X");
    if (vectorTarget && isRows(y)) {
      throw new TypeError(
        "y[0] is an array, but this model fits one output: pass y as a vector of n numbers (a single column: " +
          "y.map((row) => row[0])); for several outputs use Ridge, MultiTaskLasso or MultiTaskElasticNet.",
      );
    }
    const targets = vectorTarget ? asColumn(copyVectorIn(backend, scope, y, "y")) : copyValuesIn(backend, scope, y, "y");
    checkSameLength(rows, "the rows of X", targets.rows, "y");
    return { raw: { X: block, Y: targets.block, n: rows, d: cols, k: targets.cols }, multiOutput: targets.asRows };
  });
  return new Design({ backendName, scope, ...value });
}
