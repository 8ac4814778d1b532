// Records (arrays of objects, as a JSON API or a CSV parser with headers gives them) to X with names and y.

import { MAX_BLOCK_VALUES } from "../block-limit.js";
import { describeValue, isPlainObject } from "../options/checks.js";
import type { SourceColumn } from "./encode.js";
import { checkTableOptions, chooseFeatures, encodeFeatures, type TableData, type TableLabel, type TableOptions } from "./table-options.js";

/** A record: one row, its values keyed by column name. */
export type TableRecord = Readonly<Record<string, unknown>>;

/**
 * Whether a value is an array of records: its first entry a plain object that is not an array-like row ({ length,
 * 0: ... }). An array longer than a block holds is not read (the size checks refuse it).
 */
export function isRecords(value: unknown): value is readonly TableRecord[] {
  if (!Array.isArray(value) || value.length === 0 || value.length > MAX_BLOCK_VALUES) return false;
  const first: unknown = value[0];
  return isPlainObject(first) && !(typeof first.length === "number" && Object.hasOwn(first, "0"));
}

/** Where a value is, as messages name it. */
const place = (i: number, name: string): string => `records[${i}][${JSON.stringify(name)}]`;

/** A BigInt (a Parquet or SQL INT64) as a double, taken only where the double is exact. */
function exactNumber(raw: bigint, i: number, name: string): number {
  const value = Number(raw);
  if (BigInt(value) !== raw) throw new RangeError(`${place(i, name)} is ${raw}n, beyond 2^53: no double holds it exactly. Rescale the column.`);
  return value;
}

/** Whether a record's value stands for a missing one: undefined, null, NaN or the empty string. */
const isMissing = (value: unknown): boolean => value === undefined || value === null || value === "" || Number.isNaN(value);

/** The refusal of a missing value. */
function missing(i: number, name: string, value: unknown): TypeError {
  return new TypeError(`${place(i, name)} is ${value === "" ? "empty" : describeValue(value)}: fill it in, or drop the record.`);
}

/**
 * A column of the records, typed by its values: numbers (booleans as 1 and 0, BigInts exact to 2^53), or text. One-hot columns (`asText`)
 * read every value as text. Refuses missing values (undefined, null, NaN, ""), infinities, other kinds of value
 * and a column of numbers and text together, naming the record.
 */
export function recordColumn(records: readonly TableRecord[], name: string, asText: boolean): SourceColumn {
  const rows = records.length;
  const values: (number | string)[] = new Array(rows);
  let type: "number" | "text" | undefined = asText ? "text" : undefined;
  for (let i = 0; i < rows; i++) {
    const raw = records[i][name];
    if (isMissing(raw)) throw missing(i, name, raw);
    let value: number | string;
    if (typeof raw === "number" || typeof raw === "boolean" || typeof raw === "bigint") {
      value = Number(raw);
      if (!Number.isFinite(value)) throw new RangeError(`${place(i, name)} is ${value}: every number must be finite.`);
      if (typeof raw === "bigint") exactNumber(raw, i, name);
    } else if (typeof raw === "string") {
      value = raw;
    } else {
      throw new TypeError(`${place(i, name)} is ${describeValue(raw)}: a column holds numbers, booleans or text. Convert it, or exclude the column.`);
    }
    const kind = typeof value === "number" ? "number" : "text";
    if (asText) value = String(raw);
    else if (type === undefined) type = kind;
    else if (kind !== type) {
      const first = records.findIndex((record) => (typeof record[name] === "string") === (type === "text"));
      throw new TypeError(`${place(i, name)} is ${describeValue(raw)} but ${place(first, name)} is ${describeValue(records[first][name])}: ` +
        `a column holds numbers or text, not both. Fix the values, or one-hot encode it as categories with oneHot: [${JSON.stringify(name)}].`);
    }
    values[i] = value;
  }
  return { name, type: type ?? "number", value: (i) => values[i] };
}

/**
 * Checks that every record is an object with the `required` fields; with `allowed`, it may have no other field.
 * Messages name the record and the field.
 */
export function checkFields(records: readonly unknown[], required: readonly string[], allowed?: ReadonlySet<string>,
  fix = "give every record the same fields, or choose columns with features"): void {
  // An index loop, not forEach: a hole (an empty slot) is a missing record, refused as the others are.
  for (let i = 0; i < records.length; i++) {
    const record = records[i];
    if (!isPlainObject(record)) throw new TypeError(`records[${i}] is ${describeValue(record)}: every record must be an object keyed by column name.`);
    const lacking = required.find((name) => !Object.hasOwn(record, name));
    if (lacking !== undefined) throw new TypeError(`records[${i}] has no field "${lacking}": ${fix}.`);
    const extra = allowed && Object.keys(record).find((name) => !allowed.has(name));
    if (extra) throw new TypeError(`records[${i}] has a field "${extra}" that is not one of the columns read: ${fix}.`);
  }
}

/** The target column: numbers as a Float64Array, otherwise labels (text, booleans, numbers) for a classifier. */
function targetOf(records: readonly TableRecord[], target: string): Float64Array | TableLabel[] {
  const labels = records.map((record, i) => {
    const value = record[target];
    if (isMissing(value)) throw missing(i, target, value);
    if (typeof value === "bigint") return exactNumber(value, i, target);
    if (typeof value !== "number" && typeof value !== "string" && typeof value !== "boolean") {
      throw new TypeError(`${place(i, target)} is ${describeValue(value)}: a target holds numbers or class labels (text, booleans).`);
    }
    return value;
  });
  return labels.every((value) => typeof value === "number") ? Float64Array.from(labels as number[]) : labels;
}

/**
 * Reads records (an array of objects keyed by column name) into what `fit` takes: X, a row-major matrix with its
 * feature names and encoding, and y, the `target` column. Number columns are copied as they are (booleans as 1 and
 * 0); text columns are one-hot encoded, one feature per category named `column=value`, categories sorted.
 *
 * @example
 * const { X, y } = fromRecords(rows, { target: "price", exclude: ["id"] });
 * const model = new Lasso({ lambda: 0.1 }).fit(X, y);
 * model.predict([{ area: 80, city: "Lyon" }]);
 */
export function fromRecords(records: readonly TableRecord[], options?: TableOptions): TableData {
  const checked = checkTableOptions(options, "fromRecords");
  if (!isRecords(records)) {
    throw new TypeError(`fromRecords takes a non-empty array of objects keyed by column name, got ${describeValue(records)}.`);
  }
  const fields = Object.keys(records[0]);
  const features = chooseFeatures(fields, checked, "records[0]");
  const read = checked.target === undefined ? features : [...features, checked.target];
  // Chosen columns are read by name (other fields ignored); all columns, only if every record has the same fields.
  const chosen = checked.columns !== undefined || checked.features !== undefined;
  checkFields(records, chosen ? read : fields, chosen ? undefined : new Set(fields));
  const X = encodeFeatures(features, records.length, checked, (name, asText) => recordColumn(records, name, asText));
  return checked.target === undefined ? { X } : { X, y: targetOf(records, checked.target) };
}
