// Running the statistics queries in DuckDB (embedded, through the optional dependency @duckdb/node-api).

import type { GramStatistics } from "../gram-accumulator.js";
import { statisticsFromRows, type ResultRow } from "./statistics-rows.js";
import { statisticsQueries, type StatisticsQuerySpec } from "./statistics-query.js";

/** The part of @duckdb/node-api used here. */
interface DuckDBModule {
  DuckDBInstance: { create(path: string): Promise<{ connect(): Promise<DuckDBConnection>; closeSync?(): void }> };
}
interface DuckDBConnection {
  runAndReadAll(sql: string): Promise<{ getRowObjectsJS(): ResultRow[] }>;
  closeSync?(): void;
}

const PACKAGE = "@duckdb/node-api";

/** The DuckDB module, loaded on first use; a clear error saying how to install it when it is absent. */
async function loadDuckDB(): Promise<DuckDBModule> {
  try {
    return (await import(PACKAGE)) as DuckDBModule;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === "ERR_MODULE_NOT_FOUND" || code === "MODULE_NOT_FOUND") {
      throw new Error(`DuckDB is not installed: run \`npm install ${PACKAGE}\` (an optional dependency of regularized) beside regularized, then retry.`);
    }
    throw error;
  }
}

/** The rows of each query, run one after the other on one in-memory DuckDB connection. */
export async function runInDuckDB(queries: readonly string[]): Promise<ResultRow[][]> {
  const { DuckDBInstance } = await loadDuckDB();
  const instance = await DuckDBInstance.create(":memory:");
  try {
    const connection = await instance.connect();
    try {
      const results: ResultRow[][] = [];
      for (const sql of queries) results.push((await connection.runAndReadAll(sql)).getRowObjectsJS());
      return results;
    } finally {
      connection.closeSync?.();
    }
  } finally {
    instance.closeSync?.();
  }
}

/** The statistics of each fold (one object without folds), computed inside DuckDB. */
export async function duckdbStatistics(spec: StatisticsQuerySpec): Promise<GramStatistics[]> {
  const plan = statisticsQueries(spec);
  return statisticsFromRows(plan, await runInDuckDB(plan.blocks.map((block) => block.sql)));
}

/** DuckDB's reader of a CSV or Parquet file (globs allowed), as a FROM expression with the path quoted. */
export function duckdbFileSource(path: string): string {
  const literal = `'${path.replaceAll("'", "''")}'`;
  return /\.parquet$/i.test(path) ? `read_parquet(${literal})` : `read_csv(${literal}, header = true, delim = ',', quote = '"')`;
}
