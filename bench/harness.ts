// Shared pieces of the benchmarks: deterministic data, median timing with tinybench, the machine, output.

import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { markdownTable } from "markdown-table";
import { Bench } from "tinybench";

/** `--time <ms>`: milliseconds of sampling per task (default 500); `--quick`: the first size only. */
export function benchArgs(): { time: number; quick: boolean } {
  const { values } = parseArgs({ options: { time: { type: "string", default: "500" }, quick: { type: "boolean", default: false } } });
  const time = Number(values.time);
  if (!(time > 0)) throw new RangeError(`--time must be a positive number of milliseconds, got ${values.time}`);
  return { time, quick: values.quick ?? false };
}

/** Deterministic uniform numbers in [-1, 1) (mulberry32), so every run and backend sees the same data. */
export function randomArray(length: number, seed: number): Float64Array {
  const out = new Float64Array(length);
  let state = seed >>> 0;
  for (let i = 0; i < length; i++) {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out[i] = ((t ^ (t >>> 14)) >>> 0) / 2 ** 31 - 1;
  }
  return out;
}

/** Median latency in ms of `run`, sampled for `time` ms and at least `iterations` times. */
export async function medianMs(run: () => void, time: number, iterations = 10): Promise<number> {
  const bench = new Bench({ time, iterations, warmupTime: Math.min(100, time), warmupIterations: 2, throws: true });
  bench.add("task", run);
  await bench.run();
  const result = bench.tasks[0].result;
  if (!result || !("latency" in result)) throw new Error("tinybench returned no latency for the task");
  return result.latency.p50;
}

export const machine = { cpu: cpus()[0]?.model ?? "unknown", cores: cpus().length, node: process.version };

/** Prints a markdown table (first column left-aligned, the rest right-aligned). */
export function printTable(rows: string[][]): void {
  console.log(markdownTable(rows, { align: rows[0].map((_, i) => (i === 0 ? "l" : "r")) }));
}

/** Writes bench/results/<name>.json with the date and machine. */
export function writeResults(name: string, payload: object): void {
  mkdirSync("bench/results", { recursive: true });
  const file = `bench/results/${name}.json`;
  writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), machine, ...payload }, null, 2) + "\n");
  console.log(`\n${machine.cpu}, ${machine.cores} cores, Node ${machine.node}; written to ${file}`);
}

export const fixed = (value: number, digits: number): string => value.toFixed(digits);

const PYTHON = "/usr/bin/python3";

/**
 * The BLAS builds scikit-learn is timed with: OpenBLAS as Debian installs it (its generic SSE3 kernels on this
 * CPU; an OPENBLAS_CORETYPE set in the bench's own environment is removed), and its AVX2 kernels.
 */
export const BLAS_BUILDS = {
  installed: {},
  /** OpenBLAS's Haswell (AVX2) kernels, forced for the timing command alone. */
  avx2: { OPENBLAS_CORETYPE: "Haswell" },
} as const;

/** The environment a reference runs in: this one without an inherited OPENBLAS_CORETYPE, then `blas` (BLAS_BUILDS). */
export function blasEnv(blas: Record<string, string> = BLAS_BUILDS.installed): NodeJS.ProcessEnv {
  const { OPENBLAS_CORETYPE: _inherited, ...env } = process.env;
  return { ...env, ...blas };
}

/**
 * Runs `program` on a script of bench/ with X (row-major) and y written as raw float64 files, `args` after the
 * two file names; returns its JSON output, or why it could not run (`library` names what was missing).
 */
function runReference<T>(program: string, library: string, script: string, X: Float64Array, y: Float64Array, args: string[], env?: NodeJS.ProcessEnv): T | string {
  const dir = mkdtempSync(join(tmpdir(), "regularized-bench-"));
  writeFileSync(join(dir, "X.f64"), X);
  writeFileSync(join(dir, "y.f64"), y);
  const run = spawnSync(program, [script, join(dir, "X.f64"), join(dir, "y.f64"), ...args], { encoding: "utf8", env });
  if (run.error) return `skipped: ${program} not found`;
  if (run.status !== 0) return `skipped: ${library} did not run (${run.stderr.trim().split("\n").at(-1)})`;
  return JSON.parse(run.stdout) as T;
}

/** Runs an R script of bench/ (glmnet); see runReference. */
export const runGlmnet = <T>(script: string, X: Float64Array, y: Float64Array, args: string[]): T | string =>
  runReference<T>("Rscript", "glmnet", script, X, y, args);

/** Runs a scikit-learn script of bench/ under `blas` (BLAS_BUILDS); see runReference. */
export const runScikitLearn = <T>(script: string, X: Float64Array, y: Float64Array, args: string[], blas: Record<string, string> = BLAS_BUILDS.installed): T | string =>
  runReference<T>(PYTHON, "scikit-learn", script, X, y, args, blasEnv(blas));

/**
 * The built package (dist/) with init()'s defaults, as users get it, and its core's threads ready: the first
 * large pass starts them in the background, so one runs here and the bench waits for them before timing.
 */
export async function builtPackage(): Promise<typeof import("../src/index.js")> {
  const lib = (await import(new URL("../dist/index.js", import.meta.url).href)) as typeof import("../src/index.js");
  await lib.init();
  new lib.GramAccumulator(50).update({ data: randomArray(20_000 * 50, 1), rows: 20_000, cols: 50 }, randomArray(20_000, 2));
  for (let waited = 0; (lib.coreThreadStats()?.ready ?? 0) < lib.coreThreads() - 1 && waited < 10_000; waited += 20) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return lib;
}
