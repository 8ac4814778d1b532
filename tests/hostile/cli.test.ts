// Issue 11 at the command line: hostile and careless input to the real binary (dist/cli/main.js) and to the
// page's CSV loader. Each row ends in the right answer, or in exit code 2 with one line on stderr that names
// the problem and what to do, before any fit, with nothing written.
import { spawnSync, type SpawnSyncOptions } from "node:child_process";
import { closeSync, existsSync, linkSync, mkdtempSync, openSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/browser/esm/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { CliError } from "../../src/cli/cli-error.js";
import { checkFinite } from "../../src/cli/overflow.js";
import { CSV_OPTIONS, tableFromRecords, type CsvRecord } from "../../src/csv/table.js";
import { ElasticNetCV, init, loadDiabetes } from "../../src/index.js";

beforeAll(() => init());

const bin = join(process.cwd(), "dist", "cli", "main.js");
const dir = mkdtempSync(join(tmpdir(), "regularized-hostile-cli-"));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const run = (args: string[], options: SpawnSyncOptions = {}) =>
  spawnSync(process.execPath, [bin, ...args], { encoding: "utf8", ...options }) as { status: number | null; stdout: string; stderr: string };
/** Runs with standard input read from a file (not a pipe), as `< path` does. */
const runFrom = (path: string, args: string[]) => {
  const fd = openSync(path, "r");
  try {
    return run(args, { stdio: [fd, "pipe", "pipe"] });
  } finally {
    closeSync(fd);
  }
};

/** Exit 2 with one line on stderr matching `message`, no stack trace and nothing on stdout. */
function expectRefused(result: { status: number | null; stdout: string; stderr: string }, message: RegExp): void {
  expect(result.stderr).toMatch(message);
  expect(result.status).toBe(2);
  expect(result.stderr.trim().split("\n")).toHaveLength(1);
  expect(result.stderr).not.toMatch(/\n\s+at /);
  expect(result.stdout).toBe("");
}

/** `feature,coef` lines of `fit --format csv` as a map (several value columns: one array per name). */
function coefficients(stdout: string): Record<string, number[]> {
  const [, ...lines] = stdout.trim().split("\n");
  return Object.fromEntries(lines.map((line) => {
    const [name, ...values] = line.split(",");
    return [name, values.map(Number)];
  }));
}

// y = 1 + a + b exactly; y2 = a exactly.
const DATA = "a,b,y\n1,2,4\n2,1,4\n3,5,9\n4,4,9\n5,1,7\n6,3,10\n";
const data = file("data.csv", DATA);
const two = file("two.csv", "a,b,y1,y2\n1,2,4,1\n2,1,4,2\n3,5,9,3\n4,4,9,4\n5,1,7,5\n6,3,10,6\n");
const constant = file("constant.csv", "a,b,y\n1,2,5\n2,1,5\n3,5,5\n4,4,5\n5,1,5\n6,3,5\n");
const hugeX = file("huge-x.csv", "a,b,y\n1e200,2,4\n2e200,1,4\n3,5e200,9\n4,4,9\n");
/** huge-x.csv with X divided by 1e200. */
const scaledX = file("scaled-x.csv", "a,b,y\n1,2e-200,4\n2,1e-200,4\n3e-200,5,9\n4e-200,4e-200,9\n");
const hugeY = file("huge-y.csv", "a,b,y\n1,2,1e308\n2,1,-1e308\n3,5,1e308\n4,4,-1e308\n");
/** huge-y.csv with y divided by 1e308. */
const unitY = file("unit-y.csv", "a,b,y\n1,2,1\n2,1,-1\n3,5,1\n4,4,-1\n");
const fitData = ["fit", data, "--target", "y"];

/** A model file of Ridge (lambda 0) on data.csv, for the predict rows. */
const model = join(dir, "model.json");
const setup = run([...fitData, "--model", "ridge", "--lambda", "0", "--output", model]);
if (setup.status !== 0) throw new Error(`the model file for the predict rows was not written: ${setup.stderr}`);
const modelJson = JSON.parse(readFileSync(model, "utf8")) as Record<string, unknown> & { fitted: Record<string, unknown> };
const variant = (name: string, change: (json: typeof modelJson) => void) => {
  const copy = structuredClone(modelJson);
  change(copy);
  return file(name, JSON.stringify(copy));
};

describe("refused: exit 2 with one line that says what to do", () => {
  it.each([
    // Item 1: a library error from a fit is one line; an overflowed model file is refused.
    ["gradient descent that diverges on X near 1e200", ["fit", hugeX, "--target", "y", "--solver", "gd"], /Gradient descent diverged for Lasso.*Use a smaller learningRate .*or standardize/],
    ["a library error from a fit (singular ridge system)", ["fit", file("square.csv", "a,b,y\n1,2,3\n2,4,6\n"), "--target", "y", "--model", "ridge", "--lambda", "0"], /ridge system is singular.*Use lambda > 0/],
    ["a model file whose coefficients overflowed (null in JSON)", ["predict", variant("nulls.json", (m) => (m.fitted.coef = [null, null])), data], /holds coefficients that are not finite numbers.*Fit again and pass --standardize/],
    ["a prediction that overflows", ["predict", model, file("huge-rows.csv", "a,b\n1,2\n1e308,1e308\n")], /(?=.*row 2)(?=.*overflow)/i],
    // Item 4: duplicate names.
    ["duplicate columns at fit", ["fit", file("dup.csv", "x,x,y\n1,2,3\n2,1,4\n3,3,5\n"), "--target", "y"], /two columns named "x" \(columns 1 and 2\): rename one/],
    ["duplicate columns at predict", ["predict", model, file("dup-predict.csv", "a,b,a\n1,2,3\n")], /two columns named "a" \(columns 1 and 3\)/],
    ["the same --target twice", [...fitData, "--target", "y"], /--target "y" is given twice/],
    ["a model file that names a feature twice", ["predict", variant("dup-names.json", (m) => (m.featureNames = ["a", "a"])), data], /is damaged: fromJSON\.featureNames names "a" twice/],
    // Item 5: numbers in flags are decimal, and flags must apply to the model.
    ["--lambda \"\"", [...fitData, "--lambda", ""], /--lambda must be a number written in decimal .*got an empty value/],
    ["--lambda \" \"", [...fitData, "--lambda", " "], /--lambda must be a number written in decimal .*got an empty value/],
    ["--l1-ratio \"\"", [...fitData, "--model", "elasticnet", "--l1-ratio", ""], /--l1-ratio must be a number written in decimal/],
    ["--lambda 0x10", [...fitData, "--lambda", "0x10"], /--lambda must be a number written in decimal .*got "0x10"/],
    ["--lambda Infinity", [...fitData, "--lambda", "Infinity"], /--lambda must be a number written in decimal .*got "Infinity"/],
    ["--lambda 1e400", [...fitData, "--lambda", "1e400"], /--lambda is 1e400, beyond double precision/],
    ["--cv 0x10", [...fitData, "--cv", "0x10"], /--cv must be an integer >= 2, got "0x10"/],
    ["--n-lambdas 0x3", ["path", data, "--target", "y", "--n-lambdas", "0x3"], /--n-lambdas must be a number written in decimal/],
    ["--l1-ratio 2 with --model lasso", [...fitData, "--model", "lasso", "--l1-ratio", "2"], /--l1-ratio does not apply to --model lasso: Lasso has no l1Ratio option.*Drop --l1-ratio/],
    ["--l1-ratio with --model ridge --cv", [...fitData, "--model", "ridge", "--cv", "3", "--l1-ratio", "0.5"], /--l1-ratio does not apply to --model ridge --cv: RidgeCV has no l1Ratio option/],
    ["--l1-ratio 0 with --model elasticnet --cv", [...fitData, "--model", "elasticnet", "--cv", "3", "--l1-ratio", "0"], /--l1-ratio 0 is ridge: cross-validate it with --model ridge --cv/],
    ["--l1-ratio 0 for the path", ["path", data, "--target", "y", "--l1-ratio", "0"], /--l1-ratio 0 is ridge, whose path has no start/],
    // B6: --l1-ratio takes a comma-separated list only where ElasticNetCV cross-validates it.
    ["an --l1-ratio list without --cv", [...fitData, "--model", "elasticnet", "--l1-ratio", "0.3,0.5"], /--l1-ratio takes one value with --model elasticnet, not the list 0\.3,0\.5: give one value, or give the list to fit --model elasticnet --cv K/],
    ["an --l1-ratio list for a multitask model", ["fit", two, "--target", "y1", "--model", "multitask-elasticnet", "--l1-ratio", "0.3,0.5"], /--l1-ratio takes one value with --model multitask-elasticnet, not the list/],
    ["an --l1-ratio list for the path", ["path", data, "--target", "y", "--l1-ratio", "0.3,0.5"], /--l1-ratio takes one value with path, not the list 0\.3,0\.5: give one value, or give the list to fit --model elasticnet --cv K/],
    ["an --l1-ratio list with --model lasso --cv", [...fitData, "--model", "lasso", "--cv", "3", "--l1-ratio", "0.3,0.5"], /--l1-ratio does not apply to --model lasso --cv: LassoCV has no l1Ratio option/],
    ["an --l1-ratio list with an item above 1", [...fitData, "--model", "elasticnet", "--cv", "3", "--l1-ratio", "0.3,2"], /--l1-ratio item 2 must be in \[0, 1\] .*got 2/],
    ["an --l1-ratio list with a negative item", [...fitData, "--model", "elasticnet", "--cv", "3", "--l1-ratio", "-0.5,0.3"], /--l1-ratio item 1 must be in \[0, 1\] .*got -0\.5/],
    ["an --l1-ratio list holding 0", [...fitData, "--model", "elasticnet", "--cv", "3", "--l1-ratio", "0.3,0"], /--l1-ratio 0\.3,0 holds 0, which is ridge: drop it from the list \(cross-validate ridge with --model ridge --cv\)/],
    ["an --l1-ratio list with an empty item", [...fitData, "--model", "elasticnet", "--cv", "3", "--l1-ratio", "0.3,"], /--l1-ratio item 2 must be a number written in decimal .*got an empty value/],
    ["an --l1-ratio list with a blank after a comma", [...fitData, "--model", "elasticnet", "--cv", "3", "--l1-ratio", "0.3, 0.5"], /--l1-ratio item 2 must be a number written in decimal .*got " 0\.5"/],
    ["an --l1-ratio list with a hexadecimal item", [...fitData, "--model", "elasticnet", "--cv", "3", "--l1-ratio", "0.3,0x1"], /--l1-ratio item 2 must be a number written in decimal .*got "0x1"/],
    ["an --l1-ratio list with an item that underflows", [...fitData, "--model", "elasticnet", "--cv", "3", "--l1-ratio", "0.3,1e-400"], /--l1-ratio item 2 is 1e-400, which underflows double precision/],
    // B9: a nonzero number that would be read as 0.
    ["--lambda 1e-400", [...fitData, "--lambda", "1e-400"], /--lambda is 1e-400, which underflows double precision \(it is not 0, but smaller than about 5e-324, so it would be read as 0\): write 0, or rescale the data/],
    ["--lambda -2e-324 (below half the smallest subnormal)", [...fitData, "--lambda", "-2e-324"], /--lambda is -2e-324, which underflows double precision/],
    ["--lambda 0.000…01 (400 zeros)", [...fitData, "--lambda", `0.${"0".repeat(400)}1`], /--lambda is 0\.0+1, which underflows double precision/],
    ["--cv with more folds than rows", [...fitData, "--cv", "7"], /--cv 7 asks for more folds than the 6 rows: give --cv 6 or less/],
    // Item 7: several targets go to the models that fit several outputs.
    ["two targets for --model lasso", ["fit", two, "--target", "y1", "--target", "y2", "--model", "lasso"], /--model lasso fits one target, but 2 are given: use --model multitask-lasso/],
    ["two targets with --cv", ["fit", two, "--target", "y1", "--target", "y2", "--model", "ridge", "--cv", "3"], /--cv chooses lambda for one target, but 2 are given/],
    ["two targets for the path", ["path", two, "--target", "y1", "--target", "y2"], /path follows one target, but 2 are given/],
    ["--cv for a multitask model", ["fit", two, "--target", "y1", "--model", "multitask-lasso", "--cv", "3"], /--cv does not apply to --model multitask-lasso/],
    // Item 20: a constant target has no path (and no flag the command line lacks is suggested).
    ["the path of a constant target", ["path", constant, "--target", "y"], /"y" is constant \(5 in every row\): every lambda gives zero weights, so there is no path.*the intercept 5\./],
    // Item 21: standard input once.
    ["the model and the data both on standard input", ["predict", "-", "-"], /the model and the data cannot both be - \(standard input\)/],
    // Further hostile input.
    ["an empty file", ["fit", file("empty.csv", ""), "--target", "y"], /empty\.csv is empty: it needs a header row and at least one data row/],
    ["a header without rows", ["fit", file("header.csv", "a,b,y\n"), "--target", "y"], /header\.csv has a header but no data rows/],
    ["a ragged row", ["fit", file("ragged.csv", "a,b,y\n1,2,3\n4,5\n"), "--target", "y"], /ragged\.csv line 3 has 2 cells but the header has 3 columns/],
    ["a file without a header row", ["fit", file("no-header.csv", "1,2,3\n4,5,6\n"), "--target", "y"], /its first line \(1,2,3\) holds numbers, not column names\. Add a header row/],
    ["a feature named (intercept)", ["fit", file("intercept-name.csv", "(intercept),b,y\n1,2,3\n2,1,4\n"), "--target", "y"], /has a feature column named "\(intercept\)", a name the output gives its own row: rename the column/],
    ["a feature named lambda in the path", ["path", file("lambda-name.csv", "lambda,b,y\n1,2,3\n2,1,4\n"), "--target", "y"], /has a feature column named "lambda", a name the output gives its own column/],
    ["a column without a name", ["fit", file("unnamed.csv", "a,,y\n1,2,3\n"), "--target", "y"], /column 2 of the header has no name/],
    ["a file separated by semicolons", ["fit", file("semicolons.csv", "a;b;y\n1;2;3\n"), "--target", "y"], /looks separated by semicolons.*Save it with commas/],
    ["an unclosed quote", ["fit", file("quote.csv", 'a,b,y\n"1,2,3\n'), "--target", "y"], /quote\.csv is not valid CSV: Quote Not Closed.*needs "quotes"/],
    ["a cell beyond double precision", ["fit", file("overflow-cell.csv", "a,b,y\n1,2,1e400\n"), "--target", "y"], /line 2, column "y": 1e400 is beyond double precision/],
    ["a cell that underflows to 0", ["fit", file("underflow-cell.csv", "a,b,y\n1,1e-400,4\n2,1,4\n"), "--target", "y"], /line 2, column "b": 1e-400 underflows double precision \(it is not 0, but smaller than about 5e-324, so it would be read as 0\)\. Rescale the column, or write 0/],
    ["NaN in a cell", ["fit", file("nan.csv", "a,b,y\n1,2,NaN\n"), "--target", "y"], /line 2, column "y": "NaN" is not a number\. Write numbers in decimal/],
    ["a missing target column", ["fit", data, "--target", "z"], /has no column "z": its columns are a, b, y\. Name one with --target/],
    ["only the target column", ["fit", file("target-only.csv", "y\n1\n2\n"), "--target", "y"], /has no feature columns: every column is a --target/],
    ["an unknown flag", [...fitData, "--lamda", "1"], /unknown option '--lamda'.*\(see regularized fit --help\)/],
    ["an extra argument", [...fitData, data], /too many arguments for 'fit'.*\(see regularized fit --help\)/],
    ["--target without a file", ["fit", "--target", "y"], /--target "y" names a column of a CSV file, but no file was given/],
    ["a folder as the data", ["fit", dir, "--target", "y"], /cannot read .*: EISDIR, it is a folder\. Check the path, or pass - to read standard input/],
    ["a model file that is not JSON", ["predict", data, data], /data\.csv is not JSON \(.*\): pass a model file written by `regularized fit --output`/],
    ["a model file of another program", ["predict", file("other.json", '{"format": "other"}'), data], /is not a model file written by `regularized fit --output`/],
    ["a model file with a feature too many", ["predict", variant("three.json", (m) => (m.featureNames = ["a", "b", "c"])), data], /is damaged: fromJSON: featureNames has 3 names but the model has 2 features/],
    ["a model file that names a target twice", ["predict", variant("dup-targets.json", (m) => {
      delete m.target;
      m.targets = ["y", "y"];
      m.fitted = { ...m.fitted, coef: [1, 1, 1, 1], intercepts: [0, 0], nOutputs: 2 };
    }), data], /is damaged: it names the target "y" twice/],
    ["a model file whose target names miss an output", ["predict", variant("one-target.json", (m) => {
      delete m.target;
      m.targets = ["y"];
      m.fitted = { ...m.fitted, coef: [1, 1, 1, 1], intercepts: [0, 0], nOutputs: 2 };
    }), data], /is damaged: its target names do not match its 2 output\(s\)/],
    ["a model file with impossible options", ["predict", variant("options.json", (m) => ((m.options as Record<string, unknown>).lambda = -1)), data], /is damaged: lambda must be a finite number >= 0, got -1\. Write it again/],
    ["predict without a model column", ["predict", model, file("only-a.csv", "a\n1\n")], /only-a\.csv lacks the model's features b: its columns are a\. Add them/],
    ["an unknown command", ["fitt"], /unknown command 'fitt'.*\(see regularized --help\)/],
  ])("%s", (_, args, message) => {
    expectRefused(run(args as string[]), message as RegExp);
  });
});

describe("item 1: fits whose sums overflow", () => {
  /** Each printed coefficient of `fit --format csv` against `expected`, to a relative 1e-9. */
  const expectCoefficients = (stdout: string, expected: Record<string, number[]>) => {
    const coef = coefficients(stdout);
    expect(Object.keys(coef)).toEqual(Object.keys(expected));
    for (const [name, values] of Object.entries(expected)) {
      values.forEach((v, o) => expect(Math.abs(coef[name][o] - v)).toBeLessThanOrEqual(1e-9 * Math.abs(v)));
    }
  };
  const scaled = (stdout: string, factor: number) =>
    Object.fromEntries(Object.entries(coefficients(stdout)).map(([name, values]) => [name, values.map((v) => (name === "(intercept)" ? v : v * factor))]));

  it("Lasso on X near 1e200 is the Lasso on X / 1e200 at lambda / 1e200, its weights divided by 1e200", () => {
    const result = run(["fit", hugeX, "--target", "y", "--model", "lasso", "--format", "csv"]);
    expect(result.status).toBe(0);
    expectCoefficients(result.stdout, scaled(run(["fit", scaledX, "--target", "y", "--model", "lasso", "--lambda", "1e-200", "--format", "csv"]).stdout, 1e-200));
  });

  it("Ridge on y of +-1e308 is 1e308 times Ridge on y of +-1 (ridge is linear in y), and its R^2 is not printed as NaN", () => {
    const result = run(["fit", hugeY, "--target", "y", "--model", "ridge", "--format", "csv"]);
    expect(result.status).toBe(0);
    const unit = coefficients(run(["fit", unitY, "--target", "y", "--model", "ridge", "--format", "csv"]).stdout);
    expectCoefficients(result.stdout, Object.fromEntries(Object.entries(unit).map(([name, values]) => [name, values.map((v) => v * 1e308)])));
    const table = run(["fit", hugeY, "--target", "y", "--model", "ridge"]).stdout;
    expect(table).not.toMatch(/NaN|Infinity/);
    expect(table).toMatch(/train R\^2 (-?\d\.\d{4}|not finite \(its sums of squares overflow double precision\))\n/);
  });

  it("the lasso path on X near 1e200 is the path on X / 1e200, its lambdas times 1e200 and its weights divided by 1e200", () => {
    const result = run(["path", hugeX, "--target", "y", "--n-lambdas", "3"]);
    expect(result.status).toBe(0);
    const rows = (stdout: string) => stdout.trim().split("\n").slice(1).map((line) => line.split(",").map(Number));
    const reference = rows(run(["path", scaledX, "--target", "y", "--n-lambdas", "3"]).stdout);
    rows(result.stdout).forEach((row, i) => {
      const expected = [reference[i][0] * 1e200, reference[i][1] * 1e-200, reference[i][2] * 1e-200, reference[i][3]];
      row.forEach((v, c) => expect(Math.abs(v - expected[c])).toBeLessThanOrEqual(1e-9 * Math.abs(expected[c])));
    });
  });

  it("writes a model file of finite numbers that predict reads back", () => {
    const output = join(dir, "huge-x.json");
    expect(run(["fit", hugeX, "--target", "y", "--model", "lasso", "--output", output]).status).toBe(0);
    const json = JSON.parse(readFileSync(output, "utf8"));
    expect([...json.fitted.coef, ...json.fitted.intercepts].every((v: unknown) => typeof v === "number" && Number.isFinite(v))).toBe(true);
    expect(run(["predict", output, hugeX]).status).toBe(0);
  });

  it("a fit that fails writes nothing: no new model file, and an existing one as it was", () => {
    const fresh = join(dir, "diverged-fresh.json");
    expectRefused(run(["fit", hugeX, "--target", "y", "--solver", "gd", "--output", fresh]), /Gradient descent diverged/);
    expect(existsSync(fresh)).toBe(false);
    const kept = file("diverged-kept.json", "the previous model\n");
    expectRefused(run(["fit", hugeX, "--target", "y", "--solver", "gd", "--output", kept]), /Gradient descent diverged/);
    expect(readFileSync(kept, "utf8")).toBe("the previous model\n");
  });

  it.each([
    ["NaN", [Number.NaN, 1], [0]],
    ["Infinity", [1, 2], [Number.POSITIVE_INFINITY]],
  ])("the last line of defence: coefficients holding %s are refused before anything is printed or saved", (_, coef, intercepts) => {
    expect(() => checkFinite("the fit", coef, intercepts)).toThrow(CliError);
    expect(() => checkFinite("the fit", coef, intercepts)).toThrow(/the fit overflowed double precision: .*nothing was printed or saved: pass --standardize, or rescale/);
    expect(() => checkFinite("the fit", [1, 2], [0])).not.toThrow();
  });
});

describe("item 3: --output never replaces the input, and is written atomically", () => {
  const link = join(dir, "symlink.csv");
  symlinkSync(data, link);
  const hard = join(dir, "hardlink.csv");
  linkSync(data, hard);

  it.each([
    ["the input itself", ["fit", data, "--target", "y", "--output", data]],
    ["a symbolic link to the input", ["fit", data, "--target", "y", "--output", link]],
    ["a hard link to the input", ["fit", data, "--target", "y", "--output", hard]],
    ["the input of path", ["path", data, "--target", "y", "--output", data]],
  ])("refuses %s and leaves the data as it was", (_, args) => {
    expectRefused(run(args), /--output .* is the input .*data\.csv: writing there would replace your data\. Choose another --output/);
    expect(readFileSync(data, "utf8")).toBe(DATA);
  });

  it("refuses the file standard input reads from", () => {
    expectRefused(runFrom(data, ["fit", "-", "--target", "y", "--output", hard]), /--output .*hardlink\.csv is the file standard input reads/);
    expect(readFileSync(data, "utf8")).toBe(DATA);
  });

  it.each([
    ["a missing folder", join(dir, "absent", "model.json"), /cannot write --output .*: its folder .*absent: ENOENT, no such file or folder\. Create the folder/],
    ["a folder under a file", join(data, "model.json"), /its folder .*data\.csv: it is not a folder/],
    ["a folder", dir, /--output .* is a folder: name a file in it/],
    ["-", "-", /--output - is not supported: --format json prints the model file to standard output/],
  ])("refuses %s before fitting", (_, output, message) => {
    expectRefused(run([...fitData, "--output", output]), message);
  });

  it("writes through a new file renamed over the old one: a link to the old file keeps it whole, and no temporary file is left", () => {
    const folder = mkdtempSync(join(dir, "atomic-"));
    const output = join(folder, "model.json");
    writeFileSync(output, "old\n");
    const before = statSync(output).ino;
    linkSync(output, join(folder, "old.json"));
    expect(run([...fitData, "--output", output]).status).toBe(0);
    expect(statSync(output).ino).not.toBe(before);
    expect(readFileSync(join(folder, "old.json"), "utf8")).toBe("old\n");
    expect(JSON.parse(readFileSync(output, "utf8")).featureNames).toEqual(["a", "b"]);
    expect(readdirSync(folder).sort()).toEqual(["model.json", "old.json"]);
  });
});

describe("answers", () => {
  it("accepts decimal flags: --lambda .5 is --lambda 0.5, and 5e-1 too", () => {
    const reference = run([...fitData, "--lambda", "0.5", "--format", "csv"]);
    expect(reference.status).toBe(0);
    for (const text of [".5", "5e-1", "+0.5"]) expect(run([...fitData, "--lambda", text, "--format", "csv"]).stdout).toBe(reference.stdout);
  });

  it("accepts zeros written any decimal way, and subnormal numbers: --lambda 0e5 is --lambda 0, and 1e-310 is read as itself", () => {
    const reference = run([...fitData, "--model", "ridge", "--lambda", "0", "--format", "csv"]);
    expect(reference.status).toBe(0);
    for (const text of ["0.0", "-0", "0e5", "0.000e-999"]) expect(run([...fitData, "--model", "ridge", "--lambda", text, "--format", "csv"]).stdout).toBe(reference.stdout);
    const subnormal = run([...fitData, "--model", "ridge", "--lambda", "1e-310", "--format", "json"]);
    expect(subnormal.status).toBe(0);
    expect(JSON.parse(subnormal.stdout).options.lambda).toBe(1e-310);
  });

  it("reads subnormal cells: a row with a = 1e-310 and b = 0 predicts the intercept, as a = 0 does", () => {
    const result = run(["predict", model, file("subnormal.csv", "a,b\n1e-310,0\n0,-0\n5e-324,0e5\n")]);
    expect(result.status).toBe(0);
    const [, ...rows] = result.stdout.trim().split("\n").map(Number);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toBeCloseTo(1, 9);
    expect(rows.every((v) => v === rows[1])).toBe(true);
  });

  it("B6: fit --model elasticnet --cv with an --l1-ratio list is the library's ElasticNetCV with that list", () => {
    const l1Ratio = [0.1, 0.5, 0.9];
    const args = ["fit", "--model", "elasticnet", "--cv", "3", "--l1-ratio", l1Ratio.join(",")];
    const result = run([...args, "--format", "json"]);
    expect(result.status).toBe(0);
    const json = JSON.parse(result.stdout) as { options: { lambda: number; l1Ratio: number }; fitted: { coef: number[]; intercepts: number[] } };
    const { X, y } = loadDiabetes();
    const cv = new ElasticNetCV({ l1Ratio, nFolds: 3, onWarning: () => {} }).fit(X, y);
    // On the diabetes data the last mix wins, so the list was not cut to its first value.
    expect(cv.l1Ratio).toBe(0.9);
    expect(json.options.l1Ratio).toBe(cv.l1Ratio);
    expect(json.options.lambda).toBe(cv.lambda);
    const scale = Math.max(...Array.from(cv.model.coef, Math.abs));
    json.fitted.coef.forEach((c, j) => expect(Math.abs(c - cv.model.coef[j])).toBeLessThanOrEqual(1e-12 * scale));
    expect(Math.abs(json.fitted.intercepts[0] - cv.model.intercept)).toBeLessThanOrEqual(1e-12 * Math.abs(cv.model.intercept));
    expect(run(args).stdout).toMatch(/\(chosen by 3-fold CV: lambda [\d.]+, lambda\.1se [\d.]+, l1Ratio 0\.9\)/);
  });

  it("B6: an --l1-ratio list on a constant target gives zero weights and the constant as intercept", () => {
    const result = run(["fit", constant, "--target", "y", "--model", "elasticnet", "--cv", "3", "--l1-ratio", "0.3,0.5", "--format", "csv"]);
    expect(result.status).toBe(0);
    expect(coefficients(result.stdout)).toEqual({ a: [0], b: [0], "(intercept)": [5] });
  });

  it.each([
    ["fit", "--l1-ratio <r> mix of the penalties in [0, 1]: 1 is the lasso, 0 ridge; one value, or with --model elasticnet --cv a comma-separated list such as 0.2,0.5,1 to cross-validate each; with --cv each must be > 0 (default: 0.5)"],
    ["path", "--l1-ratio <r> mix of the penalties in (0, 1]: 1 is the lasso path; one value (default: 1)"],
  ])("B6: %s --help says what --l1-ratio takes there", (command, help) => {
    const result = run([command, "--help"]);
    expect(result.status).toBe(0);
    // The help wraps at the terminal's width.
    expect(result.stdout.replace(/\s+/g, " ")).toContain(help);
  });

  it("item 7: fits two targets with ridge, one coefficient column each (y1 = 1 + a + b, y2 = a)", () => {
    const result = run(["fit", two, "--target", "y1", "--target", "y2", "--model", "ridge", "--lambda", "0", "--format", "csv"]);
    expect(result.status).toBe(0);
    expect(result.stdout.split("\n")[0]).toBe("feature,y1,y2");
    const coef = coefficients(result.stdout);
    const expected = { a: [1, 1], b: [1, 0], "(intercept)": [1, 0] };
    for (const [name, values] of Object.entries(expected)) values.forEach((v, o) => expect(coef[name][o]).toBeCloseTo(v, 9));
  });

  it("item 7: predict prints one column per target, headed by the target names", () => {
    const output = join(dir, "two.json");
    expect(run(["fit", two, "--target", "y1", "--target", "y2", "--model", "ridge", "--lambda", "0", "--output", output]).status).toBe(0);
    expect(JSON.parse(readFileSync(output, "utf8")).targets).toEqual(["y1", "y2"]);
    const result = run(["predict", output, file("two-new.csv", "b,a\n10,10\n0,2\n")]);
    expect(result.status).toBe(0);
    const [header, ...rows] = result.stdout.trim().split("\n");
    expect(header).toBe("y1,y2");
    const expected = [[21, 10], [3, 2]];
    rows.forEach((row, i) => row.split(",").map(Number).forEach((v, o) => expect(v).toBeCloseTo(expected[i][o], 9)));
    expect(rows).toHaveLength(2);
  });

  it("item 7: a MultiTaskLasso predicts a column per target, close to the exact fit at a tiny lambda", () => {
    const output = join(dir, "multitask.json");
    expect(run(["fit", two, "--target", "y1", "--target", "y2", "--model", "multitask-lasso", "--lambda", "1e-6", "--output", output]).status).toBe(0);
    const [header, ...rows] = run(["predict", output, two]).stdout.trim().split("\n");
    expect(header).toBe("y1,y2");
    const truth = [[4, 1], [4, 2], [9, 3], [9, 4], [7, 5], [10, 6]];
    rows.forEach((row, i) => row.split(",").map(Number).forEach((v, o) => expect(v).toBeCloseTo(truth[i][o], 3)));
  });

  it("item 7: an older model file of two outputs with one target name gets numbered columns", () => {
    const output = join(dir, "two-old.json");
    expect(run(["fit", two, "--target", "y1", "--target", "y2", "--model", "ridge", "--lambda", "0", "--output", output]).status).toBe(0);
    const json = JSON.parse(readFileSync(output, "utf8"));
    delete json.targets;
    json.target = "y";
    const result = run(["predict", file("two-old-format.json", JSON.stringify(json)), two]);
    expect(result.status).toBe(0);
    expect(result.stdout.split("\n")[0]).toBe("y[0],y[1]");
  });

  it.each(["lasso", "elasticnet"])("item 20: --cv with a constant target gives zero weights and the constant as intercept (%s)", (name) => {
    const result = run(["fit", constant, "--target", "y", "--model", name, "--cv", "3", "--format", "csv"]);
    expect(result.status).toBe(0);
    expect(coefficients(result.stdout)).toEqual({ a: [0], b: [0], "(intercept)": [5] });
    const table = run(["fit", constant, "--target", "y", "--model", name, "--cv", "3"]);
    expect(table.stdout).toMatch(/target y \(constant, so every lambda gives zero weights: nothing to cross-validate\)/);
    expect(table.stderr).not.toMatch(/lambdas/);
  });

  it("item 21: - reads standard input for fit, path and predict", () => {
    const fromFile = run([...fitData, "--format", "csv"]).stdout;
    expect(run(["fit", "-", "--target", "y", "--format", "csv"], { input: DATA }).stdout).toBe(fromFile);
    expect(run(["path", "-", "--target", "y", "--n-lambdas", "5"], { input: DATA }).stdout).toBe(run(["path", data, "--target", "y", "--n-lambdas", "5"]).stdout);
    const predicted = run(["predict", model, data]).stdout;
    expect(predicted.split("\n")[0]).toBe("y");
    expect(run(["predict", model, "-"], { input: DATA }).stdout).toBe(predicted);
    expect(run(["predict", "-", data], { input: readFileSync(model, "utf8") }).stdout).toBe(predicted);
    expectRefused(run(["fit", "-", "--target", "y"], { input: "" }), /standard input is empty/);
  });

  it.each(["fit", "path", "predict"])("item 21: %s --help documents -", (command) => {
    const result = run([command, "--help"]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/- reads standard input/);
  });

  it("reads a byte-order mark, CRLF line ends and quoted cells as the plain file", () => {
    const reference = run([...fitData, "--model", "ridge", "--lambda", "0", "--format", "csv"]).stdout;
    const crlf = `\uFEFF${DATA.replaceAll("\n", "\r\n")}`;
    const quoted = 'a,"b","y"\n1,"2",4\n2,1,"4"\n3,5,9\n4,4,9\n5,1,7\n6,3,10\n';
    for (const text of [crlf, quoted]) {
      expect(run(["fit", "-", "--target", "y", "--model", "ridge", "--lambda", "0", "--format", "csv"], { input: text }).stdout).toBe(reference);
    }
    // With the mark the first column is still "a", so a target named by it is found.
    expect(run(["fit", "-", "--target", "a", "--model", "ridge", "--lambda", "0.1"], { input: crlf }).status).toBe(0);
  });

  it("escapes a | in a feature name, which would end its cell of the table", () => {
    const result = run(["fit", file("bar.csv", '"a|b",c,y\n1,2,4\n2,1,4\n3,5,9\n4,4,9\n'), "--target", "y"]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^\| a\\\|b +\| +[-\d.]+ \|$/m);
  });

  it("predict matches columns by name and ignores the others (the target column included)", () => {
    const result = run(["predict", model, file("extra.csv", "y,b,note,a\n0,10,7,10\n")]);
    expect(result.status).toBe(0);
    expect(Number(result.stdout.trim().split("\n")[1])).toBeCloseTo(21, 9);
  });
});

describe("the page's CSV loader: the same rules through csv-parse's browser build", () => {
  const load = (text: string) => tableFromRecords(parse(text, CSV_OPTIONS) as unknown as CsvRecord[], "upload.csv");

  it("reads a byte-order mark, CRLF and quoted cells", () => {
    expect(load('\uFEFFa,"b"\r\n1,"2.5"\r\n')).toEqual({ columns: ["a", "b"], rows: [[1, 2.5]] });
  });

  it("reads zeros written any decimal way as 0 and -0, and subnormal cells as themselves", () => {
    const { rows } = load("a,b,c,d,e,f\n0,0.0,-0,0e5,1e-310,5e-324\n");
    expect(rows[0].map((v) => Object.is(v, -0))).toEqual([false, false, true, false, false, false]);
    expect(rows[0]).toEqual([0, 0, -0, 0, 1e-310, 5e-324]);
    expect(rows[0][4]).toBeGreaterThan(0);
  });

  it.each([
    ["duplicate names", "x,x\n1,2\n", TypeError, /upload\.csv has two columns named "x"/],
    ["a hexadecimal cell", "a,b\n0x10,1\n", TypeError, /upload\.csv line 2, column "a": "0x10" is not a number/],
    ["a blank cell", "a,b\n1, \n", TypeError, /line 2, column "b": missing value/],
    ["a header without rows", "a,b\n", TypeError, /has a header but no data rows/],
    ["a ragged row", "a,b\n1\n", TypeError, /line 2 has 1 cells but the header has 2 columns/],
    ["a cell beyond double precision", "a,b\n1,-1e309\n", RangeError, /-1e309 is beyond double precision/],
    ["a cell that underflows to 0", "a,b\n1,-1e-324\n", RangeError, /line 2, column "b": -1e-324 underflows double precision.*Rescale the column, or write 0/],
    ["an empty file", "", TypeError, /upload\.csv is empty/],
    ["a missing header row", "1,2\n3,4\n", TypeError, /upload\.csv: its first line \(1,2\) holds numbers/],
  ])("refuses %s", (_, text, type, message) => {
    expect(() => load(text)).toThrow(type);
    expect(() => load(text)).toThrow(message);
  });
});
