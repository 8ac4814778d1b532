import { breastCancerColumns, breastCancerLabels, breastCancerRows } from "./breast-cancer.generated.js";

/** A classification data set: features as rows, a label per row, the feature names and the classes. */
export interface ClassificationDataset {
  /** n rows of d features. */
  X: Float64Array[];
  /** n labels, each one of `classes`. */
  y: string[];
  /** d feature names, in column order. */
  featureNames: string[];
  /** The labels that occur, in sorted order. */
  classes: string[];
}

/**
 * The Breast Cancer Wisconsin (Diagnostic) data of Wolberg, Street and Mangasarian (UCI, 1995): 569 fine-needle
 * aspirates, 30 raw (unscaled) features of the cell nuclei (the mean, standard error and worst value of ten
 * measurements) and the diagnosis, "benign" (357) or "malignant" (212). Embedded in the package (its own module,
 * so an app that does not load it does not bundle it); each call returns fresh copies.
 */
export function loadBreastCancer(): ClassificationDataset {
  const d = breastCancerColumns.length - 1;
  return {
    X: breastCancerRows.map((row) => Float64Array.from(row.slice(0, d))),
    y: breastCancerRows.map((row) => breastCancerLabels[row[d]]),
    featureNames: breastCancerColumns.slice(0, d),
    classes: [...breastCancerLabels],
  };
}
