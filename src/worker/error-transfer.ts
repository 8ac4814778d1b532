// Errors across the worker boundary. Structured cloning keeps only the built-in classes and drops the fields an
// error carries, so a worker records what its caller needs (the class, name, message, stack, own fields and
// cause) and the caller restores an error of the same class from that record.

import * as libraryErrors from "../errors.js";

type ErrorClass = abstract new (...args: never[]) => Error;

/** An error as it crosses to the caller: plain data that structured cloning copies whole. */
export interface ErrorRecord {
  /** Which class to restore: a key of the known classes (the library's own by their export name). */
  className: string;
  name: string;
  message: string;
  stack?: string;
  /** The error's own enumerable fields that can be cloned (a class's extra fields, and `name` when it is own). */
  fields: Record<string, unknown>;
  cause?: { error: ErrorRecord } | { value: unknown };
}

const BUILT_IN: ErrorClass[] = [Error, TypeError, RangeError, SyntaxError, ReferenceError, EvalError, URIError];

/** Every class an error may be restored as (the built-in ones by name, the library's by their export name), and back. */
interface KnownClasses {
  byKey: Map<string, ErrorClass>;
  keyOf: Map<unknown, string>;
}

let known: KnownClasses | undefined;

/** The known classes, gathered on first use: a bundle that never crosses a worker boundary can leave them out. */
function knownClasses(): KnownClasses {
  if (known) return known;
  const byKey = new Map<string, ErrorClass>([
    ...BUILT_IN.map((Class): [string, ErrorClass] => [Class.name, Class]),
    ...Object.entries(libraryErrors).filter(([, value]) => typeof value === "function" && value.prototype instanceof Error) as [string, ErrorClass][],
  ]);
  known = { byKey, keyOf: new Map([...byKey].map(([key, Class]) => [Class, key])) };
  return known;
}

/** The key of the nearest known class in the error's prototype chain ("Error" when there is none). */
function classKey(error: object): string {
  for (let proto = Object.getPrototypeOf(error); proto !== null; proto = Object.getPrototypeOf(proto)) {
    const key = knownClasses().keyOf.get((proto as { constructor?: unknown }).constructor);
    if (key !== undefined) return key;
  }
  return "Error";
}

function cloneable(value: unknown): boolean {
  try {
    structuredClone(value);
    return true;
  } catch {
    return false;
  }
}

/** Records anything thrown (an Error or not) for the caller. */
export function recordError(thrown: unknown): ErrorRecord {
  if (!(thrown instanceof Error)) {
    return { className: "Error", name: "Error", message: String(thrown), fields: {} };
  }
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(thrown)) {
    if (key !== "message" && key !== "stack" && cloneable(value)) fields[key] = value;
  }
  const record: ErrorRecord = { className: classKey(thrown), name: thrown.name, message: thrown.message, stack: thrown.stack, fields };
  if (thrown.cause !== undefined) {
    record.cause = thrown.cause instanceof Error ? { error: recordError(thrown.cause) } : { value: cloneable(thrown.cause) ? thrown.cause : String(thrown.cause) };
  }
  return record;
}

const hidden = (value: unknown): PropertyDescriptor => ({ value, writable: true, configurable: true, enumerable: false });

/**
 * The error a record describes, of the same class (`instanceof` holds) with the same name, message, fields and
 * cause, and the worker's stack (where it was thrown). The class's constructor is not run: its arguments are
 * not at hand, and everything it set is in the record.
 */
export function restoreError(record: ErrorRecord): Error {
  const Class = knownClasses().byKey.get(record.className) ?? Error;
  const error = Object.create(Class.prototype) as Error;
  Object.defineProperty(error, "message", hidden(record.message));
  if (record.stack !== undefined) Object.defineProperty(error, "stack", hidden(record.stack));
  Object.assign(error, record.fields);
  if (error.name !== record.name) Object.defineProperty(error, "name", hidden(record.name));
  if (record.cause) Object.defineProperty(error, "cause", hidden("error" in record.cause ? restoreError(record.cause.error) : record.cause.value));
  return error;
}
