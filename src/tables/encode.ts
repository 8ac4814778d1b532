// A table's columns to the row-major matrix a model fits: number columns copied as they are, text columns one-hot
// encoded. At fit the encoding is learned (categories sorted); at predict a model's encoding is applied, and a
// category it never saw becomes zeros with a warning (scikit-learn's handle_unknown="ignore").

import { checkBlockSize } from "../block-limit.js";
import { isDecimal, repeatedName } from "../options/checks.js";
import { categoryFeature, featureNamesOf, type CategoryColumn, type ColumnEncoding, type NamedMatrix } from "./columns.js";

/** A column of a table, its values already checked by its reader (no missing value, numbers finite). */
export interface SourceColumn {
  readonly name: string;
  /** "number": every value is a finite number; "text": every value is a string. */
  readonly type: "number" | "text";
  /** Row i's value. */
  value(i: number): number | string;
  /** Writes row i's value to target[offset + i * stride] for every row (a number column read from its buffer). */
  scatter?(target: Float64Array, offset: number, stride: number): void;
}

/** How to encode: learn the encoding (one-hot the text columns and those named), or apply a model's. */
export type EncodeMode = { oneHot: readonly string[] } | { columns: readonly ColumnEncoding[] };

/**
 * Categories as a one-hot column lists them: by value when every one is a decimal number (codes such as zip codes,
 * as OneHotEncoder sorts a numeric column), else in code-unit order (its sort of strings).
 */
function sortedCategories(source: SourceColumn, rows: number): string[] {
  const labels = new Set<string>();
  for (let i = 0; i < rows; i++) labels.add(String(source.value(i)));
  const sorted = [...labels];
  if (sorted.every(isDecimal)) return sorted.sort((a, b) => Number(a) - Number(b) || (a < b ? -1 : a > b ? 1 : 0));
  return sorted.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The encoding learned from the columns: text columns and those in `oneHot` become categories. */
function learn(sources: readonly SourceColumn[], rows: number, oneHot: readonly string[]): ColumnEncoding[] {
  return sources.map((source) => source.type === "text" || oneHot.includes(source.name)
    ? { name: source.name, kind: "category", categories: sortedCategories(source, rows) }
    : { name: source.name, kind: "number" });
}

/**
 * Checks that each source is of a type its column can read (text cannot fill a number column). The sources are the
 * columns themselves, in order: every reader builds them from the model's column names.
 */
function checkTypes(sources: readonly SourceColumn[], columns: readonly ColumnEncoding[]): void {
  columns.forEach((column, c) => {
    if (column.kind === "number" && sources[c].type === "text") {
      throw new TypeError(`column "${column.name}" held numbers when the model was fitted, but holds text here: pass numbers.`);
    }
  });
}

/** Fills a category column's features (one per category) at `offset`; returns the values it had not seen. */
function oneHot(source: SourceColumn, column: CategoryColumn, rows: number, target: Float64Array, offset: number, stride: number): Set<string> {
  const index = new Map(column.categories.map((category, k) => [category, k]));
  const unseen = new Set<string>();
  for (let i = 0; i < rows; i++) {
    const value = String(source.value(i));
    const k = index.get(value);
    if (k === undefined) unseen.add(value);
    else target[i * stride + offset + k] = 1;
  }
  return unseen;
}

/**
 * Encodes `rows` rows of the sources. With a model's encoding, the sources must be its columns in its order (the
 * readers put them so) and `warn` hears of categories the model never saw, whose features are left at zero.
 */
export function encodeTable(sources: readonly SourceColumn[], rows: number, mode: EncodeMode, warn: (message: string) => void): NamedMatrix {
  let columns: ColumnEncoding[];
  if ("columns" in mode) {
    checkTypes(sources, mode.columns);
    columns = [...mode.columns];
  } else {
    columns = learn(sources, rows, mode.oneHot);
  }
  const featureNames = featureNamesOf(columns);
  const clash = repeatedName(featureNames);
  if (clash !== undefined) {
    throw new TypeError(`two columns give the feature "${clash}" (a column of that name, and a one-hot column's category): rename one, or exclude it.`);
  }
  const cols = featureNames.length;
  checkBlockSize(rows * cols, `The encoded table is ${rows} x ${cols}`, "pass fewer rows at a time, or fewer categories");
  const data = new Float64Array(rows * cols);
  let offset = 0;
  columns.forEach((column, c) => {
    const source = sources[c];
    if (column.kind === "number") {
      if (source.scatter) source.scatter(data, offset, cols);
      else for (let i = 0; i < rows; i++) data[i * cols + offset] = source.value(i) as number;
      offset += 1;
      return;
    }
    const unseen = oneHot(source, column, rows, data, offset, cols);
    if (unseen.size > 0) {
      const shown = [...unseen].slice(0, 5).map((value) => categoryFeature(column.name, value));
      warn(`column "${column.name}" holds ${unseen.size} categor${unseen.size === 1 ? "y" : "ies"} the model was not fitted on (${shown.join(", ")}${unseen.size > 5 ? ", ..." : ""}): ` +
        "their rows get zeros in that column's features, as scikit-learn's OneHotEncoder(handle_unknown=\"ignore\").");
    }
    offset += column.categories.length;
  });
  return { data, rows, cols, featureNames, columns };
}
