// The logistic link and its logarithms, stable for decision values of any size: what the Newton fits, prediction
// and cross-validation's held-out scores share.

/** p = sigmoid(t), without overflow for t of either sign. */
export function sigmoid(t: number): number {
  if (t >= 0) return 1 / (1 + Math.exp(-t));
  const e = Math.exp(t);
  return e / (1 + e);
}

/** log sigmoid(t) = -log(1 + e^{-t}). */
export function logSigmoid(t: number): number {
  return -(Math.max(-t, 0) + Math.log1p(Math.exp(-Math.abs(t))));
}

/** log(1 + e^t) - y t: one row's log-loss. */
export function logLoss(t: number, y: number): number {
  return -logSigmoid(-t) - y * t;
}

/** log sum_k e^{values[offset + k]} over count values. */
export function logSumExp(values: ArrayLike<number>, offset: number, count: number): number {
  let top = -Infinity;
  for (let k = 0; k < count; k++) top = Math.max(top, values[offset + k]);
  let total = 0;
  for (let k = 0; k < count; k++) total += Math.exp(values[offset + k] - top);
  return top + Math.log(total);
}

/**
 * log p(class k | x) per row and class (n x K row-major) from decision values: n log-odds of the second class
 * (the binomial model, K = 2), or n x K (the multinomial one).
 */
export function logProbabilities(t: Float64Array, multinomial: boolean, K: number): Float64Array {
  if (!multinomial) return Float64Array.from({ length: 2 * t.length }, (_, k) => logSigmoid(k % 2 === 0 ? -t[k >> 1] : t[k >> 1]));
  const out = new Float64Array(t.length);
  for (let i = 0; i < t.length / K; i++) {
    const logZ = logSumExp(t, i * K, K);
    for (let k = 0; k < K; k++) out[i * K + k] = t[i * K + k] - logZ;
  }
  return out;
}

/** The class of largest log-probability in each row of an n x K matrix (the first on a tie, as argmax). */
export function mostProbable<T>(logP: Float64Array, classes: readonly T[]): T[] {
  const K = classes.length;
  return Array.from({ length: logP.length / K }, (_, i) => {
    let best = 0;
    for (let k = 1; k < K; k++) if (logP[i * K + k] > logP[i * K + best]) best = k;
    return classes[best];
  });
}

/** The share of rows whose predicted label equals the given one. */
export function accuracy<T>(predicted: readonly T[], y: ArrayLike<T>): number {
  const truth = Array.from(y);
  if (truth.length !== predicted.length) throw new RangeError(`y has ${truth.length} labels but X has ${predicted.length} rows: give one label per row.`);
  return predicted.reduce((hits: number, label, i) => hits + (label === truth[i] ? 1 : 0), 0) / truth.length;
}
