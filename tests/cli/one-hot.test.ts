// The command line with a text column: one-hot encoded on its own (said on standard error) against scikit-learn's
// OneHotEncoder + Lasso (tests/fixtures/generate_one_hot.py), --one-hot and --exclude, and predict from the model file.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import fixture from "../fixtures/sklearn-one-hot.json" with { type: "json" };

const bin = join(process.cwd(), "dist", "cli", "main.js");
const dir = mkdtempSync(join(tmpdir(), "regularized-one-hot-"));
const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: "utf8" });
const csv = (name: string, rows: Record<string, unknown>[]) => {
  const path = join(dir, name);
  const columns = Object.keys(rows[0]);
  writeFileSync(path, [columns.join(","), ...rows.map((row) => columns.map((c) => String(row[c])).join(","))].join("\n") + "\n");
  return path;
};
const train = csv("houses.csv", fixture.records.map(({ city, area, price, rooms }) => ({ city, area, price, rooms })));
const test = csv("new.csv", fixture.test.map(({ rooms, city, area }) => ({ id: 7, rooms, city, area })));
const exact = ["--tol", "1e-12", "--max-iter", "1000000"];

describe("regularized fit with a text column", () => {
  const [c] = fixture.cases.filter((c) => c.lambda === 1);
  const model = join(dir, "model.json");

  it("one-hot encodes it on its own, says so, and fits scikit-learn's coefficients; predict encodes new rows the same way", () => {
    const fit = run("fit", train, "--target", "price", "--lambda", "1", ...exact, "--format", "json", "--output", model);
    expect(fit.status).toBe(0);
    expect(fit.stderr).toContain("one-hot encoding the text column city (5 categories)");
    const file = JSON.parse(readFileSync(model, "utf8")) as { featureNames: string[]; columns: unknown[]; fitted: { coef: number[]; intercepts: number[] } };
    // The file's columns follow the CSV's order: city (one-hot), area, rooms.
    const names = [...fixture.categories.map((k) => `city=${k}`), "area", "rooms"];
    expect(file.featureNames).toEqual(names);
    const sklearnOrder = ["area", ...fixture.categories.map((k) => `city=${k}`), "rooms"];
    const scale = Math.max(...c.coef.map(Math.abs));
    names.forEach((name, j) => expect(Math.abs(file.fitted.coef[j] - c.coef[sklearnOrder.indexOf(name)])).toBeLessThanOrEqual(1e-9 * scale));
    expect(Math.abs(file.fitted.intercepts[0] - c.intercept)).toBeLessThanOrEqual(1e-9 * scale);
    const predicted = run("predict", model, test);
    expect(predicted.status).toBe(0);
    expect(predicted.stderr).toContain("city=Oslo");
    const values = predicted.stdout.trim().split("\n").slice(1).map(Number);
    values.forEach((v, i) => expect(Math.abs(v - c.predictions[i])).toBeLessThanOrEqual(1e-9 * Math.abs(c.predictions[i])));
  });

  it("--exclude drops a column and --one-hot encodes a number column as categories", () => {
    const out = run("fit", train, "--target", "price", "--exclude", "city", "--one-hot", "rooms", "--format", "csv");
    expect(out.status).toBe(0);
    expect(out.stderr).toBe("");
    const features = out.stdout.trim().split("\n").slice(1).map((line) => line.split(",")[0]);
    expect(features).toEqual(["area", "rooms=1", "rooms=2", "rooms=3", "rooms=4", "rooms=5", "(intercept)"]);
  });

  it("a classifier one-hot encodes text features too", () => {
    const labelled = csv("labelled.csv", fixture.records.map(({ city, area, price }) => ({ city, area, dear: price > 250 ? "yes" : "no" })));
    const out = run("fit", labelled, "--target", "dear", "--model", "logistic", "--format", "csv");
    expect(out.status).toBe(0);
    expect(out.stderr).toContain("one-hot encoding the text column city");
    expect(out.stdout).toContain("city=Paris");
  });

  it.each([
    [["--target", "price", "--one-hot", "price"], "--one-hot price: that column is the target, not a feature"],
    [["--target", "price", "--exclude", "town"], "--exclude town: "],
    [["--target", "price", "--exclude", "a,,b"], "--exclude takes column names separated by commas"],
    [["--target", "price", "--one-hot", "rooms", "--stream"], "--one-hot encodes the rows in memory, but this command reads"],
  ])("refuses %j", (args, message) => {
    const out = run("fit", train, ...args);
    expect(out.status).toBe(2);
    expect(out.stderr).toContain(message);
  });

  it("refuses a column of numbers and text, saying how to one-hot encode or exclude it", () => {
    const mixed = csv("mixed.csv", [{ a: 1, b: 2, y: 1 }, { a: "n/a", b: 3, y: 2 }, { a: 3, b: 1, y: 4 }]);
    const out = run("fit", mixed, "--target", "y");
    expect(out.status).toBe(2);
    expect(out.stderr).toContain('line 3, column "a": "n/a" is not a number');
    expect(out.stderr).toContain("one-hot encode it with --one-hot a, or drop it with --exclude a");
  });
});
