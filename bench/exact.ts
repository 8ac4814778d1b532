// The exact solvers on both backends, from flat input and from number[][] rows, against scikit-learn in the same
// run (with OpenBLAS as installed, and with its AVX2 kernels forced by OPENBLAS_CORETYPE=Haswell) and glmnet:
// Lasso (CD) at lambda = 0.01, a 100-lambda lasso path (no intercept, as scikit-learn's lasso_path), and 5-fold
// LassoCV, at 10,000 x 100, 1,000 x 1,000 and 200 x 5,000. Prints a markdown table and writes
// bench/results/exact.json.

import { benchArgs, BLAS_BUILDS, builtPackage, fixed, medianMs, printTable, randomArray, runGlmnet, runScikitLearn, writeResults } from "./harness.js";

// The built package with init()'s defaults (the build the runtime runs, the core's threads), as users get it.
const { Lasso, LassoCV, lassoPath, simdBuild, coreThreads } = await builtPackage();

const { time, quick } = benchArgs();
const SHAPES: [number, number][] = quick ? [[10_000, 100]] : [[10_000, 100], [1_000, 1_000], [200, 5_000]];
const LAMBDA = 0.01;

type SklearnTimes = { sklearn: string; lasso: number; path: number; lassoCV?: number; coef: number[] };

type GlmnetTimes = { glmnet: string; lasso: number; path: number; lassoCV?: number };

function glmnet(X: Float64Array, y: Float64Array, rows: number, cols: number): GlmnetTimes | string {
  return runGlmnet<GlmnetTimes>("bench/glmnet_lasso.R", X, y, [`${rows}`, `${cols}`, `${LAMBDA}`, "9"]);
}

function sklearn(X: Float64Array, y: Float64Array, rows: number, cols: number, blas: Record<string, string> = BLAS_BUILDS.installed): SklearnTimes | string {
  return runScikitLearn<SklearnTimes>("bench/sklearn_lasso.py", X, y, [`${rows}`, `${cols}`, `${LAMBDA}`, "9"], blas);
}

const table: string[][] = [[
  "task", "n x d", "JS ms", "WASM ms", "WASM rows ms", "WASM speedup", "scikit-learn ms", "WASM / scikit-learn", "sk-AVX2 ms", "WASM / sk-AVX2", "glmnet ms", "WASM / glmnet",
]];
const results = [];
const notes: string[] = [];
for (const [n, d] of SHAPES) {
  const X = randomArray(n * d, 21);
  const truth = Float64Array.from(randomArray(d, 22), (v, j) => (j % 10 === 0 ? 3 * v : 0));
  const noise = randomArray(n, 23);
  const y = Float64Array.from({ length: n }, (_, i) => {
    let s = 0.5;
    for (let j = 0; j < d; j++) s += X[i * d + j] * truth[j];
    return s + 0.5 * noise[i];
  });
  const data = { data: X, rows: n, cols: d };
  // What users pass: number[][] rows.
  const rowArrays = Array.from({ length: n }, (_, i) => Array.from(X.subarray(i * d, (i + 1) * d)));
  const shape = `${n.toLocaleString("en")} x ${d.toLocaleString("en")}`;
  const sk = sklearn(X, y, n, d);
  const glm = glmnet(X, y, n, d);
  const skAvx2 = sklearn(X, y, n, d, BLAS_BUILDS.avx2);
  type Input = typeof data | number[][];
  const tasks: [string, (backend: "wasm" | "js", input: Input) => () => void, number, "lasso" | "path" | "lassoCV"][] = [
    ["Lasso (cd), lambda 0.01", (backend, input) => () => void new Lasso({ lambda: LAMBDA, backend }).fit(input, y), 5, "lasso"],
    ["lasso path, 100 lambdas", (backend, input) => () => void lassoPath(input, y, { fitIntercept: false, backend }), 3, "path"],
  ];
  if (n * d <= 1_000_000 && d < 500) {
    tasks.push(["LassoCV, 5 folds x 100 lambdas", (backend, input) => () => void new LassoCV({ nFolds: 5, backend }).fit(input, y), 1, "lassoCV"]);
  }
  for (const [name, task, iterations, key] of tasks) {
    const jsMs = await medianMs(task("js", data), time, iterations);
    const wasmMs = await medianMs(task("wasm", data), time, iterations);
    const rowsMs = await medianMs(task("wasm", rowArrays), time, iterations);
    const timeOf = (times: SklearnTimes | GlmnetTimes | string) => (typeof times === "string" ? undefined : times[key]);
    const [skMs, avx2Ms, glmnetMs] = [timeOf(sk), timeOf(skAvx2), timeOf(glm)];
    // Ratios of the time from rows (what users pass) to the reference's.
    const columns = (ms: number | undefined) => (ms === undefined ? ["skipped", "-"] : [fixed(ms, 2), `${fixed(rowsMs / ms, 2)}x`]);
    table.push([name, shape, fixed(jsMs, 2), fixed(wasmMs, 2), fixed(rowsMs, 2), `${fixed(jsMs / wasmMs, 2)}x`, ...columns(skMs), ...columns(avx2Ms), ...columns(glmnetMs)]);
    results.push({ task: name, rows: n, cols: d, jsMs, wasmMs, wasmRowsMs: rowsMs, sklearnMs: skMs ?? null, sklearnAvx2Ms: avx2Ms ?? null, glmnetMs: glmnetMs ?? null });
    process.stderr.write(`. ${name} ${shape}\n`);
  }
  if (typeof glm === "string") notes.push(`${shape}: glmnet ${glm}`);
  if (typeof sk === "string") notes.push(`${shape}: scikit-learn ${sk}`);
  else {
    const ours = new Lasso({ lambda: LAMBDA }).fit(data, y);
    const scale = Math.max(...sk.coef.map(Math.abs));
    const error = Math.max(...sk.coef.map((c, j) => Math.abs(c - ours.coef[j]))) / scale;
    const zeros = (c: ArrayLike<number>) => Array.from(c).filter((v) => v === 0).length;
    notes.push(`${shape}: scikit-learn ${sk.sklearn}; Lasso coef max difference / max |coef| = ${error.toExponential(1)} ` +
      `(both stop at tol 1e-4), zeros: ours ${zeros(ours.coef)}, scikit-learn ${zeros(sk.coef)}`);
  }
}

printTable(table);
console.log();
notes.unshift(`ours: the ${simdBuild()} SIMD build on ${coreThreads()} thread(s) (init()'s defaults); ratios are the time from number[][] rows over the reference's`);
notes.forEach((note) => console.log(note));
writeResults("exact", { sampleTimeMs: time, lambda: LAMBDA, results, notes });
