// Whole fits on both backends: the seed's gradient-descent loop (500 iterations) and Ridge's closed form (from
// flat input and from number[][] rows, beside glmnet's ridge),
// and scikit-learn's Ridge(solver="cholesky") on the same data when /usr/bin/python3 has it, with OpenBLAS as
// installed and with its AVX2 kernels (OPENBLAS_CORETYPE=Haswell).
// Prints a markdown table and writes bench/results/fits.json.

import { benchArgs, BLAS_BUILDS, builtPackage, fixed, medianMs, printTable, randomArray, runGlmnet, runScikitLearn, writeResults } from "./harness.js";

// The built package with init()'s defaults (the build the runtime runs, the core's threads), as users get it.
const { Lasso, Ridge, simdBuild, coreThreads } = await builtPackage();

const { time, quick } = benchArgs();
const SHAPES: [number, number][] = quick ? [[10_000, 100]] : [[10_000, 100], [100_000, 100], [1_000, 1_000]];
const LAMBDA = 0.01;
const GD_ITERATIONS = 500;

interface SklearnTiming {
  medianMs: number;
  sklearn: string;
  blas: string[];
  coef: number[];
}

/** scikit-learn's Ridge on the same data, or the reason it could not run. */
function sklearnRidge(X: Float64Array, y: Float64Array, rows: number, cols: number, blas: Record<string, string> = BLAS_BUILDS.installed): SklearnTiming | string {
  return runScikitLearn<SklearnTiming>("bench/sklearn_ridge.py", X, y, [`${rows}`, `${cols}`, `${LAMBDA}`, "15"], blas);
}

const rows: string[][] = [[
  "fit", "n x d", "JS median ms", "WASM median ms", "WASM rows ms", "WASM speedup", "scikit-learn ms", "WASM / scikit-learn", "sk-AVX2 ms", "WASM / sk-AVX2", "glmnet ms", "WASM / glmnet",
]];
const results = [];
const notes: string[] = [];
for (const [n, d] of SHAPES) {
  const X = randomArray(n * d, 11);
  const w = randomArray(d, 12);
  const y = Float64Array.from({ length: n }, (_, i) => {
    let s = 0;
    for (let j = 0; j < d; j++) s += X[i * d + j] * w[j];
    return s + 0.1 * Math.sin(i);
  });
  const data = { data: X, rows: n, cols: d };
  const shape = `${n.toLocaleString("en")} x ${d.toLocaleString("en")}`;

  const gd = (backend: "wasm" | "js") => () =>
    void new Lasso({ lambda: LAMBDA, solver: "gd", learningRate: 0.1, maxIter: GD_ITERATIONS, tol: 0, backend, onWarning: () => {} }).fit(data, y);
  const closed = (backend: "wasm" | "js") => () => void new Ridge({ lambda: LAMBDA, backend }).fit(data, y);

  const gdJs = await medianMs(gd("js"), time, 3);
  const gdWasm = await medianMs(gd("wasm"), time, 3);
  rows.push([`Lasso GD, ${GD_ITERATIONS} iterations`, shape, fixed(gdJs, 1), fixed(gdWasm, 1), "-", `${fixed(gdJs / gdWasm, 2)}x`, "-", "-", "-", "-", "-", "-"]);
  results.push({ fit: "gd", iterations: GD_ITERATIONS, rows: n, cols: d, jsMs: gdJs, wasmMs: gdWasm });
  process.stderr.write(`. gd ${shape}\n`);

  const cfJs = await medianMs(closed("js"), time, 5);
  const cfWasm = await medianMs(closed("wasm"), time, 5);
  // What users pass: number[][] rows.
  const rowArrays = Array.from({ length: n }, (_, i) => Array.from(X.subarray(i * d, (i + 1) * d)));
  const cfRows = await medianMs(() => void new Ridge({ lambda: LAMBDA }).fit(rowArrays, y), time, 5);
  const glm = runGlmnet<{ glmnet: string; medianMs: number }>("bench/glmnet_ridge.R", X, y, [`${n}`, `${d}`, `${LAMBDA}`, n * d > 1e7 ? "3" : "9"]);
  const glmnetMs = typeof glm === "string" ? undefined : glm.medianMs;
  if (typeof glm === "string") notes.push(`${shape}: glmnet ${glm}`);
  const sk = sklearnRidge(X, y, n, d);
  const skMs = typeof sk === "string" ? undefined : sk.medianMs;
  const skAvx2 = sklearnRidge(X, y, n, d, BLAS_BUILDS.avx2);
  const avx2Ms = typeof skAvx2 === "string" ? undefined : skAvx2.medianMs;
  if (typeof sk === "string") notes.push(`${shape}: scikit-learn ${sk}`);
  else {
    const ours = new Ridge({ lambda: LAMBDA }).fit(data, y).coef;
    const scale = Math.max(...sk.coef.map(Math.abs));
    const error = Math.max(...sk.coef.map((c, j) => Math.abs(c - ours[j]))) / scale;
    const avx2Blas = typeof skAvx2 === "string" ? skAvx2 : skAvx2.blas.join("; ");
    notes.push(`${shape}: scikit-learn ${sk.sklearn}, BLAS ${sk.blas.join("; ") || "unknown"} (sk-AVX2: ${avx2Blas}); ` +
      `max |coef - scikit-learn coef| / max |coef| = ${error.toExponential(1)}`);
  }
  // Ratios of the time from rows (what users pass) to the reference's.
  const columns = (ms: number | undefined) => (ms === undefined ? ["skipped", "-"] : [fixed(ms, 2), `${fixed(cfRows / ms, 2)}x`]);
  rows.push(["Ridge closed form", shape, fixed(cfJs, 2), fixed(cfWasm, 2), fixed(cfRows, 2), `${fixed(cfJs / cfWasm, 2)}x`, ...columns(skMs), ...columns(avx2Ms), ...columns(glmnetMs)]);
  results.push({ fit: "closed-form", rows: n, cols: d, jsMs: cfJs, wasmMs: cfWasm, wasmRowsMs: cfRows, sklearnMs: skMs ?? null, sklearnAvx2Ms: avx2Ms ?? null, glmnetMs: glmnetMs ?? null });
  process.stderr.write(`. closed form ${shape}\n`);
}

printTable(rows);
console.log();
notes.unshift(`ours: the ${simdBuild()} SIMD build on ${coreThreads()} thread(s) (init()'s defaults); ratios are the time from number[][] rows over the reference's`);
notes.forEach((note) => console.log(note));
writeResults("fits", { sampleTimeMs: time, lambda: LAMBDA, results, notes });
