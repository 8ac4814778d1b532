// One CSV line of decimal numbers read straight from its UTF-8 bytes, without a string per cell: the cells
// split at commas, blanks around them skipped, each checked against the decimal rule and converted. A line it
// cannot decide on its own (a quote, another character, an empty or malformed cell, a wrong cell count, a
// number past double range) is left to the general reader, which gives the value or the error.

/** 10^0 .. 10^22: every one a double exactly. */
const POWERS_OF_TEN = /* @__PURE__ */ Float64Array.from({ length: 23 }, (_, e) => Number(`1e${e}`));

/** The most significant digits whose integer is exact in a double (10^15 < 2^53). */
const EXACT_DIGITS = 15;

const [TAB, SPACE, PLUS, COMMA, MINUS, POINT, ZERO, UPPER_E, LOWER_E] = [9, 32, 43, 44, 45, 46, 48, 69, 101];

const isDigit = (byte: number): boolean => byte - ZERO >>> 0 < 10;

/** The text of bytes that are ASCII (a checked decimal literal). */
function asciiText(bytes: Uint8Array, start: number, end: number): string {
  let text = "";
  for (let i = start; i < end; i++) text += String.fromCharCode(bytes[i]);
  return text;
}

/** What {@link readDecimalRow} made of a line: a row of numbers (written to `values`), nothing but a line break, or left to the general reader. */
export const RowRead = { Row: 0, Empty: 1, Undecided: 2 } as const;
export type RowRead = (typeof RowRead)[keyof typeof RowRead];

/**
 * Reads the line bytes[start, end) (its line feed excluded; a carriage return before it is dropped) into
 * `values`, one number per cell. The byte at `end` must exist and be the line feed or carriage return that
 * ends the line: the scans stop on it without a bounds check.
 *
 * A cell is blanks (spaces, tabs), a decimal literal [+-]?(d+.?d*|.d+)([eE][+-]?d+)?, blanks. Its value is
 * correctly rounded: with at most 15 significant digits and a decimal exponent e within 22 of zero, it is
 * m * 10^e or m / 10^-e, one rounding of exact operands (Clinger's fast path, "How to read floating point
 * numbers accurately", PLDI 1990); otherwise the literal goes to `Number`, which rounds correctly too.
 */
export function readDecimalRow(bytes: Uint8Array, start: number, end: number, values: Float64Array): RowRead {
  if (end > start && bytes[end - 1] === 13) end--;
  if (end === start) return RowRead.Empty;
  const columns = values.length;
  let p = start;
  for (let column = 0; ; column++) {
    while (bytes[p] === SPACE || bytes[p] === TAB) p++;
    const cellStart = p;
    const negative = bytes[p] === MINUS;
    if (negative || bytes[p] === PLUS) p++;
    let [mantissa, significant, digits, fractionDigits] = [0, 0, 0, 0];
    for (; isDigit(bytes[p]); p++, digits++) {
      mantissa = mantissa * 10 + (bytes[p] - ZERO);
      if (mantissa !== 0) significant++;
    }
    if (bytes[p] === POINT) {
      for (p++; isDigit(bytes[p]); p++, fractionDigits++) {
        mantissa = mantissa * 10 + (bytes[p] - ZERO);
        if (mantissa !== 0) significant++;
      }
    }
    if (digits + fractionDigits === 0) return RowRead.Undecided;
    let exponent = 0;
    if (bytes[p] === LOWER_E || bytes[p] === UPPER_E) {
      p++;
      const negativeExponent = bytes[p] === MINUS;
      if (negativeExponent || bytes[p] === PLUS) p++;
      if (!isDigit(bytes[p])) return RowRead.Undecided;
      for (; isDigit(bytes[p]); p++) exponent = Math.min(exponent * 10 + (bytes[p] - ZERO), 1e6);
      if (negativeExponent) exponent = -exponent;
    }
    const cellEnd = p;
    while (bytes[p] === SPACE || bytes[p] === TAB) p++;
    if (column >= columns || (p < end && bytes[p] !== COMMA)) return RowRead.Undecided;

    const scale = exponent - fractionDigits;
    let value: number;
    if (significant <= EXACT_DIGITS && scale >= 0 && scale <= 22) value = mantissa * POWERS_OF_TEN[scale];
    else if (significant <= EXACT_DIGITS && scale < 0 && scale >= -22) value = mantissa / POWERS_OF_TEN[-scale];
    else {
      // Past the fast path: the literal is checked, so Number reads it; out of range (either way) is the
      // general reader's error to give.
      value = Math.abs(Number(asciiText(bytes, cellStart, cellEnd)));
      if (!Number.isFinite(value) || (value === 0 && significant > 0)) return RowRead.Undecided;
    }
    values[column] = negative ? -value : value;
    if (p >= end) return column === columns - 1 ? RowRead.Row : RowRead.Undecided;
    p++;
  }
}
