import { axpy } from "../kernels/axpy";
import { dot } from "../kernels/dot";
import { at } from "../kernels/lanes";
import { sumAbs, sumSquares } from "../kernels/sums";
import { dualNorms, elasticNetGap, l1Weight, l2Weight, weighted } from "./duality-gap";
import { nextRandom, randomIndex } from "./random";

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
 * h = q - G w = X^T r, so a changed coordinate costs O(d) (h -= G_j delta). scratch: 2 values.
 */
export function cdGram(
  G: usize, q: usize, yy: f64, d: i32, n: f64, lambda: f64, rho: f64, maxIter: i32, tol: f64,
  positive: bool, random: bool, rng: usize, w: usize, h: usize, scratch: usize, history: usize, historyLength: i32,
  out: usize,
): void {
  const alpha = l1Weight(n, lambda, rho);
  const beta = l2Weight(n, lambda, rho);
  const rowBytes = (<usize>d) << 3;
  for (let j = 0; j < d; j++) store<f64>(at(h, j), load<f64>(at(q, j)) - dot(G + <usize>j * rowBytes, w, d));
  let gap = NaN;
  let epochs = 0;
  let converged = false;
  while (epochs < maxIter) {
    let wMax = 0.0;
    let dwMax = 0.0;
    for (let f = 0; f < d; f++) {
      const j = random ? randomIndex(nextRandom(rng), d) : f;
      const norm = load<f64>(at(G, j * d + j));
      if (norm == 0) continue;
      const wj = load<f64>(at(w, j));
      const next = coordinate(load<f64>(at(h, j)) + norm * wj, norm, alpha, beta, positive);
      if (next != wj) {
        axpy(wj - next, G + <usize>j * rowBytes, h, d);
        store<f64>(at(w, j), next);
      }
      dwMax = max<f64>(dwMax, abs<f64>(next - wj));
      wMax = max<f64>(wMax, abs<f64>(next));
    }
    epochs++;
    // ||r||^2 = yy - 2 w.q + w.G w = yy - w.q - w.h, since G w = q - h.
    const wq = dot(w, q, d);
    const rNorm2 = yy - wq - dot(w, h, d);
    const l1 = sumAbs(w, d);
    const w2 = sumSquares(w, d);
    if (epochs <= historyLength) store<f64>(at(history, epochs - 1), (0.5 * rNorm2 + weighted(alpha, l1) + 0.5 * weighted(beta, w2)) / n);
    if (wMax == 0 || dwMax <= tol * wMax || epochs == maxIter) {
      dualNorms(h, w, d, beta, positive, scratch);
      gap = elasticNetGap(rNorm2, yy - wq, load<f64>(scratch), load<f64>(scratch, 8), l1, w2, alpha, beta);
      converged = isNaN(gap) ? dwMax <= tol * wMax : gap <= tol * yy;
      if (converged) break;
    }
  }
  finish(out, epochs, gap, n, converged);
}

/**
 * Residual mode, for d >= n: works on the columns of X (Xt, d x n row-major: column j is contiguous) and keeps
 * r = y - X w, so a coordinate costs two passes over its column (x_j^T r, then r -= x_j delta).
 * norms (d) and g (d) are scratch; r (n) is written.
 */
export function cdResidual(
  Xt: usize, n: i32, d: i32, y: usize, lambda: f64, rho: f64, maxIter: i32, tol: f64,
  positive: bool, random: bool, rng: usize, w: usize, r: usize, norms: usize, g: usize, scratch: usize,
  history: usize, historyLength: i32, out: usize,
): void {
  const alpha = l1Weight(<f64>n, lambda, rho);
  const beta = l2Weight(<f64>n, lambda, rho);
  const colBytes = (<usize>n) << 3;
  memory.copy(r, y, colBytes);
  for (let j = 0; j < d; j++) {
    const xj = Xt + <usize>j * colBytes;
    store<f64>(at(norms, j), sumSquares(xj, n));
    const wj = load<f64>(at(w, j));
    if (wj != 0) axpy(-wj, xj, r, n);
  }
  const yy = sumSquares(y, n);
  let gap = NaN;
  let epochs = 0;
  let converged = false;
  while (epochs < maxIter) {
    let wMax = 0.0;
    let dwMax = 0.0;
    for (let f = 0; f < d; f++) {
      const j = random ? randomIndex(nextRandom(rng), d) : f;
      const norm = load<f64>(at(norms, j));
      if (norm == 0) continue;
      const xj = Xt + <usize>j * colBytes;
      const wj = load<f64>(at(w, j));
      const next = coordinate(dot(xj, r, n) + norm * wj, norm, alpha, beta, positive);
      if (next != wj) {
        axpy(wj - next, xj, r, n);
        store<f64>(at(w, j), next);
      }
      dwMax = max<f64>(dwMax, abs<f64>(next - wj));
      wMax = max<f64>(wMax, abs<f64>(next));
    }
    epochs++;
    const rNorm2 = sumSquares(r, n);
    const l1 = sumAbs(w, d);
    const w2 = sumSquares(w, d);
    if (epochs <= historyLength) store<f64>(at(history, epochs - 1), (0.5 * rNorm2 + weighted(alpha, l1) + 0.5 * weighted(beta, w2)) / <f64>n);
    if (wMax == 0 || dwMax <= tol * wMax || epochs == maxIter) {
      for (let j = 0; j < d; j++) store<f64>(at(g, j), dot(Xt + <usize>j * colBytes, r, n));
      dualNorms(g, w, d, beta, positive, scratch);
      gap = elasticNetGap(rNorm2, dot(r, y, n), load<f64>(scratch), load<f64>(scratch, 8), l1, w2, alpha, beta);
      converged = isNaN(gap) ? dwMax <= tol * wMax : gap <= tol * yy;
      if (converged) break;
    }
  }
  finish(out, epochs, gap, <f64>n, converged);
}
