// `npm start`: fits Ridge, Lasso and ElasticNet (and the seed's gd Lasso, and LassoCV) on the embedded diabetes data (features standardized with the
// training rows' statistics, a fixed 80/20 split: every fifth patient is held out) and prints the coefficients
// side by side, train and test R^2, and the fit time on the WASM and JS backends.

import { markdownTable } from "markdown-table";
import type { BackendName } from "../backend.js";
import { init } from "../backends/registry.js";
import { loadDiabetes } from "../datasets/diabetes.js";
import { ElasticNet } from "../models/elastic-net.js";
import { Lasso } from "../models/lasso.js";
import type { LinearModel } from "../models/base.js";
import { LassoCV } from "../models/elastic-net-cv.js";
import { Ridge } from "../models/ridge.js";

/** Scales each column to mean 0 and (population) standard deviation 1 with the statistics of `train`. */
function standardizer(train: Float64Array[]) {
  const cols = train[0].length;
  const mean = new Float64Array(cols);
  const std = new Float64Array(cols);
  for (const row of train) row.forEach((v, j) => (mean[j] += v / train.length));
  for (const row of train) row.forEach((v, j) => (std[j] += (v - mean[j]) ** 2 / train.length));
  std.forEach((v, j) => (std[j] = Math.sqrt(v)));
  return (rows: Float64Array[]) => rows.map((row) => row.map((v, j) => (v - mean[j]) / std[j]));
}

const MODELS: [string, (backend: BackendName) => LinearModel][] = [
  ["Ridge (closed form, lambda 0.1)", (backend) => new Ridge({ lambda: 0.1, backend })],
  ["Lasso (cd, lambda 2)", (backend) => new Lasso({ lambda: 2, tol: 1e-8, backend })],
  ["ElasticNet (cd, lambda 2, l1Ratio 0.5)", (backend) => new ElasticNet({ lambda: 2, l1Ratio: 0.5, tol: 1e-8, backend })],
  ["Lasso (seed's gd, lambda 2)", (backend) => new Lasso({ lambda: 2, solver: "gd", learningRate: 0.1, maxIter: 20000, backend })],
];

/** Median wall time in ms of `repeats` runs of `fit`. */
function medianFitMs(fit: () => void, repeats: number): number {
  const times = Array.from({ length: repeats }, () => {
    const start = performance.now();
    fit();
    return performance.now() - start;
  }).sort((a, b) => a - b);
  return times[Math.floor(repeats / 2)];
}

await init();
const { X, y, featureNames } = loadDiabetes();
const isTest = (i: number) => i % 5 === 4;
const scale = standardizer(X.filter((_, i) => !isTest(i)));
const [trainX, testX] = [scale(X.filter((_, i) => !isTest(i))), scale(X.filter((_, i) => isTest(i)))];
const [trainY, testY] = [y.filter((_, i) => !isTest(i)), y.filter((_, i) => isTest(i))];

console.log(`Diabetes (Efron et al. 2004): ${X.length} patients, ${featureNames.length} standardized features; ` +
  `${trainX.length} to train, ${testX.length} held out (every fifth).\n`);

const fitted = MODELS.map(([name, make]) => {
  const model = make("wasm").fit(trainX, trainY);
  const wasmMs = medianFitMs(() => make("wasm").fit(trainX, trainY), 5);
  const jsMs = medianFitMs(() => make("js").fit(trainX, trainY), 5);
  return { name, model, wasmMs, jsMs };
});

const cell = (v: number) => (v === 0 ? "0" : v.toFixed(3));
console.log(markdownTable(
  [
    ["feature", ...fitted.map((f) => f.name)],
    ...featureNames.map((feature, j) => [feature, ...fitted.map((f) => cell(f.model.coef[j]))]),
    ["(intercept)", ...fitted.map((f) => cell(f.model.intercept))],
    ["zero weights", ...fitted.map((f) => `${f.model.coef.filter((v) => v === 0).length} of ${featureNames.length}`)],
    ["train R^2", ...fitted.map((f) => f.model.score(trainX, trainY).toFixed(4))],
    ["test R^2", ...fitted.map((f) => f.model.score(testX, testY).toFixed(4))],
    ["iterations / epochs", ...fitted.map((f) => (f.model.nIter === 0 ? "-" : `${f.model.nIter}${f.model.converged ? "" : " (max)"}`))],
    ["duality gap", ...fitted.map((f) => (Number.isNaN(f.model.dualGap) ? "-" : f.model.dualGap.toExponential(1)))],
  ],
  { align: ["l", ...fitted.map(() => "r" as const)] },
));

console.log("\nFit time, median of 5 (ms):\n");
console.log(markdownTable(
  [
    ["model", "WASM", "JS", "WASM speedup"],
    ...fitted.map((f) => [f.name, f.wasmMs.toFixed(3), f.jsMs.toFixed(3), `${(f.jsMs / f.wasmMs).toFixed(1)}x`]),
  ],
  { align: ["l", "r", "r", "r"] },
));
const cv = new LassoCV({ nFolds: 5, seed: 0 }).fit(trainX, trainY);
console.log(`\nLassoCV (5 folds, 100 lambdas) picks lambda = ${cv.lambda.toPrecision(4)} (lambda.1se = ${cv.lambda1se.toPrecision(4)}), ` +
  `keeping ${cv.coef.filter((w) => w !== 0).length} of ${featureNames.length} features; test R^2 ${cv.score(testX, testY).toFixed(4)}.`);
console.log("Zeros are exact: coordinate descent soft-thresholds, and the seed's gd clips a weight that crosses zero.");
