// internal: the working sets of coordinate descent, not part of the exported ABI.

import { at } from "../kernels/lanes";

/** Below this fraction of the full duality gap a working set's own gap ends its epochs (celer's 0.3). */
export const INNER_GAP_RATIO = 0.3;
/** A working set's gap is also tested every this many epochs (celer's rule). */
export const GAP_EVERY = 10;

/** The smallest working set (skglm's p0). */
const MIN_WORKING_SET: i32 = 10;

/**
 * The first working set's size for a support of this size: a quarter more (at least MIN_WORKING_SET more), which
 * measured fastest on wide lasso paths against twice the support (skglm's) and the support plus a constant.
 */
export function workingSetSize(support: i32): i32 {
  return support + max<i32>(MIN_WORKING_SET, support >> 2);
}

/** Nonzero entries of w (d): the support. */
export function supportSize(w: usize, d: i32): i32 {
  let count = 0;
  for (let j = 0; j < d; j++) if (load<f64>(at(w, j)) != 0) count++;
  return count;
}

/**
 * The first set's size: every coordinate (d) without an L1 part. With one, workingSetSize of the support; along a
 * path (alphaPrev > alpha, the L1 weight of the previous lambda, whose solution w is and g = X^T r is taken at) no
 * more than the support and glmnet's sequential strong set, the zero coordinates with |g_j| >= 2 alpha - alphaPrev
 * (Tibshirani et al. 2012, "Strong rules for discarding predictors in lasso-type problems"; g_j >= that when
 * positive), and at least one beside the support. (A size of at least the strong set's measured slower on the wide
 * paths of the bench, where the strong set is the larger.)
 */
export function firstSetSize(alpha: f64, alphaPrev: f64, g: usize, w: usize, norms: usize, d: i32, positive: bool): i32 {
  if (alpha <= 0) return d;
  const support = supportSize(w, d);
  if (!(alphaPrev > alpha)) return workingSetSize(support);
  const bound = 2.0 * alpha - alphaPrev;
  let strong = 0;
  for (let j = 0; j < d; j++) {
    if (load<f64>(at(w, j)) != 0 || load<f64>(at(norms, j)) == 0) continue;
    const gj = load<f64>(at(g, j));
    if ((positive ? gj : abs<f64>(gj)) >= bound) strong++;
  }
  return min<i32>(workingSetSize(support), support + max<i32>(strong, 1));
}

/** The next set's size once a set did not give the full gap: at least twice the last (so the sets reach d). */
export function nextSetSize(w: usize, d: i32, size: i32): i32 {
  return min<i32>(d, max<i32>(workingSetSize(supportSize(w, d)), 2 * size));
}

/**
 * Whether the epochs on a set test its gap after this epoch: once the largest weight change is small (settled,
 * scikit-learn's test), at the last epoch, and for a set short of the whole problem every GAP_EVERY epochs.
 */
export function testsGap(settled: bool, epochs: i32, maxIter: i32, complete: bool, inner: i32): bool {
  return settled || epochs == maxIter || (!complete && inner % GAP_EVERY == 0);
}

/**
 * Whether a set's epochs end at this gap: for the whole problem (complete) when it converged (gap <= tol ||y||^2;
 * without a dual bound, NaN, when the weights settled); for a set short of it when the gap fell to `target`.
 */
export function epochsEnd(gap: f64, complete: bool, settled: bool, tol: f64, yy: f64, target: f64): bool {
  if (!complete) return gap <= target;
  return isNaN(gap) ? settled : gap <= tol * yy;
}

/**
 * Gap-safe screening (Fercoq, Gramfort and Salmon 2015; Ndiaye et al. 2017): on the design augmented for the ridge
 * part (x~_j^T R~ = g_j - beta w_j, ||x~_j||^2 = ||x_j||^2 + beta) the dual (1/2)||y||^2 - (1/2)||y - theta||^2 is
 * 1-strongly concave, so the optimal dual point lies within sqrt(2 gap) of the dual point theta = dualScale R~ the
 * gap was taken at. A zero coordinate with dualScale |g_j| + ||x~_j|| sqrt(2 gap) < alpha then stays 0 at the
 * optimum (dualScale g_j + ... when positive) and never enters a working set. See safeRadius for rounding.
 */
// @ts-ignore: decorator
@inline function screened(g: f64, norm: f64, alpha: f64, positive: bool, radius: f64, dualScale: f64, beta: f64): bool {
  return dualScale * (positive ? g : abs<f64>(g)) + sqrt<f64>(norm + beta) * radius < alpha * (1.0 - SAFE_MARGIN);
}

const SAFE_MARGIN = 1e-9;

/**
 * The radius of the gap-safe sphere: sqrt(2 gap), the gap raised by GAP_ROUNDING times yy (||y||^2, the scale of the
 * sums it is a difference of: a gap near rounding level, or rounded below 0, must not shrink the sphere to nothing);
 * Infinity (nothing screened) for a gap that is not a number.
 */
export function safeRadius(gap: f64, yy: f64): f64 {
  return isNaN(gap) ? Infinity : sqrt<f64>(2.0 * (max<f64>(gap, 0.0) + GAP_ROUNDING * yy));
}

const GAP_ROUNDING = 1e-9;

/** The scale that made the dual point feasible: alpha / max_j |x~_j^T R~| when that exceeds alpha, else 1. */
export function dualScaleOf(xtaMax: f64, alpha: f64): f64 {
  return xtaMax > alpha ? alpha / xtaMax : 1.0;
}

/** Byte address of index `i` of an i32 array. */
// @ts-ignore: decorator
@inline export function indexAt(base: usize, i: i32): usize {
  return base + ((<usize>i) << 2);
}

/**
 * How close coordinate j (now 0) is to entering the model: (|g_j| - alpha) / ||x_j|| with g = X^T R, the
 * distance of the dual point to the j-th constraint's boundary up to its sign (celer: Massias, Gramfort and
 * Salmon 2018, "Celer: a Fast Solver for the Lasso with Dual Extrapolation"); g_j - alpha when positive.
 */
// @ts-ignore: decorator
@inline function priority(g: f64, norm: f64, alpha: f64, positive: bool): f64 {
  return ((positive ? g : abs<f64>(g)) - alpha) / sqrt<f64>(norm);
}

/**
 * The k-th largest of values[0, m) (1 <= k <= m), found by Hoare's selection (FIND); reorders values.
 */
export function kthLargest(values: usize, m: i32, k: i32): f64 {
  const target = k - 1;
  let lo = 0;
  let hi = m - 1;
  while (lo < hi) {
    const pivot = load<f64>(at(values, lo + ((hi - lo) >> 1)));
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (load<f64>(at(values, i)) > pivot) i++;
      while (load<f64>(at(values, j)) < pivot) j--;
      if (i <= j) {
        const swapped = load<f64>(at(values, i));
        store<f64>(at(values, i), load<f64>(at(values, j)));
        store<f64>(at(values, j), swapped);
        i++;
        j--;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else return pivot;
  }
  return load<f64>(at(values, target));
}

/**
 * The lowest priority taken with `threshold`: those within TIE times `scale` of it count as tied, so that priorities
 * equal but for rounding (which differs between the backends' sums) are all taken, or none. A priority's rounding
 * error scales with (|g_j| + alpha) / ||x_j||, not with the priority (near 0 at the boundary |g_j| = alpha): scale is
 * the largest of those.
 */
// @ts-ignore: decorator
@inline function tied(threshold: f64, scale: f64): f64 {
  return threshold - TIE * scale;
}

const TIE = 1e-12;

/**
 * Chooses the working set: every j with w_j != 0, and of the zero coordinates on nonzero columns that the gap-safe
 * rule keeps (see screened: the sphere of this radius around the dual point of this dualScale; radius Infinity keeps
 * all) the size - |support| of highest priority (all of those tied with the last one, see tied). Writes their
 * indices in increasing order to ws (i32, d) and returns how many; values (d) is scratch.
 */
export function chooseWorkingSet(
  g: usize, w: usize, norms: usize, d: i32, alpha: f64, positive: bool, size: i32, ws: usize, values: usize,
  radius: f64, dualScale: f64, beta: f64,
): i32 {
  let support = 0;
  let candidates = 0;
  let scale = 0.0;
  for (let j = 0; j < d; j++) {
    if (load<f64>(at(w, j)) != 0) support++;
    else if (load<f64>(at(norms, j)) != 0) {
      const gj = load<f64>(at(g, j));
      const norm = load<f64>(at(norms, j));
      if (screened(gj, norm, alpha, positive, radius, dualScale, beta)) continue;
      store<f64>(at(values, candidates), priority(gj, norm, alpha, positive));
      scale = max<f64>(scale, (abs<f64>(gj) + alpha) / sqrt<f64>(norm));
      candidates++;
    }
  }
  const take = size - support;
  let threshold = Infinity;
  if (take >= candidates) threshold = -Infinity;
  else if (take > 0) threshold = tied(kthLargest(values, candidates, take), scale);
  let count = 0;
  for (let j = 0; j < d; j++) {
    const norm = load<f64>(at(norms, j));
    const gj = load<f64>(at(g, j));
    const chosen = load<f64>(at(w, j)) != 0
      || (norm != 0 && !screened(gj, norm, alpha, positive, radius, dualScale, beta) && priority(gj, norm, alpha, positive) >= threshold);
    if (chosen) {
      store<i32>(indexAt(ws, count), j);
      count++;
    }
  }
  return count;
}

/** How many coordinates can ever be in a working set: w_j != 0 or a nonzero column. */
export function movableCount(w: usize, norms: usize, d: i32): i32 {
  let count = 0;
  for (let j = 0; j < d; j++) if (load<f64>(at(w, j)) != 0 || load<f64>(at(norms, j)) != 0) count++;
  return count;
}
