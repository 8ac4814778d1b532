// What fromRecords and fromArrow take and give, and the column choice they share.

import { describeValue, isPlainObject, ownField, repeatedName } from "../options/checks.js";
import { readColumns, type ColumnEncoding, type NamedMatrix } from "./columns.js";
import { encodeTable, type SourceColumn } from "./encode.js";

/** How to read a table into features and a target. */
export interface TableOptions {
  /** The column to predict, left out of X and returned as y. Without it there is no y (rows to predict). */
  target?: string;
  /** The feature columns, in this order (default: every column but the target and `exclude`, in the table's order). */
  features?: readonly string[];
  /** Columns to leave out (ids, free text). */
  exclude?: readonly string[];
  /**
   * Number columns to one-hot encode as categories (codes such as zip codes). Text columns are one-hot encoded
   * whether named here or not.
   */
  oneHot?: readonly string[];
  /**
   * A fitted model's `columns`: read the rows as that model was fitted, its features in its order, categories it never
   * saw giving zeros (and a warning). `features` and `oneHot` then do not apply.
   */
  columns?: readonly ColumnEncoding[];
  /** Hears of categories `columns` does not know (default: console.warn). */
  onWarning?: (message: string) => void;
}

/** A class label as a target column may hold one. */
export type TableLabel = number | string | boolean;

/** What a table reader gives: X with its names, and the target column when one was named. */
export interface TableData {
  X: NamedMatrix;
  /** The target: numbers as a Float64Array; labels (text, booleans) as an array for a classifier. */
  y?: Float64Array | TableLabel[];
}

const OPTION_NAMES = ["target", "features", "exclude", "oneHot", "columns", "onWarning"];

/** A list of distinct column names, or undefined. */
function nameList(value: unknown, name: string): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || !value.every((entry) => typeof entry === "string")) {
    throw new TypeError(`${name} must be an array of column names, got ${describeValue(value)}.`);
  }
  const twice = repeatedName(value as string[]);
  if (twice !== undefined) throw new RangeError(`${name} names "${twice}" twice: name each column once.`);
  return value as string[];
}

/** The options checked: unknown names refused, lists of distinct names, a string target. */
export function checkTableOptions(options: unknown, reader: string): TableOptions {
  if (options === undefined) return {};
  if (!isPlainObject(options)) throw new TypeError(`${reader}'s options must be an object such as { target: "price" }, got ${describeValue(options)}.`);
  const unknown = Object.keys(options).find((key) => !OPTION_NAMES.includes(key));
  if (unknown !== undefined) throw new TypeError(`${reader} has no option "${unknown}": its options are ${OPTION_NAMES.join(", ")}.`);
  const own = (key: string): unknown => ownField(options, key);
  const [target, onWarning, columns] = [own("target"), own("onWarning"), own("columns")];
  const chooses = ["features", "exclude", "oneHot"].find((key) => own(key) !== undefined);
  if (columns !== undefined && chooses !== undefined) {
    throw new TypeError(`${reader}: columns (a fitted model's) already says which columns to read and how; drop ${chooses}.`);
  }
  if (target !== undefined && (typeof target !== "string" || target === "")) {
    throw new TypeError(`${reader}: target must be a column name, got ${describeValue(target)}.`);
  }
  if (onWarning !== undefined && typeof onWarning !== "function") throw new TypeError(`${reader}: onWarning must be a function, got ${describeValue(onWarning)}.`);
  return {
    target: target as string | undefined,
    features: nameList(own("features"), `${reader}: features`),
    exclude: nameList(own("exclude"), `${reader}: exclude`),
    oneHot: nameList(own("oneHot"), `${reader}: oneHot`),
    columns: columns === undefined ? undefined : readColumns(columns, `${reader}: columns (a fitted model's model.columns)`),
    onWarning: onWarning as ((message: string) => void) | undefined,
  };
}

/**
 * The feature columns: the model's (`columns`), those named (`features`), or every column of the table but the
 * target and the excluded ones, in the table's order. Refuses a name the table lacks and a target among the features.
 */
export function chooseFeatures(available: readonly string[], options: TableOptions, source: string): string[] {
  const { target, exclude = [] } = options;
  if (target !== undefined && !available.includes(target)) {
    throw new TypeError(`${source} has no column "${target}" (the target): its columns are ${available.join(", ")}.`);
  }
  const unknownExcluded = exclude.filter((name) => !available.includes(name));
  if (unknownExcluded.length > 0) throw new TypeError(`exclude names ${unknownExcluded.join(", ")}, which ${source} lacks: its columns are ${available.join(", ")}.`);
  if (options.features && exclude.length > 0) throw new TypeError("features names the columns to read; exclude leaves columns out of all of them: give one of the two.");
  const named = options.columns?.map((column) => column.name) ?? options.features;
  const chosen = named ?? available.filter((name) => name !== target && !exclude.includes(name));
  const missing = chosen.filter((name) => !available.includes(name));
  if (missing.length > 0) throw new TypeError(`${source} has no column(s) ${missing.join(", ")}: its columns are ${available.join(", ")}.`);
  if (target !== undefined && chosen.includes(target)) throw new TypeError(`"${target}" is the target: leave it out of the features.`);
  if (chosen.length === 0) throw new TypeError(`${source} has no feature column left: every column is the target or excluded.`);
  const unknownOneHot = (options.oneHot ?? []).filter((name) => !chosen.includes(name));
  if (unknownOneHot.length > 0) throw new TypeError(`oneHot names ${unknownOneHot.join(", ")}, which are not feature columns: the features are ${chosen.join(", ")}.`);
  return [...chosen];
}

/**
 * Encodes the feature columns of `rows` rows: learning the encoding (text and `oneHot` columns as categories), or
 * applying a model's `columns`. `column(name, asText)` reads a column, as text when it is to be one-hot encoded.
 */
export function encodeFeatures(features: readonly string[], rows: number, options: TableOptions, column: (name: string, asText: boolean) => SourceColumn): NamedMatrix {
  const oneHot = options.oneHot ?? [];
  const categories = new Set(options.columns?.filter((c) => c.kind === "category").map((c) => c.name));
  const sources = features.map((name) => column(name, oneHot.includes(name) || categories.has(name)));
  const mode = options.columns ? { columns: options.columns } : { oneHot };
  return encodeTable(sources, rows, mode, options.onWarning ?? console.warn);
}
