// `fit --stream`: the same model as the in-memory CLI (the statistics are exact), folds by foldOfRow for --cv,
// standard input streamed, and the in-memory CLI's errors (exit 2, one line, nothing written).

import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { STREAM_ABOVE, streamsBySize } from "../../src/cli/stream-fit.js";
import { foldOfRow, GramAccumulator, initSync, LassoCV } from "../../src/index.js";

initSync();
const bin = fileURLToPath(new URL("../../dist/cli/main.js", import.meta.url));
const run = (args: string[], input?: string) => spawnSync(process.execPath, [bin, ...args], { encoding: "utf8", input });

const dir = mkdtempSync(join(tmpdir(), "regularized-stream-"));
const csv = join(dir, "data.csv");
// "big" has mean 1e6 and spread about 1: the statistics must not cancel.
const rows = Array.from({ length: 80 }, (_, i) => {
  const [a, b, big] = [Math.sin(i * 1.7), Math.cos(i * 0.9) * 3, 1e6 + Math.sin(i * 2.3)];
  return [a, b, big, 2 * a - b + 3 * (big - 1e6) + 0.1 * Math.sin(i * 7.1)];
});
const text = ["a,b,big,y", ...rows.map((r) => r.join(","))].join("\n") + "\n";
writeFileSync(csv, text);

const fitted = (stdout: string) => JSON.parse(stdout).fitted as { coef: number[]; intercept: number | number[] };

function closeCoefficients(a: number[], b: number[], tolerance: number): void {
  const scale = Math.max(...b.map(Math.abs));
  a.forEach((c, j) => expect(Math.abs(c - b[j])).toBeLessThanOrEqual(tolerance * scale));
}

describe("regularized fit --stream", () => {
  it.each([["ridge", "0.01"], ["lasso", "0.01"], ["elasticnet", "0.01"]])("--model %s gives the in-memory CLI's coefficients to 1e-8", (model, lambda) => {
    const args = ["fit", csv, "--target", "y", "--model", model, "--lambda", lambda, "--format", "json"];
    const [inMemory, streamed] = [run(args), run([...args, "--stream"])];
    expect(streamed.stderr).toBe("");
    closeCoefficients(fitted(streamed.stdout).coef, fitted(inMemory.stdout).coef, 1e-8);
  });

  it("standard input (-) streams to the same model", () => {
    const args = ["--target", "y", "--model", "lasso", "--lambda", "0.01", "--format", "json"];
    const [fromFile, fromStdin] = [run(["fit", csv, ...args, "--stream"]), run(["fit", "-", ...args, "--stream"], text)];
    expect(fromStdin.status).toBe(0);
    closeCoefficients(fitted(fromStdin.stdout).coef, fitted(fromFile.stdout).coef, 1e-14);
  });

  it("--cv k cross-validates over folds by foldOfRow, as LassoCV.fitFolds does on those rows", () => {
    const out = run(["fit", csv, "--target", "y", "--model", "lasso", "--cv", "4", "--stream", "--format", "json"]);
    expect(out.stderr).toBe("");
    const folds = [0, 1, 2, 3].map((f) => {
      const members = rows.filter((_, i) => foldOfRow(i, 4) === f);
      return new GramAccumulator(3).update(members.map((r) => r.slice(0, 3)), members.map((r) => r[3]));
    });
    closeCoefficients(fitted(out.stdout).coef, Array.from(new LassoCV().fitFolds(folds).coef), 1e-8);
  });

  it.each([
    ["a bad cell: its line and column", ["fit", "BAD", "--target", "y", "--stream"], /line 3.*column "b"/],
    ["an unknown target", ["fit", csv, "--target", "nope", "--stream"], /no column "nope"/],
    ["a solver that needs the rows", ["fit", csv, "--target", "y", "--stream", "--model", "ridge", "--solver", "gd"], /--stream fits from statistics, which solver "gd" cannot/],
    ["a multitask model", ["fit", csv, "--target", "y", "--stream", "--model", "multitask-lasso"], /--stream fits ridge, lasso or elasticnet/],
    ["--engine with --stream", ["fit", csv, "--target", "y", "--stream", "--engine", "duckdb"], /give one of them/],
    ["the embedded data", ["fit", "--stream"], /not the embedded diabetes data/],
  ])("refuses %s: exit 2, one line, no --output written", (_, args, message) => {
    const bad = join(dir, "bad.csv");
    writeFileSync(bad, "a,b,y\n1,2,3\n4,x,6\n");
    const output = join(dir, `model-${Math.random().toString(36).slice(2)}.json`);
    const out = run([...args.map((a) => (a === "BAD" ? bad : a)), "--output", output]);
    expect(out.status).toBe(2);
    expect(out.stderr.trim().split("\n")).toHaveLength(1);
    expect(out.stderr).toMatch(message);
    expect(existsSync(output)).toBe(false);
  });

  it("--output is written once the streamed fit succeeded, with the feature names in file order", () => {
    const output = join(dir, "streamed.json");
    const out = run(["fit", csv, "--target", "y", "--model", "ridge", "--lambda", "0.01", "--stream", "--output", output]);
    expect(out.status).toBe(0);
    expect(JSON.parse(readFileSync(output, "utf8")).featureNames).toEqual(["a", "b", "big"]);
  });
});

describe("fit streams a large file on its own", () => {
  it(`past ${STREAM_ABOVE / 2 ** 20} MiB (a sparse file of that size), for the models that fit from statistics`, () => {
    const large = join(dir, "large.csv");
    writeFileSync(large, "");
    truncateSync(large, STREAM_ABOVE + 1);
    const flags = { model: "lasso", format: "table", target: ["y"] };
    expect(streamsBySize(large, flags, {})).toBe(true);
    expect(streamsBySize(csv, flags, {})).toBe(false);
    expect(streamsBySize(large, { ...flags, model: "multitask-lasso" }, {})).toBe(false);
    expect(streamsBySize(large, flags, { solver: "gd" })).toBe(false);
    expect(streamsBySize("-", flags, {})).toBe(false);
  });
});

describe("regularized path --stream", () => {
  const parse = (stdout: string) => stdout.trim().split("\n").slice(1).map((line) => line.split(",").map(Number));
  it.each([[[] as string[]], [["--l1-ratio", "0.5"]]])("traces the in-memory path from the statistics (flags %j)", (extra) => {
    const args = ["path", csv, "--target", "y", "--n-lambdas", "12", ...extra];
    const [inMemory, streamed] = [run(args), run([...args, "--stream"])];
    expect(streamed.stderr).toBe("");
    const [a, b] = [parse(streamed.stdout), parse(inMemory.stdout)];
    expect(a).toHaveLength(12);
    const scale = Math.max(...b.flatMap((row) => row.slice(1, -1).map(Math.abs)));
    a.forEach((row, i) => {
      expect(Math.abs(row[0] - b[i][0])).toBeLessThanOrEqual(1e-12 * b[i][0]);
      row.slice(1, -1).forEach((c, j) => expect(Math.abs(c - b[i][j + 1])).toBeLessThanOrEqual(1e-6 * scale));
    });
  });

  it("streams standard input and refuses a constant target as the in-memory path does", () => {
    expect(run(["path", "-", "--target", "y", "--stream", "--n-lambdas", "3"], text).status).toBe(0);
    const constant = join(dir, "constant.csv");
    writeFileSync(constant, "a,y\n1,2\n3,2\n5,2\n");
    const [streamed, inMemory] = [run(["path", constant, "--target", "y", "--stream"]), run(["path", constant, "--target", "y"])];
    expect(streamed.status).toBe(2);
    expect(streamed.stderr).toBe(inMemory.stderr);
  });
});

describe("fit --stream keeps memory flat in the file's size", () => {
  it("the peak resident memory for a 30x larger file (about 10 MB and 300 MB) grows by less than 40 MB, on 1 thread and on 2", () => {
    // The same block of rows repeated: the statistics differ, the reader's work per byte does not.
    const block = rows.map((r) => r.join(",")).join("\n") + "\n";
    const sized = (megabytes: number) => {
      const path = join(dir, `rows-${megabytes}.csv`);
      const copies = Math.ceil((megabytes * 1e6) / block.length);
      writeFileSync(path, "a,b,big,y\n" + block.repeat(copies));
      return path;
    };
    // A child that runs the command line and reports its own peak resident memory (KiB) on exit.
    const wrapper = join(dir, "peak-rss.mjs");
    writeFileSync(wrapper, `process.on("exit", () => process.stderr.write("maxRSS " + process.resourceUsage().maxRSS));\nawait import(${JSON.stringify(bin)});\n`);
    const peak = (path: string, threads: string) => {
      const out = spawnSync(process.execPath, [wrapper, "fit", path, "--target", "y", "--model", "ridge", "--lambda", "0.01", "--stream", "--threads", threads, "--format", "json"], { encoding: "utf8" });
      expect(out.status, out.stderr).toBe(0);
      return Number(/maxRSS (\d+)/.exec(out.stderr)![1]) / 1024;
    };
    const [small, large] = [sized(10), sized(300)];
    for (const threads of ["1", "2"]) {
      const [smallPeak, largePeak] = [peak(small, threads), peak(large, threads)];
      expect(largePeak - smallPeak, `${threads} thread(s): ${smallPeak.toFixed(0)} MB then ${largePeak.toFixed(0)} MB`).toBeLessThan(40);
    }
    rmSync(large);
  }, 120_000);

  it("--threads 2 reads pieces of the file on two threads into the model --threads 1 gives", () => {
    const path = join(dir, "rows-threads.csv");
    const block = rows.map((r) => r.join(",")).join("\n") + "\n";
    writeFileSync(path, "a,b,big,y\n" + block.repeat(Math.ceil(4e6 / block.length)));
    const args = ["fit", path, "--target", "y", "--model", "lasso", "--cv", "3", "--stream"];
    const [one, two] = [run([...args, "--threads", "1", "--format", "json"]), run([...args, "--threads", "2", "--format", "json"])];
    expect([one.status, two.status]).toEqual([0, 0]);
    closeCoefficients(fitted(two.stdout).coef, fitted(one.stdout).coef, 1e-8);
    expect(run([...args, "--threads", "2"]).stdout).toMatch(/\(streamed, on 2 threads\)/);
  });

  it.each([
    [["fit", "DATA", "--target", "y", "--threads", "2"], "--threads sets the threads that read a streamed CSV file: add --stream, or drop --threads."],
    [["fit", "-", "--target", "y", "--stream", "--threads", "2"], "--threads reads pieces of a CSV file, and standard input comes in order on one thread: drop --threads."],
    [["fit", "DATA", "--target", "y", "--stream", "--threads", "0"], '--threads must be an integer >= 1, got "0".'],
  ])("refuses --threads where it cannot apply: %j", (args, message) => {
    const out = run(args.map((arg) => (arg === "DATA" ? csv : arg)), text);
    expect(out.status).toBe(2);
    expect(out.stderr).toContain(message);
  });
});

describe("review findings: statistics fits at the edges", () => {
  it("a constant target with --cv gives zero weights and the constant, streamed and in DuckDB as in memory", () => {
    const constant = join(dir, "constant-cv.csv");
    writeFileSync(constant, "x,y\n" + Array.from({ length: 30 }, (_, i) => `${i},5`).join("\n") + "\n");
    const title = (extra: string[]) => run(["fit", constant, "--target", "y", "--model", "lasso", "--cv", "3", ...extra]).stdout.split("\n")[0];
    for (const extra of [["--stream"], ["--engine", "duckdb"]]) {
      expect(title(extra)).toMatch(/constant, so every lambda gives zero weights.*train R\^2 1\.0000/);
    }
  });

  it("--engine duckdb refuses rows with an empty cell instead of leaving them out, naming the line as without --engine", () => {
    const missing = join(dir, "missing.csv");
    writeFileSync(missing, "x1,x2,y\n1,2,3\n2,3,\n3,1,4\n4,4,9\n5,2,1\n");
    const out = run(["fit", missing, "--target", "y", "--model", "ridge", "--lambda", "0.1", "--engine", "duckdb"]);
    expect(out.status).toBe(2);
    expect(out.stderr).toContain('line 3, column "y": missing value. Fill it in, or drop the row.');
    // A Parquet file or a glob is not read by the table rules: DuckDB's count says how many rows it left out.
    const glob = run(["fit", join(dir, "missin?.csv"), "--target", "y", "--model", "ridge", "--lambda", "0.1", "--engine", "duckdb"]);
    expect(glob.stderr).toMatch(/has 1 of its 5 rows with an empty cell/);
  });
});
