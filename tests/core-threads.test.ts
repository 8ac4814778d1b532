// The core's threads (Node): the same bits on 1, 2 and 3 threads for the row-parallel Gram pass (its stripes are
// fixed by the shape), and for the fits over it (CV's folds side by side); the striped Gram against the TypeScript twin; init's options.
// The threads run dist/ scripts, so each thread count runs in a child process over the built package.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { bothBackends, on } from "./helpers.js";

const dist = new URL("../dist/index.js", import.meta.url).href;

/**
 * In a fresh process on `threads` threads: G and q of a 30,000 x 40 Gram (8 stripes of rows) and of a 1,000 x 120
 * one (one stripe, its tile rows split among calls), and Ridge's and Lasso's weights.
 */
function onThreads(threads: number): {
  threads: number; workerCalls: number; G: number[]; q: number[]; predicted: number[]; ridge: number[]; lasso: number[]; gd: number[]; cv: number[];
} {
  const script = `
    const m = await import(${JSON.stringify(dist)});
    await m.init({ threads: ${threads} });
    const [n, d] = [30000, 40];
    const X = new Float64Array(n * d).map((_, i) => Math.sin(i * 0.37) * (1 + (i % 7)));
    const y = new Float64Array(n).map((_, i) => Math.cos(i * 0.3) + X[i * d] - 2 * X[i * d + 3]);
    const b = m.getBackend("wasm");
    const gram = (n, d) => b.scope((s) => {
      const [G, q] = [s.alloc(d * d), s.alloc(d)];
      b.centeredGram(s.fromArray(X.subarray(0, n * d)), n, d, s.fromArray(new Float64Array(d).fill(0.5)), s.fromArray(y.subarray(0, n)), 1, s.fromArray([0.25]), G, q);
      return [Array.from(G.values), Array.from(q.values)];
    });
    const pass = () => {
      const [[G, q], [wide, wideQ]] = [gram(n, d), gram(1000, 120)];
      return { G: [...G, ...wide], q: [...q, ...wideQ] };
    };
    pass();
    // The workers start in the background on the first pass: wait until they are ready (or 10 s), then run more.
    for (let waited = 0; (m.coreThreadStats()?.ready ?? 0) < ${threads} - 1 && waited < 10000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
    pass();
    pass();
    const data = { data: X, rows: n, cols: d };
    const ridge = new m.Ridge({ lambda: 0.01 }).fit(data, y);
    // Predictions of 120,000 rows: gemv in stripes of rows on the threads.
    const big = { data: new Float64Array(120000 * d).map((_, i) => Math.cos(i * 0.11)), rows: 120000, cols: d };
    const predicted = Array.from(ridge.predict(big).subarray(0, 120000));
    // Lasso on those rows: residual mode, each full pass g = X^T r in ranges of columns on the threads.
    const bigY = new Float64Array(120000).map((_, i) => Math.sin(i * 0.05) + big.data[i * d + 2]);
    const residual = Array.from(new m.Lasso({ lambda: 0.001 }).fit(big, bigY).coef);
    // Ridge's closed form on 600 x 600: a Cholesky of 600 whose rows below each block take its updates on the threads.
    const square = { data: X.subarray(0, 600 * 600), rows: 600, cols: 600 };
    const wide = Array.from(new m.Ridge({ lambda: 0.01 }).fit(square, y.subarray(0, 600)).coef);
    // The seed's gradient descent on 60,000 x 40 rows: each iteration's pass in 8 stripes of rows on the threads.
    const tall = { data: new Float64Array(60000 * d).map((_, i) => Math.sin(i * 0.13)), rows: 60000, cols: d };
    const gdModel = new m.Lasso({ lambda: 0.01, solver: "gd", learningRate: 0.1, maxIter: 20, tol: 0, onWarning: () => {} }).fit(tall, new Float64Array(60000).map((_, i) => Math.cos(i * 0.07)));
    const gd = [...gdModel.coef, gdModel.intercept, ...gdModel.history];
    // LassoCV on 3,000 x 100: the folds' paths side by side on the threads.
    const cvModel = new m.LassoCV({ nFolds: 5 }).fit({ data: X.subarray(0, 3000 * 100), rows: 3000, cols: 100 }, y.subarray(0, 3000));
    // 20 folds: more paths than one pass of the threads takes (16 calls), run in passes.
    const cv20 = new m.LassoCV({ nFolds: 20 }).fit({ data: X.subarray(0, 3000 * 100), rows: 3000, cols: 100 }, y.subarray(0, 3000));
    const cv = [...cvModel.coef, ...cvModel.cvResults[0].cvMean, ...cv20.coef, ...cv20.cvResults[0].cvMean];
    const out = { threads: m.coreThreads(), ...pass(), predicted, workerCalls: m.coreThreadStats()?.callsOnWorkers ?? 0, ridge: [...ridge.coef, ...wide], lasso: [...new m.Lasso({ lambda: 0.01 }).fit(data, y).coef, ...residual], gd, cv };
    process.stdout.write(JSON.stringify(out));
  `;
  const child = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8", maxBuffer: 1 << 26 });
  expect(child.status, child.stderr).toBe(0);
  return JSON.parse(child.stdout);
}

describe("the core's threads", () => {
  it("give the same bits on 1, 2 and 3 threads: the Gram pass, Ridge (and its Cholesky), Lasso (both modes), GD, LassoCV, predictions of many rows", () => {
    const [one, two, three] = [onThreads(1), onThreads(2), onThreads(3)];
    expect([one.threads, two.threads, three.threads]).toEqual([1, 2, 3]);
    // The workers did take part: some stripes of the passes after the first ran on them.
    expect(one.workerCalls).toBe(0);
    expect(two.workerCalls).toBeGreaterThan(0);
    expect(three.workerCalls).toBeGreaterThan(0);
    for (const other of [two, three]) {
      expect(other.G).toEqual(one.G);
      expect(other.q).toEqual(one.q);
      expect(other.predicted).toEqual(one.predicted);
      expect(other.ridge).toEqual(one.ridge);
      expect(other.lasso).toEqual(one.lasso);
      expect(other.gd).toEqual(one.gd);
      expect(other.cv).toEqual(one.cv);
    }
  }, 60_000);

  it("sum 8 stripes of rows as the TypeScript twin does (relative 1e-12 of the absolute terms)", () => {
    const [js, wasm] = bothBackends();
    const [n, d] = [9000, 13];
    const X = new Float64Array(n * d).map((_, i) => Math.sin(i * 1.3) + 1e3);
    const Y = new Float64Array(n * 2).map((_, i) => Math.cos(i));
    const mean = new Float64Array(d).fill(1e3);
    const run = (b: typeof js): number[] => on(b, [X, mean, Y, Float64Array.from([0, 0.5]), new Float64Array(d * d), new Float64Array(d * 2)], ([bX, m, bY, ym, G, XtY]) => {
      b.centeredGram(bX, n, d, m, bY, 2, ym, G, XtY);
      return [...G.values, ...XtY.values];
    });
    const [a, c] = [run(js), run(wasm)];
    a.forEach((value, i) => expect(Math.abs(value - c[i])).toBeLessThanOrEqual(1e-12 * n * 4));
  });

  it("start under V8 flags a worker refuses (--experimental-wasm-relaxed-simd), and so does fitInWorker", () => {
    const script = `
      const m = await import(${JSON.stringify(dist)});
      await m.init({ threads: 2 });
      const [n, d] = [30000, 40];
      const X = new Float64Array(n * d).map((_, i) => Math.sin(i));
      const pass = () => new m.GramAccumulator(d).update({ data: X, rows: n, cols: d }, new Float64Array(n).fill(1));
      pass();
      for (let waited = 0; m.coreThreadStats().ready < 1 && waited < 10000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
      for (let i = 0; i < 5; i++) pass();
      const model = await m.fitInWorker({ model: "Ridge", options: { lambda: 1 }, X: [[1], [2], [3]], y: [1, 2, 4] });
      process.stdout.write(JSON.stringify({ simd: m.simdBuild(), workerCalls: m.coreThreadStats().callsOnWorkers, coef: model.coef[0] }));`;
    const child = spawnSync(process.execPath, ["--experimental-wasm-relaxed-simd", "--input-type=module", "-e", script], { encoding: "utf8" });
    expect(child.status, child.stderr).toBe(0);
    const out = JSON.parse(child.stdout) as { simd: string; workerCalls: number; coef: number };
    expect(out.simd).toBe("relaxed");
    expect(out.workerCalls).toBeGreaterThan(0);
    // Ridge at lambda 1 on x = 1, 2, 3 and y = 1, 2, 4: w = Sxy / (Sxx + n lambda) = 3 / (2 + 3) by hand.
    expect(out.coef).toBeCloseTo(0.6, 12);
  }, 30_000);

  it("pass on the Node options a worker takes, not --input-type or V8 flags", async () => {
    const { workerExecArgv } = await import("../src/backends/worker-argv.js");
    expect(workerExecArgv(["--input-type=module", "--experimental-wasm-relaxed-simd", "--import", "tsx", "--enable-source-maps", "--input-type", "module"]))
      .toEqual(["--import", "tsx", "--enable-source-maps"]);
  });

  it("refuses thread counts it cannot use, saying what to call", async () => {
    const m = (await import(dist)) as typeof import("../src/index.js");
    expect(() => m.initSync({ threads: 2 })).toThrow("initSync runs the core on this thread: call `await init({ threads })` for threads.");
    await expect(m.init({ threads: 0 })).rejects.toThrow("init: threads must be an integer from 1 to 64, got 0.");
    await m.init({ threads: 2 });
    expect(m.threadsAvailable()).toBe(true);
    await expect(m.init({ threads: 3 })).rejects.toThrow("the core already runs on 2 thread(s)");
  });
});
