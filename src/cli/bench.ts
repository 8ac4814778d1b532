// `regularized bench`: a few fits timed on both backends.

import { markdownTable } from "markdown-table";
import { Lasso } from "../models/lasso.js";
import { Ridge } from "../models/ridge.js";

export function bench(): void {
  const [n, d] = [10_000, 100];
  const X = { data: Float64Array.from({ length: n * d }, (_, k) => Math.sin(k * 12.9898) * 0.5), rows: n, cols: d };
  const y = Float64Array.from({ length: n }, (_, i) => X.data[i * d] - 2 * X.data[i * d + 1] + 0.1 * Math.cos(i));
  const median = (run: () => void) => {
    const times = Array.from({ length: 7 }, () => {
      const start = performance.now();
      run();
      return performance.now() - start;
    }).sort((a, b) => a - b);
    return times[3];
  };
  const rows = [["fit at 10,000 x 100", "WASM ms", "JS ms", "WASM speedup"]];
  for (const [name, make] of [
    ["Ridge (closed form)", (backend: "wasm" | "js") => new Ridge({ lambda: 0.01, backend })],
    ["Lasso (cd), lambda 0.01", (backend: "wasm" | "js") => new Lasso({ lambda: 0.01, backend })],
  ] as const) {
    const [wasm, js] = (["wasm", "js"] as const).map((backend) => median(() => make(backend).fit(X, y)));
    rows.push([name, wasm.toFixed(2), js.toFixed(2), `${(js / wasm).toFixed(1)}x`]);
  }
  console.log(markdownTable(rows, { align: ["l", "r", "r", "r"] }));
}
