// `npm start`: a short run on the embedded diabetes data. Standardizes the features, computes the data
// gradient at w = 0 (X^T y / n, the correlations that decide which features Lasso selects first), the
// penalties and one soft-threshold step, on both backends, and prints how closely the two agree.

import { markdownTable } from "markdown-table";
import type { Backend } from "../backend.js";
import { getBackend, init } from "../backends/registry.js";
import { loadDiabetes } from "../datasets/diabetes.js";

/** Column-standardized X (mean 0, population std 1, as glmnet's standardize) and centered y. */
function standardize(X: Float64Array[], y: Float64Array) {
  const rows = X.length;
  const cols = X[0].length;
  const data = new Float64Array(rows * cols);
  for (let j = 0; j < cols; j++) {
    let mean = 0;
    for (let i = 0; i < rows; i++) mean += X[i][j] / rows;
    let variance = 0;
    for (let i = 0; i < rows; i++) variance += (X[i][j] - mean) ** 2 / rows;
    const std = Math.sqrt(variance);
    for (let i = 0; i < rows; i++) data[i * cols + j] = (X[i][j] - mean) / std;
  }
  const yMean = y.reduce((s, v) => s + v, 0) / rows;
  return { data, rows, cols, y: y.map((v) => v - yMean), yMean };
}

interface Report {
  correlation: Float64Array;
  lambdaMax: number;
  loss: number;
  penalties: { l1: number; l2: number; elasticNet: number };
  firstStep: Float64Array;
}

/** What one backend computes on the standardized problem. */
function analyse(backend: Backend, problem: ReturnType<typeof standardize>): Report {
  const { data, rows, cols, y } = problem;
  const X = backend.fromArray(data);
  const yBlock = backend.fromArray(y);
  const w = backend.alloc(cols);
  const r = backend.alloc(rows);
  const grad = backend.alloc(cols);
  try {
    const loss = backend.squaredLossGradient(X, rows, cols, w, 0, yBlock, r, grad);
    backend.scal(-1, grad); // at w = 0 the gradient is -X^T y / n
    const correlation = grad.values.slice();
    let lambdaMax = 0;
    for (const c of correlation) lambdaMax = Math.max(lambdaMax, Math.abs(c));
    const lambda = lambdaMax / 10;
    const penalties = {
      l1: backend.elasticNetPenalty(grad, lambda, 1),
      l2: backend.elasticNetPenalty(grad, lambda, 0),
      elasticNet: backend.elasticNetPenalty(grad, lambda, 0.5),
    };
    // A proximal step of length 1 from w = 0 at lambda = lambdaMax / 2 keeps only the strongest features.
    backend.softThreshold(grad, lambdaMax / 2, grad);
    return { correlation, lambdaMax, loss, penalties, firstStep: grad.values.slice() };
  } finally {
    for (const block of [X, yBlock, w, r, grad]) backend.free(block);
  }
}

const relativeDiff = (a: number, b: number) => (a === b ? 0 : Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b)));
const fmt = (v: number) => v.toPrecision(8);

await init();
const { X, y, featureNames } = loadDiabetes();
const problem = standardize(X, y);
const wasm = analyse(getBackend("wasm"), problem);
const js = analyse(getBackend("js"), problem);

console.log(`Diabetes data (Efron et al. 2004): ${problem.rows} patients, ${problem.cols} standardized features, ` +
  `target centered (mean ${problem.yMean.toFixed(3)}).\n`);
console.log("Data gradient at w = 0: X^T y / n, per feature (the Lasso path enters them in about this order)\n");
console.log(
  markdownTable(
    [
      ["feature", "X^T y / n (WASM)", "X^T y / n (JS)", "relative diff", `S(., lambdaMax/2)`],
      ...featureNames.map((name, j) => [
        name, fmt(wasm.correlation[j]), fmt(js.correlation[j]),
        relativeDiff(wasm.correlation[j], js.correlation[j]).toExponential(1), fmt(wasm.firstStep[j]),
      ]),
    ],
    { align: ["l", "r", "r", "r", "r"] },
  ),
);
const kept = featureNames.filter((_, j) => wasm.firstStep[j] !== 0);
console.log(`\nlambdaMax = max |X^T y| / n = ${fmt(wasm.lambdaMax)}: at or above it every Lasso weight is 0.`);
console.log(`A soft-threshold step at lambdaMax / 2 keeps ${kept.length} of ${featureNames.length}: ${kept.join(", ")}.\n`);

const lambda = wasm.lambdaMax / 10;
console.log(`Penalties of w = X^T y / n at lambda = lambdaMax / 10 = ${fmt(lambda)}:\n`);
const rows: [string, number, number][] = [
  ["data loss (1/2n)||y||^2 at w = 0", wasm.loss, js.loss],
  ["L1: lambda ||w||_1", wasm.penalties.l1, js.penalties.l1],
  ["L2: (lambda/2) ||w||^2", wasm.penalties.l2, js.penalties.l2],
  ["elastic net, l1Ratio 0.5", wasm.penalties.elasticNet, js.penalties.elasticNet],
];
console.log(
  markdownTable(
    [["quantity", "WASM", "JS", "relative diff"], ...rows.map(([name, a, b]) => [name, fmt(a), fmt(b), relativeDiff(a, b).toExponential(1)])],
    { align: ["l", "r", "r", "r"] },
  ),
);
const worst = Math.max(
  ...rows.map(([, a, b]) => relativeDiff(a, b)),
  ...Array.from(wasm.correlation, (c, j) => relativeDiff(c, js.correlation[j])),
);
console.log(`\nWASM and JS backends agree to a relative ${worst.toExponential(1)} (worst case above).`);
