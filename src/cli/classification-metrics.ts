// How well a fitted classifier fits its rows: accuracy, log loss and the confusion matrix.

import type { Label, LogisticRegression } from "../models/logistic-regression.js";

/** The train metrics of a classifier on rows X with labels y. */
export interface ClassifierMetrics {
  /** Rows whose predicted class is their own. */
  hits: number;
  rows: number;
  /** The mean over rows of -log p(own class | x) (natural log, unweighted). */
  logLoss: number;
  /** counts[t][p]: rows of true class t (in `classes` order) predicted as class p. */
  confusion: number[][];
}

/** Accuracy, log loss and the confusion matrix from the model's predictions and log-probabilities. */
export function classifierMetrics(model: LogisticRegression, X: number[][], y: readonly Label[]): ClassifierMetrics {
  const classes = model.classes;
  const K = classes.length;
  const index = new Map<Label, number>(classes.map((label, k) => [label, k]));
  const logP = model.predictLogProba(X);
  const predicted = model.predict(X);
  const confusion = classes.map(() => new Array<number>(K).fill(0));
  let loss = 0;
  y.forEach((label, i) => {
    const own = index.get(label) as number;
    loss -= logP[i * K + own];
    confusion[own][index.get(predicted[i]) as number]++;
  });
  const hits = confusion.reduce((sum, row, k) => sum + row[k], 0);
  return { hits, rows: y.length, logLoss: loss / y.length, confusion };
}
