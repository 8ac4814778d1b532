// The aggregate SQL that computes least-squares statistics where the data lives: COUNT and SUMs of products of
// shifted columns, one query (or several, past an engine's column limit), optionally one result row per fold.

import { checkChoice, checkPositiveInteger } from "../options/checks.js";
import { IDENTIFIER_QUOTES, quoteIdentifier, type IdentifierQuote } from "./quote.js";

/** What to compute statistics of, and how the engine wants its SQL. */
export interface StatisticsQuerySpec {
  /** The FROM clause, inserted as written: a table name, `read_parquet('data/*.parquet')`, `(SELECT ...) AS s`. */
  from: string;
  /** The feature columns, in the order of the statistics. */
  features: readonly string[];
  /** The target column. */
  target: string;
  /** A column of non-negative row weights: the statistics are weighted, and n is the sum of the weights. */
  weight?: string;
  /** k folds: one result row (and one statistics object) per fold. Needs `foldColumn`. */
  folds?: number;
  /** An integer column (a row number, an id) whose value modulo `folds` is the row's fold. */
  foldColumn?: string;
  /** The most columns one query may return (default 1000; Postgres allows 1664): past it, several queries. */
  maxColumns?: number;
  /** How identifiers are quoted (default "double", standard SQL). */
  quote?: IdentifierQuote;
}

/** One query's share of the statistics: the features it touches, the products and the X^T y entries it sums. */
export interface QueryBlock {
  readonly sql: string;
  /** Feature indices whose shift and shifted sum the query returns. */
  readonly features: readonly number[];
  /** Pairs (j, l), j <= l, whose shifted product sum the query returns. */
  readonly pairs: readonly (readonly [number, number])[];
  /** Features whose shifted X^T y entry the query returns. */
  readonly xy: readonly number[];
}

/** The queries and what each returns, for {@link statisticsFromRows}. */
export interface StatisticsQueryPlan {
  readonly nFeatures: number;
  /** Folds (1: no folds, one result row per query). */
  readonly folds: number;
  readonly weighted: boolean;
  readonly blocks: readonly QueryBlock[];
}

export const DEFAULT_MAX_COLUMNS = 1000;

/** Result column names, lower case so that engines which fold unquoted names (Postgres) keep them. */
export const alias = {
  n: "n",
  fold: "fold",
  shift: (j: number | "y") => `c_${j}`,
  sum: (j: number | "y") => `s_${j}`,
  product: (j: number, l: number) => `p_${j}_${l}`,
  xy: (j: number) => `q_${j}`,
  yy: "yy",
};

/** The CTE holding the shifts, named so as not to meet a user's table. */
const SHIFT_TABLE = "regularized_shift";
const shiftColumn = (j: number | "y") => `regularized_shift_${j}`;

/** Columns a query of m features, these pairs and these X^T y entries returns. */
const columnCount = (m: number, pairs: number, xy: number, folded: boolean) => 1 + (folded ? 1 : 0) + 2 * (m + 1) + pairs + xy + 1;

/** Feature groups of size g: the blocks (a, b), a <= b, of their products; X^T y on the diagonal blocks. */
function layout(d: number, g: number): { features: number[]; pairs: [number, number][]; xy: number[] }[] {
  const groups = Array.from({ length: Math.ceil(d / g) }, (_, a) => Array.from({ length: Math.min(g, d - a * g) }, (_, i) => a * g + i));
  const blocks = [];
  for (let a = 0; a < groups.length; a++) {
    for (let b = a; b < groups.length; b++) {
      const pairs: [number, number][] = [];
      for (const j of groups[a]) for (const l of groups[b]) if (a !== b || j <= l) pairs.push([j, l]);
      blocks.push({ features: a === b ? groups[a] : [...groups[a], ...groups[b]], pairs, xy: a === b ? groups[a] : [] });
    }
  }
  return blocks;
}

/** The largest group size whose every query returns at most maxColumns columns. */
function groupSize(d: number, maxColumns: number, folded: boolean): number {
  for (let g = d; g >= 1; g--) {
    const diagonal = columnCount(g, (g * (g + 1)) / 2, g, folded);
    const offDiagonal = g < d ? columnCount(2 * g, g * g, 0, folded) : 0;
    if (Math.max(diagonal, offDiagonal) <= maxColumns) return g;
  }
  throw new RangeError(`maxColumns is ${maxColumns}, but even one feature per query needs ${columnCount(2, 1, 0, folded)} columns: raise maxColumns.`);
}

function checkSpec(spec: StatisticsQuerySpec) {
  if (typeof spec.from !== "string" || spec.from.trim() === "") {
    throw new TypeError("from must be the FROM clause: a table name, or an expression such as read_parquet('data.parquet').");
  }
  if (!Array.isArray(spec.features) || spec.features.length === 0) throw new TypeError("features must list at least one column name.");
  const quote = checkChoice(spec.quote ?? "double", "quote", IDENTIFIER_QUOTES);
  const maxColumns = checkPositiveInteger(spec.maxColumns ?? DEFAULT_MAX_COLUMNS, "maxColumns", Number.MAX_SAFE_INTEGER);
  const folds = spec.folds === undefined ? 1 : checkPositiveInteger(spec.folds, "folds");
  if (spec.folds !== undefined && folds < 2) throw new RangeError(`folds must be at least 2, got ${folds}; omit it for the statistics of all rows.`);
  if (spec.folds !== undefined && spec.foldColumn === undefined) {
    throw new TypeError("folds needs foldColumn: an integer column (a row number or an id) whose value modulo folds picks each row's fold.");
  }
  const used = [...spec.features, spec.target, ...(spec.weight === undefined ? [] : [spec.weight])];
  const repeated = used.find((name, i) => used.indexOf(name) !== i);
  if (repeated !== undefined) throw new RangeError(`The column ${JSON.stringify(repeated)} is named twice among the features, the target and the weight: name each once.`);
  return { quote, maxColumns, folds };
}

/**
 * Writes the SQL that computes least-squares statistics in an engine: COUNT(*) (or SUM(weight)) and the sums of
 * products of columns shifted by their averages, which a CTE computes in a first scan. Summing shifted values
 * keeps the digits that raw sums of squares lose to cancellation when a mean is large against the spread. Each
 * query returns its shifts, so {@link statisticsFromRows} recovers the exact means and centered products.
 * Rows with a NULL in any used column are left out. With `folds`, each query groups its rows by fold.
 */
export function statisticsQueries(spec: StatisticsQuerySpec): StatisticsQueryPlan {
  const { quote, maxColumns, folds } = checkSpec(spec);
  const q = (name: string) => quoteIdentifier(name, quote);
  const d = spec.features.length;
  const folded = folds > 1;
  const x = spec.features.map(q);
  const y = q(spec.target);
  const weight = spec.weight === undefined ? undefined : q(spec.weight);
  const used = [...x, y, ...(weight ? [weight] : [])];
  const where = `WHERE ${used.map((c) => `${c} IS NOT NULL`).join(" AND ")}`;
  const foldKey = folded ? `MOD(MOD(CAST(${q(spec.foldColumn as string)} AS BIGINT), ${folds}) + ${folds}, ${folds})` : "";
  const weighted = (term: string) => (weight ? `${weight} * ${term}` : term);
  const shifted = (j: number | "y") => `(${j === "y" ? y : x[j]} - ${SHIFT_TABLE}.${shiftColumn(j)})`;

  const blocks = layout(d, groupSize(d, maxColumns, folded)).map((block): QueryBlock => {
    const columns: string[] = [];
    const select = (expression: string, name: string) => columns.push(`${expression} AS ${name}`);
    const shiftSources = [...block.features.map((j) => `AVG(${x[j]}) AS ${shiftColumn(j)}`), `AVG(${y}) AS ${shiftColumn("y")}`];
    select(weight ? `SUM(${weight})` : "COUNT(*)", alias.n);
    if (folded) select(foldKey, alias.fold);
    for (const j of [...block.features, "y" as const]) {
      select(`MAX(${SHIFT_TABLE}.${shiftColumn(j)})`, alias.shift(j));
      select(`SUM(${weighted(shifted(j))})`, alias.sum(j));
    }
    for (const [j, l] of block.pairs) select(`SUM(${weighted(`${shifted(j)} * ${shifted(l)}`)})`, alias.product(j, l));
    for (const j of block.xy) select(`SUM(${weighted(`${shifted(j)} * ${shifted("y")}`)})`, alias.xy(j));
    select(`SUM(${weighted(`${shifted("y")} * ${shifted("y")}`)})`, alias.yy);
    const sql = [
      `WITH ${SHIFT_TABLE} AS (SELECT ${shiftSources.join(", ")} FROM ${spec.from} ${where})`,
      `SELECT ${columns.join(",\n  ")}`,
      `FROM ${spec.from} CROSS JOIN ${SHIFT_TABLE}`,
      where,
      ...(folded ? [`GROUP BY ${foldKey}`, `ORDER BY ${alias.fold}`] : []),
    ].join("\n");
    return { sql, features: block.features, pairs: block.pairs, xy: block.xy };
  });
  return { nFeatures: d, folds, weighted: weight !== undefined, blocks };
}
