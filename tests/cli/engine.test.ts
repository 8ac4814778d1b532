// `fit --engine duckdb` and `sql`: the same model as the in-memory CLI, and the printed query runs in DuckDB.

import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ElasticNetCV, GramAccumulator, initSync, RidgeCV } from "../../src/index.js";
import { runInDuckDB } from "../../src/sql/duckdb.js";

initSync();

const bin = fileURLToPath(new URL("../../dist/cli/main.js", import.meta.url));
const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: "utf8" });

const dir = mkdtempSync(join(tmpdir(), "regularized-engine-"));
const csv = join(dir, "data.csv");
// Columns with a space and a quote in their names; "big" has mean 1e6 and spread about 1.
const rows = Array.from({ length: 60 }, (_, i) => {
  const [a, b, big] = [Math.sin(i * 1.7), Math.cos(i * 0.9) * 3, 1e6 + Math.sin(i * 2.3)];
  return [a, b, big, 2 * a - b + 3 * (big - 1e6) + 0.1 * Math.sin(i * 7.1)];
});
writeFileSync(csv, ['"a b","q""uote",big,y', ...rows.map((r) => r.join(","))].join("\n") + "\n");

const coefficients = (stdout: string) => JSON.parse(stdout) as { fitted: { coef: number[]; intercept: number[] | number } };

describe("regularized fit --engine duckdb", () => {
  it.each([
    ["ridge", "--lambda", "0.01"],
    ["lasso", "--lambda", "0.01"],
    ["elasticnet", "--lambda", "0.01"],
  ])("--model %s gives the in-memory CLI's coefficients to 1e-8", (model, ...flags) => {
    const args = ["fit", csv, "--target", "y", "--model", model, ...flags, "--format", "json"];
    const [inMemory, engine] = [run(...args), run(...args, "--engine", "duckdb")];
    expect(engine.stderr).toBe("");
    const [a, b] = [coefficients(engine.stdout).fitted, coefficients(inMemory.stdout).fitted];
    const scale = Math.max(...b.coef.map(Math.abs));
    a.coef.forEach((c, j) => expect(Math.abs(c - b.coef[j])).toBeLessThanOrEqual(1e-8 * scale));
  });

  it("--cv prints the lambda chosen over folds of the statistics", () => {
    const out = run("fit", csv, "--target", "y", "--engine", "duckdb", "--cv", "3");
    expect(out.status).toBe(0);
    expect(out.stdout).toMatch(/chosen by 3-fold CV: lambda [0-9.e-]+.*statistics computed in DuckDB/);
  });

  it.each([
    ["ridge", new RidgeCV(), []],
    ["elasticnet", new ElasticNetCV({ l1Ratio: [0.3, 0.9] }), ["--l1-ratio", "0.3,0.9"]],
  ] as const)("--model %s --cv chooses as the library's fitFolds on the same folds (row_number() mod k) of the rows", (model, cv, flags) => {
    const out = run("fit", csv, "--target", "y", "--model", model, "--engine", "duckdb", "--cv", "3", ...flags, "--format", "json");
    expect(out.stderr).toBe("");
    // DuckDB's row_number() counts from 1: row i (from 0) is in fold (i + 1) mod 3.
    const folds = [0, 1, 2].map((f) => {
      const members = rows.filter((_, i) => (i + 1) % 3 === f);
      return new GramAccumulator(3).update(members.map((r) => r.slice(0, 3)), members.map((r) => r[3]));
    });
    const expected = cv.fitFolds(folds);
    const fitted = coefficients(out.stdout).fitted;
    const scale = Math.max(...Array.from(expected.coef, Math.abs));
    fitted.coef.forEach((c, j) => expect(Math.abs(c - expected.coef[j])).toBeLessThanOrEqual(1e-8 * scale));
  });

  it("fails with one line and exit 2, writing nothing: unknown target, missing file, stdin, an engine it does not know", () => {
    const output = join(dir, "model.json");
    for (const args of [
      [csv, "--target", "nope"], [join(dir, "none.csv"), "--target", "y"], ["-", "--target", "y"],
    ]) {
      const out = run("fit", ...args, "--engine", "duckdb", "--output", output);
      expect(out.status).toBe(2);
      expect(out.stderr.trim().split("\n")).toHaveLength(1);
      expect(out.stdout).toBe("");
    }
    expect(run("fit", csv, "--target", "y", "--engine", "spark").stderr).toMatch(/--engine must be duckdb/);
    expect(existsSync(output)).toBe(false);
  });

  it.each([
    ["an empty file", "", "is empty: it needs a header row and at least one data row."],
    ["a ragged row", "a,b,y\n1,2,3\n4,5\n", "line 3 has 2 cells but the header has 3 columns"],
    ["a text cell", "a,b,y\n1,2,3\n4,five,6\n", 'line 3, column "b": "five" is not a number'],
    ["semicolons", "a;b;y\n1;2;3\n", "it looks separated by semicolons"],
    ["no such file", undefined, "no such file. Check the path."],
  ])("a CSV DuckDB cannot read as the table rules want (%s) gets the message the command line gives without --engine", (_, text, message) => {
    const path = join(dir, `${_.replaceAll(" ", "-")}.csv`);
    if (text !== undefined) writeFileSync(path, text);
    const [engine, inMemory] = [run("fit", path, "--target", "y", "--engine", "duckdb"), run("fit", path, "--target", "y")];
    expect(engine.status).toBe(2);
    expect(engine.stderr).toContain(message);
    // In memory, a text cell's message adds how to one-hot encode or exclude the column, which --engine cannot.
    if (text !== undefined) expect(inMemory.stderr).toContain(engine.stderr.trim().replace(/\.$/, ""));
  });
});

describe("regularized sql", () => {
  it("prints a query whose result in DuckDB is the statistics: n and the target's sum of squares checked by hand", async () => {
    const out = run("sql", "--target", "y", "--from", `read_csv('${csv}')`, "--features", 'a b,q"uote,big');
    expect(out.status).toBe(0);
    const [[row]] = await runInDuckDB([out.stdout]);
    const ys = rows.map((r) => r[3]);
    const mean = ys.reduce((s, v) => s + v, 0) / ys.length;
    expect(Number(row.n)).toBe(60);
    const yy = Number(row.yy) - Number(row.s_y) ** 2 / 60;
    expect(Math.abs(yy - ys.reduce((s, v) => s + (v - mean) ** 2, 0))).toBeLessThanOrEqual(1e-10 * yy);
  });

  it("without --features reads the columns through DuckDB; past --max-columns prints several queries", () => {
    const all = run("sql", "--target", "y", "--from", `read_csv('${csv}')`);
    expect(all.stdout).toContain('AVG("q""uote")');
    const split = run("sql", "--target", "y", "--from", "t", "--features", "a,b,c,d,e", "--max-columns", "14");
    expect(split.stdout).toContain("-- query 1 of ");
    expect(run("sql", "--target", "y", "--from", "t", "--features", "a", "--folds", "3").stderr).toMatch(/--fold-column/);
  });
});
