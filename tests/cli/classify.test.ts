// `fit --model logistic`, `predict` with a classifier's model file and `path --model logistic`: the real binary
// (dist/cli/main.js, built by `npm run build:ts`) against the library's LogisticRegression, LogisticRegressionCV and
// logisticPath run here on the same rows, and the classifier's errors (exit 2, one line that says what to do).

import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  initSync, loadBreastCancer, LogisticRegression, LogisticRegressionCV, logisticPath, modelFromJSON, type Label,
} from "../../src/index.js";

initSync();

const bin = fileURLToPath(new URL("../../dist/cli/main.js", import.meta.url));
const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: "utf8" });
const dir = mkdtempSync(join(tmpdir(), "regularized-classify-"));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

/** Rows of three features and a label of `labels` per row (its last column, named `target`), written as CSV. */
function dataset(name: string, n: number, label: (row: number[], i: number) => Label, target = "y") {
  const X = Array.from({ length: n }, (_, i) => [Math.sin(i * 1.7) * 2, Math.cos(i * 0.9) * 3, Math.sin(i * 0.31) + 0.5 * Math.cos(i * 4.1)]);
  const y = X.map((row, i) => label(row, i));
  const text = [`a,b,c,${target}`, ...X.map((row, i) => [...row, y[i]].join(","))].join("\n") + "\n";
  return { X, y, path: file(name, text) };
}

// Two classes as text, overlapping (a noise term the features do not hold).
const binary = dataset("binary.csv", 120, ([a, b], i) => (a - 0.5 * b + 1.2 * Math.sin(i * 5.3) > 0 ? "M" : "B"));
// Three classes, by the largest of three scores with noise.
const three = dataset("three.csv", 150, ([a, b, c], i) => {
  const scores = [a + Math.sin(i * 2.9), b + Math.cos(i * 3.7), 2 * c + Math.sin(i * 1.3)];
  return ["setosa", "versicolor", "virginica"][scores.indexOf(Math.max(...scores))];
}, "kind");

/** The parts of `fit --model logistic`'s table output. */
function report(stdout: string) {
  const accuracy = /train accuracy ([0-9.]+) \((\d+) of (\d+) rows\), log loss ([0-9.e+-]+)/.exec(stdout);
  if (!accuracy) throw new Error(`no accuracy line in:\n${stdout}`);
  const matrix = stdout.slice(stdout.indexOf("| true \\ predicted")).trim().split("\n").filter((line) => !line.startsWith("| :"));
  const cells = (line: string) => line.split("|").slice(1, -1).map((cell) => cell.trim());
  return {
    accuracy: Number(accuracy[1]), hits: Number(accuracy[2]), rows: Number(accuracy[3]), logLoss: Number(accuracy[4]),
    classes: cells(matrix[0]).slice(1),
    confusion: matrix.slice(1).map((line) => cells(line)),
  };
}

/** The mean of -log p(own class) over the rows, from predictProba. */
function meanLogLoss(model: LogisticRegression, X: number[][], y: Label[]): number {
  const p = model.predictProba(X);
  const K = model.classes.length;
  return y.reduce((sum: number, label, i) => sum - Math.log(p[i * K + model.classes.indexOf(label)]), 0) / y.length;
}

/** The `feature,coef...` CSV of `fit --format csv` as rows of numbers by name. */
function coefficientCsv(stdout: string): { header: string[]; rows: Map<string, number[]> } {
  const [header, ...lines] = stdout.trim().split("\n");
  return { header: header.split(","), rows: new Map(lines.map((line) => [line.split(",")[0], line.split(",").slice(1).map(Number)])) };
}

describe("regularized fit --model logistic", () => {
  it("prints the accuracy, log loss and confusion matrix of the library's model on the same rows", () => {
    const out = run("fit", binary.path, "--target", "y", "--model", "logistic", "--lambda", "0.02", "--standardize");
    expect(out.stderr).toBe("");
    expect(out.status).toBe(0);
    expect(out.stdout).toMatch(/^LogisticRegression on 120 rows, target y, classes B and M; coef: the log-odds of M/);
    const model = new LogisticRegression({ lambda: 0.02, standardize: true }).fit(binary.X, binary.y);
    const printed = report(out.stdout);
    const accuracy = model.score(binary.X, binary.y);
    expect(accuracy).toBeLessThan(1);
    expect(printed.hits / printed.rows).toBe(accuracy);
    expect(printed.accuracy).toBeCloseTo(accuracy, 4);
    expect(printed.logLoss).toBeCloseTo(meanLogLoss(model, binary.X, binary.y), 5);
    expect(printed.classes).toEqual(["B", "M"]);
    const counts = printed.confusion.map((row) => row.slice(1).map(Number));
    expect(printed.confusion.map((row) => row[0])).toEqual(["B", "M"]);
    expect(counts.flat().reduce((a, b) => a + b)).toBe(120);
    expect((counts[0][0] + counts[1][1]) / 120).toBe(accuracy);
    // Row t, column p: rows of class t predicted p, counted here from the library's predictions.
    const predicted = model.predict(binary.X);
    const counted = [0, 1].map((t) => [0, 1].map((p) => binary.y.filter((label, i) => label === ["B", "M"][t] && predicted[i] === ["B", "M"][p]).length));
    expect(counts).toEqual(counted);
  });

  it("--format csv gives the coefficients, one column per class for three classes", () => {
    const out = run("fit", three.path, "--target", "kind", "--model", "logistic", "--lambda", "0.01", "--l1-ratio", "0.5", "--format", "csv");
    expect(out.status).toBe(0);
    const { header, rows } = coefficientCsv(out.stdout);
    expect(header).toEqual(["feature", "setosa", "versicolor", "virginica"]);
    const model = new LogisticRegression({ lambda: 0.01, l1Ratio: 0.5 }).fit(three.X, three.y);
    ["a", "b", "c"].forEach((name, j) => {
      const row = rows.get(name) ?? [];
      expect(row).toHaveLength(3);
      row.forEach((value, k) => expect(value).toBeCloseTo(model.coef[j * 3 + k], 10));
    });
    expect(rows.get("(intercept)")).toEqual(Array.from(model.intercepts).map((v) => expect.closeTo(v, 10)));
  });

  it("--solver gd with --learning-rate, --max-iter and --tol fits as the library does with those options", () => {
    const out = run("fit", binary.path, "--target", "y", "--model", "logistic", "--solver", "gd", "--learning-rate", "0.3", "--max-iter", "40",
      "--tol", "1e-12", "--format", "csv");
    expect(out.status).toBe(0);
    // 40 iterations do not meet tol 1e-12: the library's own warning, on stderr.
    expect(out.stderr).toMatch(/did not converge in 40 iterations \(tol 1e-12\)/);
    const model = new LogisticRegression({ solver: "gd", learningRate: 0.3, maxIter: 40, tol: 1e-12, onWarning: () => {} }).fit(binary.X, binary.y);
    const { rows } = coefficientCsv(out.stdout);
    ["a", "b", "c"].forEach((name, j) => expect(rows.get(name)?.[0]).toBeCloseTo(model.coef[j], 12));
  });

  it("the three-class table's confusion matrix is 3 x 3 and sums to n", () => {
    const out = run("fit", three.path, "--target", "kind", "--model", "logistic");
    const printed = report(out.stdout);
    const model = new LogisticRegression().fit(three.X, three.y);
    expect(printed.classes).toEqual(["setosa", "versicolor", "virginica"]);
    const counts = printed.confusion.map((row) => row.slice(1).map(Number));
    expect(counts.flat().reduce((a, b) => a + b)).toBe(150);
    expect(counts.reduce((sum, row, k) => sum + row[k], 0) / 150).toBe(model.score(three.X, three.y));
    expect(printed.logLoss).toBeCloseTo(meanLogLoss(model, three.X, three.y), 5);
  });

  it("uses the embedded breast cancer data without a file", () => {
    const out = run("fit", "--model", "logistic", "--lambda", "0.02", "--l1-ratio", "1", "--standardize");
    expect(out.status).toBe(0);
    expect(out.stdout).toMatch(/^LogisticRegression on 569 rows, target diagnosis, classes benign and malignant/);
    const { X, y } = loadBreastCancer();
    const model = new LogisticRegression({ lambda: 0.02, l1Ratio: 1, standardize: true }).fit(X, y);
    expect(report(out.stdout).hits / 569).toBe(model.score(X, y));
  });

  it("--cv K chooses lambda as LogisticRegressionCV with K stratified folds does", () => {
    const out = run("fit", binary.path, "--target", "y", "--model", "logistic", "--cv", "4", "--standardize");
    expect(out.status).toBe(0);
    const cv = new LogisticRegressionCV({ nFolds: 4, standardize: true }).fit(binary.X, binary.y);
    expect(out.stdout).toContain(`(chosen by 4-fold stratified CV: lambda ${cv.lambdaMin.toPrecision(4)}, lambda.1se ${cv.lambda1se.toPrecision(4)})`);
    expect(report(out.stdout).hits / 120).toBe(cv.score(binary.X, binary.y));
  });

  it("--class-weight balanced fits the library's class-weighted model", () => {
    const out = run("fit", binary.path, "--target", "y", "--model", "logistic", "--class-weight", "balanced", "--format", "csv");
    const model = new LogisticRegression({ classWeight: "balanced" }).fit(binary.X, binary.y);
    const { rows } = coefficientCsv(out.stdout);
    ["a", "b", "c"].forEach((name, j) => expect(rows.get(name)?.[0]).toBeCloseTo(model.coef[j], 10));
    const weighted = run("fit", binary.path, "--target", "y", "--model", "logistic", "--class-weight", "B=1,M=3", "--format", "csv");
    const byPairs = new LogisticRegression({ classWeight: { B: 1, M: 3 } }).fit(binary.X, binary.y);
    expect(coefficientCsv(weighted.stdout).rows.get("a")?.[0]).toBeCloseTo(byPairs.coef[0], 10);
  });

  it("--format json prints a model file that restores the classifier", () => {
    const out = run("fit", binary.path, "--target", "y", "--model", "logistic", "--format", "json");
    const json = JSON.parse(out.stdout);
    expect(json).toMatchObject({ model: "LogisticRegression", featureNames: ["a", "b", "c"], target: "y" });
    const restored = modelFromJSON(out.stdout) as LogisticRegression;
    expect(restored.predict(binary.X)).toEqual(new LogisticRegression().fit(binary.X, binary.y).predict(binary.X));
  });
});

describe("regularized predict with a classifier's model file", () => {
  const model = join(dir, "binary.json");
  const fitted = run("fit", binary.path, "--target", "y", "--model", "logistic", "--lambda", "0.05", "--output", model);
  const inMemory = new LogisticRegression({ lambda: 0.05 }).fit(binary.X, binary.y);

  it("prints the label and p(<class>) per class: the in-memory model's labels and predictProba, each row summing to 1", () => {
    expect(fitted.status).toBe(0);
    expect(JSON.parse(readFileSync(model, "utf8"))).toMatchObject({ target: "y", featureNames: ["a", "b", "c"], fitted: { classes: ["B", "M"] } });
    // The columns in another order and the label column as text: matched by name, the others not read.
    const rows = binary.X.slice(0, 40);
    const text = ["y,c,b,a", ...rows.map(([a, b, c], i) => [binary.y[i], c, b, a].join(","))].join("\n") + "\n";
    const out = run("predict", model, file("new.csv", text));
    expect(out.stderr).toBe("");
    const [header, ...lines] = out.stdout.trim().split("\n");
    expect(header).toBe("y,p(B),p(M)");
    const labels = lines.map((line) => line.split(",")[0]);
    expect(labels).toEqual(inMemory.predict(rows));
    const p = inMemory.predictProba(rows);
    lines.forEach((line, i) => {
      const [pB, pM] = line.split(",").slice(1).map(Number);
      expect(pB).toBeCloseTo(p[2 * i], 14);
      expect(pM).toBeCloseTo(p[2 * i + 1], 14);
      expect(pB + pM).toBeCloseTo(1, 14);
    });
  });

  it("reads the model file piped from fit --format json (predict -), whatever the writer's pace", () => {
    const [node, fit] = [`"${process.execPath}" "${bin}"`, `fit "${binary.path}" --target y --model logistic --format json`];
    const piped = spawnSync("bash", ["-c", `(sleep 0.3; ${node} ${fit}) | ${node} predict - "${binary.path}"`], { encoding: "utf8" });
    expect(piped.stderr).toBe("");
    const labels = piped.stdout.trim().split("\n").slice(1).map((line) => line.split(",")[0]);
    expect(labels).toEqual(new LogisticRegression().fit(binary.X, binary.y).predict(binary.X));
  });

  it("three classes: a column per class in the model's sorted classes", () => {
    const path = join(dir, "three.json");
    expect(run("fit", three.path, "--target", "kind", "--model", "logistic", "--output", path).status).toBe(0);
    const out = run("predict", path, three.path);
    const [header, ...lines] = out.stdout.trim().split("\n");
    expect(header).toBe("kind,p(setosa),p(versicolor),p(virginica)");
    const model = new LogisticRegression().fit(three.X, three.y);
    expect(lines.map((line) => line.split(",")[0])).toEqual(model.predict(three.X));
    const p = model.predictProba(three.X);
    lines.forEach((line, i) => {
      const values = line.split(",").slice(1).map(Number);
      values.forEach((value, k) => expect(value).toBeCloseTo(p[3 * i + k], 14));
      expect(values.reduce((a, b) => a + b)).toBeCloseTo(1, 14);
    });
  });

  it.each([
    ["numbers", (label: Label) => (label === "M" ? 1 : 0), ["0", "1"]],
    ["booleans (any case)", (label: Label) => (label === "M" ? "True" : "false"), ["false", "true"]],
  ] as const)("labels that are %s stay numbers or booleans, printed as such", (_, relabel, classes) => {
    const text = ["a,b,c,y", ...binary.X.map((row, i) => [...row, relabel(binary.y[i])].join(","))].join("\n") + "\n";
    const data = file(`relabelled-${classes[0]}.csv`, text);
    const path = join(dir, `relabelled-${classes[0]}.json`);
    expect(run("fit", data, "--target", "y", "--model", "logistic", "--output", path).status).toBe(0);
    expect(JSON.parse(readFileSync(path, "utf8")).fitted.classes).toEqual(classes[0] === "0" ? [0, 1] : [false, true]);
    const out = run("predict", path, data);
    expect(out.stdout.split("\n")[0]).toBe(`y,p(${classes[0]}),p(${classes[1]})`);
    const asText = new LogisticRegression().fit(binary.X, binary.y).predict(binary.X).map((label) => classes[label === "M" ? 1 : 0]);
    expect(out.stdout.trim().split("\n").slice(1).map((line) => line.split(",")[0])).toEqual(asText);
  });
});

describe("regularized path --model logistic", () => {
  it("writes logisticPath's lambdas and coefficients (two classes: one line per lambda)", () => {
    const out = run("path", binary.path, "--target", "y", "--model", "logistic", "--n-lambdas", "5");
    expect(out.status).toBe(0);
    const [header, ...lines] = out.stdout.trim().split("\n");
    expect(header).toBe("lambda,a,b,c,(intercept)");
    const path = logisticPath(binary.X, binary.y, { nLambdas: 5 });
    expect(lines).toHaveLength(5);
    lines.forEach((line, i) => {
      const [lambda, ...values] = line.split(",").map(Number);
      expect(lambda).toBe(path.lambdas[i]);
      values.slice(0, 3).forEach((value, j) => expect(value).toBeCloseTo(path.coefs[i][j], 10));
    });
    expect(lines[0].split(",").slice(1, 4).map(Number)).toEqual([0, 0, 0]);
  });

  it("three classes: a line per lambda and class, named in the class column", () => {
    const out = run("path", three.path, "--target", "kind", "--model", "logistic", "--n-lambdas", "3", "--l1-ratio", "0.5");
    const [header, ...lines] = out.stdout.trim().split("\n");
    expect(header).toBe("lambda,class,a,b,c,(intercept)");
    const path = logisticPath(three.X, three.y, { nLambdas: 3, l1Ratio: 0.5 });
    expect(lines).toHaveLength(9);
    lines.forEach((line, row) => {
      const [i, k] = [Math.floor(row / 3), row % 3];
      const cells = line.split(",");
      expect(Number(cells[0])).toBe(path.lambdas[i]);
      expect(cells[1]).toBe(path.classes[k]);
      cells.slice(2, 5).forEach((value, j) => expect(Number(value)).toBeCloseTo(path.coefs[i][j * 3 + k], 10));
    });
  });
});

describe("the classifier's errors: one line on stderr that says what to do, exit code 2", () => {
  const oneClass = file("one-class.csv", "a,b,y\n1,2,B\n2,1,B\n3,3,B\n");
  const fewM = file("few-m.csv", "a,b,y\n1,2,B\n2,1,M\n3,3,B\n4,1,M\n5,2,B\n");
  const measured = file("measured.csv", ["a,y", ...Array.from({ length: 60 }, (_, i) => `${i},${i * 1.5}`)].join("\n") + "\n");
  const modelPath = join(dir, "binary-errors.json");
  run("fit", binary.path, "--target", "y", "--model", "logistic", "--output", modelPath);
  const renamed = file("renamed.json", JSON.stringify({ ...JSON.parse(readFileSync(modelPath, "utf8")), target: undefined, targets: ["y", "z"] }));
  it.each([
    ["a target of one class", ["fit", oneClass, "--target", "y", "--model", "logistic"], /"y" holds one class only \("B" in every row of .*one-class\.csv\): --model logistic needs rows of at least two classes\. Add rows/],
    ["text labels for a regression model", ["fit", binary.path, "--target", "y", "--model", "lasso"], /binary\.csv line 2, column "y": "[BM]" is not a number\..*classify by it with --model logistic/],
    ["text labels for the lasso path", ["path", binary.path, "--target", "y"], /column "y": "[BM]" is not a number\..*with --model logistic/],
    ["more folds than a class has rows", ["fit", fewM, "--target", "y", "--model", "logistic", "--cv", "3"], /--cv 3 deals each class's rows into 3 stratified folds, but class "M" has 2 rows .*: give --cv 2 or less/],
    ["--l1-ratio 0 with --cv", ["fit", binary.path, "--target", "y", "--model", "logistic", "--cv", "3", "--l1-ratio", "0"], /--l1-ratio 0 is ridge.*give --l1-ratio > 0, or drop --cv/],
    ["--stream", ["fit", binary.path, "--target", "y", "--model", "logistic", "--stream"], /--stream serves fits from the statistics of least squares.*drop --stream/],
    ["two targets", ["fit", binary.path, "--target", "y", "--target", "a", "--model", "logistic"], /--model logistic classifies by one target.*fit one --target at a time/],
    ["a class weight of an unknown class", ["fit", binary.path, "--target", "y", "--model", "logistic", "--class-weight", "B=1,Q=2"], /--class-weight names "Q", which is not a class of "y" \(its classes are .*\): name the classes as listed/],
    ["a class weight that is not label=weight", ["fit", binary.path, "--target", "y", "--model", "logistic", "--class-weight", "heavy"], /"heavy" is not label=weight: give "balanced" or label=weight pairs/],
    ["--class-weight for a regression model", ["fit", binary.path, "--target", "a", "--model", "ridge", "--class-weight", "balanced"], /--class-weight does not apply to --model ridge.*Drop --class-weight/],
    ["a missing label", ["fit", file("missing-label.csv", "a,y\n1,B\n2,\n"), "--target", "y", "--model", "logistic"], /line 3, column "y": missing label\. Fill it in, or drop the row/],
    ["a measurement as the target", ["fit", measured, "--target", "y", "--model", "logistic"], /"y" holds 60 distinct numbers in 60 rows: that is a measurement, not classes\. Predict it with a regression --model/],
    ["a --target other than the breast cancer data's", ["fit", "--model", "logistic", "--target", "y"], /no file was given \(without one, the command uses the breast cancer data, whose target is "diagnosis"\)/],
    ["a classifier's model file naming two targets", ["predict", renamed, binary.path], /is damaged: its target names do not match its 1 output\(s\)/],
    ["the logistic path of ridge", ["path", binary.path, "--target", "y", "--model", "logistic", "--l1-ratio", "0"], /--l1-ratio 0 is ridge, whose path has no start.*fit --model logistic --lambda/],
    ["an unknown path model", ["path", binary.path, "--target", "y", "--model", "svm"], /path --model must be lasso .* or logistic, not svm/],
  ])("%s", (_, args, message) => {
    const result = run(...(args as string[]));
    expect(result.stderr).toMatch(message);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
  });
});
