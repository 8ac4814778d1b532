// The byte reader of decimal CSV lines against Number() on the trimmed cell text: the same double, bit for bit, for every cell it decides, and the general reader left every line
// it should not decide.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readDecimalRow, RowRead } from "../../src/streaming/decimal-row.js";

/** Reads `line` (followed by its line feed, as the reader requires) into `columns` numbers. */
function read(line: string, columns: number): { read: RowRead; values: number[] } {
  const bytes = new TextEncoder().encode(`${line}\n`);
  const values = new Float64Array(columns);
  return { read: readDecimalRow(bytes, 0, bytes.length - 1, values), values: [...values] };
}

/** A decimal literal of a double, written the ways files hold them. */
const literal = fc.tuple(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer({ min: 0, max: 5 }), fc.integer({ min: 1, max: 21 })).map(([value, style, digits]) => {
  switch (style) {
    case 0: return String(value);
    case 1: return Math.abs(value) < 1e21 ? value.toFixed(digits % 12) : String(value);
    case 2: return value.toExponential(digits - 1);
    case 3: return value.toPrecision(digits);
    case 4: return `+00${Math.abs(value).toPrecision(digits)}`.replace("+00-", "-00");
    default: return value.toExponential(digits - 1).replace("e", "E").replace(/^(-?)(\d)\./, "$1$2");
  }
});
const blanks = fc.constantFrom("", " ", "\t", "  \t");

describe("readDecimalRow", () => {
  it("reads every decimal literal as Number does, bit for bit, with blanks around and either line break", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(blanks, literal, blanks), { minLength: 1, maxLength: 6 }), fc.boolean(), (cells, crlf) => {
        const texts = cells.map(([before, text, after]) => `${before}${text}${after}`);
        const line = texts.join(",") + (crlf ? "\r" : "");
        const expected = texts.map((text) => Number(text.trim()));
        const undecidable = expected.some((value, i) => !Number.isFinite(value) || (value === 0 && /[1-9]/.test(texts[i].split(/[eE]/)[0])));
        const got = read(line, texts.length);
        if (undecidable) expect(got.read).toBe(RowRead.Undecided);
        else {
          expect(got.read).toBe(RowRead.Row);
          got.values.forEach((value, i) => expect(Object.is(value, expected[i])).toBe(true));
        }
      }),
      { numRuns: 3000 },
    );
  });

  it("reads the hard cases of the fast path exactly: 15 and 16 significant digits, exponents at 22 and 23, negative zero", () => {
    const cells = ["123456789012345", "1234567890123456", "9007199254740993", "1e22", "1e23", "123e-22", "123e-23", "0.000000000000000000000001", "-0", "-0.0e5", "5.", ".5", "+.5e+1", "0012.50", "1E-5"];
    const got = read(cells.join(","), cells.length);
    expect(got.read).toBe(RowRead.Row);
    cells.forEach((cell, i) => expect(Object.is(got.values[i], Number(cell))).toBe(true));
  });

  it("leaves to the general reader every line that is not plain decimal cells, one per column", () => {
    const columns = 2;
    const lines = ['"1",2', "1,", ",2", "1,,", "1,2,3", "1", ". ,2", "-,2", "1e,2", "1e+,2", "0x1F,2", "Infinity,2", "NaN,2", "1e400,2", "-1e-400,2", "1 2,2", "1,2;", "١,2", "1\u00a0,2", "1\r\r", "1,2\r3"];
    for (const line of lines) {
      expect([line, read(line, columns).read]).toEqual([line, RowRead.Undecided]);
    }
  });

  it("sees an empty line (a line feed, or a carriage return and a line feed) as empty", () => {
    expect(read("", 3).read).toBe(RowRead.Empty);
    expect(read("\r", 3).read).toBe(RowRead.Empty);
  });
});
