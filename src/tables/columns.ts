// The columns of a table as a model reads them: numbers taken as they are, or text one-hot encoded (one feature
// per category, named `column=value`, as scikit-learn's OneHotEncoder with handle_unknown="ignore").

import { checkFeatureNames, describeValue, isPlainObject, repeatedName } from "../options/checks.js";

export { checkFeatureNames } from "../options/checks.js";

/** A column of numbers: one feature. */
export interface NumberColumn {
  name: string;
  kind: "number";
}

/** A column of text: one feature per category, in the order of `categories` (sorted at fit). */
export interface CategoryColumn {
  name: string;
  kind: "category";
  categories: string[];
}

/** How a model reads one column of a table. */
export type ColumnEncoding = NumberColumn | CategoryColumn;

/**
 * A row-major matrix with the names of its columns and the table columns they encode: what `fromRecords` and
 * `fromArrow` give as X. A model fitted on it keeps the names and the encoding, and predicts from records.
 */
export interface NamedMatrix {
  data: Float64Array;
  rows: number;
  cols: number;
  /** One name per column of the matrix (a one-hot column's features as `column=value`). */
  featureNames: string[];
  /** The table's columns, in order, and how each became features. */
  columns: ColumnEncoding[];
}

/** The feature a category of a one-hot encoded column becomes. */
export const categoryFeature = (column: string, category: string): string => `${column}=${category}`;

/** The features of the columns, in order: a number column's name, a category column's `column=value` per category. */
export function featureNamesOf(columns: readonly ColumnEncoding[]): string[] {
  return columns.flatMap((column) =>
    column.kind === "number" ? [column.name] : column.categories.map((category) => categoryFeature(column.name, category)));
}

/** Whether any column is one-hot encoded (else the feature names alone say how to read a table). */
export const hasCategories = (columns: readonly ColumnEncoding[]): boolean => columns.some((column) => column.kind === "category");

/**
 * Reads columns from JSON (a model's `columns`), every field checked: a name, a kind, and for a category column its
 * categories (distinct strings). `where` names the list in messages.
 */
export function readColumns(value: unknown, where: string): ColumnEncoding[] {
  if (!Array.isArray(value)) throw new TypeError(`${where} must be an array of columns, got ${describeValue(value)}: pass the output of toJSON().`);
  const columns = value.map((entry: unknown, c): ColumnEncoding => {
    const at = `${where}[${c}]`;
    if (!isPlainObject(entry) || typeof entry.name !== "string" || entry.name === "") {
      throw new TypeError(`${at} must be { name, kind } with a non-empty name, got ${describeValue(entry)}: pass the output of toJSON().`);
    }
    if (entry.kind === "number") return { name: entry.name, kind: "number" };
    if (entry.kind !== "category") throw new TypeError(`${at}.kind must be "number" or "category", got ${describeValue(entry.kind)}.`);
    const categories = checkFeatureNames(entry.categories, `${at}.categories`);
    return { name: entry.name, kind: "category", categories };
  });
  const twice = repeatedName(columns.map((column) => column.name));
  if (twice !== undefined) throw new RangeError(`${where} names the column "${twice}" twice: pass the output of toJSON().`);
  return columns;
}
