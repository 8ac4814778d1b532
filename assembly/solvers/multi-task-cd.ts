import { axpy } from "../kernels/axpy";
import { dot } from "../kernels/dot";
import { at } from "../kernels/lanes";
import { sumSquares } from "../kernels/sums";
import { elasticNetGap, l1Weight, l2Weight, weighted } from "./duality-gap";
import {
  chooseWorkingSet, dualScaleOf, epochsEnd, firstSetSize, indexAt, INNER_GAP_RATIO, movableCount, nextSetSize, safeRadius,
  testsGap,
} from "./working-set";


/**
 * Block coordinate descent for the multi-task elastic net (scikit-learn's enet_coordinate_descent_multi_task):
 * (1/2)||Y - X W||_F^2 + alpha sum_j ||W_j||_2 + (beta/2)||W||_F^2 on centered data, W d x k (row j = feature j
 * across the k outputs), alpha = n lambda rho, beta = n lambda (1 - rho) for the penalty
 * lambda (rho sum_j ||W_j||_2 + (1 - rho)/2 ||W||_F^2) on the objective divided by n. A feature's row is updated
 * as a block:
 *   t = X_j^T R + ||x_j||^2 W_j,   W_j <- t max(1 - alpha / ||t||, 0) / (||x_j||^2 + beta)
 * so a feature is kept or dropped for all outputs at once. Xt is X column-major (d x n), Yt and Rt are Y and
 * the residual Y - X W output-major (k x n). Stops as cd.ts does, on the duality gap with the row norms
 * max_j ||X_j^T R - beta W_j|| in place of max |.|. With an L1 part the epochs run on working sets of rows, as
 * cd.ts's residual mode does, a zero row's priority (||X_j^T R|| - alpha) / ||x_j||, and the gap-safe rule keeps
 * out the zero rows with dualScale ||X_j^T R|| + ||x~_j|| sqrt(2 gap) < alpha (the group form of the single-task
 * rule, Ndiaye et al. 2015 "GAP Safe screening rules for sparse multi-task and multi-class models").
 * Writes W in place (its start), out = [epochs, gap / n, converged]. Scratch: norms, rowG (||X_j^T R||), rowW
 * (max_o |W_jo|: which rows are in the support), ws (i32), values
 * (d each), t (k), G (d x k, X^T R), scratch (1).
 */
export function cdMultiTask(
  Xt: usize, n: i32, d: i32, Yt: usize, k: i32, lambda: f64, rho: f64, maxIter: i32, tol: f64,
  W: usize, Rt: usize, norms: usize, t: usize, G: usize, rowG: usize, rowW: usize, ws: usize, values: usize,
  scratch: usize, history: usize, historyLength: i32, out: usize,
): void {
  const alpha = l1Weight(<f64>n, lambda, rho);
  const beta = l2Weight(<f64>n, lambda, rho);
  const colBytes = (<usize>n) << 3;
  memory.copy(Rt, Yt, (<usize>k) * colBytes);
  for (let j = 0; j < d; j++) {
    const xj = Xt + <usize>j * colBytes;
    store<f64>(at(norms, j), sumSquares(xj, n));
    for (let o = 0; o < k; o++) {
      const w = load<f64>(at(W, j * k + o));
      if (w != 0) axpy(-w, xj, Rt + <usize>o * colBytes, n);
    }
  }
  const yy = sumSquares(Yt, n * k);
  rowLargest(W, d, k, rowW);
  const movable = movableCount(rowW, norms, d);
  for (let j = 0; j < d; j++) correlateRow(Xt, n, Rt, k, j, G);
  let fullGap = multiTaskGap(Rt, Yt, n, k, W, G, d, 0, alpha, beta, scratch);
  let dualScale = dualScaleOf(load<f64>(scratch), alpha);
  let size = firstSetSize(alpha, NaN, rowG, rowW, norms, d, false);
  let gap = NaN;
  let epochs = 0;
  let converged = false;
  while (true) {
    rowNorms(G, d, k, rowG);
    const m = chooseWorkingSet(rowG, rowW, norms, d, alpha, false, size, ws, values, safeRadius(fullGap, yy), dualScale, beta);
    const complete = m == movable;
    const target = max<f64>(tol * yy, INNER_GAP_RATIO * fullGap);
    let inner = 0;
    while (epochs < maxIter) {
      let wMax = 0.0;
      let dwMax = 0.0;
      for (let f = 0; f < m; f++) {
        const j = load<i32>(indexAt(ws, f));
        const norm = load<f64>(at(norms, j));
        if (norm == 0) continue;
        const xj = Xt + <usize>j * colBytes;
        let tNorm2 = 0.0;
        for (let o = 0; o < k; o++) {
          const v = dot(xj, Rt + <usize>o * colBytes, n) + norm * load<f64>(at(W, j * k + o));
          store<f64>(at(t, o), v);
          tNorm2 += v * v;
        }
        const tNorm = Math.sqrt(tNorm2);
        const scale = tNorm > alpha ? (1.0 - alpha / tNorm) / (norm + beta) : 0.0;
        for (let o = 0; o < k; o++) {
          const old = load<f64>(at(W, j * k + o));
          const next = load<f64>(at(t, o)) * scale;
          if (next != old) {
            axpy(old - next, xj, Rt + <usize>o * colBytes, n);
            store<f64>(at(W, j * k + o), next);
          }
          dwMax = max<f64>(dwMax, abs<f64>(next - old));
          wMax = max<f64>(wMax, abs<f64>(next));
        }
      }
      epochs++;
      inner++;
      const rNorm2 = sumSquares(Rt, n * k);
      let groupNorms = 0.0;
      let w2 = 0.0;
      for (let f = 0; f < m; f++) {
        const row = W + <usize>(load<i32>(indexAt(ws, f)) * k) * 8;
        const s = sumSquares(row, k);
        groupNorms += Math.sqrt(s);
        w2 += s;
      }
      if (epochs <= historyLength) store<f64>(at(history, epochs - 1), (0.5 * rNorm2 + weighted(alpha, groupNorms) + 0.5 * weighted(beta, w2)) / <f64>n);
      const settled = wMax == 0 || dwMax <= tol * wMax;
      if (testsGap(settled, epochs, maxIter, complete, inner)) {
        for (let f = 0; f < m; f++) correlateRow(Xt, n, Rt, k, load<i32>(indexAt(ws, f)), G);
        const setGap = multiTaskGap(Rt, Yt, n, k, W, G, m, ws, alpha, beta, scratch);
        const done = epochsEnd(setGap, complete, settled, tol, yy, target);
        if (complete) {
          gap = setGap;
          converged = done;
        }
        if (done) break;
      }
    }
    if (complete) break;
    for (let j = 0; j < d; j++) correlateRow(Xt, n, Rt, k, j, G);
    gap = multiTaskGap(Rt, Yt, n, k, W, G, d, 0, alpha, beta, scratch);
    converged = gap <= tol * yy;
    if (converged || epochs >= maxIter) break;
    fullGap = gap;
    dualScale = dualScaleOf(load<f64>(scratch), alpha);
    rowLargest(W, d, k, rowW);
    size = nextSetSize(rowW, d, size);
  }
  store<f64>(out, <f64>epochs);
  store<f64>(out, gap / <f64>n, 8);
  store<f64>(out, converged ? 1.0 : 0.0, 16);
}

/** G_j = X_j^T R: row j of X^T R (d x k), one dot per output. */
function correlateRow(Xt: usize, n: i32, Rt: usize, k: i32, j: i32, G: usize): void {
  const colBytes = (<usize>n) << 3;
  const xj = Xt + <usize>j * colBytes;
  for (let o = 0; o < k; o++) store<f64>(at(G, j * k + o), dot(xj, Rt + <usize>o * colBytes, n));
}

/** out_j = max_o |M_jo|: nonzero exactly when row j is (a norm of tiny entries could underflow to 0). */
function rowLargest(M: usize, d: i32, k: i32, out: usize): void {
  for (let j = 0; j < d; j++) {
    let largest = 0.0;
    for (let o = 0; o < k; o++) largest = max<f64>(largest, abs<f64>(load<f64>(at(M, j * k + o))));
    store<f64>(at(out, j), largest);
  }
}

/** out_j = ||M_j||_2 for the d rows of M (d x k). */
function rowNorms(M: usize, d: i32, k: i32, out: usize): void {
  for (let j = 0; j < d; j++) store<f64>(at(out, j), Math.sqrt(sumSquares(M + <usize>(j * k) * 8, k)));
}

/**
 * The duality gap from G = X^T R over the rows listed in ws (m of them, i32), or over rows 0..m-1 when ws is 0:
 * the single-task gap with ||.||_1 -> sum_j ||W_j||_2 and max_j |.| -> max_j ||G_j - beta W_j||_2 (written to dual).
 */
function multiTaskGap(
  Rt: usize, Yt: usize, n: i32, k: i32, W: usize, G: usize, m: i32, ws: usize, alpha: f64, beta: f64, dual: usize,
): f64 {
  let dualNorm = 0.0;
  let xtr2 = 0.0;
  let groupNorms = 0.0;
  let w2 = 0.0;
  for (let f = 0; f < m; f++) {
    const j = ws == 0 ? f : load<i32>(indexAt(ws, f));
    let s = 0.0;
    let rowSquares = 0.0;
    for (let o = 0; o < k; o++) {
      const g = load<f64>(at(G, j * k + o));
      const w = load<f64>(at(W, j * k + o));
      const v = g - weighted(beta, w);
      s += v * v;
      xtr2 += g * g;
      rowSquares += w * w;
    }
    dualNorm = max<f64>(dualNorm, Math.sqrt(s));
    groupNorms += Math.sqrt(rowSquares);
    w2 += rowSquares;
  }
  store<f64>(dual, dualNorm);
  return elasticNetGap(sumSquares(Rt, n * k), dot(Rt, Yt, n * k), dualNorm, xtr2, groupNorms, w2, alpha, beta);
}
