// The real binary (dist/cli/main.js, built by npm test) on small CSV files: output and exit codes.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const bin = join(process.cwd(), "dist", "cli", "main.js");
const dir = mkdtempSync(join(tmpdir(), "regularized-cli-"));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: "utf8" });

// y = 1 + a + b exactly.
const data = file("data.csv", "a,b,y\n1,2,4\n2,1,4\n3,5,9\n4,4,9\n5,1,7\n6,3,10\n");

describe("regularized fit", () => {
  it("fits a CSV column and prints coefficients as CSV: OLS recovers y = 1 + a + b", () => {
    const result = run("fit", data, "--target", "y", "--model", "ridge", "--lambda", "0", "--format", "csv");
    expect(result.status).toBe(0);
    const lines = result.stdout.trim().split("\n");
    expect(lines[0]).toBe("feature,coef");
    const values = Object.fromEntries(lines.slice(1).map((line) => [line.split(",")[0], Number(line.split(",")[1])]));
    expect(values.a).toBeCloseTo(1, 10);
    expect(values.b).toBeCloseTo(1, 10);
    expect(values["(intercept)"]).toBeCloseTo(1, 10);
  });

  it("uses the embedded diabetes data without a file, with a table and CV", () => {
    const result = run("fit", "--model", "lasso", "--cv", "3", "--standardize");
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/Lasso on 442 rows, target target \(chosen by 3-fold CV: lambda/);
    expect(result.stdout).toMatch(/\| bmi\s+\|/);
  });

  it("writes a model file that predict reads back", () => {
    const model = join(dir, "model.json");
    expect(run("fit", data, "--target", "y", "--model", "ridge", "--lambda", "0", "--output", model).status).toBe(0);
    expect(JSON.parse(readFileSync(model, "utf8")).featureNames).toEqual(["a", "b"]);
    const predicted = run("predict", model, file("new.csv", "b,a\n10,10\n0,0\n"));
    expect(predicted.status).toBe(0);
    const [header, first, second] = predicted.stdout.trim().split("\n");
    expect(header).toBe("y");
    expect(Number(first)).toBeCloseTo(21, 9);
    expect(Number(second)).toBeCloseTo(1, 9);
  });

  it("quotes feature names that hold commas, and ends quietly when the reader closes the pipe", () => {
    const named = file("named.csv", '"x,1",b,y\n1,2,4\n2,1,4\n3,5,9\n4,4,9\n');
    const result = run("fit", named, "--target", "y", "--model", "ridge", "--lambda", "0.1", "--format", "csv");
    expect(result.stdout.split("\n")[1]).toMatch(/^"x,1",/);
    const piped = spawnSync("bash", ["-c", `"${process.execPath}" "${bin}" path | head -1`], { encoding: "utf8" });
    expect(piped.stdout.trim()).toMatch(/^lambda,age,/);
    expect(piped.stderr).not.toMatch(/EPIPE|at /);
  });

  it("writes the path as CSV, lambda first and decreasing", () => {
    const result = run("path", data, "--target", "y", "--n-lambdas", "4");
    expect(result.status).toBe(0);
    const lines = result.stdout.trim().split("\n");
    expect(lines[0]).toBe("lambda,a,b,(intercept)");
    const lambdas = lines.slice(1).map((line) => Number(line.split(",")[0]));
    expect(lambdas).toHaveLength(4);
    for (let i = 1; i < 4; i++) expect(lambdas[i]).toBeLessThan(lambdas[i - 1]);
    expect(lines[1].split(",").slice(1, 3).map(Number)).toEqual([0, 0]);
  });
});

describe("errors at the edges: one line on stderr, exit code 2", () => {
  it.each([
    ["a missing value", ["fit", file("missing.csv", "a,b,y\n1,,3\n"), "--target", "y"], /line 2, column "b": missing value/],
    ["a non-numeric value", ["fit", file("text.csv", "a,b,y\n1,2,3\n4,x,6\n"), "--target", "y"], /line 3, column "b": "x" is not a number/],
    ["an unknown target", ["fit", data, "--target", "z"], /has no column "z": its columns are a, b, y/],
    ["an unreadable file", ["fit", join(dir, "absent.csv"), "--target", "y"], /cannot read .*absent\.csv: ENOENT/],
    ["an empty file", ["fit", file("empty.csv", ""), "--target", "y"], /is empty: it needs a header row/],
    ["a model file of the wrong kind", ["predict", file("other.json", '{"format": "other"}'), data], /is not a model file written by `regularized fit --output`/],
    ["a file without --target", ["fit", data], /--target is required with a file/],
    ["an unknown model", ["fit", data, "--target", "y", "--model", "svm"], /--model must be ridge, lasso, elasticnet, multitask-lasso, multitask-elasticnet or logistic, not svm/],
    ["a hexadecimal cell", ["fit", file("hex.csv", "a,b,y\n1,2,3\n0x10,1,2\n"), "--target", "y"], /line 3, column "a": "0x10" is not a number/],
    ["a bad cell after a blank line, by its file line", ["fit", file("blank.csv", "a,b,y\n1,2,3\n\n\n4,?,6\n"), "--target", "y"], /line 5, column "b"/],
    ["--cv with --lambda", ["fit", data, "--target", "y", "--cv", "3", "--lambda", "1"], /--cv chooses lambda.*drop --lambda/],
    ["a flag the model does not take", ["fit", data, "--target", "y", "--model", "lasso", "--l1-ratio", "0.3"], /Lasso has no l1Ratio option/],
    ["a flag's value the schema refuses", ["fit", data, "--target", "y", "--solver", "newton"], /solver of Lasso must be one of "cd", "fista", "gd"/],
    ["a flag that is not a number", ["path", data, "--target", "y", "--n-lambdas", "many"], /--n-lambdas must be a number/],
  ])("%s", (_, args, message) => {
    const result = run(...(args as string[]));
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
