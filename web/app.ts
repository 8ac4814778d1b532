// The demo page: fit Ridge, Lasso or ElasticNet in the browser and watch what L1 and L2 do to the weights; or, on the
// breast cancer data, penalized logistic regression (the classification mode, web/classification.ts).

import { parse } from "csv-parse/browser/esm/sync";
import { checkHeader, CSV_OPTIONS, type CsvRecord } from "../src/csv/table.js";
import { ElasticNet, fromRecords, init, Lasso, loadDiabetes, Ridge, threadsAvailable, type LinearModel } from "../src/index.js";
import { isDecimal } from "../src/options/checks.js";
import { cvChoice, renderClassification } from "./classification.js";
import { LOG_LAMBDA } from "./classify.js";
import { coefficientBars, geometryChart, historyChart, lineChart, residualChart, seriesPoints, shown, type LambdaRule } from "./charts.js";
import { $ } from "./dom.js";
import { spreads } from "./spreads.js";
import { timeBackends } from "./timing.js";

/** A numeric table (text columns already one-hot encoded) and the columns a target may be: the number columns. */
interface Data { columns: string[]; rows: number[][]; targets?: string[] }
let data: Data;
let fits = 0;

type Task = "regression" | "classification";
const task = (): Task => (document.body.dataset.task === "classification" ? "classification" : "regression");

/** The slider in each task (the logistic lambdas live on another scale); the regression's is the page's own at first. */
const sliders: Partial<Record<Task, { min: string; max: string; step: string; value: string }>> = {
  classification: { min: String(LOG_LAMBDA.min), max: String(LOG_LAMBDA.max), step: "any", value: String(LOG_LAMBDA.start) },
};

/** Shows the task's controls and figures (CSS on body[data-task]) and gives the slider that task's range and value. */
function setTask(next: Task): void {
  const current = task();
  if (next === current) return;
  const slider = $<HTMLInputElement>("lambda");
  sliders[current] = { min: slider.min, max: slider.max, step: slider.step, value: slider.value };
  document.body.dataset.task = next;
  const saved = sliders[next];
  if (saved) Object.assign(slider, saved);
}

function diabetes(): Data {
  const { X, y, featureNames } = loadDiabetes();
  return { columns: [...featureNames, "target"], rows: X.map((row, i) => [...row, y[i]]) };
}

function fillSelect(select: HTMLSelectElement, options: string[], chosen?: string): void {
  select.replaceChildren(...options.map((name) => new Option(name, name, false, name === chosen)));
}

function setData(next: Data, target: string): void {
  data = next;
  fillSelect($("target"), data.targets ?? data.columns, target);
  const features = data.columns.filter((c) => c !== target);
  fillSelect($("featureA"), features, features[2] ?? features[0]);
  fillSelect($("featureB"), features, features[8] ?? features[1] ?? features[0]);
}

function split() {
  const target = ($("target") as HTMLSelectElement).value;
  const t = data.columns.indexOf(target);
  const featureNames = data.columns.filter((_, c) => c !== t);
  const X = data.rows.map((row) => row.filter((_, c) => c !== t));
  const y = data.rows.map((row) => row[t]);
  const test = (i: number) => i % 5 === 4;
  return {
    featureNames, X, y,
    train: { X: X.filter((_, i) => !test(i)), y: y.filter((_, i) => !test(i)) },
    test: { X: X.filter((_, i) => test(i)), y: y.filter((_, i) => test(i)) },
  };
}

function makeModel(lambda: number, backend: "wasm" | "js" = "wasm"): LinearModel {
  const name = ($("model") as HTMLSelectElement).value;
  let solver = ($("solver") as HTMLSelectElement).value;
  if (solver === "closed-form" && name !== "Ridge") solver = "cd";
  // The closed form does not iterate: it takes no maxIter.
  const iterations = solver === "closed-form" ? {} : { maxIter: solver === "gd" ? 5000 : 1000 };
  const options = { lambda, solver, standardize: true, backend, ...iterations, learningRate: 0.1, onWarning: () => {} };
  if (name === "Ridge") return new Ridge(options as object);
  if (name === "Lasso") return new Lasso(options as object);
  return new ElasticNet({ ...options, l1Ratio: 0.5 } as object);
}

/**
 * The seed's picture on two standardized weights a and b, the others held at their fitted values: the squared loss
 * there is a quadratic Q(w) = 1/2 (w - c)^T H (w - c) + const with H = Z_ab^T Z_ab / n, drawn as contours through the
 * fitted point and around it, with the L1 diamond and the L2 ball that pass through the fitted point.
 */
function geometry(model: LinearModel, X: number[][], y: number[], a: number, b: number, names: string[]): void {
  const sd = spreads(X);
  const n = X.length;
  const means = X[0].map((_, j) => X.reduce((s, row) => s + row[j], 0) / n);
  const z = (i: number, j: number) => (X[i][j] - means[j]) / sd[j];
  const w = Array.from(model.coef, (c, j) => c * sd[j]); // weights on the standardized scale
  const yMean = y.reduce((s, v) => s + v, 0) / n;
  const r0 = y.map((v, i) => v - yMean - w.reduce((s, wj, j) => (j === a || j === b ? s : s + wj * z(i, j)), 0));
  let [haa, hab, hbb, ga, gb] = [0, 0, 0, 0, 0];
  for (let i = 0; i < n; i++) {
    haa += z(i, a) ** 2 / n; hab += (z(i, a) * z(i, b)) / n; hbb += z(i, b) ** 2 / n;
    ga += (z(i, a) * r0[i]) / n; gb += (z(i, b) * r0[i]) / n;
  }
  const det = haa * hbb - hab * hab || 1e-12;
  const center: [number, number] = [(hbb * ga - hab * gb) / det, (haa * gb - hab * ga) / det];
  const fitted: [number, number] = [w[a], w[b]];
  const l1 = Math.abs(fitted[0]) + Math.abs(fitted[1]);
  const l2 = Math.hypot(fitted[0], fitted[1]);
  const extent = 1.15 * Math.max(Math.abs(center[0]) + 0.3 * l2, Math.abs(center[1]) + 0.3 * l2, l1, 1e-9);
  const loss = (u: number, v: number) => {
    const [du, dv] = [u - center[0], v - center[1]];
    return 0.5 * (haa * du * du + 2 * hab * du * dv + hbb * dv * dv);
  };
  // Levels from the one through the fitted point, at least a visible share of the picture.
  const base = Math.max(loss(...fitted), 0.02 * loss(center[0] + extent, center[1]), 0.02 * loss(center[0], center[1] + extent), 1e-12);
  const ball = Array.from({ length: 97 }, (_, k) => ({ u: l2 * Math.cos((2 * Math.PI * k) / 96), v: l2 * Math.sin((2 * Math.PI * k) / 96) }));
  const diamond = [[l1, 0], [0, l1], [-l1, 0], [0, -l1], [l1, 0]].map(([u, v]) => ({ u, v }));
  geometryChart($("geometry"), { loss, levels: [0.25, 0.5, 1, 2, 4].map((f) => f * base), extent, diamond, ball, fitted, center, names: [names[a], names[b]] });
}

let pathCache: { key: string; lambdas: number[]; coefs: number[][]; r2: number[][] } | undefined;

function path(key: string, parts: ReturnType<typeof split>) {
  if (pathCache?.key === key) return pathCache;
  const lambdas = Array.from({ length: 25 }, (_, i) => 10 ** (-3 + (5 * i) / 24));
  const models = lambdas.map((lambda) => makeModel(lambda).fit(parts.train.X, parts.train.y));
  fits += models.length;
  pathCache = {
    key, lambdas,
    coefs: parts.featureNames.map((_, j) => models.map((m) => m.coef[j])),
    r2: [models.map((m) => m.score(parts.train.X, parts.train.y)), models.map((m) => m.score(parts.test.X, parts.test.y))],
  };
  return pathCache;
}

function timing(lambda: number, parts: ReturnType<typeof split>): ReturnType<typeof timeBackends> {
  const timed = timeBackends((backend) => makeModel(lambda, backend).fit(parts.train.X, parts.train.y), $("timing"));
  $("status").textContent += timed.line;
  fits += timed.wasm.fits + timed.js.fits;
  return timed;
}

function renderRegression(): void {
  const parts = split();
  const lambda = 10 ** Number(($("lambda") as HTMLInputElement).value);
  $("lambdaValue").textContent = lambda.toPrecision(3);
  const model = makeModel(lambda).fit(parts.train.X, parts.train.y);
  fits++;
  coefficientBars($("coef"), parts.featureNames, Array.from(model.coef), `weight at lambda ${lambda.toPrecision(3)}`);
  const zeros = Array.from(model.coef).filter((c) => c === 0).length;
  $("status").textContent = `${model.modelName}, lambda ${lambda.toPrecision(3)}: ${zeros} of ${parts.featureNames.length} weights exactly 0; ` +
    `train R^2 ${model.score(parts.train.X, parts.train.y).toFixed(3)}, test R^2 ${model.score(parts.test.X, parts.test.y).toFixed(3)}.`;
  const key = [($("model") as HTMLSelectElement).value, ($("solver") as HTMLSelectElement).value, ($("target") as HTMLSelectElement).value, data.rows.length].join("|");
  const curve = path(key, parts);
  const chosen: LambdaRule[] = [{ name: "lambda", lambda, stroke: "#000" }];
  lineChart($("path"), seriesPoints(curve.lambdas, parts.featureNames, curve.coefs), {
    xLabel: "lambda", yLabel: "weight", logX: true, rules: chosen, legend: true, series: parts.featureNames,
    tip: (p) => `${p.series}: ${shown(p.y)} at lambda ${shown(p.x)}`,
  });
  lineChart($("r2"), seriesPoints(curve.lambdas, ["train", "test"], curve.r2), {
    xLabel: "lambda", yLabel: "R^2", logX: true, rules: chosen, legend: true, series: ["train", "test"],
    tip: (p) => `${p.series} R^2 ${shown(p.y)} at lambda ${shown(p.x)}`,
  });
  historyChart($("history"), Array.from(model.history), "iteration");
  residualChart($("residuals"), model.predict(parts.test.X), parts.test.y);
  const a = parts.featureNames.indexOf(($("featureA") as HTMLSelectElement).value);
  const b = parts.featureNames.indexOf(($("featureB") as HTMLSelectElement).value);
  geometry(model, parts.train.X, parts.train.y, a, b === a ? (a + 1) % parts.featureNames.length : b, parts.featureNames);
  const { wasm, js } = timing(lambda, parts);
  (window as unknown as { demo: object }).demo = { ready: true, task: "regression", fits, zeros, coef: Array.from(model.coef), timing: { wasm, js } };
}

function render(): void {
  if (task() === "regression") renderRegression();
  else renderClassification().catch((error: unknown) => ($("status").textContent = `Classification: ${(error as Error).message}`));
}

/** The regression data sets the Data choice holds: diabetes, and the last CSV file read. */
let source = "diabetes";
let csv: { data: Data; target: string } | undefined;

function chooseDataset(): void {
  const choice = ($("dataset") as HTMLSelectElement).value;
  if (choice === "breast-cancer") setTask("classification");
  else {
    setTask("regression");
    if (choice !== source) {
      if (choice === "csv" && csv) setData(csv.data, csv.target);
      else setData(diabetes(), "target");
      source = choice;
      pathCache = undefined;
    }
  }
  render();
}

/** The Data choice names the CSV file read, and selects it. */
function offerCsv(name: string, table: Data): void {
  const select = $("dataset") as HTMLSelectElement;
  const option = Array.from(select.options).find((o) => o.value === "csv") ?? select.appendChild(new Option("", "csv"));
  option.textContent = `${name} (${table.rows.length} x ${table.columns.length - 1}), regression`;
  select.value = "csv";
  source = "csv";
  setTask("regression");
}

/**
 * Reads a CSV file by the command line's rules (distinct column names, decimal numbers), but that a column of text is
 * one-hot encoded (fromRecords: `column=value` features); the last number column is the first target.
 */
async function loadCsv(file: File): Promise<void> {
  const [header, ...rows] = parse(await file.text(), CSV_OPTIONS) as unknown as CsvRecord[];
  if (!header) throw new TypeError(`${file.name} is empty: it needs a header row and at least one data row.`);
  checkHeader(header.record, file.name);
  const records = rows.map(({ record }) => Object.fromEntries(header.record.map((name, c) => [name, isDecimal(record[c] ?? "") ? Number(record[c]) : record[c] ?? ""])));
  if (records.length === 0) throw new TypeError(`${file.name} has a header but no data rows: add at least one row.`);
  const { X } = fromRecords(records);
  const table: Data = {
    columns: X.featureNames,
    rows: Array.from({ length: X.rows }, (_, i) => Array.from(X.data.subarray(i * X.cols, (i + 1) * X.cols))),
    targets: X.columns.filter((column) => column.kind === "number").map((column) => column.name),
  };
  if (table.columns.length < 2 || table.targets!.length === 0) {
    throw new TypeError(`${file.name} needs a column of numbers to predict and at least one other column.`);
  }
  csv = { data: table, target: table.targets![table.targets!.length - 1] };
  setData(csv.data, csv.target);
  offerCsv(file.name, table);
}

/** What the threads check of one worker reports. */
interface ThreadsCheck {
  available: boolean;
  threads: number;
  ms: number;
}

/** Runs the threads check in a Web Worker, with the threads asked for (or init's default). */
function checkThreads(threads?: number): Promise<ThreadsCheck> {
  const worker = new Worker(new URL("./dist/threads-worker.js", location.href), { type: "module" });
  return new Promise<ThreadsCheck>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<ThreadsCheck>) => resolve(event.data);
    worker.onerror = (event) => reject(new Error(event.message));
    worker.postMessage({ threads });
  }).finally(() => worker.terminate());
}

/**
 * Shows both ways a fit runs here: this page's main thread fits on one thread (Atomics.wait is forbidden on it);
 * a worker, where the page is cross-origin isolated, runs the core's Gram pass on threads.
 */
async function showThreads(): Promise<void> {
  const line = $("threads");
  const main = `This page's fits run on its main thread, on one thread (threadsAvailable() here: ${threadsAvailable()}).`;
  const report = (check: object) => ((window as unknown as { threadsCheck: object }).threadsCheck = check);
  if (!self.crossOriginIsolated) {
    line.textContent = `${main} The page is not cross-origin isolated: serve it with COOP and COEP (npm run demo does) for threads in its workers.`;
    report({ isolated: false });
    return;
  }
  line.textContent = `${main} Timing a Ridge fit of 20,000 x 100 rows in workers...`;
  const one = await checkThreads(1);
  const many = await checkThreads();
  line.textContent = `${main} In a worker of this cross-origin isolated page: Ridge on 20,000 x 100 rows ${one.ms.toFixed(1)} ms on 1 thread, ` +
    `${many.ms.toFixed(1)} ms on ${many.threads} threads (${(one.ms / many.ms).toFixed(2)}x).`;
  report({ isolated: true, main: threadsAvailable(), one, many });
}

await init();
setData(diabetes(), "target");
for (const id of ["lambda", "model", "solver", "target", "featureA", "featureB"]) $(id).addEventListener("input", render);
$("dataset").addEventListener("input", chooseDataset);
for (const [id, which] of [["useLambdaMin", "lambdaMin"], ["useLambda1se", "lambda1se"]] as const) {
  $(id).addEventListener("click", () => {
    const lambda = cvChoice(which);
    if (lambda === undefined) return;
    ($("lambda") as HTMLInputElement).value = String(Math.log10(lambda));
    render();
  });
}
$("csv").addEventListener("change", async (event) => {
  const file = (event.target as HTMLInputElement).files?.[0];
  if (!file) return;
  try {
    await loadCsv(file);
    pathCache = undefined;
    render();
  } catch (error) {
    $("status").textContent = String((error as Error).message);
  }
});
render();
showThreads().catch((error: unknown) => ($("threads").textContent = `Threads check: ${(error as Error).message}`));
