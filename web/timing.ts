// WASM against JS on the same fit: the median of five runs on each backend, drawn as two bars.

import { bars } from "./plot.js";

/** Times `fit` on each backend (median of 5 runs), draws the two bars into `target` and returns the status line. */
export function timeBackends(fit: (backend: "wasm" | "js") => void, target: SVGSVGElement): string {
  const time = (backend: "wasm" | "js") => {
    const runs = Array.from({ length: 5 }, () => {
      const start = performance.now();
      fit(backend);
      return performance.now() - start;
    }).sort((a, b) => a - b);
    return runs[2];
  };
  const [wasm, js] = [time("wasm"), time("js")];
  bars(target, [wasm, js], ["WASM ms", "JS ms"]);
  return `  WASM ${wasm.toFixed(3)} ms, JS ${js.toFixed(3)} ms (${(js / wasm).toFixed(1)}x).`;
}
