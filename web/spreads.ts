// Column spreads of a data set, the scale a standardized fit divides by.

/** Column standard deviations (population), the scale of the standardized fit; 1 for a constant column. */
export function spreads(X: ArrayLike<number>[]): number[] {
  return Array.from(X[0], (_, j) => {
    const mean = X.reduce((s, row) => s + row[j], 0) / X.length;
    return Math.sqrt(X.reduce((s, row) => s + (row[j] - mean) ** 2, 0) / X.length) || 1;
  });
}
