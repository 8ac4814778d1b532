// Optimizer steps, the twins of assembly/kernels/optimizer-steps.ts.

/** One Adam step with l2 mixed into the gradient and decoupled weightDecay (AdamW); t is the 1-based step. */
export function adamStep(
  w: Float64Array, grad: Float64Array, m: Float64Array, v: Float64Array,
  lr: number, beta1: number, beta2: number, eps: number, l2: number, weightDecay: number, t: number,
): void {
  const c1 = 1 - beta1 ** t;
  const c2 = 1 - beta2 ** t;
  for (let j = 0; j < w.length; j++) {
    const wj = w[j];
    const g = grad[j] + l2 * wj;
    m[j] = beta1 * m[j] + (1 - beta1) * g;
    v[j] = beta2 * v[j] + (1 - beta2) * g * g;
    w[j] = wj - lr * (m[j] / c1 / (Math.sqrt(v[j] / c2) + eps) + weightDecay * wj);
  }
}

/** w -= lr (grad + weightDecay w), written as the seed's w - lr grad - lr lambda w. */
export function sgdStep(w: Float64Array, grad: Float64Array, lr: number, weightDecay: number): void {
  for (let j = 0; j < w.length; j++) w[j] = w[j] - lr * grad[j] - lr * weightDecay * w[j];
}
