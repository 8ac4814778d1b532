import { diabetesColumns, diabetesRows } from "./diabetes.generated.js";

/** A regression data set: features as rows, the target, and the feature names. */
export interface Dataset {
  /** n rows of d features. */
  X: Float64Array[];
  /** n targets. */
  y: Float64Array;
  /** d feature names, in column order. */
  featureNames: string[];
}

/**
 * The diabetes data of Efron, Hastie, Johnstone and Tibshirani ("Least Angle Regression", 2004): 442 patients,
 * 10 raw (unscaled) baseline variables (age, sex, bmi, bp, s1..s6) and a measure of disease progression one
 * year later as the target. Embedded in the package; each call returns fresh copies.
 */
export function loadDiabetes(): Dataset {
  const targetColumn = diabetesColumns.length - 1;
  return {
    X: diabetesRows.map((row) => Float64Array.from(row.slice(0, targetColumn))),
    y: Float64Array.from(diabetesRows, (row) => row[targetColumn]),
    featureNames: diabetesColumns.slice(0, targetColumn),
  };
}
