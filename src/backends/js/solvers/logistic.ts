// Penalized logistic regression by FISTA and by the seed's gradient descent, and its duality gap: the twin of
// assembly/solvers/logistic.ts (the objective, the class-major layout and the gap are described there).

import type { LogisticGapResult, LogisticLoopResult, LogisticParams } from "../../contract.js";
import { gemv } from "../kernels/gemv.js";
import { gemvT } from "../kernels/gemv-t.js";
import { sumAbs, sumSquares } from "../kernels/sums.js";
import { stepWeights } from "./gd.js";

/** A rise of the objective by less than this fraction is rounding, not a too-long step (as in fista.ts). */
const ROUNDING_MARGIN = 1e-9;
/** FISTA tests the duality gap every this many iterations (each test costs a pass over X). */
const GAP_EVERY = 10;
/** The intercept shift of the dual point: Newton iterations at most, and the largest step of one. */
const SHIFT_ITERATIONS = 100;
const SHIFT_STEP = 8;
const SHIFT_HALVINGS = 60;
/** The largest |sum_i theta_ik| (relative to the weights' sum) a dual point may keep: above it the gap is +Infinity. */
const SHIFT_FEASIBLE = 1e-10;

/** The resident problem: X (rows x cols), labels (class indices, or 0/1 for C = 1), row weights s, C columns. */
export interface LogisticData {
  X: Float64Array;
  rows: number;
  cols: number;
  C: number;
  labels: Float64Array;
  s: Float64Array;
}

function sigmoid(t: number): number {
  if (t >= 0) return 1 / (1 + Math.exp(-t));
  const e = Math.exp(t);
  return e / (1 + e);
}

function softplus(t: number): number {
  return Math.max(t, 0) + Math.log1p(Math.exp(-Math.abs(t)));
}

/** -q log q, 0 at q = 0. */
function entropyTerm(q: number): number {
  return q > 0 ? -q * Math.log(q) : 0;
}

const columnOf = (block: Float64Array, k: number, length: number) => block.subarray(k * length, (k + 1) * length);

function indicator({ labels, C }: LogisticData, i: number, k: number): number {
  return C === 1 ? labels[i] : labels[i] === k ? 1 : 0;
}

/** eta_k = X w_k + b_k for each column. */
function forward({ X, rows, cols, C }: LogisticData, W: Float64Array, b: Float64Array, eta: Float64Array): void {
  for (let k = 0; k < C; k++) {
    const e = columnOf(eta, k, rows);
    gemv(X, rows, cols, columnOf(W, k, cols), e);
    for (let i = 0; i < rows; i++) e[i] += b[k];
  }
}

/** G_k = X^T R_k for each column. */
function backward({ X, rows, cols, C }: LogisticData, R: Float64Array, G: Float64Array): void {
  for (let k = 0; k < C; k++) gemvT(X, rows, cols, columnOf(R, k, rows), columnOf(G, k, cols));
}

/** The probabilities at eta + shift (sigmoid for C = 1, the softmax over the columns otherwise). */
function probabilities({ rows, C }: LogisticData, eta: Float64Array, shift: Float64Array, P: Float64Array): void {
  if (C === 1) {
    for (let i = 0; i < rows; i++) P[i] = sigmoid(eta[i] + shift[0]);
    return;
  }
  for (let i = 0; i < rows; i++) {
    let top = -Infinity;
    for (let k = 0; k < C; k++) top = Math.max(top, eta[k * rows + i] + shift[k]);
    let total = 0;
    for (let k = 0; k < C; k++) {
      const e = Math.exp(eta[k * rows + i] + shift[k] - top);
      P[k * rows + i] = e;
      total += e;
    }
    for (let k = 0; k < C; k++) P[k * rows + i] /= total;
  }
}

/** The data part (1/n) sum_i s_i loss_i at eta, and R = s (P - Y) / n when R is given. */
function lossAndResidual(data: LogisticData, eta: Float64Array, R: Float64Array | null): number {
  const { rows, C, labels, s } = data;
  let loss = 0;
  if (C === 1) {
    for (let i = 0; i < rows; i++) {
      const t = eta[i];
      loss += s[i] * (softplus(t) - labels[i] * t);
      if (R) R[i] = (s[i] * (sigmoid(t) - labels[i])) / rows;
    }
    return loss / rows;
  }
  for (let i = 0; i < rows; i++) {
    let top = -Infinity;
    for (let k = 0; k < C; k++) top = Math.max(top, eta[k * rows + i]);
    let total = 0;
    for (let k = 0; k < C; k++) total += Math.exp(eta[k * rows + i] - top);
    const logZ = top + Math.log(total);
    const label = labels[i];
    loss += s[i] * (logZ - eta[label * rows + i]);
    if (R) for (let k = 0; k < C; k++) R[k * rows + i] = (s[i] * (Math.exp(eta[k * rows + i] - logZ) - (k === label ? 1 : 0))) / rows;
  }
  return loss / rows;
}

/** lambda (rho ||W||_1 + (1 - rho)/2 ||W||^2). */
function penalty(W: Float64Array, lambda: number, rho: number): number {
  const l1 = lambda * rho;
  const l2 = lambda * (1 - rho);
  return (l1 > 0 ? l1 * sumAbs(W) : 0) + (l2 > 0 ? 0.5 * l2 * sumSquares(W) : 0);
}

/** Class k's probability after its shift grows by log m, from the current one p. */
const shifted = (p: number, m: number) => (p * m) / (1 + p * (m - 1));

/** sum_i s_i (P'_k - Y_k) and sum_i s_i P'_k (1 - P'_k) of class k after its shift grows by log m (m = 1: now). */
function classGradient(data: LogisticData, k: number, P: Float64Array, m: number): [number, number] {
  const { rows, s } = data;
  let [g, h] = [0, 0];
  for (let i = 0; i < rows; i++) {
    const p = shifted(P[k * rows + i], m);
    g += s[i] * (p - indicator(data, i, k));
    h += s[i] * p * (1 - p);
  }
  return [g, h];
}

/** Grows class k's shift by log m in P: each row's other classes divided by its new normalizer. */
function commitShift({ rows, C }: LogisticData, P: Float64Array, k: number, m: number): void {
  for (let i = 0; i < rows; i++) {
    const p = P[k * rows + i];
    const normalizer = 1 + p * (m - 1);
    for (let j = 0; j < C; j++) if (j !== k) P[j * rows + i] /= normalizer;
    P[k * rows + i] = (p * m) / normalizer;
  }
}

/**
 * The shift of eta making sum_i s_i (P_k - Y_k) = 0 for every k, by Newton's method class by class, each step
 * halved until it lowers |g_k|, P updated by each accepted step (see assembly/solvers/logistic.ts); P left at it. Whether the constraint holds to SHIFT_FEASIBLE of the weights' sum.
 */
function interceptShift(data: LogisticData, eta: Float64Array, shift: Float64Array, P: Float64Array): boolean {
  const { rows, C, s } = data;
  shift.fill(0);
  let mass = 0;
  for (let i = 0; i < rows; i++) mass += s[i];
  probabilities(data, eta, shift, P);
  let worst = Infinity;
  for (let iteration = 0; iteration < SHIFT_ITERATIONS && worst > 1e-15 * mass; iteration++) {
    worst = 0;
    for (let k = 0; k < C; k++) {
      const [g, h] = classGradient(data, k, P, 1);
      worst = Math.max(worst, Math.abs(g));
      if (!(h > 0) || g === 0) continue;
      let step = Math.min(Math.max(g / h, -SHIFT_STEP), SHIFT_STEP);
      for (let halving = 0; halving < SHIFT_HALVINGS; halving++, step *= 0.5) {
        const m = Math.exp(-step);
        if (Math.abs(classGradient(data, k, P, m)[0]) < Math.abs(g)) {
          commitShift(data, P, k, m);
          shift[k] -= step;
          break;
        }
      }
    }
  }
  return worst <= SHIFT_FEASIBLE * mass;
}

/** The duality gap at eta = X W + b with primal objective F (see assembly/solvers/logistic.ts). */
function gapAt(data: LogisticData, eta: Float64Array, F: number, params: LogisticParams): number {
  const { rows, cols, C, s } = data;
  const { lambda, rho, positive, fitIntercept } = params;
  const l1 = lambda * rho;
  const l2 = lambda * (1 - rho);
  if (!(l1 > 0) && !(l2 > 0)) return Number.NaN;
  const Q = new Float64Array(C * rows);
  const V = new Float64Array(C * cols);
  const shift = new Float64Array(C);
  if (fitIntercept) {
    if (!interceptShift(data, eta, shift, Q)) return Infinity;
  } else probabilities(data, eta, shift, Q);
  for (let k = 0; k < C; k++) for (let i = 0; i < rows; i++) Q[k * rows + i] = (s[i] * (indicator(data, i, k) - Q[k * rows + i])) / rows;
  backward(data, Q, V);
  let c = 1;
  if (!(l2 > 0)) {
    let largest = 0;
    for (const v of V) largest = Math.max(largest, positive ? v : Math.abs(v));
    if (largest > l1) c = l1 / largest;
  }
  let conjugate = 0;
  if (l2 > 0) {
    for (const value of V) {
      const v = c * value;
      const excess = Math.max((positive ? v : Math.abs(v)) - l1, 0);
      conjugate += (excess * excess) / (2 * l2);
    }
  }
  let entropy = 0;
  for (let i = 0; i < rows; i++) {
    if (!(s[i] > 0)) continue;
    let row = 0;
    for (let k = 0; k < C; k++) {
      const q = indicator(data, i, k) - (c * Q[k * rows + i] * rows) / s[i];
      row += C === 1 ? entropyTerm(q) + entropyTerm(1 - q) : entropyTerm(q);
    }
    entropy += s[i] * row;
  }
  return F - (entropy / rows - conjugate);
}

/** The duality gap and the objective at (W, b). */
export function logisticGap(data: LogisticData, params: LogisticParams, W: Float64Array, b: Float64Array): LogisticGapResult {
  const eta = new Float64Array(data.C * data.rows);
  forward(data, W, b, eta);
  const objective = lossAndResidual(data, eta, null) + penalty(W, params.lambda, params.rho);
  return { gap: gapAt(data, eta, objective, params), objective };
}

/** (1/n) sum_i s_i log max(C, 2): the gap's scale. */
function nullLoss({ rows, C, s }: LogisticData): number {
  let mass = 0;
  for (let i = 0; i < rows; i++) mass += s[i];
  return (mass / rows) * Math.log(Math.max(C, 2));
}

/** max |change| of the weights and intercepts <= tol max |weight|. */
function settled(W: Float64Array, Wp: Float64Array, b: Float64Array, bp: Float64Array, tol: number): boolean {
  let [change, size] = [0, 0];
  W.forEach((w, j) => ([change, size] = [Math.max(change, Math.abs(w - Wp[j])), Math.max(size, Math.abs(w))]));
  b.forEach((v, k) => ([change, size] = [Math.max(change, Math.abs(v - bp[k])), Math.max(size, Math.abs(v))]));
  return change <= tol * size;
}

/** b_k -= rate sum_i R_ik, from `from`. */
function interceptStep(data: LogisticData, R: Float64Array, from: Float64Array, rate: number, b: Float64Array): void {
  for (let k = 0; k < data.C; k++) {
    let total = 0;
    for (const r of columnOf(R, k, data.rows)) total += r;
    b[k] = from[k] - rate * total;
  }
}

/** FISTA with restart from (W, b), written in place (see assembly/solvers/logistic.ts). */
export function logisticFista(
  data: LogisticData, params: LogisticParams & { L: number }, W: Float64Array, b: Float64Array, history: Float64Array | null,
): LogisticLoopResult {
  const { rows, cols, C } = data;
  const { lambda, rho, L, maxIter, tol, positive, fitIntercept } = params;
  const l1 = lambda * rho;
  const l2 = lambda * (1 - rho);
  const scale = nullLoss(data);
  let step = 1 / L;
  const [G, Wp] = [new Float64Array(C * cols), new Float64Array(C * cols)];
  const [E, Ep, R] = [new Float64Array(C * rows), new Float64Array(C * rows), new Float64Array(C * rows)];
  const bp = new Float64Array(C);
  forward(data, W, b, E);
  let objective = lossAndResidual(data, E, null) + penalty(W, lambda, rho);
  const Z = W.slice();
  const bz = b.slice();
  const Ez = E.slice();
  let t = 1;
  let plain = true;
  let gap = Number.NaN;
  let nIter = 0;
  let converged = false;
  while (nIter < maxIter) {
    lossAndResidual(data, Ez, R);
    backward(data, R, G);
    Wp.set(W);
    bp.set(b);
    Ep.set(E);
    const threshold = step * l1;
    for (let j = 0; j < C * cols; j++) {
      const v = Z[j] - step * (G[j] + l2 * Z[j]);
      W[j] = positive ? Math.max(v - threshold, 0) : Math.max(v - threshold, 0) + Math.min(v + threshold, 0);
    }
    if (fitIntercept) interceptStep(data, R, bz, step, b);
    forward(data, W, b, E);
    const next = lossAndResidual(data, E, null) + penalty(W, lambda, rho);
    if (history && nIter < history.length) history[nIter] = next;
    nIter++;
    if (nIter % GAP_EVERY === 0 || nIter === maxIter) {
      gap = gapAt(data, E, next, params);
      converged = Number.isNaN(gap) ? settled(W, Wp, b, bp, tol) : gap <= tol * scale;
      if (converged) {
        objective = next;
        break;
      }
    }
    if (next > objective) {
      if (plain && next > objective * (1 + ROUNDING_MARGIN)) {
        step *= 0.5;
        W.set(Wp);
        b.set(bp);
        E.set(Ep);
        continue;
      }
      t = 1;
      plain = true;
      Z.set(W);
      bz.set(b);
      Ez.set(E);
    } else {
      const tNext = 0.5 * (1 + Math.sqrt(1 + 4 * t * t));
      const momentum = (t - 1) / tNext;
      for (let j = 0; j < C * cols; j++) Z[j] = W[j] + momentum * (W[j] - Wp[j]);
      for (let k = 0; k < C; k++) bz[k] = b[k] + momentum * (b[k] - bp[k]);
      for (let i = 0; i < C * rows; i++) Ez[i] = E[i] + momentum * (E[i] - Ep[i]);
      t = tNext;
      plain = momentum === 0;
    }
    objective = next;
  }
  return { nIter, gap, outcome: converged ? "converged" : "maxIter", objective };
}

/** The seed's gradient descent with the log-loss gradient from W = 0, b = 0 (see assembly/solvers/logistic.ts). */
export function logisticGd(
  data: LogisticData, params: LogisticParams & { learningRate: number }, W: Float64Array, b: Float64Array,
  history: Float64Array | null,
): LogisticLoopResult {
  const { rows, cols, C } = data;
  const { lambda, rho, learningRate, maxIter, tol, fitIntercept } = params;
  W.fill(0, 0, C * cols);
  b.fill(0, 0, C);
  const G = new Float64Array(C * cols);
  const [E, R] = [new Float64Array(C * rows), new Float64Array(C * rows)];
  let previous = Infinity;
  let outcome: LogisticLoopResult["outcome"] = "maxIter";
  let nIter = 0;
  let objective = Number.NaN;
  while (nIter < maxIter) {
    forward(data, W, b, E);
    objective = lossAndResidual(data, E, R) + penalty(W, lambda, rho);
    if (history && nIter < history.length) history[nIter] = objective;
    nIter++;
    if (!Number.isFinite(objective)) {
      outcome = "diverged";
      break;
    }
    if (Math.abs(previous - objective) < tol) {
      outcome = "converged";
      break;
    }
    previous = objective;
    backward(data, R, G);
    stepWeights(W.subarray(0, C * cols), G, lambda, rho, learningRate);
    if (fitIntercept) interceptStep(data, R, b, learningRate, b);
  }
  let gap = Number.NaN;
  if (outcome !== "diverged") {
    const at = logisticGap(data, { ...params, positive: false }, W, b);
    [gap, objective] = [at.gap, at.objective];
  }
  return { nIter, gap, outcome, objective };
}
