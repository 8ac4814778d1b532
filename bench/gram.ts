// The centered Gram kernel (GramAccumulator.update's pass, the covariance mode's first step) in GFLOPS
// (n d (d + 1) / 2 multiply-adds): the plain and relaxed SIMD builds, on 1 and 2 threads, each in a process of
// its own over the built package, beside numpy's Xc.T @ Xc (OpenBLAS as installed, and AVX2). Prints a markdown
// table and writes bench/results/gram.json.

import { spawnSync } from "node:child_process";
import { benchArgs, BLAS_BUILDS, blasEnv, fixed, printTable, writeResults } from "./harness.js";

const { quick } = benchArgs();
const SHAPES: [number, number][] = quick ? [[10_000, 100]] : [[10_000, 100], [100_000, 100], [1_000, 1_000], [4_000, 1_000]];
const dist = new URL("../dist/index.js", import.meta.url).href;

/** Median ms of the kernel per shape, in a fresh process on `simd` and `threads`. */
function ours(simd: "plain" | "relaxed", threads: number): Record<string, number> | string {
  const script = `
    const m = await import(${JSON.stringify(dist)});
    await m.init({ simd: "${simd}", threads: ${threads} });
    const b = m.getBackend("wasm");
    const time = (n, d, reps) => b.scope((s) => {
      const X = s.fromArray(new Float64Array(n * d).map((_, i) => Math.sin(i * 0.37)));
      const y = s.fromArray(new Float64Array(n).map((_, i) => Math.cos(i)));
      const [xm, ym, G, q] = [s.alloc(d), s.alloc(1), s.alloc(d * d), s.alloc(d)];
      const times = [];
      for (let r = 0; r < reps; r++) { const t = performance.now(); b.centeredGram(X, n, d, xm, y, 1, ym, G, q); times.push(performance.now() - t); }
      return times.sort((a, c) => a - c)[Math.floor(reps / 2)];
    });
    time(20000, 50, 1);
    await new Promise((resolve) => setTimeout(resolve, 500)); // the threads start in the background
    const out = {};
    for (const [n, d] of ${JSON.stringify(SHAPES)}) out[n + "x" + d] = time(n, d, 15);
    process.stdout.write(JSON.stringify(out));`;
  const flags = simd === "relaxed" ? ["--experimental-wasm-relaxed-simd"] : [];
  const child = spawnSync(process.execPath, [...flags, "--input-type=module", "-e", script], { encoding: "utf8" });
  return child.status === 0 ? JSON.parse(child.stdout) : `failed: ${child.stderr.trim().split("\n").at(-1)}`;
}

function numpy(blas: Record<string, string>): Record<string, number | string[]> | string {
  const child = spawnSync("/usr/bin/python3", ["bench/numpy_gram.py", ...SHAPES.map(([n, d]) => `${n}x${d}`)], { encoding: "utf8", env: blasEnv(blas) });
  return child.status === 0 ? JSON.parse(child.stdout) : `skipped: ${child.error ? "/usr/bin/python3 not found" : child.stderr.trim().split("\n").at(-1)}`;
}

const runs: [string, Record<string, number | string[]> | string][] = [
  ["plain SIMD, 1 thread", ours("plain", 1)],
  ["plain SIMD, 2 threads", ours("plain", 2)],
  ["relaxed SIMD, 1 thread", ours("relaxed", 1)],
  ["relaxed SIMD, 2 threads", ours("relaxed", 2)],
  ["numpy Xc.T @ Xc (OpenBLAS as installed)", numpy(BLAS_BUILDS.installed)],
  ["numpy Xc.T @ Xc (OpenBLAS AVX2)", numpy(BLAS_BUILDS.avx2)],
];
const table = [["centered Gram", ...SHAPES.map(([n, d]) => `${n.toLocaleString("en")} x ${d.toLocaleString("en")}: ms (GFLOPS)`)]];
for (const [name, run] of runs) {
  if (typeof run === "string") {
    table.push([name, ...SHAPES.map(() => run)]);
    continue;
  }
  table.push([name, ...SHAPES.map(([n, d]) => {
    const ms = run[`${n}x${d}`] as number;
    return `${fixed(ms, 2)} (${fixed((n * d * (d + 1)) / 2 / ms / 1e6, 1)})`;
  })]);
}
printTable(table);
const blas = runs.filter(([, run]) => typeof run !== "string" && "blas" in run).map(([name, run]) => `${name}: ${((run as { blas: string[] }).blas).join("; ")}`);
blas.forEach((line) => console.log(line));
writeResults("gram", { shapes: SHAPES, runs: Object.fromEntries(runs) });
