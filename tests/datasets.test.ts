import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadBreastCancer, loadDiabetes } from "../src/index.js";

describe("loadDiabetes", () => {
  // Read independently of the embedding script: split the committed CSV by hand.
  const lines = readFileSync(new URL("../data/diabetes.csv", import.meta.url), "utf8").trim().split("\n");
  const header = lines[0].split(",");
  const table = lines.slice(1).map((line) => line.split(",").map(Number));

  it("has the 442 patients and 10 raw features of Efron et al. (2004)", () => {
    const { X, y, featureNames } = loadDiabetes();
    expect(X).toHaveLength(442);
    expect(y).toHaveLength(442);
    expect(X.every((row) => row.length === 10)).toBe(true);
    expect(featureNames).toEqual(["age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6"]);
    expect(header.at(-1)).toBe("target");
  });

  it("embeds exactly the values of data/diabetes.csv", () => {
    const { X, y } = loadDiabetes();
    table.forEach((row, i) => {
      expect(Array.from(X[i])).toEqual(row.slice(0, 10));
      expect(y[i]).toBe(row[10]);
    });
  });

  it("returns fresh copies each call", () => {
    const first = loadDiabetes();
    first.X[0][0] = -1;
    first.y[0] = -1;
    const second = loadDiabetes();
    expect(second.X[0][0]).toBe(table[0][0]);
    expect(second.y[0]).toBe(table[0][10]);
  });
});

describe("loadBreastCancer", () => {
  // Read independently of the embedding script: split the committed CSV (CRLF, no quoted cells) by hand.
  const lines = readFileSync(new URL("../data/breast_cancer.csv", import.meta.url), "utf8").trim().split(/\r?\n/);
  const header = lines[0].split(",");
  const table = lines.slice(1).map((line) => line.split(","));

  it("has the 569 aspirates, 30 features and two diagnoses of Wolberg, Street and Mangasarian (1995)", () => {
    const { X, y, featureNames, classes } = loadBreastCancer();
    expect(X).toHaveLength(569);
    expect(X.every((row) => row.length === 30)).toBe(true);
    expect(featureNames).toEqual(header.slice(0, 30));
    expect(featureNames[0]).toBe("mean_radius");
    expect(header[30]).toBe("diagnosis");
    expect(classes).toEqual(["benign", "malignant"]);
    // The data set's documented counts: 357 benign, 212 malignant.
    expect(y.filter((label) => label === "benign")).toHaveLength(357);
    expect(y.filter((label) => label === "malignant")).toHaveLength(212);
  });

  it("embeds exactly the values and labels of data/breast_cancer.csv", () => {
    const { X, y } = loadBreastCancer();
    table.forEach((row, i) => {
      expect(Array.from(X[i])).toEqual(row.slice(0, 30).map(Number));
      expect(y[i]).toBe(row[30]);
    });
  });

  it("returns fresh copies each call", () => {
    const first = loadBreastCancer();
    first.X[0][0] = -1;
    first.y[0] = "changed";
    first.classes.push("other");
    const second = loadBreastCancer();
    expect(second.X[0][0]).toBe(Number(table[0][0]));
    expect(second.y[0]).toBe(table[0][30]);
    expect(second.classes).toEqual(["benign", "malignant"]);
  });
});
