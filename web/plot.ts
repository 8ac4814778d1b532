// Minimal SVG plots for the demo page: lines and bars in a padded box, no dependencies.

const NS = "http://www.w3.org/2000/svg";
const COLORS = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"];
export const color = (i: number) => COLORS[i % COLORS.length];

export function element(name: string, attributes: Record<string, string | number>, parent?: Element): SVGElement {
  const node = document.createElementNS(NS, name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  parent?.appendChild(node);
  return node;
}

interface Box { width: number; height: number; pad: number }

function box(svg: SVGSVGElement): Box {
  svg.replaceChildren();
  const width = svg.clientWidth || 400;
  const height = svg.clientHeight || 240;
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  return { width, height, pad: 32 };
}

function scale(values: number[], from: number, to: number): (v: number) => number {
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  if (lo === hi) [lo, hi] = [lo - 1, hi + 1];
  return (v) => from + ((v - lo) / (hi - lo)) * (to - from);
}

/** A named vertical line at x = at (data-mark = name), carrying the value it stands for (data-value). */
export interface Mark { at: number; name: string; value: number }

/** What a line plot may add: named marks, a shaded band between two curves, axis titles; legend false names each line on hover instead. */
export interface LineExtras {
  marks?: Mark[];
  band?: { lower: number[]; upper: number[] };
  axes?: { x: string; y: string };
  legend?: boolean;
}

/** Lines y_s(x) for each series, x shared; optional vertical marker at x = mark. */
export function lines(svg: SVGSVGElement, x: number[], series: number[][], labels: string[], mark?: number, extras: LineExtras = {}): void {
  const b = box(svg);
  const { marks = [], band, axes, legend = true } = extras;
  // The x range holds the marks too: the slider's lambda may lie beyond a path's grid.
  const domain = [...x, ...(mark === undefined ? [] : [mark]), ...marks.map((m) => m.at)];
  const sx = scale(domain, b.pad, b.width - 8);
  const sy = scale([...series.flat(), ...(band ? [...band.lower, ...band.upper] : [])], b.height - b.pad, 8);
  element("line", { x1: b.pad, y1: b.height - b.pad, x2: b.width - 8, y2: b.height - b.pad, stroke: "#999" }, svg);
  element("line", { x1: b.pad, y1: 8, x2: b.pad, y2: b.height - b.pad, stroke: "#999" }, svg);
  if (band) {
    const edge = (ys: number[]) => ys.map((y, i) => `${sx(x[i]).toFixed(1)},${sy(y).toFixed(1)}`);
    const points = [...edge(band.upper), ...edge(band.lower).reverse()].join(" ");
    element("polygon", { points, fill: color(0), "fill-opacity": 0.18, stroke: "none", "data-band": 1 }, svg);
  }
  series.forEach((ys, s) => {
    const points = ys.map((y, i) => `${sx(x[i]).toFixed(1)},${sy(y).toFixed(1)}`).join(" ");
    const line = element("polyline", { points, fill: "none", stroke: color(s), "stroke-width": 1.5, "data-series": labels[s] }, svg);
    if (!legend) element("title", {}, line).textContent = labels[s];
  });
  if (mark !== undefined) element("line", { x1: sx(mark), y1: 8, x2: sx(mark), y2: b.height - b.pad, stroke: "#000", "stroke-dasharray": "3 3" }, svg);
  const text = (content: string, xPos: number, yPos: number, fill = "#555") => {
    const node = element("text", { x: xPos, y: yPos, "font-size": 10, fill }, svg);
    node.textContent = content;
  };
  marks.forEach((m, k) => {
    const stroke = color(3 + k);
    element("line", { x1: sx(m.at), y1: 8, x2: sx(m.at), y2: b.height - b.pad, stroke, "stroke-dasharray": "6 3", "data-mark": m.name, "data-value": String(m.value) }, svg);
    text(m.name, sx(m.at) + 3, 30 + 12 * k, stroke);
  });
  text(`${Math.min(...domain).toPrecision(3)}`, b.pad, b.height - 16);
  text(`${Math.max(...domain).toPrecision(3)}`, b.width - 48, b.height - 16);
  if (axes) {
    text(axes.x, (b.width - 8 + b.pad) / 2 - 3 * axes.x.length, b.height - 4);
    const title = element("text", { x: 0, y: 0, "font-size": 10, fill: "#555", transform: `translate(10, ${(b.height - b.pad + 8) / 2 + 3 * axes.y.length}) rotate(-90)` }, svg);
    title.textContent = axes.y;
  }
  if (legend) labels.slice(0, 10).forEach((label, s) => {
    const node = element("text", { x: b.pad + 4 + 56 * (s % 6), y: 14 + 12 * Math.floor(s / 6), "font-size": 10, fill: color(s) }, svg);
    node.textContent = label;
  });
}

/** Horizontal bars, exact zeros drawn as a hollow marker; labelWidth is the room left of the bars for the names. */
export function bars(svg: SVGSVGElement, values: number[], labels: string[], labelWidth = 70): void {
  const b = box(svg);
  const sx = scale([...values, 0], labelWidth, b.width - 8);
  const step = (b.height - 8) / values.length;
  values.forEach((v, i) => {
    const y = 4 + i * step;
    const label = element("text", { x: 4, y: y + step * 0.7, "font-size": 11 }, svg);
    label.textContent = labels[i];
    if (v === 0) element("circle", { cx: sx(0), cy: y + step / 2, r: 3, fill: "none", stroke: "#999", "data-zero": 1 }, svg);
    else element("rect", { x: Math.min(sx(0), sx(v)), y: y + 2, width: Math.abs(sx(v) - sx(0)), height: step - 4, fill: v > 0 ? "#1f77b4" : "#d62728", "data-bar": 1 }, svg);
  });
  element("line", { x1: sx(0), y1: 0, x2: sx(0), y2: b.height, stroke: "#999" }, svg);
}
