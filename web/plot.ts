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

/** Lines y_s(x) for each series, x shared; optional vertical marker at x = mark. */
export function lines(svg: SVGSVGElement, x: number[], series: number[][], labels: string[], mark?: number): void {
  const b = box(svg);
  const sx = scale(x, b.pad, b.width - 8);
  const sy = scale(series.flat(), b.height - b.pad, 8);
  element("line", { x1: b.pad, y1: b.height - b.pad, x2: b.width - 8, y2: b.height - b.pad, stroke: "#999" }, svg);
  element("line", { x1: b.pad, y1: 8, x2: b.pad, y2: b.height - b.pad, stroke: "#999" }, svg);
  series.forEach((ys, s) => {
    const points = ys.map((y, i) => `${sx(x[i]).toFixed(1)},${sy(y).toFixed(1)}`).join(" ");
    element("polyline", { points, fill: "none", stroke: color(s), "stroke-width": 1.5, "data-series": labels[s] }, svg);
  });
  if (mark !== undefined) element("line", { x1: sx(mark), y1: 8, x2: sx(mark), y2: b.height - b.pad, stroke: "#000", "stroke-dasharray": "3 3" }, svg);
  const text = (content: string, xPos: number, yPos: number) => {
    const node = element("text", { x: xPos, y: yPos, "font-size": 10, fill: "#555" }, svg);
    node.textContent = content;
  };
  text(`${Math.min(...x).toPrecision(3)}`, b.pad, b.height - 16);
  text(`${Math.max(...x).toPrecision(3)}`, b.width - 48, b.height - 16);
  labels.slice(0, 10).forEach((label, s) => {
    const node = element("text", { x: b.pad + 4 + 56 * (s % 6), y: 14 + 12 * Math.floor(s / 6), "font-size": 10, fill: color(s) }, svg);
    node.textContent = label;
  });
}

/** Horizontal bars, exact zeros drawn as a hollow marker. */
export function bars(svg: SVGSVGElement, values: number[], labels: string[]): void {
  const b = box(svg);
  const sx = scale([...values, 0], 70, b.width - 8);
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
