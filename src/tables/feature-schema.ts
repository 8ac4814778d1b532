// The names of a model's features and the table columns they encode: taken at fit, kept in the model's JSON, and
// checked at predict (scikit-learn's feature_names_in_ check), where records are encoded as the fit's were.

import { describeValue, isPlainObject, ownField } from "../options/checks.js";
import { checkFeatureNames, featureNamesOf, hasCategories, readColumns, type ColumnEncoding, type NamedMatrix } from "./columns.js";
import { encodeTable } from "./encode.js";
import { checkFields, isRecords, recordColumn } from "./records.js";

/** A model's features: their names, and the table columns they encode. */
export interface FeatureSchema {
  featureNames: string[];
  columns: ColumnEncoding[];
}

/** What a model's JSON holds of its schema: the names, and the columns when one is one-hot encoded. */
export interface FeatureSchemaJSON {
  featureNames?: string[];
  columns?: ColumnEncoding[];
}

/** Whether X is a matrix that names its columns (what fromRecords and fromArrow give). */
export function isNamedMatrix(X: unknown): X is NamedMatrix {
  return isPlainObject(X) && Object.hasOwn(X, "featureNames") && Object.hasOwn(X, "data");
}

const numberColumns = (names: readonly string[]): ColumnEncoding[] => names.map((name) => ({ name, kind: "number" }));

/** The columns of X as fit reads it, where its shape says so at a glance: { cols }, rows of arrays, or one feature. */
function columnCount(X: unknown): number | undefined {
  if (isPlainObject(X) && typeof X.cols === "number") return X.cols;
  if (!Array.isArray(X) || X.length === 0) return undefined;
  const first: unknown = X[0];
  if (typeof first === "number") return 1;
  return Array.isArray(first) || ArrayBuffer.isView(first) ? (first as ArrayLike<unknown>).length : undefined;
}

/** Whether two lists of names are equal, entry by entry. */
const sameNames = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((name, j) => name === b[j]);

/**
 * The schema of a fit: from X's names (a named matrix) or the `featureNames` option, which must agree when both are
 * given; null when neither names the features. Records are refused: fromRecords reads them into X and y.
 */
export function fitSchema(X: unknown, featureNames: readonly string[] | undefined, model: string, use = "fit"): FeatureSchema | null {
  if (isRecords(X)) {
    throw new TypeError(`${model}.${use} takes X as rows of numbers; read records with fromRecords(records, { target: "<column>" }) and fit its X and y.`);
  }
  if (!isNamedMatrix(X)) {
    if (!featureNames) return null;
    // Checked before any work, so that a refused fit leaves the model (and its training progress) as it was.
    const cols = columnCount(X);
    if (cols !== undefined) checkNameCount(featureNames, cols);
    return { featureNames: [...featureNames], columns: numberColumns(featureNames) };
  }
  const names = checkFeatureNames(X.featureNames, "X.featureNames");
  checkNameCount(names, X.cols);
  const columns = Object.hasOwn(X, "columns") ? readColumns(X.columns, "X.columns") : numberColumns(names);
  if (!sameNames(featureNamesOf(columns), names)) {
    throw new TypeError("X.featureNames are not the features of X.columns: pass X as fromRecords or fromArrow gave it.");
  }
  if (featureNames && !sameNames(featureNames, names)) {
    throw new TypeError(`featureNames (${featureNames.join(", ")}) differ from X.featureNames (${names.join(", ")}): give one of them.`);
  }
  return { featureNames: names, columns };
}

/** The first difference between the names X has and those the model was fitted on, as scikit-learn words it. */
function namesProblem(given: readonly string[], fitted: readonly string[]): string | undefined {
  const unseen = given.filter((name) => !fitted.includes(name));
  const missing = fitted.filter((name) => !given.includes(name));
  if (unseen.length > 0) return `X has feature(s) unseen at fit: ${unseen.join(", ")}`;
  if (missing.length > 0) return `X lacks feature(s) seen at fit: ${missing.join(", ")}`;
  const j = given.findIndex((name, i) => name !== fitted[i]);
  return j < 0 ? undefined : `X's features are not in the order of fit: column ${j} is "${given[j]}" where the model has "${fitted[j]}"`;
}

/**
 * X as the model reads it at `use` (predict, score): records encoded by column name as the fit's were (a field the
 * model lacks or lacks a column it has is refused, naming it); a named matrix checked name by name and in order;
 * rows of numbers as given (their count is checked by the caller).
 */
export function readInput(X: unknown, schema: FeatureSchema | null, model: string, use: string, warn: (message: string) => void): unknown {
  if (isRecords(X)) {
    if (!schema) {
      throw new TypeError(`${model}.${use} got records, but the model was fitted without feature names: pass rows of numbers in the order of fit, ` +
        "or fit with { featureNames } (or on fromRecords' X) to predict from records.");
    }
    const names = schema.columns.map((column) => column.name);
    checkFields(X, names, new Set(names), `${model}.${use} reads the columns ${names.join(", ")}: give each record those fields, no other`);
    const sources = schema.columns.map((column) => recordColumn(X, column.name, column.kind === "category"));
    const { data, rows, cols } = encodeTable(sources, X.length, { columns: schema.columns }, warn);
    return { data, rows, cols };
  }
  if (isNamedMatrix(X) && schema) {
    const names = checkFeatureNames(X.featureNames, "X.featureNames");
    const problem = namesProblem(names, schema.featureNames);
    if (problem) {
      throw new TypeError(`${model}.${use}: ${problem}. Pass the columns the model was fitted on (${schema.featureNames.join(", ")}), in that order: ` +
        "read new rows with fromRecords(rows, { columns: model.columns }) (or fromArrow), or pass the records themselves.");
    }
  }
  return X;
}

/** The schema as the model's JSON keeps it (nothing for a model fitted without names). */
export function schemaToJSON(schema: FeatureSchema | null): FeatureSchemaJSON {
  if (!schema) return {};
  return hasCategories(schema.columns)
    ? { featureNames: [...schema.featureNames], columns: schema.columns.map((column) => structuredClone(column)) }
    : { featureNames: [...schema.featureNames] };
}

/** Reads the schema from a model's JSON, checked against the model's feature count. */
export function readSchemaJSON(json: FeatureSchemaJSON, nFeatures: number | undefined, where: string): FeatureSchema | null {
  const [featureNames, columns] = [ownField(json, "featureNames"), ownField(json, "columns")];
  if (featureNames === undefined) {
    if (columns !== undefined) throw new TypeError(`${where}: columns come with featureNames; pass the output of toJSON().`);
    return null;
  }
  if (nFeatures === undefined) throw new TypeError(`${where}: an unfitted model has no featureNames (got ${describeValue(featureNames)}); pass the output of toJSON().`);
  const names = checkFeatureNames(featureNames, `${where}.featureNames`);
  if (names.length !== nFeatures) throw new RangeError(`${where}: featureNames has ${names.length} names but the model has ${nFeatures} features; pass the output of toJSON().`);
  const read = columns === undefined ? numberColumns(names) : readColumns(columns, `${where}.columns`);
  if (!sameNames(featureNamesOf(read), names)) throw new TypeError(`${where}: featureNames are not the features of columns; pass the output of toJSON().`);
  return { featureNames: names, columns: read };
}

/** The names of a schema, copied (undefined without one): what a model's `featureNames` reads. */
export const namesOf = (schema: FeatureSchema | null): string[] | undefined => (schema ? [...schema.featureNames] : undefined);

/** The columns of a schema, copied (undefined without one): what a model's `columns` reads. */
export const columnsOf = (schema: FeatureSchema | null): ColumnEncoding[] | undefined => (schema ? structuredClone(schema.columns) : undefined);

/** Checks that `names` name every column of X, one each. */
function checkNameCount(names: readonly string[], cols: number): void {
  if (names.length !== cols) throw new RangeError(`featureNames has ${names.length} names but X has ${cols} columns: give one name per column, in order.`);
}

/** Checks that the schema names every feature of a fit on `nFeatures`. */
export function checkSchemaCount(schema: FeatureSchema | null, nFeatures: number): void {
  if (schema) checkNameCount(schema.featureNames, nFeatures);
}
