// internal: the solvers' stopping test, not part of the exported ABI.

import { at } from "../kernels/lanes";

/**
 * Duality gap of the elastic net on the unscaled objective P(w) = (1/2)||R||^2 + alpha ||w||_1 + (beta/2) ||w||^2,
 * R = y - X w (alpha = n lambda rho, beta = n lambda (1 - rho)), from scalars the solvers already have:
 * rNorm2 = ||R||^2, rDotY = R . y, xtaMax = max_j |X_j^T R - beta w_j| (max_j without |.| when positive),
 * xtr2 = ||X^T R||^2 (of its positive part when positive), l1 = ||w||_1, w2 = ||w||^2.
 * With an L1 part this is scikit-learn's gap (cd_fast.pyx, after Mairal 2010): the residual scaled into the
 * dual feasible set is the dual point. Without one (ridge, alpha = 0) the dual point is R itself,
 * D(R) = R.y - ||R||^2/2 - ||X^T R||^2/(2 beta). Without any penalty there is no dual bound: NaN.
 */
/**
 * weight * value, and 0 when value is 0: a penalty weight n lambda overflows to infinity for a lambda near the
 * largest double, and the zero weights it then gives must count 0, not NaN.
 */
// @ts-ignore: decorator
@inline export function weighted(weight: f64, value: f64): f64 {
  return value == 0 ? 0.0 : weight * value;
}

/**
 * The weights of the unscaled objective for the penalty lambda (rho ||w||_1 + (1 - rho)/2 ||w||^2) on the objective
 * divided by n: alpha = n (lambda rho) and beta = n (lambda (1 - rho)). Formed in this order so that rho = 1 (or 0)
 * gives beta (or alpha) = 0 even when n lambda overflows, never Infinity * 0.
 */
// @ts-ignore: decorator
@inline export function l1Weight(n: f64, lambda: f64, rho: f64): f64 {
  return n * (lambda * rho);
}

// @ts-ignore: decorator
@inline export function l2Weight(n: f64, lambda: f64, rho: f64): f64 {
  return n * (lambda * (1.0 - rho));
}

export function elasticNetGap(
  rNorm2: f64, rDotY: f64, xtaMax: f64, xtr2: f64, l1: f64, w2: f64, alpha: f64, beta: f64,
): f64 {
  if (alpha > 0) {
    let scale = 1.0;
    let gap = rNorm2;
    if (xtaMax > alpha) {
      scale = alpha / xtaMax;
      gap = 0.5 * (rNorm2 + rNorm2 * scale * scale);
    }
    return gap + weighted(alpha, l1) - scale * rDotY + 0.5 * (1.0 + scale * scale) * weighted(beta, w2);
  }
  if (beta > 0) return rNorm2 - rDotY + 0.5 * weighted(beta, w2) + xtr2 / (2.0 * beta);
  return NaN;
}

/**
 * max_j |g_j - beta w_j| (max_j of the signed value when positive) and sum_j g_j^2 (sum_j max(g_j, 0)^2 when
 * positive: the conjugate of (beta/2)||w||^2 restricted to w >= 0).
 */
export function dualNorms(g: usize, w: usize, d: i32, beta: f64, positive: bool, out: usize): void {
  dualNormsOf(g, w, 0, d, beta, positive, out);
}

/** dualNorms over the coordinates listed in ws (m indices, i32), or over 0..m-1 when ws is 0. */
export function dualNormsOf(g: usize, w: usize, ws: usize, m: i32, beta: f64, positive: bool, out: usize): void {
  let largest = -Infinity;
  let squares = 0.0;
  for (let k = 0; k < m; k++) {
    const j = ws == 0 ? k : load<i32>(ws + ((<usize>k) << 2));
    const gj = load<f64>(at(g, j));
    const v = gj - weighted(beta, load<f64>(at(w, j)));
    largest = max<f64>(largest, positive ? v : abs<f64>(v));
    const part = positive ? max<f64>(gj, 0.0) : gj;
    squares += part * part;
  }
  store<f64>(out, largest);
  store<f64>(out, squares, 8);
}
