// The working sets of coordinate descent, the twin of assembly/solvers/working-set.ts (see there for the method).

/** Below this fraction of the full duality gap a working set's own gap ends its epochs (celer's 0.3). */
export const INNER_GAP_RATIO = 0.3;
/** A working set's gap is also tested every this many epochs (celer's rule). */
export const GAP_EVERY = 10;

/** The smallest working set (skglm's p0). */
const MIN_WORKING_SET = 10;

/** The first working set's size for a support of this size (see assembly/solvers/working-set.ts). */
export function workingSetSize(support: number): number {
  return support + Math.max(MIN_WORKING_SET, support >> 2);
}

/** Nonzero entries of w: the support. */
export function supportSize(w: Float64Array): number {
  return w.reduce((count, v) => count + (v !== 0 ? 1 : 0), 0);
}

/**
 * The first set's size: d without an L1 part; with one, workingSetSize of the support, and along a path (alphaPrev >
 * alpha) no more than the support and glmnet's sequential strong set, at least one beside the support (see the
 * core's firstSetSize).
 */
export function firstSetSize(
  alpha: number, alphaPrev: number, g: Float64Array, w: Float64Array, norms: Float64Array, d: number, positive: boolean,
): number {
  if (alpha <= 0) return d;
  const support = supportSize(w);
  if (!(alphaPrev > alpha)) return workingSetSize(support);
  const bound = 2 * alpha - alphaPrev;
  let strong = 0;
  for (let j = 0; j < d; j++) {
    if (w[j] !== 0 || norms[j] === 0) continue;
    if ((positive ? g[j] : Math.abs(g[j])) >= bound) strong++;
  }
  return Math.min(workingSetSize(support), support + Math.max(strong, 1));
}

/** The gap-safe sphere around the dual point a gap was taken at (see the core's screened). */
export interface SafeSphere {
  /** sqrt(2 gap); Infinity screens nothing. */
  radius: number;
  /** The scale that made the dual point feasible. */
  dualScale: number;
  beta: number;
}

/** Keeps every coordinate. */
export const NO_SCREENING: SafeSphere = { radius: Infinity, dualScale: 1, beta: 0 };

/**
 * The sphere of a full gap taken with this max_j |x~_j^T R~| (xtaMax): radius sqrt(2 gap), the gap raised by 1e-9 yy
 * against its rounding (see the core's safeRadius).
 */
export function safeSphere(gap: number, xtaMax: number, alpha: number, beta: number, yy: number): SafeSphere {
  return {
    radius: Number.isNaN(gap) ? Infinity : Math.sqrt(2 * (Math.max(gap, 0) + 1e-9 * yy)),
    dualScale: xtaMax > alpha ? alpha / xtaMax : 1,
    beta,
  };
}

/** Whether a zero coordinate provably stays 0 (gap-safe screening, see the core's screened). */
function screened(g: number, norm: number, alpha: number, positive: boolean, sphere: SafeSphere): boolean {
  return sphere.dualScale * (positive ? g : Math.abs(g)) + Math.sqrt(norm + sphere.beta) * sphere.radius < alpha * (1 - 1e-9);
}

/** The next set's size once a set did not give the full gap: at least twice the last (so the sets reach d). */
export function nextSetSize(w: Float64Array, d: number, size: number): number {
  return Math.min(d, Math.max(workingSetSize(supportSize(w)), 2 * size));
}

/** Whether the epochs on a set test its gap after this epoch (see the core's testsGap). */
export function testsGap(settled: boolean, epochs: number, maxIter: number, complete: boolean, inner: number): boolean {
  return settled || epochs === maxIter || (!complete && inner % GAP_EVERY === 0);
}

/** Whether a set's epochs end at this gap: the whole problem's converged, or a set's fell to target (see the core's). */
export function epochsEnd(gap: number, complete: boolean, settled: boolean, tol: number, yy: number, target: number): boolean {
  if (!complete) return gap <= target;
  return Number.isNaN(gap) ? settled : gap <= tol * yy;
}

/** (|g_j| - alpha) / ||x_j|| (g_j - alpha when positive): how close a zero coordinate is to entering. */
function priority(g: number, norm: number, alpha: number, positive: boolean): number {
  return ((positive ? g : Math.abs(g)) - alpha) / Math.sqrt(norm);
}

/**
 * Priorities within 1e-12 times `scale` (the largest (|g_j| + alpha) / ||x_j||, what a priority's rounding scales
 * with) of the last one taken count as tied with it: all taken, or none.
 */
function tied(threshold: number, scale: number): number {
  return threshold - 1e-12 * scale;
}

/**
 * The working set: every j with w_j != 0, and of the zero coordinates on nonzero columns that the sphere does not
 * screen the size - |support| of highest priority (with all tied to the last one), in increasing order.
 */
export function chooseWorkingSet(
  g: Float64Array, w: Float64Array, norms: Float64Array, alpha: number, positive: boolean, size: number, sphere: SafeSphere,
): Int32Array {
  const support = supportSize(w);
  const candidates: number[] = [];
  let scale = 0;
  w.forEach((v, j) => {
    if (v !== 0 || norms[j] === 0 || screened(g[j], norms[j], alpha, positive, sphere)) return;
    candidates.push(priority(g[j], norms[j], alpha, positive));
    scale = Math.max(scale, (Math.abs(g[j]) + alpha) / Math.sqrt(norms[j]));
  });
  const take = size - support;
  let threshold = Infinity;
  if (take >= candidates.length) threshold = -Infinity;
  else if (take > 0) threshold = tied(Float64Array.from(candidates).sort()[candidates.length - take], scale);
  const chosen: number[] = [];
  w.forEach((v, j) => {
    const open = norms[j] !== 0 && !screened(g[j], norms[j], alpha, positive, sphere);
    if (v !== 0 || (open && priority(g[j], norms[j], alpha, positive) >= threshold)) chosen.push(j);
  });
  return Int32Array.from(chosen);
}

/** How many coordinates can ever be in a working set: w_j != 0 or a nonzero column. */
export function movableCount(w: Float64Array, norms: Float64Array): number {
  return w.reduce((count, v, j) => count + (v !== 0 || norms[j] !== 0 ? 1 : 0), 0);
}
