// The exact solvers on both backends against scikit-learn in the same run (with OpenBLAS as installed, and with
// its AVX2 kernels forced by OPENBLAS_CORETYPE=Haswell): Lasso (CD) at lambda = 0.01, a
// 100-lambda lasso path (no intercept, as scikit-learn's lasso_path), and 5-fold LassoCV, at 10,000 x 100 and
// 1,000 x 1,000. Prints a markdown table and writes bench/results/exact.json.

import { initSync } from "../src/backends/registry.js";
import { Lasso, LassoCV, lassoPath } from "../src/index.js";
import { benchArgs, BLAS_BUILDS, fixed, medianMs, printTable, randomArray, runScikitLearn, writeResults } from "./harness.js";

const { time, quick } = benchArgs();
const SHAPES: [number, number][] = quick ? [[10_000, 100]] : [[10_000, 100], [1_000, 1_000]];
const LAMBDA = 0.01;

type SklearnTimes = { sklearn: string; lasso: number; path: number; lassoCV?: number; coef: number[] };

function sklearn(X: Float64Array, y: Float64Array, rows: number, cols: number, blas: Record<string, string> = BLAS_BUILDS.installed): SklearnTimes | string {
  return runScikitLearn<SklearnTimes>("bench/sklearn_lasso.py", X, y, [`${rows}`, `${cols}`, `${LAMBDA}`, "9"], blas);
}

initSync();
const table: string[][] = [["task", "n x d", "JS ms", "WASM ms", "WASM speedup", "scikit-learn ms", "WASM / scikit-learn", "sk-AVX2 ms", "WASM / sk-AVX2"]];
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
  const shape = `${n.toLocaleString("en")} x ${d.toLocaleString("en")}`;
  const sk = sklearn(X, y, n, d);
  const skAvx2 = sklearn(X, y, n, d, BLAS_BUILDS.avx2);
  const tasks: [string, (backend: "wasm" | "js") => () => void, number, keyof SklearnTimes | null][] = [
    ["Lasso (cd), lambda 0.01", (backend) => () => void new Lasso({ lambda: LAMBDA, backend }).fit(data, y), 5, "lasso"],
    ["lasso path, 100 lambdas", (backend) => () => void lassoPath(data, y, { fitIntercept: false, backend }), 3, "path"],
  ];
  if (n * d <= 1_000_000 && d < 500) {
    tasks.push(["LassoCV, 5 folds x 100 lambdas", (backend) => () => void new LassoCV({ nFolds: 5, backend }).fit(data, y), 1, "lassoCV"]);
  }
  for (const [name, task, iterations, key] of tasks) {
    const jsMs = await medianMs(task("js"), time, iterations);
    const wasmMs = await medianMs(task("wasm"), time, iterations);
    const timeOf = (times: SklearnTimes | string) => (typeof times === "string" || key === null ? undefined : (times[key] as number | undefined));
    const [skMs, avx2Ms] = [timeOf(sk), timeOf(skAvx2)];
    const columns = (ms: number | undefined) => (ms === undefined ? ["skipped", "-"] : [fixed(ms, 2), `${fixed(wasmMs / ms, 2)}x`]);
    table.push([name, shape, fixed(jsMs, 2), fixed(wasmMs, 2), `${fixed(jsMs / wasmMs, 2)}x`, ...columns(skMs), ...columns(avx2Ms)]);
    results.push({ task: name, rows: n, cols: d, jsMs, wasmMs, sklearnMs: skMs ?? null, sklearnAvx2Ms: avx2Ms ?? null });
    process.stderr.write(`. ${name} ${shape}\n`);
  }
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
notes.forEach((note) => console.log(note));
writeResults("exact", { sampleTimeMs: time, lambda: LAMBDA, results, notes });
