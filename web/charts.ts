// The page's charts, drawn by Observable Plot: axes with ticks and labels, legends where series share a chart, and
// tooltips on the weights and the path lines. Each chart replaces the contents of its container.

import * as Plot from "@observablehq/plot";

/** The charts' common size: the container's width, a fixed height. */
function frame(container: HTMLElement, height = 260): { width: number; height: number } {
  return { width: Math.max(container.clientWidth, 320), height };
}

function show(container: HTMLElement, chart: Element): void {
  container.replaceChildren(chart);
}

/** A value as the tooltips and labels print it. */
export const shown = (value: number): string => (value === 0 ? "0" : Math.abs(value) >= 1e4 || Math.abs(value) < 1e-3 ? value.toExponential(3) : value.toPrecision(4));

/** A vertical rule at a lambda, with its name written at the top (the chosen lambda, lambda.min, lambda.1se). */
export interface LambdaRule {
  name: string;
  lambda: number;
  stroke: string;
}

/** The rules the path and CV charts draw: the slider's lambda, and a CV's lambda.min and lambda.1se when there is one. */
export function lambdaRules(lambda: number, cv?: { lambdaMin: number; lambda1se: number }): LambdaRule[] {
  const chosen = { name: "lambda", lambda, stroke: "#000" };
  if (!cv) return [chosen];
  return [chosen, { name: "lambda.min", lambda: cv.lambdaMin, stroke: "#d62728" }, { name: "lambda.1se", lambda: cv.lambda1se, stroke: "#9467bd" }];
}

/** The rules and their labels, each mark named by its rule (aria-label) for the page's test. */
function ruleMarks(rules: readonly LambdaRule[]): Plot.Markish[] {
  return rules.flatMap((rule, k) => [
    Plot.ruleX([rule.lambda], { stroke: rule.stroke, strokeDasharray: k === 0 ? "4 3" : "7 3", ariaDescription: rule.name }),
    Plot.text([rule.lambda], {
      x: (v: number) => v, frameAnchor: "top", dy: 4 + 12 * k, dx: 3, textAnchor: "start", fill: rule.stroke, fontSize: 10,
      text: () => `${rule.name} ${shown(rule.lambda)}`, ariaDescription: `${rule.name} label`,
    }),
  ]);
}

/**
 * Horizontal bars of the weights, one row per feature in the order given; exact zeros as hollow dots. The tooltip
 * names the feature and its weight.
 */
export function coefficientBars(container: HTMLElement, names: readonly string[], values: readonly number[], xLabel: string): void {
  const rows = names.map((name, j) => ({ name, value: values[j] }));
  const height = Math.max(220, 16 * names.length + 50);
  show(container, Plot.plot({
    ...frame(container, height),
    marginLeft: Math.min(160, 8 + 6.5 * Math.max(...names.map((n) => n.length))),
    x: { label: xLabel, grid: true },
    y: { domain: names as string[], label: null },
    color: { domain: ["negative", "positive"], range: ["#d62728", "#1f77b4"] },
    marks: [
      Plot.ruleX([0], { stroke: "#999" }),
      Plot.barX(rows.filter((r) => r.value !== 0), { x: "value", y: "name", fill: (r: { value: number }) => (r.value > 0 ? "positive" : "negative") }),
      Plot.dot(rows.filter((r) => r.value === 0), { x: 0, y: "name", stroke: "#888", fill: "white", r: 3.5, ariaDescription: "zero weight" }),
      Plot.tip(rows, Plot.pointerY({ x: "value", y: "name", title: (r: { name: string; value: number }) => `${r.name}: ${shown(r.value)}${r.value === 0 ? " (exactly 0)" : ""}` })),
    ],
  }));
}

/** One point of a series: its name, x and y. */
export interface SeriesPoint {
  series: string;
  x: number;
  y: number;
}

/** Options of a chart of lines. */
export interface LineChart {
  xLabel: string;
  yLabel: string;
  /** x on a log scale (lambda). */
  logX?: boolean;
  /** Vertical rules at lambdas. */
  rules?: readonly LambdaRule[];
  /** A legend of the series' colors (several series sharing the chart). */
  legend?: boolean;
  /** The series' names in legend order. */
  series?: readonly string[];
  /** The tooltip's line for a point. */
  tip?: (point: SeriesPoint) => string;
  /** Marks drawn under the lines (error bars). */
  under?: Plot.Markish[];
  /** Marks drawn over the lines. */
  over?: Plot.Markish[];
  /** y on a log scale (an objective falling over decades). */
  logY?: boolean;
}

/** Lines, one per series, with axes, an optional legend, rules and a tooltip on the nearest point. */
export function lineChart(container: HTMLElement, points: readonly SeriesPoint[], options: LineChart): void {
  const { xLabel, yLabel, logX = false, rules = [], legend = false, series, tip, under = [], over = [], logY = false } = options;
  show(container, Plot.plot({
    ...frame(container),
    marginLeft: 56,
    x: { type: logX ? "log" : "linear", label: xLabel, grid: true, tickFormat: logX ? "~g" : undefined },
    y: { type: logY ? "log" : "linear", label: yLabel, grid: true },
    color: { legend, domain: series ? [...series] : undefined, scheme: "tableau10" },
    marks: [
      ...under,
      Plot.line(points as SeriesPoint[], { x: "x", y: "y", stroke: "series", strokeWidth: 1.5 }),
      ...ruleMarks(rules),
      ...over,
      ...(tip ? [Plot.tip(points as SeriesPoint[], Plot.pointer({ x: "x", y: "y", title: tip }))] : []),
    ],
  }));
}

/** Series as lines over a shared x: each series' name, and its y per x. */
export function seriesPoints(x: readonly number[], names: readonly string[], ys: readonly (readonly number[])[]): SeriesPoint[] {
  return names.flatMap((series, s) => x.map((xi, i) => ({ series, x: xi, y: ys[s][i] })));
}

/** The objective per iteration (a fit's history). */
export function historyChart(container: HTMLElement, history: readonly number[], xLabel: string): void {
  if (history.length < 2) {
    container.replaceChildren();
    return;
  }
  lineChart(container, seriesPoints(history.map((_, i) => i + 1), ["objective"], [history]), {
    xLabel, yLabel: "objective", tip: (p) => `${xLabel} ${p.x}: ${shown(p.y)}`,
  });
}

/**
 * Cross-validated error per lambda with its error bars (mean ± one standard error), as glmnet's plot.cv.glmnet:
 * dots, bars, and rules at the chosen lambda, lambda.min and lambda.1se.
 */
export function cvChart(container: HTMLElement, cv: { lambdas: readonly number[]; mean: readonly number[]; standardError: readonly number[] }, rules: readonly LambdaRule[], yLabel: string): void {
  const rows = cv.lambdas.map((lambda, i) => ({ lambda, mean: cv.mean[i], low: cv.mean[i] - cv.standardError[i], high: cv.mean[i] + cv.standardError[i] }));
  show(container, Plot.plot({
    ...frame(container),
    marginLeft: 56,
    x: { type: "log", label: "lambda", grid: true, tickFormat: "~g" },
    y: { label: yLabel, grid: true },
    marks: [
      Plot.ruleX(rows, { x: "lambda", y1: "low", y2: "high", stroke: "#999", ariaDescription: "error bar" }),
      Plot.dot(rows, { x: "lambda", y: "mean", fill: "#d62728", r: 2.5, ariaDescription: "mean" }),
      ...ruleMarks(rules),
      Plot.tip(rows, Plot.pointerX({ x: "lambda", y: "mean", title: (r: (typeof rows)[number]) => `lambda ${shown(r.lambda)}: ${shown(r.mean)} ± ${shown(r.high - r.mean)}` })),
    ],
  }));
}

/** Residuals (truth - prediction) against the predictions, with the zero line. */
export function residualChart(container: HTMLElement, fitted: ArrayLike<number>, truth: ArrayLike<number>): void {
  const rows = Array.from(fitted, (f, i) => ({ fitted: f, residual: truth[i] - f }));
  show(container, Plot.plot({
    ...frame(container),
    marginLeft: 56,
    x: { label: "fitted value", grid: true },
    y: { label: "residual (truth - fitted)", grid: true },
    marks: [
      Plot.ruleY([0], { stroke: "#999" }),
      Plot.dot(rows, { x: "fitted", y: "residual", stroke: "#1f77b4", r: 2.5 }),
      Plot.tip(rows, Plot.pointer({ x: "fitted", y: "residual", title: (r: (typeof rows)[number]) => `fitted ${shown(r.fitted)}, residual ${shown(r.residual)}` })),
    ],
  }));
}

/** The two backends' median time per fit, as bars with their values. */
export function timingChart(container: HTMLElement, wasm: number, js: number): void {
  const rows = [{ backend: "WASM", ms: wasm }, { backend: "JS", ms: js }];
  show(container, Plot.plot({
    ...frame(container, 160),
    marginLeft: 56,
    marginRight: 70,
    x: { label: "median time per fit (ms)", grid: true },
    y: { label: null, domain: ["WASM", "JS"] },
    marks: [
      Plot.barX(rows, { x: "ms", y: "backend", fill: "backend" }),
      Plot.text(rows, { x: "ms", y: "backend", text: (r: (typeof rows)[number]) => `${r.ms.toFixed(3)} ms`, textAnchor: "start", dx: 4 }),
      Plot.ruleX([0]),
    ],
    color: { domain: ["WASM", "JS"], range: ["#1f77b4", "#ff7f0e"] },
  }));
}

/** A closed curve through points (the L1 diamond, the L2 circle), as one series. */
export type Curve = { u: number; v: number }[];

/**
 * The picture of the seed: the loss over two weights (the others held at their fitted values) as contours, the L1
 * diamond and the L2 ball through the fitted point, and the fitted (constrained) and unpenalized optima.
 */
export function geometryChart(container: HTMLElement, scene: {
  loss: (u: number, v: number) => number; levels: number[]; extent: number; diamond: Curve; ball: Curve;
  fitted: [number, number]; center: [number, number]; names: [string, string];
}): void {
  const { loss, levels, extent, diamond, ball, fitted, center, names } = scene;
  // A square plotting area, so that the L2 ball is round: the same span on both axes over the same pixels.
  const side = Math.min(Math.max(container.clientWidth - 70, 200), 280);
  const margins = { marginLeft: 56, marginRight: 14, marginTop: 24, marginBottom: 40 };
  const domain = [-extent, extent];
  show(container, Plot.plot({
    ...margins, width: side + margins.marginLeft + margins.marginRight, height: side + margins.marginTop + margins.marginBottom,
    x: { domain, label: `weight of ${names[0]} (per s.d.)`, grid: true },
    y: { domain, label: `weight of ${names[1]} (per s.d.)`, grid: true },
    color: { legend: true, domain: ["loss contour", "L1 diamond", "L2 ball", "fitted", "unpenalized"], range: ["#999", "#d62728", "#1f77b4", "#000", "#2ca02c"] },
    marks: [
      Plot.ruleX([0], { stroke: "#ccc" }),
      Plot.ruleY([0], { stroke: "#ccc" }),
      // The sublevel sets {loss <= t} as the superlevel sets of -loss, so each contour is the ellipse alone (a
      // superlevel set of the loss would run along the frame's edges too).
      Plot.contour({
        x1: -extent, x2: extent, y1: -extent, y2: extent, value: (u: number, v: number) => -loss(u, v), thresholds: levels.map((t) => -t).reverse(),
        stroke: "#999", fill: "none", ariaDescription: "loss contour",
      }),
      Plot.line(diamond, { x: "u", y: "v", stroke: () => "L1 diamond", strokeWidth: 2, ariaDescription: "L1 diamond" }),
      Plot.line(ball, { x: "u", y: "v", stroke: () => "L2 ball", strokeWidth: 2, ariaDescription: "L2 ball" }),
      Plot.dot([center], { x: (p: number[]) => p[0], y: (p: number[]) => p[1], fill: () => "unpenalized", r: 4, ariaDescription: "unpenalized" }),
      Plot.dot([fitted], { x: (p: number[]) => p[0], y: (p: number[]) => p[1], fill: () => "fitted", r: 4.5, ariaDescription: "fitted" }),
    ],
  }));
}
