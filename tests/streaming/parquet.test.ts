// Parquet read by row groups (hyparquet) into statistics: equal to an accumulator over the same rows, folds by
// foldOfRow, refusals of cells that are not numbers, and the CLI's fit of a .parquet file. The files are written
// by DuckDB (an independent Parquet writer) from a CSV.

import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { accumulateParquet, foldOfRow, GramAccumulator, init } from "../../src/index.js";
import { runInDuckDB } from "../../src/sql/duckdb.js";
import { parquetMetadataAsync } from "hyparquet";
import { expectClose } from "./expect-statistics.js";

const dir = mkdtempSync(join(tmpdir(), "regularized-parquet-"));
// "big" has mean 1e6 and spread about 1; 5,000 rows in row groups of 2,048 (DuckDB's smallest).
const rows = Array.from({ length: 5000 }, (_, i) => {
  const [a, b, big] = [Math.sin(i * 1.7), Math.cos(i * 0.9) * 3, 1e6 + Math.sin(i * 2.3)];
  return [a, b, big, 2 * a - b + 3 * (big - 1e6) + 0.1 * Math.sin(i * 7.1)];
});
const csv = join(dir, "data.csv");
writeFileSync(csv, ["a,b,big,y", ...rows.map((r) => r.join(","))].join("\n") + "\n");
const parquet = join(dir, "data.parquet");
const withNull = join(dir, "null.parquet");
const withInt64 = join(dir, "int64.parquet");

const bytes = (path: string) => {
  const buffer = readFileSync(path);
  return buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength);
};

function accumulated(members: number[][]): GramAccumulator {
  return new GramAccumulator(3).update(members.map((r) => r.slice(0, 3)), members.map((r) => r[3]));
}


beforeAll(async () => {
  await init();
  const from = `read_csv('${csv}')`;
  await runInDuckDB([
    `COPY (SELECT * FROM ${from}) TO '${parquet}' (FORMAT parquet, ROW_GROUP_SIZE 2048)`,
    `COPY (SELECT a, CASE WHEN b > 2.5 THEN NULL ELSE b END AS b, y FROM ${from}) TO '${withNull}' (FORMAT parquet)`,
    `COPY (SELECT CAST(round(a * 100) AS BIGINT) AS a, y FROM ${from}) TO '${withInt64}' (FORMAT parquet)`,
  ]);
});

describe("accumulateParquet", () => {
  it("equals an accumulator over the same rows (1e-12), across row groups, the mean-1e6 column included", async () => {
    expect((await parquetMetadataAsync(bytes(parquet))).row_groups.length).toBeGreaterThan(1);
    const { total, featureNames } = await accumulateParquet(bytes(parquet), { target: "y" });
    expect(featureNames).toEqual(["a", "b", "big"]);
    expectClose(total.toJSON(), accumulated(rows).toJSON(), 1e-12);
  });

  it("keeps k folds by foldOfRow of each row's index in the file", async () => {
    const { folds } = await accumulateParquet(bytes(parquet), { target: "y", nFolds: 3 });
    // A fold's rows arrive spread over the row groups, merged in another order than one update: 1e-10.
    folds.forEach((fold, f) => expectClose(fold.toJSON(), accumulated(rows.filter((_, i) => foldOfRow(i, 3) === f)).toJSON(), 1e-10));
  });

  it("reads INT64 columns as numbers", async () => {
    const { total } = await accumulateParquet(bytes(withInt64), { target: "y" });
    const expected = new GramAccumulator(1).update(rows.map((r) => [Math.round(r[0] * 100)]), rows.map((r) => r[3]));
    expectClose(total.toJSON(), expected.toJSON(), 1e-12);
  });

  it("refuses a null cell, naming its row and column", async () => {
    const first = rows.findIndex((r) => r[1] > 2.5);
    await expect(accumulateParquet(bytes(withNull), { target: "y" })).rejects.toThrow(`row ${first}, column "b" is empty (null)`);
  });

  it("refuses an unknown target and bytes that are not Parquet", async () => {
    await expect(accumulateParquet(bytes(parquet), { target: "nope" })).rejects.toThrow(/no column "nope"/);
    await expect(accumulateParquet(new TextEncoder().encode("a,b\n1,2\n").buffer, { target: "b" })).rejects.toThrow(/not a Parquet file/);
  });
});

describe("regularized fit FILE.parquet", () => {
  const bin = fileURLToPath(new URL("../../dist/cli/main.js", import.meta.url));
  const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: "utf8" });
  it("fits the same model as the CSV in memory (1e-8), read by row groups", () => {
    const flags = ["--target", "y", "--model", "elasticnet", "--lambda", "0.01", "--format", "json"];
    const [fromParquet, fromCsv] = [run("fit", parquet, ...flags), run("fit", csv, ...flags)];
    expect(fromParquet.stderr).toBe("");
    const [a, b] = [JSON.parse(fromParquet.stdout).fitted.coef as number[], JSON.parse(fromCsv.stdout).fitted.coef as number[]];
    const scale = Math.max(...b.map(Math.abs));
    a.forEach((c, j) => expect(Math.abs(c - b[j])).toBeLessThanOrEqual(1e-8 * scale));
  });
});

describe("an empty Parquet file", () => {
  it("says it has no rows", async () => {
    const empty = join(dir, "empty.parquet");
    await runInDuckDB([`COPY (SELECT * FROM read_csv('${csv}') LIMIT 0) TO '${empty}' (FORMAT parquet)`]);
    await expect(accumulateParquet(bytes(empty), { target: "y" })).rejects.toThrow(/has no rows/);
  });
});
