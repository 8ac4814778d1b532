import { describe, expect, it } from "vitest";
import { quoteIdentifier } from "../../src/sql/quote.js";
import { statisticsQueries } from "../../src/sql/statistics-query.js";
import { statisticsFromRows } from "../../src/sql/statistics-rows.js";

describe("quoteIdentifier", () => {
  it("doubles an embedded double quote (standard SQL) and wraps in backticks for Spark SQL and BigQuery", () => {
    expect(quoteIdentifier('a "b" c')).toBe('"a ""b"" c"');
    expect(quoteIdentifier("total sales", "backtick")).toBe("`total sales`");
  });

  it("refuses a name whose backtick escaping the engines disagree on, and a NUL", () => {
    expect(() => quoteIdentifier("a`b", "backtick")).toThrow(/backtick or a backslash/);
    expect(() => quoteIdentifier("a\\b", "backtick")).toThrow(/rename the column/);
    expect(() => quoteIdentifier("a\0b")).toThrow(/NUL/);
  });
});

/** The result columns of a query: its SELECT list. */
const selected = (sql: string) => sql.slice(sql.indexOf("\nSELECT ") + 8, sql.indexOf("\nFROM ")).split(",\n  ");

describe("statisticsQueries", () => {
  it("one query of COUNT, the shifts and the SUMs of shifted products: 1 + 2(d+1) + d(d+1)/2 + d + 1 columns", () => {
    const { blocks } = statisticsQueries({ from: "sales", features: ["a", "b"], target: "y" });
    expect(blocks).toHaveLength(1);
    const { sql } = blocks[0];
    expect(sql).toContain('WITH regularized_shift AS (SELECT AVG("a") AS regularized_shift_0, AVG("b") AS regularized_shift_1, AVG("y") AS regularized_shift_y FROM sales');
    expect(sql).toContain("COUNT(*) AS n");
    expect(sql).toContain('SUM(("a" - regularized_shift.regularized_shift_0) * ("b" - regularized_shift.regularized_shift_1)) AS p_0_1');
    expect(sql).toContain('WHERE "a" IS NOT NULL AND "b" IS NOT NULL AND "y" IS NOT NULL');
    expect(sql).not.toContain("GROUP BY");
    expect(selected(sql)).toHaveLength(1 + 2 * 3 + 3 + 2 + 1);
  });

  it("weights every sum and counts the weight; folds group by a non-negative MOD of the fold column", () => {
    const { sql } = statisticsQueries({ from: "t", features: ["a"], target: "y", weight: "w", folds: 5, foldColumn: "id" }).blocks[0];
    expect(sql).toContain('SUM("w") AS n');
    expect(sql).toContain('SUM("w" * ("a" - regularized_shift.regularized_shift_0)) AS s_0');
    expect(sql).toContain('GROUP BY MOD(MOD(CAST("id" AS BIGINT), 5) + 5, 5)\nORDER BY fold');
  });

  it("a name with quotes, spaces and SQL stays one identifier: no injection", () => {
    const evil = 'x"); DROP TABLE t; --';
    const { sql } = statisticsQueries({ from: "t", features: [evil, "two words"], target: "y" }).blocks[0];
    expect(sql).toContain('AVG("x""); DROP TABLE t; --")');
    expect(sql).toContain('"two words"');
    // Outside quoted identifiers, no statement separator or comment remains.
    const unquoted = sql.replace(/"(?:[^"]|"")*"/g, "ID");
    expect(unquoted).not.toMatch(/;|--/);
    expect(statisticsQueries({ from: "t", features: ["two words"], target: "y", quote: "backtick" }).blocks[0].sql).toContain("AVG(`two words`)");
  });

  it("past maxColumns, splits into queries that together hold every product and X^T y entry once, each within the limit", () => {
    const d = 7;
    const features = Array.from({ length: d }, (_, j) => `x${j}`);
    const plan = statisticsQueries({ from: "t", features, target: "y", maxColumns: 30 });
    expect(plan.blocks.length).toBeGreaterThan(1);
    const pairs = plan.blocks.flatMap((b) => b.pairs.map(([j, l]) => `${j},${l}`)).sort();
    const expected = features.flatMap((_, j) => features.slice(j).map((__, i) => `${j},${j + i}`)).sort();
    expect(pairs).toEqual(expected);
    expect(plan.blocks.flatMap((b) => b.xy).sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
    for (const { sql } of plan.blocks) expect(selected(sql).length).toBeLessThanOrEqual(30);
    expect(() => statisticsQueries({ from: "t", features, target: "y", maxColumns: 5 })).toThrow(/raise maxColumns/);
  });

  it("refuses a repeated column, folds without a fold column, and an empty FROM, saying what to pass", () => {
    expect(() => statisticsQueries({ from: "t", features: ["a", "y"], target: "y" })).toThrow(/named twice/);
    expect(() => statisticsQueries({ from: "t", features: ["a"], target: "y", folds: 3 })).toThrow(/foldColumn/);
    expect(() => statisticsQueries({ from: " ", features: ["a"], target: "y" })).toThrow(/FROM clause/);
  });
});

describe("statisticsFromRows", () => {
  it("turns shifted sums into the centered statistics: a hand-computed row", () => {
    // Rows (x, y): (1, 2), (3, 6), shifts 2 and 4: shifted x -1, 1; shifted y -2, 2.
    const plan = statisticsQueries({ from: "t", features: ["x"], target: "y" });
    const row = { n: 2n, c_0: 2, s_0: 0, c_y: 4, s_y: 0, p_0_0: 2, q_0: 4, yy: 8 };
    expect(statisticsFromRows(plan, [[row]])).toEqual([{ nFeatures: 1, n: 2, xMean: [2], yMean: 4, xx: [2], xy: [4], yy: 8 }]);
    // A shift away from the mean: shifts 0 and 0 give the raw sums, and the same statistics.
    const raw = { n: 2, c_0: 0, s_0: 4, c_y: 0, s_y: 8, p_0_0: 10, q_0: 20, yy: 40 };
    expect(statisticsFromRows(plan, [[raw]])).toEqual([{ nFeatures: 1, n: 2, xMean: [2], yMean: 4, xx: [2], xy: [4], yy: 8 }]);
  });

  it("names a missing fold, a missing column and a non-numeric cell", () => {
    const plan = statisticsQueries({ from: "t", features: ["x"], target: "y", folds: 2, foldColumn: "id" });
    const row = { n: 1, fold: 0, c_0: 0, s_0: 0, c_y: 0, s_y: 0, p_0_0: 0, q_0: 0, yy: 0 };
    expect(() => statisticsFromRows(plan, [[row]])).toThrow(/Fold 1 of 2 holds no rows/);
    expect(() => statisticsFromRows(plan, [[{ ...row, q_0: undefined }, { ...row, fold: 1 }]])).toThrow(/not a finite number/);
    const { q_0: _, ...withoutXy } = row;
    expect(() => statisticsFromRows(plan, [[withoutXy, { ...row, fold: 1 }]])).toThrow(/has no column q_0/);
  });
});
