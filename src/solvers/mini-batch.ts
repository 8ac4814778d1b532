// Mini-batch training of the seed's objective with SGD, Adam or AdamW: each epoch runs whole in the backend;
// between epochs, the stopping rule on the training or a held-out loss (scikit-learn's SGDRegressor rule).

import type { F64Block } from "../backend.js";
import { shuffled } from "../backends/random.js";
import { DivergedError } from "../errors.js";
import { solver } from "./solver.js";

/** Training state carried between fits (partialFit): weights and bias, Adam's moments, step count, random stream. */
export interface SgdProgress {
  theta: Float64Array;
  m: Float64Array;
  v: Float64Array;
  t: number;
  nextRandom: () => number;
}

/** Plain SGD steps the L2 part by learningRate lambda (1 - rho); Adam's steps are normalized, so that bound is not its. */
const divergenceContext = (p: SgdRunParams) => (p.optimizer === "sgd" ? { ridgeWeight: p.lambda * (1 - p.rho) } : {});

export interface SgdRunParams {
  owner: string;
  lambda: number;
  rho: number;
  learningRate: number;
  tol: number;
  fitIntercept: boolean;
  optimizer: "sgd" | "adam" | "adamw";
  beta1: number;
  beta2: number;
  eps: number;
  batchSize: number;
  /** Epochs at most. */
  epochs: number;
  shuffle: boolean;
  earlyStopping: boolean;
  validationFraction: number;
  nIterNoChange: number;
  /** Apply the stopping rule (fit), or run every epoch (partialFit). */
  stopping: boolean;
  /** Where training starts; updated in place when the run succeeds. */
  progress: SgdProgress;
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

/** How far above its first epoch a loss that only rises must end for the run to count as diverged. */
const DIVERGED_RATIO = 100;

/** Rows held out for early stopping: ceil(fraction n), at least one (scikit-learn's rule). */
export function heldOutRows(n: number, fraction: number): number {
  return Math.max(1, Math.ceil(fraction * n));
}

export const miniBatch = solver<SgdRunParams>({
  multiOutput: false,
  fromStatistics: false,
  weighted: false,
  scaleFree: false,
  iterative: true,
  iterations: (params) => params.epochs,
  solve({ backend, data, params: p, history, scope }) {
    const { n, d } = data;
    const { X, Y } = data.uncentered();
    const progress = p.progress;
    const all = Array.from({ length: n }, (_, i) => i);
    const split = p.earlyStopping && p.stopping;
    const shuffledRows = split ? shuffled(all, progress.nextRandom) : all;
    const held = split ? heldOutRows(n, p.validationFraction) : 0;
    const train = shuffledRows.slice(0, n - held);
    const validation = shuffledRows.slice(n - held);
    const epochParams = {
      optimizer: p.optimizer, lr: p.learningRate, beta1: p.beta1, beta2: p.beta2, eps: p.eps, lambda: p.lambda, rho: p.rho,
      fitIntercept: p.fitIntercept,
    };
    const [theta, m, v, state] = [progress.theta, progress.m, progress.v, Float64Array.of(progress.t)].map((a) => scope.fromArray(a));
    const order = scope.alloc(Math.ceil(train.length / 2));
    let best = Infinity;
    let first = Number.NaN;
    let previous = Infinity;
    let rising = 0;
    let stale = 0;
    let converged = false;
    let epoch = 0;
    for (; epoch < p.epochs; epoch++) {
      const ids = p.shuffle ? shuffled(train, progress.nextRandom) : train;
      new Int32Array(order.values.buffer, order.values.byteOffset, ids.length).set(ids);
      const loss = backend.sgdEpoch(X, d, Y, order, ids.length, p.batchSize, theta, epochParams, m, v, state);
      const objective = loss + penaltyOf(theta.values, d, p.lambda, p.rho);
      if (!Number.isFinite(objective)) {
        throw new DivergedError(p.owner, objective, epoch + 1, p.learningRate, "epoch", divergenceContext(p));
      }
      if (history && epoch < history.length) history.values[epoch] = objective;
      if (!p.stopping) continue;
      const score = validation.length > 0 ? heldOutLoss(X, Y, d, theta, validation) : objective;
      stale = score > best - p.tol ? stale + 1 : 0;
      best = Math.min(best, score);
      rising = score > previous ? rising + 1 : 0;
      previous = score;
      if (epoch === 0) first = score;
      if (stale >= p.nIterNoChange) {
        // A loss that rose in every epoch without improvement, to far above where it started, is divergence still
        // finite (too large a learningRate): stopping there would report a useless model as converged.
        if (rising >= p.nIterNoChange && score > DIVERGED_RATIO * first) {
          throw new DivergedError(p.owner, score, epoch + 1, p.learningRate, "epoch", divergenceContext(p));
        }
        converged = true;
        epoch++;
        break;
      }
    }
    progress.theta.set(theta.values);
    progress.m.set(m.values);
    progress.v.set(v.values);
    progress.t = state.values[0];
    return {
      w: progress.theta.slice(0, d), intercepts: Float64Array.of(progress.theta[d]), nIter: epoch,
      converged: converged || !p.stopping, dualGap: Number.NaN,
    };
  },
});
