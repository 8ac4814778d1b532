// The page's classification mode: LogisticRegression on the breast cancer data at the slider's lambda (its weights,
// its ROC curve on the held-out rows), the coefficient path, and the cross-validated deviance with glmnet's choices.

import { breastCancerSplit, coefficientPath, crossValidate, fitAt, l1RatioOf, N_FOLDS, type ClassificationData, type CoefPath, type CvCurve } from "./classify.js";
import { coefficientBars, cvChart, historyChart, lambdaRules, lineChart, seriesPoints, shown, type LambdaRule } from "./charts.js";
import { $ } from "./dom.js";
import { roc } from "./roc.js";
import { spreads } from "./spreads.js";
import { timeBackends } from "./timing.js";

let data: ClassificationData | undefined;
let curves: { model: string; path: CoefPath; cv?: CvCurve } | undefined;
let generation = 0;
let fits = 0;

/** Lets the browser paint (the status line) before a long synchronous fit. */
const nextPaint = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/** What the page tells its tests (and a curious console) about the last render. */
function publish(state: object): void {
  (window as unknown as { demo: object }).demo = { task: "classification", fits, ...state };
}

/** lambda.min or lambda.1se of the current model's cross-validation (none for l1Ratio 0). */
export function cvChoice(which: "lambdaMin" | "lambda1se"): number | undefined {
  return curves?.cv?.[which];
}

/** Fits and draws everything for the model chosen and the slider's lambda; the path and CV only when the model changes. */
export async function renderClassification(): Promise<void> {
  const mine = ++generation;
  publish({ ready: false });
  data ??= breastCancerSplit();
  const model = $<HTMLSelectElement>("model").value;
  const l1Ratio = l1RatioOf(model);
  if (curves?.model !== model) {
    $("status").textContent = l1Ratio > 0 ? `Fitting the path and cross-validating over ${N_FOLDS} folds...` : "Fitting the path...";
    await nextPaint();
    if (mine !== generation) return; // a later input took over
    const path = coefficientPath(data, l1Ratio);
    const cv = l1Ratio > 0 ? crossValidate(data, l1Ratio) : undefined;
    fits += path.fits + (cv?.fits ?? 0);
    curves = { model, path, cv };
  }
  draw(data, model, l1Ratio, curves.path, curves.cv);
}

function draw(data: ClassificationData, model: string, l1Ratio: number, path: CoefPath, cv: CvCurve | undefined): void {
  const lambda = 10 ** Number($<HTMLInputElement>("lambda").value);
  $("lambdaValue").textContent = lambda.toPrecision(3);
  const fitted = fitAt(data, l1Ratio, lambda);
  fits++;
  // Weights per standard deviation of each feature: the raw features' scales differ by 10^4.
  const sd = spreads(data.train.X);
  const weights = Array.from(fitted.coef, (c, j) => c * sd[j]);
  coefficientBars($("coef"), data.featureNames, weights, `weight per s.d. at lambda ${lambda.toPrecision(3)}`);
  const rules = lambdaRules(lambda, cv);
  lineChart($("path"), seriesPoints(path.lambdas, data.featureNames, path.coefs.map((c, j) => c.map((v) => v * sd[j]))), {
    xLabel: "lambda", yLabel: "weight per s.d.", logX: true, rules, legend: true, series: data.featureNames,
    tip: (p) => `${p.series}: ${shown(p.y)} at lambda ${shown(p.x)}`,
  });
  $("pathCaption").textContent = l1Ratio > 0
    ? `Coefficient path over lambda (logisticPath, l1Ratio ${l1Ratio}, ${path.lambdas.length} lambdas)`
    : `Coefficient path over lambda (l1Ratio 0: LogisticRegression warm-started along ${path.lambdas.length} lambdas; logisticPath needs l1Ratio > 0)`;
  drawCv(cv, rules);
  const auc = drawRoc(data, fitted);
  historyChart($("history"), Array.from(fitted.history), "Newton iteration");
  const zeros = weights.filter((w) => w === 0).length;
  const converged = fitted.converged ? "" : ` Not converged in ${fitted.nIter} Newton iterations: move lambda up.`;
  $("status").textContent = `LogisticRegression (l1Ratio ${l1Ratio}, as ${model}), lambda ${lambda.toPrecision(3)}: ${zeros} of ${weights.length} weights exactly 0; ` +
    `train accuracy ${fitted.score(data.train.X, data.train.y).toFixed(3)}, held-out accuracy ${fitted.score(data.test.X, data.test.y).toFixed(3)}.${converged}`;
  const timed = timeBackends((backend) => fitAt(data, l1Ratio, lambda, backend), $("timing"));
  $("status").textContent += timed.line;
  fits += timed.wasm.fits + timed.js.fits;
  publish({
    ready: true, model, l1Ratio, lambda, coef: Array.from(fitted.coef), zeros, auc,
    lambdaMin: cv?.lambdaMin ?? null, lambda1se: cv?.lambda1se ?? null, heldOut: data.test.y.length,
    timing: { wasm: timed.wasm, js: timed.js },
  });
}

/** The held-out deviance per lambda, mean ± one standard error, with lambda.min and lambda.1se marked. */
function drawCv(cv: CvCurve | undefined, rules: LambdaRule[]): void {
  for (const id of ["useLambdaMin", "useLambda1se"]) $<HTMLButtonElement>(id).disabled = !cv;
  $("cvNote").hidden = cv !== undefined;
  if (!cv) {
    $("cv").replaceChildren();
    $("cvCaption").textContent = "Cross-validated deviance";
    return;
  }
  cvChart($("cv"), cv, rules, "held-out deviance");
  $("cvCaption").textContent = `Cross-validated deviance (LogisticRegressionCV, ${N_FOLDS} folds), mean ± 1 s.e.: ` +
    `lambda.min ${cv.lambdaMin.toPrecision(3)}, lambda.1se ${cv.lambda1se.toPrecision(3)}`;
}

/** The ROC curve of the model's probability of the second class on the held-out rows; returns its AUC. */
function drawRoc(data: ClassificationData, fitted: ReturnType<typeof fitAt>): number {
  const classes = fitted.classes;
  const positive = classes[1];
  const proba = fitted.predictProba(data.test.X);
  const scores = data.test.y.map((_, i) => proba[i * classes.length + 1]);
  const curve = roc(scores, data.test.y.map((label) => label === positive));
  lineChart($("roc"), seriesPoints(curve.fpr, ["model", "chance"], [curve.tpr, curve.fpr]), {
    xLabel: "false positive rate", yLabel: "true positive rate", legend: true, series: ["model", "chance"],
    tip: (p) => `${p.series}: FPR ${shown(p.x)}, TPR ${shown(p.y)}`,
  });
  $("rocCaption").textContent = `ROC on the ${data.test.y.length} held-out rows (every fifth; positive: ${String(positive)}): AUC ${curve.auc.toFixed(4)}`;
  return curve.auc;
}
