// Mini-batch training of the seed's objective with SGD, Adam or AdamW: each epoch runs whole in the backend.

import type { Backend, F64Block } from "../backend.js";
import { mulberry32 } from "../random.js";
import { getBackend } from "../backends/registry.js";
import { withBlocks } from "../backends/with-blocks.js";
import { checkL1Ratio, toMatrix, type Matrix, type MatrixInput, type VectorInput } from "../input.js";
import { LinearModel, type FitOptions, type FittedState, type ModelJSON, type Targets } from "./base.js";
import { checkBoolean, checkChoice, checkPositiveInteger, type LinearModelOptions } from "./options.js";

export interface SGDRegressorOptions
  extends Omit<LinearModelOptions, "solver" | "positive" | "precompute" | "selection" | "warmStart" | "standardize" | "maxIter"> {
  /** The penalty: "l2" (lambda/2 ||w||^2, default), "l1" (lambda ||w||_1) or "elasticnet" (mixed by l1Ratio). */
  penalty?: "l2" | "l1" | "elasticnet";
  /** Mix of the elastic net (default 0.15, scikit-learn's). */
  l1Ratio?: number;
  /** "sgd" (default), "adam" (L2 part in the gradient) or "adamw" (L2 part as decoupled weight decay). */
  optimizer?: "sgd" | "adam" | "adamw";
  /** Rows per gradient step (default 32). */
  batchSize?: number;
  /** Passes over the data at most (default 1000); tol and nIterNoChange stop earlier. */
  epochs?: number;
  /** Shuffle the rows before every epoch, from `seed` (default true). */
  shuffle?: boolean;
  /** Hold out validationFraction of the rows and stop when their loss stops improving (default false). */
  earlyStopping?: boolean;
  validationFraction?: number;
  /** Stop after this many epochs without an improvement of more than tol (default 5). */
  nIterNoChange?: number;
  beta1?: number;
  beta2?: number;
  eps?: number;
}

interface SgdSettings {
  penalty: "l2" | "l1" | "elasticnet";
  l1Ratio: number;
  optimizer: "sgd" | "adam" | "adamw";
  batchSize: number;
  epochs: number;
  shuffle: boolean;
  earlyStopping: boolean;
  validationFraction: number;
  nIterNoChange: number;
  beta1: number;
  beta2: number;
  eps: number;
}

const EXTRA = ["penalty", "l1Ratio", "optimizer", "batchSize", "epochs", "shuffle", "earlyStopping", "validationFraction",
  "nIterNoChange", "beta1", "beta2", "eps"];

/** Estimator options that mini-batch training has no use for (rejected rather than ignored). */
const UNUSED = ["standardize", "maxIter", "positive", "precompute", "selection", "warmStart"];

/** Training state carried between partialFit calls. */
interface Progress {
  theta: Float64Array;
  m: Float64Array;
  v: Float64Array;
  t: number;
  nextRandom: () => number;
}

/**
 * SGDRegressor: mini-batch steps of SGD, Adam or AdamW on (1/2n)||X w + b - y||^2 + penalty, one backend call
 * per epoch. SGD and Adam descend that objective; AdamW applies the L2 part as decoupled weight decay, whose
 * fixed point is not the L2-penalized optimum (Loshchilov & Hutter's point), while `history` still reports the
 * stated objective. `fit` starts afresh and runs up to `epochs` passes, stopping when the epoch's loss
 * (or the held-out loss, with earlyStopping) has not improved by more than `tol` for `nIterNoChange` epochs;
 * `partialFit` runs one more pass over the rows it is given, continuing the weights, moments and random stream.
 * `history` holds each epoch's mean loss over its batches plus the penalty.
 */
export class SGDRegressor extends LinearModel {
  private readonly settings: SgdSettings;
  private progress?: Progress;
  /** Set while fit runs: train from zero, and keep the old progress until the new fit succeeds. */
  private restart = false;

  constructor(options: SGDRegressorOptions = {}) {
    super("SGDRegressor", { ...options, solver: "sgd", l1Ratio: options.l1Ratio ?? 0.15 } as Record<string, unknown>, ["sgd"], EXTRA);
    const o = options;
    for (const name of UNUSED) {
      if (name in o) {
        throw new TypeError(`SGDRegressor has no ${name} option${name === "maxIter" ? ": use epochs" : name === "standardize" ? ": scale the features first" : ""}.`);
      }
    }
    const eps = o.eps ?? 1e-8;
    if (!(eps > 0 && Number.isFinite(eps))) throw new RangeError(`eps must be a finite number > 0, got ${eps}.`);
    const rate = (value: number | undefined, fallback: number, name: string) => {
      const x = value ?? fallback;
      if (!(x >= 0 && x < 1)) throw new RangeError(`${name} must be in [0, 1), got ${x}.`);
      return x;
    };
    this.settings = {
      penalty: checkChoice(o.penalty ?? "l2", "penalty", ["l2", "l1", "elasticnet"] as const),
      l1Ratio: checkL1Ratio(o.l1Ratio ?? 0.15),
      optimizer: checkChoice(o.optimizer ?? "sgd", "optimizer", ["sgd", "adam", "adamw"] as const),
      batchSize: checkPositiveInteger(o.batchSize ?? 32, "batchSize"),
      epochs: checkPositiveInteger(o.epochs ?? 1000, "epochs"),
      shuffle: checkBoolean(o.shuffle ?? true, "shuffle"),
      earlyStopping: checkBoolean(o.earlyStopping ?? false, "earlyStopping"),
      validationFraction: rate(o.validationFraction, 0.1, "validationFraction"),
      nIterNoChange: checkPositiveInteger(o.nIterNoChange ?? 5, "nIterNoChange"),
      beta1: rate(o.beta1, 0.9, "beta1"),
      beta2: rate(o.beta2, 0.999, "beta2"),
      eps,
    };
  }

  protected get rho(): number {
    return { l2: 0, l1: 1, elasticnet: this.settings.l1Ratio }[this.settings.penalty];
  }

  override fit(X: MatrixInput, y: VectorInput, options: FitOptions = {}): this {
    this.restart = true;
    try {
      return this.fitWith("sgd", X, y, options);
    } finally {
      this.restart = false;
    }
  }

  /** One more epoch over these rows, continuing from the current state (or from 0 on the first call). */
  partialFit(X: MatrixInput, y: VectorInput): this {
    const matrix = toMatrix(X, "X");
    const targets = this.targets(y, matrix.rows);
    return this.accept(this.train(getBackend(this.options.backend), matrix, targets, 1, false), "sgd");
  }

  protected override solve(backend: Backend, solver: string, X: Matrix, targets: Targets, options: FitOptions): FittedState {
    if (options.sampleWeight !== undefined) throw new RangeError("SGDRegressor has no sampleWeight: repeat or drop rows instead.");
    return this.train(backend, X, targets, this.settings.epochs, true);
  }

  /** Runs up to `epochs` epochs (with the stopping rule when `stopping`), starting from the saved progress. */
  private train(backend: Backend, X: Matrix, targets: Targets, epochs: number, stopping: boolean): FittedState {
    const { rows: n, cols: d } = X;
    const s = this.settings;
    if (this.progress && this.progress.theta.length !== d + 1) {
      throw new RangeError(`X has ${d} features but this SGDRegressor was trained on ${this.progress.theta.length - 1}: call fit to start over.`);
    }
    const progress = (!this.restart && this.progress) || this.startingPoint(d);
    const permutation = (length: number) => {
      const order = Array.from({ length }, (_, i) => i);
      for (let i = length - 1; i > 0; i--) {
        const j = Math.floor((progress.nextRandom() / 2 ** 32) * (i + 1));
        [order[i], order[j]] = [order[j], order[i]];
      }
      return order;
    };
    const all = s.earlyStopping && stopping ? permutation(n) : Array.from({ length: n }, (_, i) => i);
    const held = s.earlyStopping && stopping ? Math.max(1, Math.ceil(s.validationFraction * n)) : 0;
    const train = all.slice(0, n - held);
    const validation = all.slice(n - held);
    const { lambda, learningRate, tol, fitIntercept, recordHistory } = this.options;
    const params = {
      optimizer: s.optimizer, lr: learningRate, beta1: s.beta1, beta2: s.beta2, eps: s.eps, lambda, rho: this.rho, fitIntercept,
    };
    const history: number[] = [];
    let best = Infinity;
    let stale = 0;
    let converged = false;
    let epoch = 0;
    withBlocks(backend, [X.data, targets.data, progress.theta, progress.m, progress.v, Float64Array.of(progress.t), new Float64Array(Math.ceil(train.length / 2))],
      ([Xb, yb, theta, m, v, state, order]) => {
        for (; epoch < epochs; epoch++) {
          const ids = s.shuffle ? shuffled(train, progress.nextRandom) : train;
          new Int32Array(order.values.buffer, order.values.byteOffset, ids.length).set(ids);
          const loss = backend.sgdEpoch(Xb, d, yb, order, ids.length, s.batchSize, theta, params, m, v, state);
          const objective = loss + penaltyOf(theta.values, d, lambda, this.rho);
          if (!Number.isFinite(objective)) {
            throw new RangeError(`SGDRegressor diverged at epoch ${epoch + 1} (loss ${objective}): use a smaller learningRate than ${learningRate}.`);
          }
          if (recordHistory) history.push(objective);
          if (!stopping) continue;
          const score = validation.length > 0 ? heldOutLoss(Xb, yb, d, theta, validation) : objective;
          if (score > best - tol) stale++;
          else stale = 0;
          best = Math.min(best, score);
          if (stale >= s.nIterNoChange) {
            converged = true;
            epoch++;
            break;
          }
        }
        progress.theta.set(theta.values);
        progress.m.set(m.values);
        progress.v.set(v.values);
        progress.t = state.values[0];
      });
    this.progress = progress;
    return {
      coef: progress.theta.slice(0, d), intercepts: Float64Array.of(progress.theta[d]), nFeatures: d, nOutputs: 1,
      history: Float64Array.from(history), nIter: epoch, converged: converged || !stopping, dualGap: Number.NaN,
    };
  }

  /**
   * Where training starts: from zero on fit; for partialFit on a model without progress (restored by fromJSON),
   * from its fitted weights, with fresh moments.
   */
  private startingPoint(d: number): Progress {
    const theta = new Float64Array(d + 1);
    if (!this.restart && this.isFitted && this.nFeatures === d) {
      theta.set(this.coef);
      theta[d] = this.intercept;
    }
    return { theta, m: new Float64Array(d + 1), v: new Float64Array(d + 1), t: 0, nextRandom: mulberry32(this.options.seed) };
  }

  protected override get iterationLimit(): string {
    return `${this.settings.epochs} epochs (raise epochs or tol, or scale the features)`;
  }

  override toJSON(): ModelJSON {
    const json = super.toJSON();
    Object.assign(json.options, this.settings);
    const options = json.options as Record<string, unknown>;
    for (const name of UNUSED) delete options[name];
    return json;
  }
}

function shuffled(rows: number[], next: () => number): number[] {
  const order = rows.slice();
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor((next() / 2 ** 32) * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}

/** lambda (rho ||w||_1 + (1 - rho)/2 ||w||^2) over the first d entries of theta. */
function penaltyOf(theta: Float64Array, d: number, lambda: number, rho: number): number {
  let l1 = 0;
  let l2 = 0;
  for (let j = 0; j < d; j++) {
    l1 += Math.abs(theta[j]);
    l2 += theta[j] * theta[j];
  }
  return lambda * (rho * l1 + 0.5 * (1 - rho) * l2);
}

/** Half the mean squared error on the held-out rows. */
function heldOutLoss(X: F64Block, y: F64Block, d: number, theta: F64Block, rows: number[]): number {
  const w = theta.values.subarray(0, d);
  const b = theta.values[d];
  const data = X.values;
  const targets = y.values;
  let sum = 0;
  for (const i of rows) {
    let fitted = b;
    for (let j = 0; j < d; j++) fitted += data[i * d + j] * w[j];
    sum += (fitted - targets[i]) ** 2;
  }
  return sum / (2 * rows.length);
}
