import { dot } from "../kernels/dot";
import { at } from "../kernels/lanes";
import { squaredLossGradient } from "../kernels/squared-loss-gradient";
import { sumAbs, sumSquares } from "../kernels/sums";
import { elasticNetGap, weighted } from "./duality-gap";

/** A rise of the objective by less than this fraction is rounding, not a too-long step. */
const ROUNDING_MARGIN: f64 = 1e-9;

/**
 * FISTA (Beck & Teboulle 2009) for (1/2n)||X w - y||^2 + lambda (rho ||w||_1 + (1 - rho)/2 ||w||^2) on centered,
 * row-major X and centered y: w <- prox_{t lambda rho |.|}(z - t grad(z)), t = 1/L, with L >= the largest
 * eigenvalue of X^T X / n plus lambda (1 - rho); momentum z = w + ((t_k - 1)/t_{k+1})(w - w_prev), restarted
 * (z = w, t_k = 1) whenever the objective rises (O'Donoghue & Candes 2015); a rise beyond rounding on a step
 * without momentum can only mean 1/L is too long (a proximal step of length <= 1/L never raises the
 * objective), so then the step is undone and halved. The smooth gradient is affine in
 * w, so grad(z) = grad(w) + beta (grad(w) - grad(w_prev)) needs no pass over X: one fused pass per iteration,
 * at the new w, which also yields the duality gap (stop when gap <= tol ||y||^2, unscaled as in cd.ts).
 * With groups (groupCount > 0: groups holds the i32 group of each feature, groupWeights one weight per group)
 * the L1 part becomes the group lasso lambda rho sum_g weight_g ||w_g||_2, whose prox scales each group by
 * max(1 - t lambda rho weight_g / ||v_g||, 0) (block soft-thresholding: whole groups become exactly 0), and the
 * gap's dual norm is max_g ||(X^T R - beta w)_g|| / weight_g. groupScratch holds groupCount values.
 * w is the start (warm) and the result; wPrev, z, gw, gPrev, gz (cols) and r (rows) are scratch;
 * out = [iterations, gap / n, converged].
 */
export function fista(
  X: usize, rows: i32, cols: i32, y: usize, lambda: f64, rho: f64, L: f64, maxIter: i32, tol: f64,
  positive: bool, w: usize, wPrev: usize, z: usize, gw: usize, gPrev: usize, gz: usize, r: usize,
  groups: usize, groupCount: i32, groupWeights: usize, groupScratch: usize,
  history: usize, historyLength: i32, out: usize,
): void {
  // The group lasso's groups (none when groupCount = 0); no object is allocated: the core allocates nothing.
  const g = groupCount;
  const n = <f64>rows;
  const bytes = (<usize>cols) << 3;
  const l1 = lambda * rho;
  const l2 = lambda * (1.0 - rho);
  let step = 1.0 / L;
  const yy = sumSquares(y, rows);
  let objective = squaredLossGradient(X, rows, cols, w, 0.0, y, r, gw) + penalty(w, cols, l1, l2, groups, g, groupWeights, groupScratch);
  memory.copy(z, w, bytes);
  memory.copy(gz, gw, bytes);
  let t = 1.0;
  let plain = true;
  let gap = NaN;
  let iterations = 0;
  let converged = false;
  while (iterations < maxIter) {
    memory.copy(wPrev, w, bytes);
    memory.copy(gPrev, gw, bytes);
    const threshold = step * l1;
    for (let j = 0; j < cols; j++) {
      const zj = load<f64>(at(z, j));
      const v = zj - step * (load<f64>(at(gz, j)) + l2 * zj);
      const next = g > 0 ? v
        : positive ? max<f64>(v - threshold, 0.0) : max<f64>(v - threshold, 0.0) + min<f64>(v + threshold, 0.0);
      store<f64>(at(w, j), next);
    }
    if (g > 0) groupShrink(w, cols, threshold, groups, g, groupWeights, groupScratch);
    const loss = squaredLossGradient(X, rows, cols, w, 0.0, y, r, gw);
    const next = loss + penalty(w, cols, l1, l2, groups, g, groupWeights, groupScratch);
    if (iterations < historyLength) store<f64>(at(history, iterations), next);
    iterations++;
    gap = gapAt(w, gw, r, y, rows, cols, n * l1, n * l2, positive, groups, g, groupWeights, groupScratch);
    // Without a penalty there is no dual bound: stop when the weights settle, as CD does.
    converged = isNaN(gap) ? largestChange(w, wPrev, cols) <= tol * largestAbs(w, cols) : gap <= tol * yy;
    if (converged) break;
    if (next > objective) {
      if (plain && next > objective * (1.0 + ROUNDING_MARGIN)) {
        step *= 0.5;
        memory.copy(w, wPrev, bytes);
        memory.copy(gw, gPrev, bytes);
        continue;
      }
      t = 1.0;
      plain = true;
      memory.copy(z, w, bytes);
      memory.copy(gz, gw, bytes);
    } else {
      const tNext = 0.5 * (1.0 + Math.sqrt(1.0 + 4.0 * t * t));
      const momentum = (t - 1.0) / tNext;
      for (let j = 0; j < cols; j++) {
        const wj = load<f64>(at(w, j));
        const gj = load<f64>(at(gw, j));
        store<f64>(at(z, j), wj + momentum * (wj - load<f64>(at(wPrev, j))));
        store<f64>(at(gz, j), gj + momentum * (gj - load<f64>(at(gPrev, j))));
      }
      t = tNext;
      plain = momentum == 0;
    }
    objective = next;
  }
  store<f64>(out, <f64>iterations);
  store<f64>(out, gap / n, 8);
  store<f64>(out, converged ? 1.0 : 0.0, 16);
}

/** max_j |a_j - b_j|. */
function largestChange(a: usize, b: usize, n: i32): f64 {
  let largest = 0.0;
  for (let j = 0; j < n; j++) largest = max<f64>(largest, abs<f64>(load<f64>(at(a, j)) - load<f64>(at(b, j))));
  return largest;
}

/** max_j |a_j|. */
function largestAbs(a: usize, n: i32): f64 {
  let largest = 0.0;
  for (let j = 0; j < n; j++) largest = max<f64>(largest, abs<f64>(load<f64>(at(a, j))));
  return largest;
}

/** The group of feature j (i32 ids). */
// @ts-ignore: decorator
@inline function groupOf(ids: usize, j: i32): i32 {
  return load<i32>(ids + ((<usize>j) << 2));
}

/** scratch[g] = ||v_g||^2 for the groups of v (n features). */
function groupSquaredNorms(v: usize, n: i32, ids: usize, count: i32, scratch: usize): void {
  memory.fill(scratch, 0, (<usize>count) << 3);
  for (let j = 0; j < n; j++) {
    const p = at(scratch, groupOf(ids, j));
    const x = load<f64>(at(v, j));
    store<f64>(p, load<f64>(p) + x * x);
  }
}

/** sum_g weight_g ||w_g||_2. */
function weightedGroupNorms(w: usize, n: i32, ids: usize, count: i32, weights: usize, scratch: usize): f64 {
  groupSquaredNorms(w, n, ids, count, scratch);
  let sum = 0.0;
  for (let group = 0; group < count; group++) sum += load<f64>(at(weights, group)) * Math.sqrt(load<f64>(at(scratch, group)));
  return sum;
}

/** Block soft-thresholding in place: v_g <- v_g max(1 - t weight_g / ||v_g||, 0). */
function groupShrink(v: usize, n: i32, t: f64, ids: usize, count: i32, weights: usize, scratch: usize): void {
  groupSquaredNorms(v, n, ids, count, scratch);
  for (let group = 0; group < count; group++) {
    const p = at(scratch, group);
    const norm = Math.sqrt(load<f64>(p));
    const bound = t * load<f64>(at(weights, group));
    store<f64>(p, norm > bound ? 1.0 - bound / norm : 0.0);
  }
  for (let j = 0; j < n; j++) store<f64>(at(v, j), load<f64>(at(v, j)) * load<f64>(at(scratch, groupOf(ids, j))));
}

/** lambda rho (||w||_1 or sum_g weight_g ||w_g||) + lambda (1 - rho)/2 ||w||^2. */
function penalty(w: usize, n: i32, l1: f64, l2: f64, ids: usize, count: i32, weights: usize, scratch: usize): f64 {
  const sparse = count > 0 ? weightedGroupNorms(w, n, ids, count, weights, scratch) : sumAbs(w, n);
  return l1 * sparse + 0.5 * l2 * sumSquares(w, n);
}

/**
 * The unscaled gap at w from the fused pass: r = X w - y (so R = -r) and gw = X^T r / n (so X^T R = -n gw).
 */
function gapAt(
  w: usize, gw: usize, r: usize, y: usize, rows: i32, cols: i32, alpha: f64, beta: f64, positive: bool,
  ids: usize, count: i32, weights: usize, scratch: usize,
): f64 {
  const n = <f64>rows;
  let largest = -Infinity;
  let squares = 0.0;
  if (count > 0) memory.fill(scratch, 0, (<usize>count) << 3);
  for (let j = 0; j < cols; j++) {
    const xtR = -n * load<f64>(at(gw, j));
    const v = xtR - weighted(beta, load<f64>(at(w, j)));
    if (count > 0) {
      const p = at(scratch, groupOf(ids, j));
      store<f64>(p, load<f64>(p) + v * v);
    } else largest = max<f64>(largest, positive ? v : abs<f64>(v));
    const part = positive ? max<f64>(xtR, 0.0) : xtR;
    squares += part * part;
  }
  if (count > 0) {
    for (let group = 0; group < count; group++) {
      largest = max<f64>(largest, Math.sqrt(load<f64>(at(scratch, group))) / load<f64>(at(weights, group)));
    }
  }
  const l1 = count > 0 ? weightedGroupNorms(w, cols, ids, count, weights, scratch) : sumAbs(w, cols);
  return elasticNetGap(sumSquares(r, rows), -dot(r, y, rows), largest, squares, l1, sumSquares(w, cols), alpha, beta);
}
