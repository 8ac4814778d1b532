// Value checks shared by the option schema and the functions that take numbers positionally: each returns the
// value it accepts and throws a TypeError or RangeError that names the argument, the value and what is allowed.

import { checkBlockSize } from "../block-limit.js";

/** The largest iteration count: iteration counters are 32-bit integers in the WASM core. */
export const MAX_ITER_LIMIT = 2 ** 31 - 1;

/** A value as error messages show it: numbers as they print, strings quoted, objects by their class. */
export function describeValue(value: unknown): string {
  switch (typeof value) {
    case "number":
      return String(value);
    case "undefined":
      return "undefined";
    case "bigint":
      return `the BigInt ${value}n`;
    case "symbol":
      return String(value);
    case "function":
      return "a function";
    case "object": {
      if (value === null) return "null";
      if (Array.isArray(value)) return "an array";
      const name = className(value);
      return name === undefined ? "an object" : `${/^[aeiou]/i.test(name) ? "an" : "a"} ${name}`;
    }
    default:
      return `${typeof value} ${JSON.stringify(value)}`;
  }
}

/** The class of an object that is not a plain one ("Map", "DataView"), or undefined. */
function className(value: object): string | undefined {
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype === null || Object.getPrototypeOf(prototype) === null) return undefined;
  const name: unknown = (prototype as { constructor?: { name?: unknown } }).constructor?.name;
  return typeof name === "string" && name !== "" ? name : "instance of an anonymous class";
}

/**
 * Whether a value is a plain object ({ ... } or Object.create(null)), from any realm: not an array, a class
 * instance or a Map, whose own fields would not be the options they seem to hold.
 */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === null || Object.getPrototypeOf(prototype) === null;
}

/** An object's own field (undefined when absent): a name set on Object.prototype is never read as the object's. */
export function ownField(object: object, key: string): unknown {
  return Object.hasOwn(object, key) ? (object as Record<string, unknown>)[key] : undefined;
}

/** The first name that appears twice in `names`, or undefined. */
export function repeatedName(names: readonly string[]): string | undefined {
  const seen = new Set<string>();
  return names.find((name) => seen.has(name) || !seen.add(name));
}

/** Checks a list of names (features, categories): non-empty strings, none twice. `name` is how messages call the list. */
export function checkFeatureNames(value: unknown, name: string): string[] {
  if (!Array.isArray(value)) throw new TypeError(`${name} must be an array of distinct strings, got ${describeValue(value)}.`);
  value.forEach((entry: unknown, j) => {
    if (typeof entry !== "string" || entry === "") {
      throw new TypeError(`${name}[${j}] must be a non-empty string, got ${describeValue(entry)}.`);
    }
  });
  const names = value as string[];
  const twice = repeatedName(names);
  if (twice !== undefined) throw new RangeError(`${name} names "${twice}" twice: give each its own name.`);
  return [...names];
}

/** Checks a regularization strength (or any option that is a finite number >= 0). */
export function checkLambda(value: unknown, name = "lambda"): number {
  if (typeof value !== "number") {
    throw new TypeError(`${name} must be a number >= 0, got ${describeValue(value)}.`);
  }
  if (!Number.isFinite(value) || value < 0) {
    throw new RangeError(`${name} must be a finite number >= 0, got ${value}.`);
  }
  return value;
}

/** Checks the elastic-net mixing parameter: a number in [0, 1] (1 is pure L1, 0 pure L2). */
export function checkL1Ratio(value: unknown, name = "l1Ratio"): number {
  if (typeof value !== "number") {
    throw new TypeError(`${name} must be a number in [0, 1], got ${describeValue(value)}.`);
  }
  if (!(value >= 0 && value <= 1)) {
    throw new RangeError(`${name} must be in [0, 1] (1 = pure L1, 0 = pure L2), got ${value}.`);
  }
  return value;
}

export function checkBoolean(value: unknown, name: string): boolean {
  if (typeof value !== "boolean") throw new TypeError(`${name} must be true or false, got ${String(value)}.`);
  return value;
}

export function checkChoice<T>(value: unknown, name: string, choices: readonly T[]): T {
  if (!choices.includes(value as T)) {
    throw new RangeError(
      `${name} must be one of ${choices.map((c) => JSON.stringify(c)).join(", ")}, got ${JSON.stringify(value)}.`,
    );
  }
  return value as T;
}

export function checkPositiveInteger(value: unknown, name: string, limit = MAX_ITER_LIMIT): number {
  if (!Number.isInteger(value) || (value as number) < 1 || (value as number) > limit) {
    throw new RangeError(`${name} must be an integer from 1 to ${limit}, got ${String(value)}.`);
  }
  return value as number;
}

/** A finite number > 0 (step sizes, epsilons). */
export function checkPositive(value: unknown, name: string): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) {
    throw new RangeError(`${name} must be a finite number > 0, got ${String(value)}.`);
  }
  return value;
}

/** A number in [0, 1) (moment decays, fractions). */
export function checkFraction(value: unknown, name: string): number {
  if (!(typeof value === "number" && value >= 0 && value < 1)) {
    throw new RangeError(`${name} must be in [0, 1), got ${String(value)}.`);
  }
  return value;
}

export function checkSeed(value: unknown, name = "seed"): number {
  if (!Number.isInteger(value) || (value as number) < 0 || (value as number) > 2 ** 32 - 1) {
    throw new RangeError(`${name} must be an integer from 0 to 2^32 - 1, got ${String(value)}.`);
  }
  return value as number;
}

export function checkFunction<F>(value: unknown, name: string): F {
  if (typeof value !== "function") throw new TypeError(`${name} must be a function, got ${typeof value}.`);
  return value as F;
}

/** An array (or typed array) of entries, each checked by `entry` under the name `name[i]`. */
export function checkList<T>(value: unknown, name: string, entry: (item: unknown, name: string) => T): T[] {
  const isList = Array.isArray(value) || (ArrayBuffer.isView(value) && !(value instanceof DataView));
  if (!isList) throw new TypeError(`${name} must be an array, got ${describeValue(value)}.`);
  const { length } = value as ArrayLike<unknown>;
  checkBlockSize(length, `${name} has ${length} values`, "pass fewer");
  return Array.from(value as ArrayLike<unknown>, (item, i) => entry(item, `${name}[${i}]`));
}

/** A decimal literal: digits with an optional point and exponent (no blanks, no hexadecimal, no Infinity or NaN). */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Whether `text` is a decimal literal: the one rule for numbers read from text (command-line flags and CSV
 * cells). `Number()` alone would read "" and " " as 0 and "0x10" as 16.
 */
export function isDecimal(text: string): boolean {
  return DECIMAL.test(text);
}

/** Why a decimal literal of a nonzero number reads as 0: its double underflows (the smallest is about 5e-324). */
export const UNDERFLOW = "underflows double precision (it is not 0, but smaller than about 5e-324, so it would be read as 0)";

/**
 * Whether a decimal literal that reads as `value` is a nonzero number too small for a double: a nonzero digit
 * before its exponent, yet 0. Subnormal values (down to about 5e-324) are doubles, and "0e5" or "-0.0" are 0.
 */
export function underflowsToZero(text: string, value: number): boolean {
  return value === 0 && /[1-9]/.test(text.split(/[eE]/)[0]);
}

/** A command-line value that must be a decimal number (the flag names it). */
export function parseNumber(text: string, flag: string): number {
  if (!isDecimal(text)) {
    throw new TypeError(`${flag} must be a number written in decimal (such as 0.5 or 1e-3), got ${text.trim() === "" ? "an empty value" : JSON.stringify(text)}.`);
  }
  const parsed = Number(text);
  if (!Number.isFinite(parsed)) throw new RangeError(`${flag} is ${text}, beyond double precision (about 1.8e308): give a smaller number.`);
  if (underflowsToZero(text, parsed)) throw new RangeError(`${flag} is ${text}, which ${UNDERFLOW}: write 0, or rescale the data so that it needs no value this small.`);
  return parsed;
}

/**
 * A command-line value that is one decimal number, or a comma-separated list of them (then an array); each
 * item follows {@link parseNumber} and is named by its position.
 */
export function parseNumberList(text: string, flag: string): number | number[] {
  if (!text.includes(",")) return parseNumber(text, flag);
  return text.split(",").map((item, i) => parseNumber(item, `${flag} item ${i + 1}`));
}
