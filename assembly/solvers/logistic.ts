import { gemv } from "../kernels/gemv";
import { gemvT } from "../kernels/gemv-t";
import { at } from "../kernels/lanes";
import { sumAbs, sumSquares } from "../kernels/sums";
import { stepWeights } from "./gd";

// Penalized logistic regression by first-order methods, and its duality gap. The objective is
//   F(W, b) = (1/n) sum_i s_i loss_i + lambda sum_k (rho ||w_k||_1 + (1 - rho)/2 ||w_k||^2)
// over C weight columns: C = 1 is the binomial model (labels 0 or 1, loss_i = log(1 + e^t) - y t at t = x_i w + b),
// C = K >= 2 the multinomial one (labels 0 .. K-1, loss_i = log sum_k e^{t_k} - t_{y_i}). Blocks are class-major:
// W holds C vectors of cols weights, eta and R hold C vectors of rows values; s holds the row weights.

/** A rise of the objective by less than this fraction is rounding, not a too-long step (as in fista.ts). */
const ROUNDING_MARGIN: f64 = 1e-9;
/** FISTA tests the duality gap every this many iterations (each test costs a pass over X). */
const GAP_EVERY: i32 = 10;
/** The intercept shift of the dual point: Newton iterations at most, and the largest step of one. */
const SHIFT_ITERATIONS: i32 = 100;
const SHIFT_STEP: f64 = 8.0;
const SHIFT_HALVINGS: i32 = 60;
/** The largest |sum_i theta_ik| (relative to the weights' sum) a dual point may keep: above it the gap is +Infinity. */
const SHIFT_FEASIBLE: f64 = 1e-10;

/** Outcomes written to out[2], as gdFit's. */
const CONVERGED: f64 = 0;
const MAX_ITER: f64 = 1;
const DIVERGED: f64 = 2;

// @ts-ignore: decorator
@inline function column(base: usize, k: i32, length: i32): usize {
  return base + ((<usize>k * <usize>length) << 3);
}

/** sigmoid(t) without overflow. */
function sigmoid(t: f64): f64 {
  if (t >= 0) return 1.0 / (1.0 + Math.exp(-t));
  const e = Math.exp(t);
  return e / (1.0 + e);
}

/** log(1 + e^t) without overflow. */
function softplus(t: f64): f64 {
  return max<f64>(t, 0.0) + Math.log1p(Math.exp(-abs<f64>(t)));
}

/** -q log q, 0 at q = 0. */
function entropyTerm(q: f64): f64 {
  return q > 0 ? -q * Math.log(q) : 0.0;
}

/** eta_k = X w_k + b_k for each of the C columns. */
function forward(X: usize, rows: i32, cols: i32, C: i32, W: usize, b: usize, eta: usize): void {
  for (let k = 0; k < C; k++) {
    const e = column(eta, k, rows);
    gemv(X, rows, cols, column(W, k, cols), e);
    const bk = load<f64>(at(b, k));
    for (let i = 0; i < rows; i++) store<f64>(at(e, i), load<f64>(at(e, i)) + bk);
  }
}

/** G_k = X^T R_k for each of the C columns. */
function backward(X: usize, rows: i32, cols: i32, C: i32, R: usize, G: usize): void {
  for (let k = 0; k < C; k++) gemvT(X, rows, cols, column(R, k, rows), column(G, k, cols));
}

/**
 * The probabilities at eta + shift: P (class-major, C vectors) with P_k = sigmoid (C = 1) or the softmax over
 * the C columns of each row.
 */
function probabilities(eta: usize, shift: usize, rows: i32, C: i32, P: usize): void {
  if (C == 1) {
    const d = load<f64>(shift);
    for (let i = 0; i < rows; i++) store<f64>(at(P, i), sigmoid(load<f64>(at(eta, i)) + d));
    return;
  }
  for (let i = 0; i < rows; i++) {
    let top = -Infinity;
    for (let k = 0; k < C; k++) top = max<f64>(top, load<f64>(at(eta, k * rows + i)) + load<f64>(at(shift, k)));
    let total = 0.0;
    for (let k = 0; k < C; k++) {
      const e = Math.exp(load<f64>(at(eta, k * rows + i)) + load<f64>(at(shift, k)) - top);
      store<f64>(at(P, k * rows + i), e);
      total += e;
    }
    for (let k = 0; k < C; k++) store<f64>(at(P, k * rows + i), load<f64>(at(P, k * rows + i)) / total);
  }
}

/** 1 when row i is of class k (C = 1: the label itself), else 0. */
// @ts-ignore: decorator
@inline function indicator(labels: usize, i: i32, k: i32, C: i32): f64 {
  const label = load<f64>(at(labels, i));
  return C == 1 ? label : label == <f64>k ? 1.0 : 0.0;
}

/**
 * The data part (1/n) sum_i s_i loss_i at eta; when R is not 0, also R = s (P - Y) / n (the gradient of the data
 * part with respect to eta).
 */
function lossAndResidual(eta: usize, labels: usize, s: usize, rows: i32, C: i32, R: usize): f64 {
  const n = <f64>rows;
  let loss = 0.0;
  if (C == 1) {
    for (let i = 0; i < rows; i++) {
      const t = load<f64>(at(eta, i));
      const y = load<f64>(at(labels, i));
      const si = load<f64>(at(s, i));
      loss += si * (softplus(t) - y * t);
      if (R != 0) store<f64>(at(R, i), (si * (sigmoid(t) - y)) / n);
    }
    return loss / n;
  }
  for (let i = 0; i < rows; i++) {
    let top = -Infinity;
    for (let k = 0; k < C; k++) top = max<f64>(top, load<f64>(at(eta, k * rows + i)));
    let total = 0.0;
    for (let k = 0; k < C; k++) total += Math.exp(load<f64>(at(eta, k * rows + i)) - top);
    const logZ = top + Math.log(total);
    const label = <i32>load<f64>(at(labels, i));
    const si = load<f64>(at(s, i));
    loss += si * (logZ - load<f64>(at(eta, label * rows + i)));
    if (R != 0) {
      for (let k = 0; k < C; k++) {
        const p = Math.exp(load<f64>(at(eta, k * rows + i)) - logZ);
        store<f64>(at(R, k * rows + i), (si * (p - (k == label ? 1.0 : 0.0))) / n);
      }
    }
  }
  return loss / n;
}

/** lambda (rho ||W||_1 + (1 - rho)/2 ||W||^2) over all C columns. */
function penalty(W: usize, length: i32, lambda: f64, rho: f64): f64 {
  const l1 = lambda * rho;
  const l2 = lambda * (1.0 - rho);
  return (l1 > 0 ? l1 * sumAbs(W, length) : 0.0) + (l2 > 0 ? 0.5 * l2 * sumSquares(W, length) : 0.0);
}

/**
 * Class k's probability after its shift grows by log m, from the current one p: p m / (1 + p (m - 1)) (the softmax's
 * other terms, and the sigmoid's 1 - p, are unchanged).
 */
// @ts-ignore: decorator
@inline function shifted(p: f64, m: f64): f64 {
  return (p * m) / (1.0 + p * (m - 1.0));
}

/**
 * sum_i s_i (P'_k - Y_k) and sum_i s_i P'_k (1 - P'_k) of class k at its probabilities P' after its shift grows by
 * log m (m = 1: the current ones), without exponentials: one pass over the rows.
 */
function classGradient(labels: usize, s: usize, rows: i32, C: i32, k: i32, P: usize, m: f64, out: usize): void {
  let g = 0.0;
  let h = 0.0;
  for (let i = 0; i < rows; i++) {
    const p = shifted(load<f64>(at(P, k * rows + i)), m);
    const si = load<f64>(at(s, i));
    g += si * (p - indicator(labels, i, k, C));
    h += si * p * (1.0 - p);
  }
  store<f64>(out, g);
  store<f64>(out, h, 8);
}

/** Grows class k's shift by log m in the probabilities P: each row's other classes divided by its new normalizer. */
function commitShift(P: usize, rows: i32, C: i32, k: i32, m: f64): void {
  for (let i = 0; i < rows; i++) {
    const p = load<f64>(at(P, k * rows + i));
    const normalizer = 1.0 + p * (m - 1.0);
    for (let j = 0; j < C; j++) {
      if (j != k) store<f64>(at(P, j * rows + i), load<f64>(at(P, j * rows + i)) / normalizer);
    }
    store<f64>(at(P, k * rows + i), (p * m) / normalizer);
  }
}

/**
 * The intercept shift of the dual point: shift_k such that sum_i s_i (P_k - Y_k) = 0 at eta + shift for every k
 * (the dual's constraint sum_i theta_ik = 0 when the intercepts are fitted), by Newton's method class by class,
 * each step halved until it lowers |sum_i s_i (P_k - Y_k)| (the class's gradient is monotone in its shift: a
 * plain Newton step can overshoot and cycle). The probabilities are computed once and then updated by each accepted
 * step (O(n) per trial, O(n C) per step, no exponentials). P is left at the final shift. Returns whether the
 * constraint holds to within SHIFT_FEASIBLE of the weights' sum (else there is no dual point, and no gap).
 */
function interceptShift(eta: usize, labels: usize, s: usize, rows: i32, C: i32, shift: usize, P: usize, gh: usize): bool {
  memory.fill(shift, 0, (<usize>C) << 3);
  let mass = 0.0;
  for (let i = 0; i < rows; i++) mass += load<f64>(at(s, i));
  probabilities(eta, shift, rows, C, P);
  let worst = Infinity;
  for (let iteration = 0; iteration < SHIFT_ITERATIONS && worst > 1e-15 * mass; iteration++) {
    worst = 0.0;
    for (let k = 0; k < C; k++) {
      classGradient(labels, s, rows, C, k, P, 1.0, gh);
      const g = load<f64>(gh);
      const h = load<f64>(gh, 8);
      worst = max<f64>(worst, abs<f64>(g));
      if (!(h > 0) || g == 0) continue;
      let step = min<f64>(max<f64>(g / h, -SHIFT_STEP), SHIFT_STEP);
      for (let halving = 0; halving < SHIFT_HALVINGS; halving++, step *= 0.5) {
        const m = Math.exp(-step);
        classGradient(labels, s, rows, C, k, P, m, gh);
        if (abs<f64>(load<f64>(gh)) < abs<f64>(g)) {
          commitShift(P, rows, C, k, m);
          store<f64>(at(shift, k), load<f64>(at(shift, k)) - step);
          break;
        }
      }
    }
  }
  return worst <= SHIFT_FEASIBLE * mass;
}

/**
 * The duality gap at (W, b) with eta = X W + b and primal objective F. The dual point is theta = c s (Y - P) / n at
 * P = the probabilities of eta shifted so that sum_i theta_ik = 0 (with fitIntercept), c = 1 with a ridge part and
 * c = min(1, lambda rho / max_j |x_j^T theta|) without one (the L1 part's conjugate is the indicator of that box);
 * q = Y + c (P - Y) are then probabilities too and the dual objective is
 *   D = (1/n) sum_i s_i H(q_i) - sum_jk (|x_j^T theta_k| - lambda rho)_+^2 / (2 lambda (1 - rho)),
 * H the entropy (Fercoq, Gramfort & Salmon 2015; the form of celer's and skglm's logistic gap). With positive
 * weights the L1 part's box is one-sided (x_j^T theta <= lambda rho). Without a penalty there is no dual bound: NaN.
 * Q (C x rows), V (C x cols) and shift (C + 2) are scratch.
 */
function gapAt(
  X: usize, rows: i32, cols: i32, C: i32, labels: usize, s: usize, eta: usize, F: f64, lambda: f64, rho: f64,
  positive: bool, fitIntercept: bool, Q: usize, V: usize, shift: usize,
): f64 {
  const l1 = lambda * rho;
  const l2 = lambda * (1.0 - rho);
  if (!(l1 > 0) && !(l2 > 0)) return NaN;
  const n = <f64>rows;
  if (fitIntercept) {
    // shift holds C values and 2 more: classGradient's out.
    if (!interceptShift(eta, labels, s, rows, C, shift, Q, shift + ((<usize>C) << 3))) return Infinity;
  } else {
    memory.fill(shift, 0, (<usize>C) << 3);
    probabilities(eta, shift, rows, C, Q);
  }
  // Q <- s (Y - P) / n: theta before the scaling c; V = X^T theta.
  for (let k = 0; k < C; k++) {
    for (let i = 0; i < rows; i++) {
      const p = at(Q, k * rows + i);
      store<f64>(p, (load<f64>(at(s, i)) * (indicator(labels, i, k, C) - load<f64>(p))) / n);
    }
  }
  backward(X, rows, cols, C, Q, V);
  let c = 1.0;
  if (!(l2 > 0)) {
    let largest = 0.0;
    for (let j = 0; j < C * cols; j++) {
      const v = load<f64>(at(V, j));
      largest = max<f64>(largest, positive ? v : abs<f64>(v));
    }
    if (largest > l1) c = l1 / largest;
  }
  let conjugate = 0.0;
  if (l2 > 0) {
    for (let j = 0; j < C * cols; j++) {
      const v = c * load<f64>(at(V, j));
      const excess = max<f64>((positive ? v : abs<f64>(v)) - l1, 0.0);
      conjugate += (excess * excess) / (2.0 * l2);
    }
  }
  // q = Y + c (P - Y) = Y - c theta n / s, from theta in Q.
  let entropy = 0.0;
  for (let i = 0; i < rows; i++) {
    const si = load<f64>(at(s, i));
    if (!(si > 0)) continue;
    let row = 0.0;
    for (let k = 0; k < C; k++) {
      const q = indicator(labels, i, k, C) - (c * load<f64>(at(Q, k * rows + i)) * n) / si;
      row += C == 1 ? entropyTerm(q) + entropyTerm(1.0 - q) : entropyTerm(q);
    }
    entropy += si * row;
  }
  return F - (entropy / n - conjugate);
}

/**
 * The duality gap of the penalized logistic objective at (W, b) (see gapAt); out = [gap, objective]. eta (C x
 * rows) receives X W + b; Q (C x rows), V (C x cols) and shift (C + 2) are scratch.
 */
export function logisticGap(
  X: usize, rows: i32, cols: i32, C: i32, labels: usize, s: usize, lambda: f64, rho: f64, positive: bool,
  fitIntercept: bool, W: usize, b: usize, eta: usize, Q: usize, V: usize, shift: usize, out: usize,
): void {
  forward(X, rows, cols, C, W, b, eta);
  const F = lossAndResidual(eta, labels, s, rows, C, 0) + penalty(W, C * cols, lambda, rho);
  store<f64>(out, gapAt(X, rows, cols, C, labels, s, eta, F, lambda, rho, positive, fitIntercept, Q, V, shift));
  store<f64>(out, F, 8);
}

/** The scale of the gap's stopping test: the data part at W = 0, b = 0, (1/n) sum_i s_i log(max(C, 2)). */
function nullLoss(s: usize, rows: i32, C: i32): f64 {
  let mass = 0.0;
  for (let i = 0; i < rows; i++) mass += load<f64>(at(s, i));
  return (mass / <f64>rows) * Math.log(<f64>max<i32>(C, 2));
}

/**
 * FISTA with restart (as fista.ts) on the penalized logistic objective, from (W, b) (written in place): the
 * proximal step of length 1/L (L >= the smooth part's Lipschitz constant, halved when a plain step raises the
 * objective), momentum on W, b and eta = X W + b alike (eta is affine in them, so the momentum point's eta needs
 * no pass), restarted when the objective rises (O'Donoghue & Candes 2015). Each iteration: one X^T pass for the
 * gradient at the momentum point, one X pass for eta at the new point. Every GAP_EVERY iterations (and at the
 * last) the duality gap; stop when gap <= tol (1/n) sum_i s_i log max(C, 2). Without a penalty: when the weights settle.
 * Scratch: Wp, Z, G (C x cols), E, Ep, Ez, R (C x rows), bp, bz (C), shift (C + 2), Q (C x rows), V (C x cols).
 * out = [iterations, gap, converged, objective].
 */
export function logisticFista(
  X: usize, rows: i32, cols: i32, C: i32, labels: usize, s: usize, lambda: f64, rho: f64, L: f64, maxIter: i32,
  tol: f64, positive: bool, fitIntercept: bool, W: usize, b: usize,
  Wp: usize, Z: usize, G: usize, E: usize, Ep: usize, Ez: usize, R: usize, bp: usize, bz: usize,
  shift: usize, Q: usize, V: usize, history: usize, historyLength: i32, out: usize,
): void {
  const m = C * cols;
  const weightBytes = (<usize>m) << 3;
  const etaBytes = (<usize>C * <usize>rows) << 3;
  const biasBytes = (<usize>C) << 3;
  const l1 = lambda * rho;
  const l2 = lambda * (1.0 - rho);
  const scale = nullLoss(s, rows, C);
  let step = 1.0 / L;
  forward(X, rows, cols, C, W, b, E);
  let objective = lossAndResidual(E, labels, s, rows, C, 0) + penalty(W, m, lambda, rho);
  memory.copy(Z, W, weightBytes);
  memory.copy(bz, b, biasBytes);
  memory.copy(Ez, E, etaBytes);
  let t = 1.0;
  let plain = true;
  let gap = NaN;
  let iterations = 0;
  let converged = false;
  while (iterations < maxIter) {
    lossAndResidual(Ez, labels, s, rows, C, R);
    backward(X, rows, cols, C, R, G);
    memory.copy(Wp, W, weightBytes);
    memory.copy(bp, b, biasBytes);
    memory.copy(Ep, E, etaBytes);
    const threshold = step * l1;
    for (let j = 0; j < m; j++) {
      const zj = load<f64>(at(Z, j));
      const v = zj - step * (load<f64>(at(G, j)) + l2 * zj);
      store<f64>(at(W, j), positive ? max<f64>(v - threshold, 0.0) : max<f64>(v - threshold, 0.0) + min<f64>(v + threshold, 0.0));
    }
    if (fitIntercept) {
      for (let k = 0; k < C; k++) {
        let total = 0.0;
        const r = column(R, k, rows);
        for (let i = 0; i < rows; i++) total += load<f64>(at(r, i));
        store<f64>(at(b, k), load<f64>(at(bz, k)) - step * total);
      }
    }
    forward(X, rows, cols, C, W, b, E);
    const next = lossAndResidual(E, labels, s, rows, C, 0) + penalty(W, m, lambda, rho);
    if (iterations < historyLength) store<f64>(at(history, iterations), next);
    iterations++;
    if (iterations % GAP_EVERY == 0 || iterations == maxIter) {
      gap = gapAt(X, rows, cols, C, labels, s, E, next, lambda, rho, positive, fitIntercept, Q, V, shift);
      converged = isNaN(gap) ? settled(W, Wp, b, bp, m, C, tol) : gap <= tol * scale;
      if (converged) {
        objective = next;
        break;
      }
    }
    if (next > objective) {
      if (plain && next > objective * (1.0 + ROUNDING_MARGIN)) {
        step *= 0.5;
        memory.copy(W, Wp, weightBytes);
        memory.copy(b, bp, biasBytes);
        memory.copy(E, Ep, etaBytes);
        continue;
      }
      t = 1.0;
      plain = true;
      memory.copy(Z, W, weightBytes);
      memory.copy(bz, b, biasBytes);
      memory.copy(Ez, E, etaBytes);
    } else {
      const tNext = 0.5 * (1.0 + Math.sqrt(1.0 + 4.0 * t * t));
      const momentum = (t - 1.0) / tNext;
      for (let j = 0; j < m; j++) {
        const wj = load<f64>(at(W, j));
        store<f64>(at(Z, j), wj + momentum * (wj - load<f64>(at(Wp, j))));
      }
      for (let k = 0; k < C; k++) {
        const bk = load<f64>(at(b, k));
        store<f64>(at(bz, k), bk + momentum * (bk - load<f64>(at(bp, k))));
      }
      for (let i = 0; i < C * rows; i++) {
        const e = load<f64>(at(E, i));
        store<f64>(at(Ez, i), e + momentum * (e - load<f64>(at(Ep, i))));
      }
      t = tNext;
      plain = momentum == 0;
    }
    objective = next;
  }
  store<f64>(out, <f64>iterations);
  store<f64>(out, gap, 8);
  store<f64>(out, converged ? 1.0 : 0.0, 16);
  store<f64>(out, objective, 24);
}

/** max |change| of the weights and intercepts <= tol max |weight|: the stop without a dual bound. */
function settled(W: usize, Wp: usize, b: usize, bp: usize, m: i32, C: i32, tol: f64): bool {
  let change = 0.0;
  let size = 0.0;
  for (let j = 0; j < m; j++) {
    change = max<f64>(change, abs<f64>(load<f64>(at(W, j)) - load<f64>(at(Wp, j))));
    size = max<f64>(size, abs<f64>(load<f64>(at(W, j))));
  }
  for (let k = 0; k < C; k++) {
    change = max<f64>(change, abs<f64>(load<f64>(at(b, k)) - load<f64>(at(bp, k))));
    size = max<f64>(size, abs<f64>(load<f64>(at(b, k))));
  }
  return change <= tol * size;
}

/**
 * The seed's gradient-descent loop with the log-loss gradient, from W = 0, b = 0: each iteration the objective
 * (appended to history), stop when |previous - objective| < tol (at once when it is not finite), then
 * W -= learningRate (X^T R + dP/dW) by gdFit's clip rule (stepWeights: a weight crossing zero stops at 0) and
 * b -= learningRate sum_i R_i. Then the duality gap at the result. Scratch: G (C x cols), E, R (C x rows),
 * shift (C + 2), Q (C x rows), V (C x cols). out = [iterations, gap, outcome, objective].
 */
export function logisticGd(
  X: usize, rows: i32, cols: i32, C: i32, labels: usize, s: usize, lambda: f64, rho: f64, learningRate: f64,
  maxIter: i32, tol: f64, fitIntercept: bool, W: usize, b: usize,
  G: usize, E: usize, R: usize, shift: usize, Q: usize, V: usize, history: usize, historyLength: i32, out: usize,
): void {
  const m = C * cols;
  memory.fill(W, 0, (<usize>m) << 3);
  memory.fill(b, 0, (<usize>C) << 3);
  let previous = Infinity;
  let outcome = MAX_ITER;
  let iterations = 0;
  let objective = NaN;
  while (iterations < maxIter) {
    forward(X, rows, cols, C, W, b, E);
    objective = lossAndResidual(E, labels, s, rows, C, R) + penalty(W, m, lambda, rho);
    if (iterations < historyLength) store<f64>(at(history, iterations), objective);
    iterations++;
    if (!isFinite(objective)) {
      outcome = DIVERGED;
      break;
    }
    if (abs<f64>(previous - objective) < tol) {
      outcome = CONVERGED;
      break;
    }
    previous = objective;
    backward(X, rows, cols, C, R, G);
    stepWeights(W, G, m, lambda, rho, learningRate);
    if (fitIntercept) {
      for (let k = 0; k < C; k++) {
        let total = 0.0;
        const r = column(R, k, rows);
        for (let i = 0; i < rows; i++) total += load<f64>(at(r, i));
        store<f64>(at(b, k), load<f64>(at(b, k)) - learningRate * total);
      }
    }
  }
  // The objective and the gap at the weights returned (after maxIter the last step has no eta yet).
  let gap = NaN;
  if (outcome != DIVERGED) {
    forward(X, rows, cols, C, W, b, E);
    objective = lossAndResidual(E, labels, s, rows, C, 0) + penalty(W, m, lambda, rho);
    gap = gapAt(X, rows, cols, C, labels, s, E, objective, lambda, rho, false, fitIntercept, Q, V, shift);
  }
  store<f64>(out, <f64>iterations);
  store<f64>(out, gap, 8);
  store<f64>(out, outcome, 16);
  store<f64>(out, objective, 24);
}
