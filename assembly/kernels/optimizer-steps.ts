import { at } from "./lanes";

// Optimizer steps over n weights, in place (the seed's "Weight Decay vs L2 Regularization").

/**
 * One Adam step (Kingma & Ba 2015) with both kinds of regularization: l2 is mixed into the gradient
 * (g = grad + l2 w, the seed's "wrong approach" for Adam) and weightDecay is decoupled (AdamW, Loshchilov &
 * Hutter 2019): m = beta1 m + (1 - beta1) g, v = beta2 v + (1 - beta2) g^2, then
 * w -= lr (m / (1 - beta1^t) / (sqrt(v / (1 - beta2^t)) + eps) + weightDecay w), t the 1-based step count.
 */
export function adamStep(
  w: usize, grad: usize, m: usize, v: usize, n: i32,
  lr: f64, beta1: f64, beta2: f64, eps: f64, l2: f64, weightDecay: f64, t: f64,
): void {
  const c1 = 1.0 - Math.pow(beta1, t);
  const c2 = 1.0 - Math.pow(beta2, t);
  for (let j = 0; j < n; j++) {
    const wj = load<f64>(at(w, j));
    const g = load<f64>(at(grad, j)) + l2 * wj;
    const mj = beta1 * load<f64>(at(m, j)) + (1.0 - beta1) * g;
    const vj = beta2 * load<f64>(at(v, j)) + (1.0 - beta2) * g * g;
    store<f64>(at(m, j), mj);
    store<f64>(at(v, j), vj);
    store<f64>(at(w, j), wj - lr * (mj / c1 / (Math.sqrt(vj / c2) + eps) + weightDecay * wj));
  }
}

/** One SGD step with weight decay: w -= lr (grad + weightDecay w) (for SGD the same as an L2 penalty). */
export function sgdStep(w: usize, grad: usize, n: i32, lr: f64, weightDecay: f64): void {
  for (let j = 0; j < n; j++) {
    const wj = load<f64>(at(w, j));
    store<f64>(at(w, j), wj - lr * load<f64>(at(grad, j)) - lr * weightDecay * wj);
  }
}
