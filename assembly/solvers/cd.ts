import { axpy } from "../kernels/axpy";
import { dot } from "../kernels/dot";
import { at, laneSum, madd } from "../kernels/lanes";
import { sumAbs, sumSquares } from "../kernels/sums";
import { dualNorms, dualNormsOf, elasticNetGap, l1Weight, l2Weight, weighted } from "./duality-gap";
import { nextRandom, randomIndex } from "./random";
import {
  chooseWorkingSet, dualScaleOf, epochsEnd, firstSetSize, indexAt, INNER_GAP_RATIO, movableCount, nextSetSize, safeRadius,
  testsGap,
} from "./working-set";

// Coordinate descent for the elastic net (Friedman, Hastie & Tibshirani 2010, "Regularization Paths for
// Generalized Linear Models via Coordinate Descent"; scikit-learn's cd_fast.pyx), on centered data. The entry
// points take the penalty as FISTA, GD and SGD do, lambda (rho ||w||_1 + (1 - rho)/2 ||w||^2) on the objective
// divided by n, and work on the unscaled objective (1/2)||y - X w||^2 + alpha ||w||_1 + (beta/2)||w||^2,
// alpha = n (lambda rho), beta = n (lambda (1 - rho)) (either may overflow to infinity for a lambda near the
// largest double: the update then gives 0, and a zero norm times it counts 0). One coordinate update:
//   z_j = x_j^T r + ||x_j||^2 w_j,   w_j <- S(z_j, alpha) / (||x_j||^2 + beta)   (0 if positive and z_j < 0)
// An epoch visits every coordinate once (in order, or drawn at random). After an epoch whose largest weight
// change is <= tol * largest weight (or the last one) the duality gap is computed; the fit stops once
// gap <= tol * ||y||^2. Both entry points start from the w they are given (warm starts) and write
// out = [epochs, gap / n, converged], and history[epoch] = the objective divided by n, for epoch < historyLength.

/** S(z, t) = sign(z) max(|z| - t, 0). */
// @ts-ignore: decorator
@inline function shrink(z: f64, t: f64): f64 {
  return max<f64>(z - t, 0.0) + min<f64>(z + t, 0.0);
}

/** The new value of one coordinate. */
// @ts-ignore: decorator
@inline function coordinate(z: f64, norm: f64, alpha: f64, beta: f64, positive: bool): f64 {
  if (positive && z < 0) return 0.0;
  return shrink(z, alpha) / (norm + beta);
}

function finish(out: usize, epochs: i32, gap: f64, n: f64, converged: bool): void {
  store<f64>(out, <f64>epochs);
  store<f64>(out, gap / n, 8);
  store<f64>(out, converged ? 1.0 : 0.0, 16);
}

/**
 * Covariance mode (glmnet), for n > d: works on G = X^T X (d x d), q = X^T y and yy = ||y||^2 only, keeping
 * h = q - G w = X^T r, so a changed coordinate costs O(d) (h -= G_j delta).
 * With an L1 part the epochs run on working sets as residual mode's do (see there), each one packed: G_WW, q_W,
 * h_W and w_W copied into `packed` so that a changed coordinate costs O(|W|); after its epochs h = q - G w is
 * formed again over every coordinate for the full gap. A set of more than half the coordinates, of more than
 * MAX_PACKED or of all that can move is not packed: the epochs then run on G itself, those of the plain method.
 * ws (d i32), values (d), diag (d) and packed (m^2 + 3m values, m = min(d / 2, MAX_PACKED)) are scratch;
 * scratch: 2 values.
 */
export function cdGram(
  G: usize, q: usize, yy: f64, d: i32, n: f64, lambda: f64, rho: f64, lambdaPrev: f64, maxIter: i32, tol: f64,
  positive: bool, random: bool, rng: usize, w: usize, h: usize, ws: usize, values: usize, diag: usize, packed: usize,
  scratch: usize, history: usize, historyLength: i32, out: usize,
): void {
  const alpha = l1Weight(n, lambda, rho);
  const beta = l2Weight(n, lambda, rho);
  residuals(G, q, w, d, h);
  for (let j = 0; j < d; j++) store<f64>(at(diag, j), load<f64>(at(G, j * d + j)));
  const movable = movableCount(w, diag, d);
  finish(out, 0, NaN, 1.0, false);
  let fullGap = gramGap(q, h, w, d, yy, alpha, beta, positive, scratch);
  let dualScale = dualScaleOf(load<f64>(scratch), alpha);
  let size = firstSetSize(alpha, l1Weight(n, lambdaPrev, rho), h, w, diag, d, positive);
  while (true) {
    const m = chooseWorkingSet(h, w, diag, d, alpha, positive, size, ws, values, safeRadius(fullGap, yy), dualScale, beta);
    if (m == movable || 2 * m > d || m > MAX_PACKED) {
      gramEpochs(G, q, h, w, d, true, 0, yy, n, alpha, beta, maxIter, tol, positive, random, rng, history, historyLength, scratch, out);
      break;
    }
    // The set's problem: G_WW, q_W, h_W (= q_W - G_WW w_W: w is 0 off the set) and w_W, packed.
    const packedQ = packed + ((<usize>m * <usize>m) << 3);
    const packedH = packedQ + ((<usize>m) << 3);
    const packedW = packedH + ((<usize>m) << 3);
    for (let a = 0; a < m; a++) {
      const j = load<i32>(indexAt(ws, a));
      for (let b = 0; b < m; b++) store<f64>(at(packed, a * m + b), load<f64>(at(G, j * d + load<i32>(indexAt(ws, b)))));
      store<f64>(at(packedQ, a), load<f64>(at(q, j)));
      store<f64>(at(packedH, a), load<f64>(at(h, j)));
      store<f64>(at(packedW, a), load<f64>(at(w, j)));
    }
    const target = max<f64>(tol * yy, INNER_GAP_RATIO * fullGap);
    gramEpochs(packed, packedQ, packedH, packedW, m, false, target, yy, n, alpha, beta, maxIter, tol, positive, random, rng,
      history, historyLength, scratch, out);
    for (let a = 0; a < m; a++) store<f64>(at(w, load<i32>(indexAt(ws, a))), load<f64>(at(packedW, a)));
    residuals(G, q, w, d, h);
    const gap = gramGap(q, h, w, d, yy, alpha, beta, positive, scratch);
    const converged = gap <= tol * yy;
    const epochs = <i32>load<f64>(out);
    finish(out, epochs, gap, 1.0, converged);
    if (converged || epochs >= maxIter) break;
    fullGap = gap;
    dualScale = dualScaleOf(load<f64>(scratch), alpha);
    size = nextSetSize(w, d, size);
  }
  store<f64>(out, load<f64>(out, 8) / n, 8);
}

/** The largest working set covariance mode packs (2 MB). */
const MAX_PACKED = 512;

/** h = q - G w over every coordinate. */
function residuals(G: usize, q: usize, w: usize, d: i32, h: usize): void {
  const rowBytes = (<usize>d) << 3;
  for (let j = 0; j < d; j++) store<f64>(at(h, j), load<f64>(at(q, j)) - dot(G + <usize>j * rowBytes, w, d));
}

/** The duality gap at w from q and h = q - G w, for any problem in covariance form (the whole one, or a set's). */
function gramGap(q: usize, h: usize, w: usize, d: i32, yy: f64, alpha: f64, beta: f64, positive: bool, scratch: usize): f64 {
  // ||r||^2 = yy - 2 w.q + w.G w = yy - w.q - w.h, since G w = q - h.
  const wq = dot(w, q, d);
  dualNorms(h, w, d, beta, positive, scratch);
  return elasticNetGap(yy - wq - dot(w, h, d), yy - wq, load<f64>(scratch), load<f64>(scratch, 8), sumAbs(w, d),
    sumSquares(w, d), alpha, beta);
}

/**
 * Epochs of covariance mode on a problem (G m x m, q, h = q - G w, w), counted on from out = [epochs, gap,
 * converged] (the gap not yet divided by n), until the count reaches maxIter or: for the whole problem
 * (complete), its gap meets tol (tested once the largest weight change is small, as scikit-learn does); for a
 * working set's, its gap falls to `target` (tested then, and every GAP_EVERY epochs).
 */
function gramEpochs(
  G: usize, q: usize, h: usize, w: usize, m: i32, complete: bool, target: f64, yy: f64, n: f64, alpha: f64, beta: f64,
  maxIter: i32, tol: f64, positive: bool, random: bool, rng: usize, history: usize, historyLength: i32, scratch: usize,
  out: usize,
): void {
  const rowBytes = (<usize>m) << 3;
  let epochs = <i32>load<f64>(out);
  let inner = 0;
  while (epochs < maxIter) {
    let wMax = 0.0;
    let dwMax = 0.0;
    for (let f = 0; f < m; f++) {
      const j = random ? randomIndex(nextRandom(rng), m) : f;
      const norm = load<f64>(at(G, j * m + j));
      if (norm == 0) continue;
      const wj = load<f64>(at(w, j));
      const next = coordinate(load<f64>(at(h, j)) + norm * wj, norm, alpha, beta, positive);
      if (next != wj) {
        axpy(wj - next, G + <usize>j * rowBytes, h, m);
        store<f64>(at(w, j), next);
      }
      dwMax = max<f64>(dwMax, abs<f64>(next - wj));
      wMax = max<f64>(wMax, abs<f64>(next));
    }
    epochs++;
    inner++;
    const wq = dot(w, q, m);
    const rNorm2 = yy - wq - dot(w, h, m);
    const l1 = sumAbs(w, m);
    const w2 = sumSquares(w, m);
    if (epochs <= historyLength) store<f64>(at(history, epochs - 1), (0.5 * rNorm2 + weighted(alpha, l1) + 0.5 * weighted(beta, w2)) / n);
    const settled = wMax == 0 || dwMax <= tol * wMax;
    if (testsGap(settled, epochs, maxIter, complete, inner)) {
      dualNorms(h, w, m, beta, positive, scratch);
      const gap = elasticNetGap(rNorm2, yy - wq, load<f64>(scratch), load<f64>(scratch, 8), l1, w2, alpha, beta);
      const done = epochsEnd(gap, complete, settled, tol, yy, target);
      if (complete) finish(out, epochs, gap, 1.0, done);
      if (done) break;
    }
  }
  store<f64>(out, <f64>epochs);
}

/**
 * Residual mode, for d >= n: works on the columns of X (Xt, d x n row-major: column j is contiguous) and keeps
 * r = y - X w, so a coordinate costs two passes over its column (x_j^T r, then r -= x_j delta).
 * With an L1 part the epochs run on a working set (celer and skglm: Massias et al. 2018, Bertrand et al. 2022):
 * the support and the zero coordinates closest to entering it (chooseWorkingSet), workingSetSize of them.
 * Epochs sweep the set until its own duality gap is below INNER_GAP_RATIO times the full one (tested as above,
 * and every GAP_EVERY epochs); then one pass g = X^T r over every column gives the full gap, the stopping rule.
 * Until it holds the set is chosen again from g, at least twice as large as the last. Without an L1 part every
 * coordinate is in the set (but, when positive, those the gap-safe rule proves stay 0) and the epochs are those of
 * the plain method.
 * A fit is driven from outside so that the full passes can run on the core's threads: cdResidualBegin, then
 * cdCorrelations over every column unless g is known, then cdResidualRound until it returns 0, with
 * cdCorrelations over every column after each round that returns 1. cdResidual drives it on this thread.
 * norms (d): the squared column norms, given when known & 1. g (d): X^T (y - X w) at the start w, given when
 * known & 2 (a path's previous fit leaves it); on return both hold those of the returned w.
 * ws (d i32) and values (d) are scratch; r (n) is written; state (3 values) carries the fit between rounds.
 */
export function cdResidual(
  Xt: usize, n: i32, d: i32, y: usize, lambda: f64, rho: f64, lambdaPrev: f64, maxIter: i32, tol: f64,
  positive: bool, random: bool, rng: usize, w: usize, r: usize, norms: usize, g: usize, known: i32,
  ws: usize, values: usize, scratch: usize, history: usize, historyLength: i32, state: usize, out: usize,
): void {
  cdResidualBegin(Xt, n, d, y, w, r, norms, known, state);
  if ((known & 2) == 0) cdCorrelations(Xt, n, r, 0, d, g);
  while (cdResidualRound(Xt, n, d, y, lambda, rho, lambdaPrev, maxIter, tol, positive, random, rng, w, r, norms, g, ws,
    values, scratch, history, historyLength, state, out) != 0) {
    cdCorrelations(Xt, n, r, 0, d, g);
  }
}

/** Starts a residual-mode fit: r = y - X w, the squared column norms unless known & 1, and the state of round 0. */
export function cdResidualBegin(Xt: usize, n: i32, d: i32, y: usize, w: usize, r: usize, norms: usize, known: i32, state: usize): void {
  const colBytes = (<usize>n) << 3;
  memory.copy(r, y, colBytes);
  for (let j = 0; j < d; j++) {
    const xj = Xt + <usize>j * colBytes;
    if ((known & 1) == 0) store<f64>(at(norms, j), sumSquares(xj, n));
    const wj = load<f64>(at(w, j));
    if (wj != 0) axpy(-wj, xj, r, n);
  }
  memory.fill(state, 0, 24);
}

/** g_j = x_j^T r for the columns j in [first, end) of Xt (d x n): a full pass, split into ranges of columns. */
export function cdCorrelations(Xt: usize, n: i32, r: usize, first: i32, end: i32, g: usize): void {
  const colBytes = (<usize>n) << 3;
  for (let j = first; j < end; j++) store<f64>(at(g, j), dot(Xt + <usize>j * colBytes, r, n));
}

/**
 * One round of residual mode, with g = X^T r of the current w: the full duality gap; after the first round its
 * stopping test (converged, or maxIter epochs run: the fit ends) and the next set's size; then one working set's
 * epochs. Returns 1 when the next round needs g again, 0 once the fit has ended (out written).
 * state = [epochs, set size, round].
 */
export function cdResidualRound(
  Xt: usize, n: i32, d: i32, y: usize, lambda: f64, rho: f64, lambdaPrev: f64, maxIter: i32, tol: f64,
  positive: bool, random: bool, rng: usize, w: usize, r: usize, norms: usize, g: usize,
  ws: usize, values: usize, scratch: usize, history: usize, historyLength: i32, state: usize, out: usize,
): i32 {
  const alpha = l1Weight(<f64>n, lambda, rho);
  const beta = l2Weight(<f64>n, lambda, rho);
  const colBytes = (<usize>n) << 3;
  const yy = sumSquares(y, n);
  let epochs = <i32>load<f64>(state);
  let size = <i32>load<f64>(state, 8);
  const round = <i32>load<f64>(state, 16);
  const fullGap = fullDualityGap(n, d, y, r, w, g, alpha, beta, positive, scratch);
  const dualScale = dualScaleOf(load<f64>(scratch), alpha);
  if (round > 0) {
    const converged = fullGap <= tol * yy;
    if (converged || epochs >= maxIter) {
      finish(out, epochs, fullGap, <f64>n, converged);
      return 0;
    }
    size = nextSetSize(w, d, size);
  } else {
    size = firstSetSize(alpha, l1Weight(<f64>n, lambdaPrev, rho), g, w, norms, d, positive);
  }
  const m = chooseWorkingSet(g, w, norms, d, alpha, positive, size, ws, values, safeRadius(fullGap, yy), dualScale, beta);
  const complete = m == movableCount(w, norms, d);
  const target = max<f64>(tol * yy, INNER_GAP_RATIO * fullGap);
  let gap = NaN;
  let converged = false;
  let inner = 0;
  while (epochs < maxIter) {
    let wMax = 0.0;
    let dwMax = 0.0;
    // A changed coordinate's r -= x_j delta waits to share its pass over r with the next coordinate's x^T r.
    let pending: usize = 0;
    let delta = 0.0;
    for (let f = 0; f < m; f++) {
      const j = load<i32>(indexAt(ws, random ? randomIndex(nextRandom(rng), m) : f));
      const norm = load<f64>(at(norms, j));
      if (norm == 0) continue;
      const xj = Xt + <usize>j * colBytes;
      const wj = load<f64>(at(w, j));
      const correlation = delta != 0 ? axpyDot(delta, pending, r, xj, n) : dot(xj, r, n);
      delta = 0;
      const next = coordinate(correlation + norm * wj, norm, alpha, beta, positive);
      if (next != wj) {
        delta = wj - next;
        pending = xj;
        store<f64>(at(w, j), next);
      }
      dwMax = max<f64>(dwMax, abs<f64>(next - wj));
      wMax = max<f64>(wMax, abs<f64>(next));
    }
    if (delta != 0) axpy(delta, pending, r, n);
    epochs++;
    inner++;
    const rNorm2 = sumSquares(r, n);
    const l1 = sumAbsOf(w, ws, m);
    const w2 = sumSquaresOf(w, ws, m);
    if (epochs <= historyLength) store<f64>(at(history, epochs - 1), (0.5 * rNorm2 + weighted(alpha, l1) + 0.5 * weighted(beta, w2)) / <f64>n);
    const settled = wMax == 0 || dwMax <= tol * wMax;
    if (testsGap(settled, epochs, maxIter, complete, inner)) {
      for (let k = 0; k < m; k++) {
        const j = load<i32>(indexAt(ws, k));
        store<f64>(at(g, j), dot(Xt + <usize>j * colBytes, r, n));
      }
      dualNormsOf(g, w, ws, m, beta, positive, scratch);
      const setGap = elasticNetGap(rNorm2, dot(r, y, n), load<f64>(scratch), load<f64>(scratch, 8), l1, w2, alpha, beta);
      const done = epochsEnd(setGap, complete, settled, tol, yy, target);
      if (complete) {
        gap = setGap;
        converged = done;
      }
      if (done) break;
    }
  }
  if (complete) {
    finish(out, epochs, gap, <f64>n, converged);
    return 0;
  }
  store<f64>(state, <f64>epochs);
  store<f64>(state, <f64>size, 8);
  store<f64>(state, <f64>(round + 1), 16);
  return 1;
}

/**
 * r += delta x, then z . r of the updated r, in one pass over r; the products summed as dot() sums them (four
 * f64x2 accumulators over 8 elements a step, then pairs, then a scalar tail).
 */
function axpyDot(delta: f64, x: usize, r: usize, z: usize, n: i32): f64 {
  const a = f64x2.splat(delta);
  let a0 = f64x2.splat(0.0);
  let a1 = f64x2.splat(0.0);
  let a2 = f64x2.splat(0.0);
  let a3 = f64x2.splat(0.0);
  let i = 0;
  for (; i + 8 <= n; i += 8) {
    const px = at(x, i);
    const pr = at(r, i);
    const pz = at(z, i);
    const r0 = madd(a, v128.load(px), v128.load(pr));
    const r1 = madd(a, v128.load(px, 16), v128.load(pr, 16));
    const r2 = madd(a, v128.load(px, 32), v128.load(pr, 32));
    const r3 = madd(a, v128.load(px, 48), v128.load(pr, 48));
    v128.store(pr, r0);
    v128.store(pr, r1, 16);
    v128.store(pr, r2, 32);
    v128.store(pr, r3, 48);
    a0 = madd(v128.load(pz), r0, a0);
    a1 = madd(v128.load(pz, 16), r1, a1);
    a2 = madd(v128.load(pz, 32), r2, a2);
    a3 = madd(v128.load(pz, 48), r3, a3);
  }
  for (; i + 2 <= n; i += 2) {
    const pr = at(r, i);
    const ri = madd(a, v128.load(at(x, i)), v128.load(pr));
    v128.store(pr, ri);
    a0 = f64x2.add(a0, f64x2.mul(v128.load(at(z, i)), ri));
  }
  let sum = laneSum(f64x2.add(f64x2.add(a0, a1), f64x2.add(a2, a3)));
  for (; i < n; i++) {
    const pr = at(r, i);
    const ri = load<f64>(pr) + delta * load<f64>(at(x, i));
    store<f64>(pr, ri);
    sum += load<f64>(at(z, i)) * ri;
  }
  return sum;
}

/** The duality gap at w over every coordinate, from g = X^T r. */
function fullDualityGap(
  n: i32, d: i32, y: usize, r: usize, w: usize, g: usize, alpha: f64, beta: f64, positive: bool, scratch: usize,
): f64 {
  dualNorms(g, w, d, beta, positive, scratch);
  return elasticNetGap(sumSquares(r, n), dot(r, y, n), load<f64>(scratch), load<f64>(scratch, 8), sumAbs(w, d),
    sumSquares(w, d), alpha, beta);
}

/** sum_k |w_{ws_k}|. */
function sumAbsOf(w: usize, ws: usize, m: i32): f64 {
  let total = 0.0;
  for (let k = 0; k < m; k++) total += abs<f64>(load<f64>(at(w, load<i32>(indexAt(ws, k)))));
  return total;
}

/** sum_k w_{ws_k}^2. */
function sumSquaresOf(w: usize, ws: usize, m: i32): f64 {
  let total = 0.0;
  for (let k = 0; k < m; k++) {
    const v = load<f64>(at(w, load<i32>(indexAt(ws, k))));
    total += v * v;
  }
  return total;
}

/** Values of cdGramPath's scratch for d coordinates: h, ws, values, diag, w (d each), packed, gap (2), out (3), rng (1). */
function gramPathScratch(d: i32): i32 {
  const m = min<i32>(d / 2, MAX_PACKED);
  return 5 * d + m * m + 3 * m + 6;
}

/**
 * A covariance-mode path: cdGram at each of lambdas[0, count), each fit from the previous one's w (lambdaPrev its
 * lambda), the first from w = 0; fit i's w goes to row i of W (count x d) and its [epochs, gap / n, converged] to row
 * i of results (count x 3), as a path of single cdGram calls gives them. settings = [yy, n, rho, maxIter, tol,
 * positive, random, seed]; scratch holds gramPathScratch(d) values. One call per problem: cross-validation's folds
 * run side by side on the core's threads.
 */
export function cdGramPath(
  G: usize, q: usize, d: i32, settings: usize, lambdas: usize, count: i32, W: usize, results: usize, scratch: usize,
): void {
  const yy = load<f64>(settings);
  const n = load<f64>(settings, 8);
  const rho = load<f64>(settings, 16);
  const maxIter = <i32>load<f64>(settings, 24);
  const tol = load<f64>(settings, 32);
  const positive = load<f64>(settings, 40) != 0;
  const random = load<f64>(settings, 48) != 0;
  const seed = <u32>load<f64>(settings, 56);
  const rowBytes = (<usize>d) << 3;
  const h = scratch;
  const ws = h + rowBytes;
  const values = ws + rowBytes;
  const diag = values + rowBytes;
  const w = diag + rowBytes;
  const packed = w + rowBytes;
  const m = min<i32>(d / 2, MAX_PACKED);
  const gap = packed + ((<usize>(m * m + 3 * m)) << 3);
  const out = gap + 16;
  const rng = out + 24;
  memory.fill(w, 0, rowBytes);
  for (let i = 0; i < count; i++) {
    const lambdaPrev = i > 0 ? load<f64>(at(lambdas, i - 1)) : NaN;
    store<u32>(rng, seed);
    cdGram(G, q, yy, d, n, load<f64>(at(lambdas, i)), rho, lambdaPrev, maxIter, tol, positive, random, rng, w, h, ws, values,
      diag, packed, gap, 0, 0, out);
    memory.copy(W + <usize>i * rowBytes, w, rowBytes);
    memory.copy(results + <usize>i * 24, out, 24);
  }
}
