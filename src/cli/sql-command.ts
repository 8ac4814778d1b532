// `regularized sql`: prints the aggregate query that computes the statistics of a table in any SQL engine.

import { statisticsQueries } from "../sql/statistics-query.js";
import { IDENTIFIER_QUOTES, type IdentifierQuote } from "../sql/quote.js";
import { CliError } from "./cli-error.js";
import { duckdbColumns } from "./engine-fit.js";

export interface SqlFlags {
  target: string;
  from: string;
  features?: string;
  weight?: string;
  folds?: number;
  foldColumn?: string;
  maxColumns?: number;
  quote: string;
}

/** The feature columns: --features, or (without it) every column DuckDB finds in --from but the others named. */
async function featureList(flags: SqlFlags): Promise<string[]> {
  if (flags.features !== undefined) {
    const names = flags.features.split(",").map((name) => name.trim());
    if (names.some((name) => name === "")) throw new CliError(`--features must be column names separated by commas, got "${flags.features}".`);
    return names;
  }
  let columns: string[];
  try {
    columns = await duckdbColumns(flags.from);
  } catch (error) {
    throw new CliError(`without --features, DuckDB reads the columns of --from, and it could not (${error instanceof Error ? error.message : String(error)}): list them with --features a,b,c.`);
  }
  const others = [flags.target, flags.weight, flags.foldColumn];
  return columns.filter((name) => !others.includes(name));
}

/** Prints the query (or, past --max-columns, the queries, each ended by a semicolon). */
export async function sql(flags: SqlFlags): Promise<void> {
  if (!IDENTIFIER_QUOTES.includes(flags.quote as IdentifierQuote)) throw new CliError(`--quote must be ${IDENTIFIER_QUOTES.join(" or ")}, not ${flags.quote}.`);
  if (flags.folds !== undefined && flags.foldColumn === undefined) {
    throw new CliError("--folds needs --fold-column: an integer column (a row number or an id) whose value modulo the folds picks each row's fold.");
  }
  const features = await featureList(flags);
  let plan;
  try {
    plan = statisticsQueries({
      from: flags.from, features, target: flags.target, weight: flags.weight, folds: flags.folds, foldColumn: flags.foldColumn,
      maxColumns: flags.maxColumns, quote: flags.quote as IdentifierQuote,
    });
  } catch (error) {
    throw new CliError(error instanceof Error ? error.message : String(error));
  }
  const { blocks } = plan;
  console.log(blocks.map((block, q) => `${blocks.length > 1 ? `-- query ${q + 1} of ${blocks.length}\n` : ""}${block.sql};`).join("\n\n"));
}
