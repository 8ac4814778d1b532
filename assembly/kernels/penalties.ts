import { at, laneSum, madd } from "./lanes";

// The penalty of the objective F(w, b) = (1/2n)||X w + b - y||^2 + P(w):
//   P(w) = lambda * (rho * ||w||_1 + (1 - rho)/2 * ||w||_2^2),  rho = l1Ratio in [0, 1];
// rho = 1 is the lasso penalty lambda ||w||_1, rho = 0 the ridge penalty (lambda/2) ||w||_2^2.

/** P(w) for n weights, in one pass accumulating both sum|w_i| and sum w_i^2. */
export function elasticNetPenalty(w: usize, n: i32, lambda: f64, rho: f64): f64 {
  let abs0 = f64x2.splat(0.0);
  let abs1 = f64x2.splat(0.0);
  let sq0 = f64x2.splat(0.0);
  let sq1 = f64x2.splat(0.0);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const p = at(w, i);
    const v0 = v128.load(p);
    const v1 = v128.load(p, 16);
    abs0 = f64x2.add(abs0, f64x2.abs(v0));
    abs1 = f64x2.add(abs1, f64x2.abs(v1));
    sq0 = madd(v0, v0, sq0);
    sq1 = madd(v1, v1, sq1);
  }
  let sumAbs = laneSum(f64x2.add(abs0, abs1));
  let sumSq = laneSum(f64x2.add(sq0, sq1));
  for (; i < n; i++) {
    const v = load<f64>(at(w, i));
    sumAbs += abs<f64>(v);
    sumSq += v * v;
  }
  return lambda * (rho * sumAbs + 0.5 * (1.0 - rho) * sumSq);
}

/**
 * out = dP/dw = lambda * (rho * sign(w) + (1 - rho) * w), with sign(0) = 0 (the subgradient convention).
 * out may alias w.
 */
export function elasticNetGradient(w: usize, n: i32, lambda: f64, rho: f64, out: usize): void {
  const lam = f64x2.splat(lambda);
  const l1 = f64x2.splat(rho);
  const l2 = f64x2.splat(1.0 - rho);
  const zero = f64x2.splat(0.0);
  const one = f64x2.splat(1.0);
  let i = 0;
  for (; i + 2 <= n; i += 2) {
    const v = v128.load(at(w, i));
    const sign = f64x2.sub(v128.and(f64x2.gt(v, zero), one), v128.and(f64x2.lt(v, zero), one));
    v128.store(at(out, i), f64x2.mul(lam, f64x2.add(f64x2.mul(l1, sign), f64x2.mul(l2, v))));
  }
  for (; i < n; i++) {
    const v = load<f64>(at(w, i));
    const sign = (v > 0 ? 1.0 : 0.0) - (v < 0 ? 1.0 : 0.0);
    store<f64>(at(out, i), lambda * (rho * sign + (1.0 - rho) * v));
  }
}

/** out = lambda * w / (|w| + eps): the seed's "soft" L1 gradient, smooth at 0. out may alias w. */
export function softL1Gradient(w: usize, n: i32, lambda: f64, eps: f64, out: usize): void {
  for (let i = 0; i < n; i++) {
    const v = load<f64>(at(w, i));
    store<f64>(at(out, i), lambda * v / (abs<f64>(v) + eps));
  }
}

/**
 * out = S(x, t) = sign(x) * max(|x| - t, 0) for a threshold t >= 0, written as
 * max(x - t, 0) + min(x + t, 0): at most one of the two terms is non-zero. out may alias x.
 */
export function softThreshold(x: usize, n: i32, t: f64, out: usize): void {
  const tv = f64x2.splat(t);
  const zero = f64x2.splat(0.0);
  let i = 0;
  for (; i + 2 <= n; i += 2) {
    const v = v128.load(at(x, i));
    v128.store(at(out, i), f64x2.add(f64x2.max(f64x2.sub(v, tv), zero), f64x2.min(f64x2.add(v, tv), zero)));
  }
  for (; i < n; i++) {
    const v = load<f64>(at(x, i));
    store<f64>(at(out, i), max<f64>(v - t, 0.0) + min<f64>(v + t, 0.0));
  }
}
