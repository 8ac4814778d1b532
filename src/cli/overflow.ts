// Non-finite numbers out of a fit: an overflowed fit is refused, never printed or saved.

import { CliError } from "./cli-error.js";

/** What to do about an overflow: the fix that keeps the products of the data inside double precision. */
export const OVERFLOW_FIX = "pass --standardize, or rescale the large columns (divide them by a power of 10)";

/** Whether every value is a finite number (JSON writes NaN and Infinity as null, which is not). */
export function allFinite(values: ArrayLike<unknown>): boolean {
  return Array.from(values).every((value) => typeof value === "number" && Number.isFinite(value));
}

/** Refuses a fit whose coefficients or intercepts (`what`: "the fit", "the path at lambda 0.1") are not all finite. */
export function checkFinite(what: string, ...arrays: ArrayLike<number>[]): void {
  if (!arrays.every(allFinite)) {
    throw new CliError(`${what} overflowed double precision: its coefficients are not finite numbers, so nothing was printed or saved: ${OVERFLOW_FIX}.`);
  }
}
