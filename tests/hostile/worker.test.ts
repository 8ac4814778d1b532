// Hostile and careless use of fitInWorker, its pool of workers and the errors that cross from a worker: each row
// is the correct answer (the same model as a direct fit on this thread), or an error of the right class whose
// message names the argument and says what to do, raised on this thread before any worker is involved.
// fitInWorker runs from the built package (dist/), whose worker script is beside it, as a user runs it.
import { spawnSync } from "node:child_process";
import { availableParallelism } from "node:os";
import { beforeAll, describe, expect, it, vi } from "vitest";
import * as errorClasses from "../../src/errors.js";
import { recordError, restoreError } from "../../src/worker/error-transfer.js";
import { startNodeWorker } from "../../src/worker/spawn-worker.js";
import { WorkerPool, type PoolWorker, type WorkerPoolStats } from "../../src/worker/worker-pool.js";

type Library = typeof import("../../src/index.js");
const DIST = new URL("../../dist/index.js", import.meta.url);
const dist = (await import(DIST.href)) as Library;
const { workerPoolStats } = (await import(new URL("../../dist/worker/fit-in-worker.js", import.meta.url).href)) as {
  workerPoolStats(): Promise<WorkerPoolStats>;
};

beforeAll(() => dist.init());

const X = [[1, 2], [2, 1], [3, 5], [4, 2], [5, 7], [6, 1]];
const y = [1, 2, 4, 3, 6, 5];
/** A fit that runs until it is stopped: gradient descent with tol 0 never meets its test, and maxIter is 2^31 - 1. */
const endless = { model: "Ridge", options: { solver: "gd", tol: 0, maxIter: 2 ** 31 - 1, learningRate: 0.001, recordHistory: false }, X, y } as const;

/** The error a call throws (or rejects with), for comparing a worker's error with a direct fit's. */
async function thrownBy(call: () => unknown): Promise<Error> {
  try {
    await call();
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected the call to throw");
}

/** The same request fitted here, by the model class of that name. */
function directFit(request: Record<string, unknown>): { toJSON(): unknown } {
  const Model = dist[request.model as "Ridge"] as unknown as new (options: object) => { fit(X: unknown, y: unknown, options: object): { toJSON(): unknown } };
  return new Model((request.options as object) ?? {}).fit(request.X, request.y, request.sampleWeight ? { sampleWeight: request.sampleWeight } : {});
}

const poll = async (done: () => Promise<boolean> | boolean, ms = 10_000) => {
  for (const start = Date.now(); !(await done()); ) {
    if (Date.now() - start > ms) throw new Error("timed out waiting for the pool");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

describe("requests refused on this thread, before any worker starts", () => {
  class Request {
    model = "Lasso";
  }
  it.each<[string, unknown, new (...args: never[]) => Error, RegExp]>([
    ["null", null, TypeError, /^fitInWorker\(request\): request must be a plain object such as \{ model: "Lasso", options: \{ lambda: 0\.1 \}, X, y \}, got null\.$/],
    ["undefined", undefined, TypeError, /request must be a plain object .*got undefined\.$/],
    ["a model name alone", "Lasso", TypeError, /request must be a plain object .*got string "Lasso"\.$/],
    ["an array", [], TypeError, /request must be a plain object .*got an array\.$/],
    ["a class instance", new Request(), TypeError, /request must be a plain object .*got a Request\.$/],
    ["model \"toString\"", { model: "toString", X, y }, RangeError, /^model must be one of Ridge, Lasso, ElasticNet, MultiTaskLasso, MultiTaskElasticNet, GroupLasso, SGDRegressor, LogisticRegression, got "toString"\.$/],
    ["model \"__proto__\"", { model: "__proto__", X, y }, RangeError, /^model must be one of Ridge, .*, got "__proto__"\.$/],
    ["model \"constructor\"", { model: "constructor", X, y }, RangeError, /^model must be one of Ridge, .*, got "constructor"\.$/],
    ["model \"hasOwnProperty\"", { model: "hasOwnProperty", X, y }, RangeError, /^model must be one of Ridge, .*, got "hasOwnProperty"\.$/],
    ["no model", { X, y }, RangeError, /^model must be one of Ridge, .*, got undefined\.$/],
    ["a misspelt field", { model: "Ridge", X, y, sampleWeights: [1, 1, 1, 1, 1, 1] }, TypeError,
      /^fitInWorker\(request\): unknown field "sampleWeights"; the fields are model, options, X, y, sampleWeight, featureNames\.$/],
    ["a __proto__ field from JSON", JSON.parse('{ "model": "Ridge", "__proto__": { "X": [[1]] } }'), TypeError, /unknown field "__proto__"/],
    ["options null", { model: "Lasso", options: null, X, y }, TypeError, /^Lasso options must be a plain object .*got null/],
    ["options with __proto__ from JSON", { model: "Lasso", options: JSON.parse('{ "__proto__": { "lambda": 100 } }'), X, y }, TypeError,
      /^Unknown option "__proto__" for Lasso: the options of Lasso are lambda, /],
    ["options with constructor", { model: "Lasso", options: { constructor: 1 }, X, y }, TypeError, /^Unknown option "constructor" for Lasso/],
    ["an option out of range", { model: "Lasso", options: { lambda: -1 }, X, y }, RangeError, /lambda must be a finite number >= 0, got -1/],
    ["a function in X", { model: "Ridge", X: [[1, () => 2]], y: [1] }, TypeError, /^X\[0\]\[1\] \(row 0, column 1\) is a function: every entry must be a finite number/],
    ["a symbol in X", { model: "Ridge", X: [[1, Symbol("s")]], y: [1] }, TypeError, /^X\[0\]\[1\] \(row 0, column 1\) is Symbol\(s\): every entry must be a finite number/],
    ["NaN in y", { model: "Ridge", X, y: [1, 2, Number.NaN, 3, 6, 5] }, RangeError, /^y\[2\] is NaN: every entry must be a finite number/],
    ["y as a Map", { model: "Ridge", X, y: new Map() }, TypeError, /^y must be .*got a Map/],
    ["X as a prepared Design", { model: "Ridge", X: dist.prepareDesign(X, y, { backend: "js" }), y }, TypeError, /^X must be an array of rows .*got a Design/],
    ["X larger than a block, by its shape", { model: "Ridge", X: { data: { length: 2 ** 30 }, rows: 2 ** 15, cols: 2 ** 15 }, y: [1] }, RangeError,
      /^X is 32768 x 32768 = 1073741824 values .*more than one block holds/],
    ["y shorter than X", { model: "Ridge", X, y: [1, 2, 3] }, RangeError, /^y has length 3 but the rows of X has length 6: they must match/],
    ["sampleWeight null", { model: "Ridge", X, y, sampleWeight: null }, TypeError, /^sampleWeight must be an array, got null/],
    ["sampleWeight shorter than X", { model: "Ridge", X, y, sampleWeight: [1, 2] }, RangeError, /^sampleWeight has length 2 but the rows of X has length 6/],
  ])("%s", async (_, request, type, message) => {
    const before = await workerPoolStats();
    const error = await thrownBy(() => dist.fitInWorker(request as never));
    expect(error).toBeInstanceOf(type);
    expect(error.message).toMatch(message);
    const after = await workerPoolStats();
    expect([after.started, after.busy, after.queued]).toEqual([before.started, 0, 0]);
  });

  it.each<[string, unknown, RegExp]>([
    ["null", null, /^fitInWorker\(request, options\): options must be a plain object such as \{ signal \}, or left out; got null\.$/],
    ["a misspelt signal", { signl: new AbortController().signal }, /^fitInWorker\(request, options\): unknown option "signl"; the only option is signal/],
    ["a signal that is not one", { signal: "stop" }, /^fitInWorker\(request, options\): signal must be an AbortSignal .*got string "stop"\.$/],
  ])("call options: %s", async (_, options, message) => {
    const error = await thrownBy(() => dist.fitInWorker({ model: "Ridge", X, y }, options as never));
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toMatch(message);
  });

  it("fit(X, y, null) names the fit options", () => {
    expect(() => new dist.Lasso().fit(X, y, null as never)).toThrow(TypeError);
    expect(() => new dist.Lasso().fit(X, y, null as never)).toThrow(/^fit options must be a plain object such as \{ sampleWeight: \.\.\. \}, got null\.$/);
  });
});

describe("answers as a direct fit gives them", () => {
  it.each<[string, Record<string, unknown>]>([
    ["Lasso", { model: "Lasso", options: { lambda: 0.1 }, X, y }],
    ["Ridge with sample weights", { model: "Ridge", options: { lambda: 0.5 }, X, y, sampleWeight: [1, 2, 1, 0.5, 1, 3] }],
    ["MultiTaskLasso on rows of targets", { model: "MultiTaskLasso", options: { lambda: 0.05 }, X, y: y.map((v, i) => [v, i % 3]) }],
    ["X as { data, rows, cols }", { model: "ElasticNet", options: { lambda: 0.1 }, X: { data: Float64Array.from(X.flat()), rows: 6, cols: 2 }, y }],
    ["rows read through getters", { model: "Ridge", X: X.map((row) => ({ length: 2, get 0() { return row[0]; }, get 1() { return row[1]; } })), y }],
  ])("%s", async (_, request) => {
    const remote = await dist.fitInWorker(request as never);
    expect(remote.toJSON()).toEqual(directFit(request).toJSON());
  });

  it("leaves the caller's arrays whole: only its own copies are transferred", async () => {
    const data = Float64Array.from({ length: 2000 * 5 }, (_, k) => Math.sin(k));
    const targets = Float64Array.from({ length: 2000 }, (_, i) => Math.cos(i));
    await dist.fitInWorker({ model: "Ridge", X: { data, rows: 2000, cols: 5 }, y: targets });
    expect([data.length, targets.length, data[9999], targets[1999]]).toEqual([10_000, 2000, Math.sin(9999), Math.cos(1999)]);
  });

  it("ignores names polluting Object.prototype, on this thread as in the worker", async () => {
    const polluted = Object.prototype as Record<string, unknown>;
    const clean = await dist.fitInWorker({ model: "Ridge", X, y });
    polluted.solver = "gd";
    polluted.sampleWeight = [0, 0, 0, 0, 0, 1];
    try {
      const direct = new dist.Ridge().fit(X, y);
      const remote = await dist.fitInWorker({ model: "Ridge", X, y });
      expect(direct.toJSON()).toEqual(clean.toJSON());
      expect(remote.toJSON()).toEqual(clean.toJSON());
    } finally {
      delete polluted.solver;
      delete polluted.sampleWeight;
    }
  });
});

describe("errors from the worker keep their class, message and fields", () => {
  it.each<[string, Record<string, unknown>, new (...args: never[]) => Error]>([
    ["DivergedError", { model: "Ridge", options: { solver: "gd", learningRate: 1e3 }, X, y }, dist.DivergedError],
    ["SingularMatrixError (with its step)", { model: "Ridge", options: { lambda: 0 }, X: [[1, 1], [2, 2], [3, 3]], y: [1, 2, 3] }, dist.SingularMatrixError],
    ["RangeError: weights that sum to 0", { model: "Ridge", X, y, sampleWeight: [0, 0, 0, 0, 0, 0] }, RangeError],
    ["RangeError: a group beyond the features", { model: "GroupLasso", options: { groups: [[0], [5]] }, X, y }, RangeError],
    ["RangeError: SGDRegressor and sample weights", { model: "SGDRegressor", X, y, sampleWeight: [1, 1, 1, 1, 1, 1] }, RangeError],
    ["TypeError: rows of targets for a model of one output", { model: "Lasso", X, y: y.map((v) => [v, v]) }, TypeError],
  ])("%s", async (_, request, type) => {
    const remote = await thrownBy(() => dist.fitInWorker(request as never));
    const direct = await thrownBy(() => directFit(request));
    expect(direct).toBeInstanceOf(type);
    expect(remote).toBeInstanceOf(type);
    expect(Object.getPrototypeOf(remote)).toBe(Object.getPrototypeOf(direct));
    expect([remote.name, remote.message, { ...remote }]).toEqual([direct.name, direct.message, { ...direct }]);
  });

  const samples: [string, Error][] = [
    ...Object.entries(errorClasses).map(([name, Class]): [string, Error] =>
      [name, Reflect.construct(Class as unknown as new (...args: unknown[]) => Error, ["Lasso", Number.POSITIVE_INFINITY, 7, 0.5])]),
    ["TypeError", new TypeError("X must be an array")],
    ["RangeError", new RangeError("lambda must be >= 0")],
    ["SyntaxError", new SyntaxError("bad JSON")],
  ];
  it.each(samples)("%s crosses a structured clone whole, with its extra fields and cause", (_, error) => {
    Object.assign(error, { row: 3, column: 1, values: Float64Array.of(1, 2), callback: () => 0 });
    Object.defineProperty(error, "cause", { value: new RangeError("the cause"), enumerable: false, configurable: true });
    const restored = restoreError(structuredClone(recordError(error)));
    expect(Object.getPrototypeOf(restored)).toBe(Object.getPrototypeOf(error));
    expect([restored.name, restored.message, restored.stack]).toEqual([error.name, error.message, error.stack]);
    const { callback: _dropped, ...cloneable } = error as unknown as Record<string, unknown>;
    expect({ ...restored }).toEqual(cloneable);
    expect(restored.cause).toBeInstanceOf(RangeError);
    expect((restored.cause as Error).message).toBe("the cause");
  });

  it("a thrown value that is not an Error becomes an Error with its text", () => {
    const restored = restoreError(structuredClone(recordError("plain text")));
    expect(restored).toBeInstanceOf(Error);
    expect(restored.message).toBe("plain text");
  });
});

describe("warnings reach onWarning, as in a direct fit", () => {
  const stopped = { lambda: 0.01, maxIter: 1 };

  it("passes the worker's warnings to onWarning, and the model keeps it", async () => {
    const warnings: string[] = [];
    const onWarning = (message: string) => warnings.push(message);
    const model = await dist.fitInWorker({ model: "Lasso", options: { ...stopped, onWarning }, X, y });
    new dist.Lasso({ ...stopped, onWarning }).fit(X, y);
    model.fit(X, y);
    expect(warnings).toHaveLength(3);
    expect(new Set(warnings)).toEqual(new Set(['Lasso (solver "cd") did not converge in 1 iterations (tol 0.0001): raise maxIter, raise tol, or standardize the features.']));
  });

  it("warns through console.warn by default", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      await dist.fitInWorker({ model: "Lasso", options: stopped, X, y });
      expect(warn.mock.calls).toEqual([['Lasso (solver "cd") did not converge in 1 iterations (tol 0.0001): raise maxIter, raise tol, or standardize the features.']]);
    } finally {
      warn.mockRestore();
    }
  });

  it("rejects with what onWarning throws", async () => {
    const refusal = new Error("warnings are errors here");
    const onWarning = () => {
      throw refusal;
    };
    await expect(dist.fitInWorker({ model: "Lasso", options: { ...stopped, onWarning }, X, y })).rejects.toBe(refusal);
  });
});

describe("the pool behind fitInWorker", () => {
  it("has one worker per core, at most 8, and runs 50 calls through them, queued", async () => {
    const before = await workerPoolStats();
    expect(before.size).toBe(Math.min(8, availableParallelism()));
    let mostLive = 0;
    const lambdas = Array.from({ length: 50 }, (_, i) => 0.01 * (i + 1));
    const fits = lambdas.map((lambda) =>
      dist.fitInWorker({ model: "Lasso", options: { lambda }, X, y }).then(async (model) => {
        mostLive = Math.max(mostLive, (await workerPoolStats()).live);
        return model;
      }));
    expect((await workerPoolStats()).queued).toBeGreaterThan(0);
    const models = await Promise.all(fits);
    models.forEach((model, i) => expect(model.toJSON()).toEqual(new dist.Lasso({ lambda: lambdas[i] }).fit(X, y).toJSON()));
    const after = await workerPoolStats();
    expect(mostLive).toBeLessThanOrEqual(after.size);
    expect(after.started - before.started).toBeLessThanOrEqual(after.size);
    expect([after.busy, after.queued]).toEqual([0, 0]);
  });

  it("stops a running fit on abort, rejecting with the signal's reason, and replaces its worker", async () => {
    const controller = new AbortController();
    const reason = new Error("the user closed the page");
    const running = dist.fitInWorker(endless, { signal: controller.signal });
    await poll(async () => (await workerPoolStats()).busy === 1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    controller.abort(reason);
    await expect(running).rejects.toBe(reason);
    expect((await workerPoolStats()).busy).toBe(0);
    const next = await dist.fitInWorker({ model: "Ridge", X, y });
    expect(next.toJSON()).toEqual(new dist.Ridge().fit(X, y).toJSON());
  });

  it("drops a queued call on abort (an AbortError), leaving the running ones", async () => {
    const { size } = await workerPoolStats();
    const runners = Array.from({ length: size }, () => new AbortController());
    const running = runners.map((c) => dist.fitInWorker(endless, { signal: c.signal }).catch((error: unknown) => error));
    const controller = new AbortController();
    const queued = dist.fitInWorker({ model: "Ridge", X, y }, { signal: controller.signal });
    await poll(async () => (await workerPoolStats()).queued === 1);
    const started = (await workerPoolStats()).started;
    controller.abort();
    const error = await thrownBy(() => queued);
    expect(error).toBeInstanceOf(DOMException);
    expect(error.name).toBe("AbortError");
    expect(await workerPoolStats()).toMatchObject({ busy: size, queued: 0, started });
    runners.forEach((c) => c.abort());
    expect((await Promise.all(running)).map((e) => (e as Error).name)).toEqual(runners.map(() => "AbortError"));
  });

  it("rejects at once for a signal aborted before the call, starting nothing", async () => {
    const before = await workerPoolStats();
    const reason = new Error("too late");
    await expect(dist.fitInWorker({ model: "Ridge", X, y }, { signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
    expect((await workerPoolStats()).started).toBe(before.started);
  });

  it("never keeps a Node program alive: a script that fits once exits by itself", () => {
    const script = `const { init, fitInWorker } = await import(${JSON.stringify(DIST.href)});
await init();
const model = await fitInWorker({ model: "Ridge", X: ${JSON.stringify(X)}, y: ${JSON.stringify(y)} });
console.log(JSON.stringify(Array.from(model.coef)));`;
    const run = spawnSync(process.execPath, ["--input-type=module", "-e", script], { timeout: 20_000, encoding: "utf8" });
    expect([run.signal, run.status, run.stderr]).toEqual([null, 0, ""]);
    expect(JSON.parse(run.stdout)).toEqual(Array.from(new dist.Ridge().fit(X, y).coef));
  });
});

describe("the worker pool, with workers that misbehave", () => {
  const script = (body: string) =>
    new URL(`data:text/javascript,${encodeURIComponent(`import { parentPort } from "node:worker_threads";\nparentPort.on("message", (m) => { ${body} });`)}`);
  const echo = script("parentPort.postMessage(m);");
  const crashing = script('if (m === "crash") throw new RangeError("boom"); parentPort.postMessage(m);');
  const exiting = script('if (m === "exit") process.exit(7); parentPort.postMessage(m);');
  const silent = script("");

  /** A pool over `url` that counts the workers alive by their own start and terminate calls. */
  function poolOf(url: URL, size: number, idleTimeout = 60_000) {
    const count = { live: 0, most: 0, terminated: 0 };
    const pool = new WorkerPool({
      size,
      idleTimeout,
      spawn: async (events) => {
        const worker = await startNodeWorker(events, url);
        count.most = Math.max(count.most, ++count.live);
        return { ...worker, terminate: () => (count.live--, count.terminated++, worker.terminate()) } satisfies PoolWorker;
      },
    });
    return { pool, count };
  }
  const settle = (promise: Promise<unknown>): Promise<{ value?: unknown; error?: Error }> =>
    promise.then((value) => ({ value }), (error: unknown) => ({ error: error as Error }));

  it("answers 30 tasks with 3 workers, each task its own answer", async () => {
    const { pool, count } = poolOf(echo, 3);
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => pool.run({ task: i }, [])));
    expect(answers).toEqual(Array.from({ length: 30 }, (_, i) => ({ task: i })));
    expect([count.most, pool.stats().started]).toEqual([3, 3]);
  });

  it("rejects the task of a worker that throws, and a new worker takes the next", async () => {
    const { pool, count } = poolOf(crashing, 1);
    const lost = await settle(pool.run("crash", []));
    expect(lost.error?.message).toMatch(/^The fitting worker failed \(boom\) before answering, so the fit was lost: call fitInWorker again/);
    await expect(pool.run("after", [])).resolves.toBe("after");
    expect([pool.stats().started, count.terminated]).toEqual([2, 1]);
  });

  it("rejects the task of a worker that exits, and a new worker takes the next", async () => {
    const { pool } = poolOf(exiting, 1);
    const queuedBehind = pool.run("queued", []);
    expect((await settle(pool.run("exit", []))).error?.message).toMatch(/^The fitting worker exited with code 7 before answering/);
    await expect(queuedBehind).resolves.toBe("queued");
  });

  it("refuses a message that cannot be cloned, keeping the worker", async () => {
    const { pool } = poolOf(echo, 1);
    const error = (await settle(pool.run({ callback: () => 0 }, []))).error;
    expect(error?.name).toBe("DataCloneError");
    await expect(pool.run("next", [])).resolves.toBe("next");
    expect(pool.stats().started).toBe(1);
  });

  it("terminates the worker of an aborted task", async () => {
    const { pool, count } = poolOf(silent, 1);
    const controller = new AbortController();
    const task = settle(pool.run("never answered", [], controller.signal));
    await poll(() => count.live === 1);
    controller.abort();
    expect((await task).error?.name).toBe("AbortError");
    expect([count.live, pool.stats().live]).toEqual([0, 0]);
  });

  it("retires idle workers after the idle timeout", async () => {
    const { pool, count } = poolOf(echo, 2, 50);
    await Promise.all([pool.run(1, []), pool.run(2, [])]);
    await poll(() => pool.stats().live === 0, 5000);
    expect(count.terminated).toBe(2);
  });

  it("refuses a size that is not a positive integer", () => {
    expect(() => new WorkerPool({ size: 0, idleTimeout: 1, spawn: () => Promise.reject(new Error("unused")) })).toThrow(RangeError);
    expect(() => new WorkerPool({ size: 0, idleTimeout: 1, spawn: () => Promise.reject(new Error("unused")) })).toThrow(/pool size must be an integer >= 1, got 0/);
  });
});
