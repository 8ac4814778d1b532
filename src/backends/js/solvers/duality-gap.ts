/**
 * Duality gap of (1/2)||R||^2 + alpha ||w||_1 + (beta/2)||w||^2, the twin of assembly/solvers/duality-gap.ts
 * (scikit-learn's gap with an L1 part; the ridge dual at R without one; NaN without any penalty).
 */
/**
 * weight * value, and 0 when value is 0: a penalty weight n lambda overflows to infinity for a lambda near the
 * largest double, and the zero weights it then gives must count 0, not NaN.
 */
export function weighted(weight: number, value: number): number {
  return value === 0 ? 0 : weight * value;
}

/**
 * [alpha, beta] = [n (lambda rho), n (lambda (1 - rho))], the weights of the unscaled objective, formed in this
 * order so that rho = 1 (or 0) gives beta (or alpha) = 0 even when n lambda overflows, never Infinity * 0.
 */
export function penaltyWeights(n: number, params: { lambda: number; rho: number }): [alpha: number, beta: number] {
  return [n * (params.lambda * params.rho), n * (params.lambda * (1 - params.rho))];
}

export function elasticNetGap(
  rNorm2: number, rDotY: number, xtaMax: number, xtr2: number, l1: number, w2: number, alpha: number, beta: number,
): number {
  if (alpha > 0) {
    let scale = 1;
    let gap = rNorm2;
    if (xtaMax > alpha) {
      scale = alpha / xtaMax;
      gap = 0.5 * (rNorm2 + rNorm2 * scale * scale);
    }
    return gap + weighted(alpha, l1) - scale * rDotY + 0.5 * (1 + scale * scale) * weighted(beta, w2);
  }
  if (beta > 0) return rNorm2 - rDotY + 0.5 * weighted(beta, w2) + xtr2 / (2 * beta);
  return Number.NaN;
}

/**
 * max_j |g_j - beta w_j| (signed max when positive) and sum_j g_j^2 (of max(g_j, 0) when positive), g = X^T R,
 * over every j or over those listed in `indices`.
 */
export function dualNorms(
  g: Float64Array, w: Float64Array, beta: number, positive: boolean, indices?: Int32Array,
): [number, number] {
  let largest = -Infinity;
  let squares = 0;
  const count = indices ? indices.length : w.length;
  for (let k = 0; k < count; k++) {
    const j = indices ? indices[k] : k;
    const v = g[j] - weighted(beta, w[j]);
    largest = Math.max(largest, positive ? v : Math.abs(v));
    const part = positive ? Math.max(g[j], 0) : g[j];
    squares += part * part;
  }
  return [largest, squares];
}
