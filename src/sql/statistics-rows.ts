// The inverse of the statistics queries: their result rows turned into GramStatistics, one per fold.

import type { GramStatistics } from "../gram-accumulator.js";
import { GramAccumulator } from "../gram-accumulator.js";
import { describeValue } from "../options/checks.js";
import { alias, type StatisticsQueryPlan } from "./statistics-query.js";

/** One result row as a driver gives it: column name to value (number, bigint or a numeric string). */
export type ResultRow = Readonly<Record<string, unknown>>;

/** A finite number from a result cell; engines return COUNT as a bigint and DECIMAL sums as strings. */
function cell(row: ResultRow, name: string, where: string): number {
  if (!Object.hasOwn(row, name)) {
    throw new RangeError(`${where} has no column ${name}: pass the rows of the queries of this plan, in its order, with the column names they select.`);
  }
  const raw = row[name];
  const value = typeof raw === "number" ? raw : typeof raw === "bigint" || (typeof raw === "string" && raw.trim() !== "") ? Number(raw) : NaN;
  if (!Number.isFinite(value)) {
    throw new RangeError(`${where}, column ${name}, is ${describeValue(raw)}, not a finite number: check that the used columns are numeric.`);
  }
  return value;
}

/** The rows of one query by fold (fold 0 without folds); a fold with no rows is an error naming the remedy. */
function rowsByFold(plan: StatisticsQueryPlan, rows: readonly ResultRow[], q: number): ResultRow[] {
  const byFold: ResultRow[] = [];
  for (const row of rows) byFold[plan.folds > 1 ? cell(row, alias.fold, `A row of query ${q}`) : 0] = row;
  for (let f = 0; f < plan.folds; f++) {
    if (byFold[f] === undefined || cell(byFold[f], alias.n, `Query ${q}, fold ${f}`) <= 0) {
      throw new RangeError(plan.folds > 1
        ? `Fold ${f} of ${plan.folds} holds no rows (of positive weight): every fold needs rows; use fewer folds, or a fold column that spreads the rows.`
        : "The query found no rows (of positive weight, without NULL in the used columns): check the FROM clause and the column names.");
    }
  }
  return byFold.slice(0, plan.folds);
}

/**
 * The statistics of each fold (one object without folds) from the result rows of each query of the plan, in the
 * plan's order, exactly as {@link GramAccumulator.toJSON} gives them. With a weight column, n is the sum of the
 * weights, and a fit from the statistics equals the fit with those sample weights. Merge the folds
 * (GramAccumulator.merge) for the statistics of all rows.
 */
export function statisticsFromRows(plan: StatisticsQueryPlan, results: readonly (readonly ResultRow[])[]): GramStatistics[] {
  if (!Array.isArray(results) || results.length !== plan.blocks.length) {
    throw new RangeError(`The plan has ${plan.blocks.length} queries: pass one array of result rows per query, in order (got ${describeValue(results)}).`);
  }
  const d = plan.nFeatures;
  const byQuery = results.map((rows, q) => rowsByFold(plan, rows, q));
  return Array.from({ length: plan.folds }, (_, f) => {
    const xMean = new Array<number>(d).fill(0);
    const xx = new Array<number>(d * d).fill(0);
    const xy = new Array<number>(d).fill(0);
    const first = byQuery[0][f];
    const where = (q: number) => `Query ${q}${plan.folds > 1 ? `, fold ${f},` : ""}`;
    const n = cell(first, alias.n, where(0));
    // mean = shift + (shifted sum) / n; centered product = shifted product - (shifted sum)(shifted sum) / n,
    // small terms since the shifts are near the means: no cancellation.
    const read = (row: ResultRow, q: number, j: number | "y") => ({ shift: cell(row, alias.shift(j), where(q)), sum: cell(row, alias.sum(j), where(q)) });
    const y = read(first, 0, "y");
    const yMean = y.shift + y.sum / n;
    const yy = Math.max(cell(first, alias.yy, where(0)) - (y.sum * y.sum) / n, 0);
    plan.blocks.forEach((block, q) => {
      const row = byQuery[q][f];
      const rowN = cell(row, alias.n, where(q));
      if (rowN !== n) throw new RangeError(`${where(q)} counts ${rowN} rows but query 0 counts ${n}: run every query on the same data.`);
      const s = new Map(block.features.map((j) => [j, read(row, q, j)] as const));
      const ys = read(row, q, "y");
      for (const [j, { shift, sum }] of s) xMean[j] = shift + sum / n;
      for (const [j, l] of block.pairs) {
        const centered = cell(row, alias.product(j, l), where(q)) - (s.get(j)!.sum * s.get(l)!.sum) / n;
        xx[j * d + l] = xx[l * d + j] = j === l ? Math.max(centered, 0) : centered;
      }
      for (const j of block.xy) xy[j] = cell(row, alias.xy(j), where(q)) - (s.get(j)!.sum * ys.sum) / n;
    });
    // Read back through fromJSON: the same checks as statistics from anywhere else.
    return GramAccumulator.fromJSON({ nFeatures: d, n, xMean, yMean, xx, xy, yy }, "js").toJSON();
  });
}
