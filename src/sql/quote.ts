// Identifiers quoted for an SQL engine, so that any column name (spaces, quotes, keywords) is read as a name.

/**
 * How an engine quotes identifiers: "double" is standard SQL ("a ""b"""; DuckDB, Postgres, Trino, Spark SQL
 * with spark.sql.ansi.doubleQuotedIdentifiers), "backtick" is Spark SQL's and BigQuery's default (`a b`).
 */
export type IdentifierQuote = "double" | "backtick";

export const IDENTIFIER_QUOTES: readonly IdentifierQuote[] = ["double", "backtick"];

/**
 * The name quoted as one identifier. Standard quoting doubles an embedded double quote, which every engine that
 * uses it reads back as the one character. Backtick engines disagree on escaping (Spark doubles a backtick,
 * BigQuery takes a backslash), so a name holding a backtick or a backslash is refused there rather than guessed.
 */
export function quoteIdentifier(name: string, quote: IdentifierQuote = "double"): string {
  if (typeof name !== "string" || name.length === 0) {
    throw new TypeError(`A column name must be a non-empty string, got ${JSON.stringify(name)}.`);
  }
  if (name.includes("\0")) throw new RangeError(`The column name ${JSON.stringify(name)} holds a NUL character, which no SQL engine accepts in a name: rename the column.`);
  if (quote === "double") return `"${name.replaceAll('"', '""')}"`;
  if (/[`\\]/.test(name)) {
    throw new RangeError(
      `The column name ${JSON.stringify(name)} holds a backtick or a backslash, which Spark SQL and BigQuery escape differently: ` +
        `rename the column, or use quote "double" (standard SQL; Spark SQL with spark.sql.ansi.doubleQuotedIdentifiers).`,
    );
  }
  return `\`${name}\``;
}
