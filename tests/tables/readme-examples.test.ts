// The README's table examples, run: names kept and checked, records with a text column, an Arrow IPC stream read by
// fromArrow with a model's columns, and a Parquet file (written by DuckDB) read by hyparquet into fromRecords.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { tableFromArrays, tableFromIPC, tableToIPC } from "apache-arrow";
import { asyncBufferFromFile, parquetReadObjects } from "hyparquet";
import { beforeAll, describe, expect, it } from "vitest";
import { fromArrow, fromRecords, init, Lasso, loadDiabetes, Ridge } from "../../src/index.js";
import { runInDuckDB } from "../../src/sql/duckdb.js";

beforeAll(() => init());

const houses = Array.from({ length: 30 }, (_, i) => ({
  id: i + 1, area: 40 + ((i * 37) % 90), rooms: 1 + (i % 5), city: ["Lyon", "Paris", "Nice"][i % 3],
  price: 100 + 2.5 * (40 + ((i * 37) % 90)) + 10 * (1 + (i % 5)) + [0, 150, 60][i % 3] + 5 * Math.sin(i),
}));

describe("the README's table examples", () => {
  it("names from loadDiabetes: predict from a record equals predict from its row; a missing feature is named", () => {
    const { X, y, featureNames } = loadDiabetes();
    const model = new Lasso({ lambda: 0.1 }).fit(X, y, { featureNames });
    const record = Object.fromEntries(featureNames.map((name, j) => [name, X[0][j]]));
    expect(Array.from(model.predict([record]))).toEqual(Array.from(model.predict([X[0]])));
    expect(() => model.predict([{ age: 0.04, bmi: 0.06 }])).toThrow('records[0] has no field "sex"');
  });

  it("records with a text column: the names the README shows, and an unseen city predicted as all-zero city features", () => {
    const { X, y } = fromRecords(houses, { target: "price", exclude: ["id"] });
    expect(X.featureNames).toEqual(["area", "rooms", "city=Lyon", "city=Nice", "city=Paris"]);
    const warnings: string[] = [];
    const model = new Lasso({ lambda: 0.1, onWarning: (m) => warnings.push(m) }).fit(X, y as Float64Array);
    const [rome] = model.predict([{ area: 70, rooms: 3, city: "Rome" }]);
    expect(rome).toBe(model.intercept + 70 * model.coef[0] + 3 * model.coef[1]);
    expect(warnings.join()).toContain("city=Rome");
  });

  it("an Arrow IPC stream through fromArrow, then new rows read with the model's columns", () => {
    const arrow = (rows: typeof houses) => tableFromIPC(tableToIPC(tableFromArrays({
      area: Float64Array.from(rows, (r) => r.area), rooms: Int32Array.from(rows, (r) => r.rooms), city: rows.map((r) => r.city),
      price: Float64Array.from(rows, (r) => r.price),
    })));
    const { X, y } = fromArrow(arrow(houses), { target: "price" });
    const model = new Ridge({ lambda: 1 }).fit(X, y as Float64Array);
    const next = fromArrow(arrow(houses.slice(0, 4)), { columns: model.columns });
    expect(Array.from(model.predict(next.X))).toEqual(Array.from(model.predict(houses.slice(0, 4).map(({ area, rooms, city }) => ({ area, rooms, city })))));
  });

  it("a Parquet file read by hyparquet (INT64 as BigInt) gives the model the records give", async () => {
    const dir = mkdtempSync(join(tmpdir(), "regularized-readme-"));
    const csv = join(dir, "houses.csv");
    writeFileSync(csv, ["area,rooms,city,price", ...houses.map((h) => [h.area, h.rooms, h.city, h.price].join(","))].join("\n") + "\n");
    const parquet = join(dir, "houses.parquet");
    await runInDuckDB([`COPY (SELECT area::BIGINT AS area, rooms::BIGINT AS rooms, city, price FROM read_csv('${csv}')) TO '${parquet}' (FORMAT parquet)`]);
    const rows = await parquetReadObjects({ file: await asyncBufferFromFile(parquet) });
    expect(typeof rows[0].area).toBe("bigint");
    const { X, y } = fromRecords(rows, { target: "price" });
    const fromParquet = new Lasso({ lambda: 0.1 }).fit(X, y as Float64Array);
    const direct = fromRecords(houses.map(({ area, rooms, city, price }) => ({ area, rooms, city, price })), { target: "price" });
    expect(X.data).toEqual(direct.X.data);
    expect(Array.from(fromParquet.coef)).toEqual(Array.from(new Lasso({ lambda: 0.1 }).fit(direct.X, direct.y as Float64Array).coef));
  });
});
