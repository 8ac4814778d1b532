// A text column one-hot encoded by fromRecords, fromArrow and the model's predict, against scikit-learn's
// OneHotEncoder(handle_unknown="ignore") + Lasso on the same rows (tests/fixtures/generate_one_hot.py).
import { tableFromArrays } from "apache-arrow";
import { beforeAll, describe, expect, it } from "vitest";
import { fromArrow, fromRecords, init, Lasso, modelFromJSON, type BackendName } from "../../src/index.js";
import fixture from "../fixtures/sklearn-one-hot.json" with { type: "json" };

beforeAll(() => init());

const features = ["area", "rooms", "city"] as const;
const testRows = fixture.test.map((row) => Object.fromEntries(features.map((name) => [name, row[name]])));
const arrow = (rows: typeof fixture.records) => tableFromArrays({
  area: Float64Array.from(rows, (r) => r.area),
  city: rows.map((r) => r.city),
  rooms: Int32Array.from(rows, (r) => r.rooms),
  price: Float64Array.from(rows, (r) => r.price),
});

describe("one-hot text columns against scikit-learn's OneHotEncoder + Lasso", () => {
  it("names each category's feature column=value, categories sorted as OneHotEncoder's categories_", () => {
    const { X } = fromRecords(fixture.records, { target: "price" });
    expect(X.featureNames).toEqual(["area", ...fixture.categories.map((c) => `city=${c}`), "rooms"]);
    // Row by row: area, a one at the row's city, rooms.
    fixture.records.forEach((row, i) => {
      const expected = [row.area, ...fixture.categories.map((c) => (c === row.city ? 1 : 0)), row.rooms];
      expect(Array.from(X.data.subarray(i * X.cols, (i + 1) * X.cols))).toEqual(expected);
    });
  });

  for (const backend of ["wasm", "js"] as BackendName[]) {
    it.each(fixture.cases.map((c) => [c.lambda, c] as const))(`${backend}: lambda %s gives sklearn's coef (1e-9), zeros and predictions, unseen cities as zeros`, (_, c) => {
      const { X, y } = fromRecords(fixture.records, { target: "price" });
      const warnings: string[] = [];
      const model = new Lasso({ lambda: c.lambda, tol: 1e-12, maxIter: 1_000_000, backend, onWarning: (m) => warnings.push(m) }).fit(X, y as Float64Array);
      const scale = Math.max(...c.coef.map(Math.abs));
      Array.from(model.coef).forEach((w, j) => {
        expect(Math.abs(w - c.coef[j])).toBeLessThanOrEqual(1e-9 * scale);
        expect(w === 0).toBe(c.coef[j] === 0);
      });
      expect(Math.abs(model.intercept - c.intercept)).toBeLessThanOrEqual(1e-9 * Math.max(scale, Math.abs(c.intercept)));
      const predicted = model.predict(testRows);
      predicted.forEach((p, i) => expect(Math.abs(p - c.predictions[i])).toBeLessThanOrEqual(1e-9 * Math.abs(c.predictions[i])));
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toContain("city=Oslo");
    });
  }

  it("a model restored from JSON encodes records as the fitted one did", () => {
    const { X, y } = fromRecords(fixture.records, { target: "price" });
    const model = new Lasso({ lambda: 1 }).fit(X, y as Float64Array);
    const restored = modelFromJSON(JSON.stringify(model));
    expect(restored.featureNames).toEqual(X.featureNames);
    expect(restored.columns).toEqual(X.columns);
    const seen = testRows.filter((row) => row.city !== "Oslo");
    expect(Array.from(restored.predict(seen) as Float64Array)).toEqual(Array.from(model.predict(seen)));
  });

  it("records and an Arrow table give bitwise the same X, y and model as number[][] of the same values", () => {
    const fromRows = fromRecords(fixture.records, { target: "price" });
    const fromTable = fromArrow(arrow(fixture.records), { target: "price" });
    expect(fromTable.X.featureNames).toEqual(fromRows.X.featureNames);
    expect(fromTable.X.data).toEqual(fromRows.X.data);
    expect(fromTable.y).toEqual(fromRows.y);
    // The same values written out by hand as rows of numbers.
    const rows = fixture.records.map((r) => [r.area, ...fixture.categories.map((c) => Number(c === r.city)), r.rooms]);
    const byRows = new Lasso({ lambda: 1 }).fit(rows, fixture.records.map((r) => r.price));
    for (const { X, y } of [fromRows, fromTable]) {
      const model = new Lasso({ lambda: 1 }).fit(X, y as Float64Array);
      expect(Array.from(model.coef).map((v) => Object.is(v, -0) ? 0 : v)).toEqual(Array.from(byRows.coef).map((v) => Object.is(v, -0) ? 0 : v));
      expect(model.intercept).toBe(byRows.intercept);
    }
  });

  it("fromArrow with a model's columns reads new rows as it was fitted, unseen cities as zeros with a warning", () => {
    const { X, y } = fromArrow(arrow(fixture.records), { target: "price" });
    const warnings: string[] = [];
    const model = new Lasso({ lambda: 1, onWarning: (m) => warnings.push(m) }).fit(X, y as Float64Array);
    const test = fromArrow(arrow(fixture.test), { columns: model.columns, onWarning: (m) => warnings.push(m) });
    expect(test.X.featureNames).toEqual(X.featureNames);
    expect(Array.from(model.predict(test.X))).toEqual(Array.from(model.predict(testRows)));
    const oslo = fixture.test.findIndex((r) => r.city === "Oslo");
    expect(Array.from(test.X.data.subarray(oslo * X.cols + 1, oslo * X.cols + 1 + fixture.categories.length))).toEqual(fixture.categories.map(() => 0));
    expect(warnings).toHaveLength(2); // fromArrow's, then predict's from the records
    expect(warnings.every((w) => w.includes("city=Oslo"))).toBe(true);
  });
});
