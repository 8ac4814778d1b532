// P(w) = lambda * (rho ||w||_1 + (1 - rho)/2 ||w||_2^2), rho = l1Ratio; rho = 1 is L1, rho = 0 is L2.

/** sign(v) with sign(0) = 0, the subgradient convention. */
export function sign(v: number): number {
  return (v > 0 ? 1 : 0) - (v < 0 ? 1 : 0);
}

/** P(w) for the elastic-net family. */
export function elasticNetPenalty(w: Float64Array, lambda: number, rho: number): number {
  let sumAbs = 0;
  let sumSq = 0;
  for (let i = 0; i < w.length; i++) {
    sumAbs += Math.abs(w[i]);
    sumSq += w[i] * w[i];
  }
  return lambda * (rho * sumAbs + 0.5 * (1 - rho) * sumSq);
}

/** out = lambda * (rho sign(w) + (1 - rho) w); out may be w. */
export function elasticNetGradient(w: Float64Array, lambda: number, rho: number, out: Float64Array): void {
  for (let i = 0; i < w.length; i++) out[i] = lambda * (rho * sign(w[i]) + (1 - rho) * w[i]);
}

/** out = lambda w / (|w| + eps), the soft L1 gradient; out may be w. */
export function softL1Gradient(w: Float64Array, lambda: number, eps: number, out: Float64Array): void {
  for (let i = 0; i < w.length; i++) out[i] = (lambda * w[i]) / (Math.abs(w[i]) + eps);
}

/** out = sign(x) max(|x| - t, 0), computed as max(x - t, 0) + min(x + t, 0); out may be x. */
export function softThreshold(x: Float64Array, t: number, out: Float64Array): void {
  for (let i = 0; i < x.length; i++) out[i] = Math.max(x[i] - t, 0) + Math.min(x[i] + t, 0);
}
