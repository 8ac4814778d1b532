// The ROC curve of scores against two-class truth, and the area under it.

/** A ROC curve: false and true positive rates, from (0, 0) to (1, 1), and its area. */
export interface Roc {
  fpr: number[];
  tpr: number[];
  auc: number;
}

/**
 * The ROC curve of `scores` (higher: more likely positive) for rows whose truth is `positive`: one point per distinct
 * score, thresholds from the highest down, tied rows moving both rates at once (a diagonal step); the AUC by
 * trapezoids, which counts a tied positive-negative pair as half.
 */
export function roc(scores: ArrayLike<number>, positive: readonly boolean[]): Roc {
  if (scores.length !== positive.length) {
    throw new RangeError(`roc: ${scores.length} scores but ${positive.length} labels: give one score per labelled row.`);
  }
  const positives = positive.filter(Boolean).length;
  const negatives = positive.length - positives;
  if (positives === 0 || negatives === 0) {
    throw new RangeError(`roc: the rows hold ${positives} positive and ${negatives} negative labels: a ROC curve needs both; use a split with rows of each class.`);
  }
  const order = Array.from(positive.keys()).sort((a, b) => scores[b] - scores[a]);
  const fpr = [0];
  const tpr = [0];
  let [tp, fp, auc] = [0, 0, 0];
  for (let start = 0; start < order.length;) {
    let end = start;
    while (end < order.length && scores[order[end]] === scores[order[start]]) {
      if (positive[order[end]]) tp++;
      else fp++;
      end++;
    }
    const [x, y] = [fp / negatives, tp / positives];
    auc += ((x - fpr[fpr.length - 1]) * (y + tpr[tpr.length - 1])) / 2;
    fpr.push(x);
    tpr.push(y);
    start = end;
  }
  return { fpr, tpr, auc };
}
