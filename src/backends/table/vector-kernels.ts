// Kernels over vectors: BLAS level 1 and reductions.

import type { F64Block } from "../contract.js";
import { axpy } from "../js/kernels/axpy.js";
import { dot } from "../js/kernels/dot.js";
import { firstNonFinite } from "../js/kernels/non-finite.js";
import { scal } from "../js/kernels/scal.js";
import { sum, sumAbs, sumSquares } from "../js/kernels/sums.js";
import { entry, v } from "./common.js";

export const vectorKernels = {
  /** x . y over x.length elements (y at least as long). */
  dot: entry<(x: F64Block, y: F64Block) => number>({
    source: "kernels/dot",
    args: ["x", "y"],
    lengths: { y: ["x"] },
    js: (x, y) => dot(v(x), v(y)),
    wasm: ({ core, address }) => (x, y) => core.dot(address(x), address(y), x.length),
  }),
  /** y += alpha * x over x.length elements. */
  axpy: entry<(alpha: number, x: F64Block, y: F64Block) => void>({
    source: "kernels/axpy",
    args: ["alpha", "x", "y"],
    lengths: { y: ["x"] },
    js: (alpha, x, y) => axpy(alpha, v(x), v(y)),
    wasm: ({ core, address }) => (alpha, x, y) => core.axpy(alpha, address(x), address(y), x.length),
  }),
  /** x *= alpha. */
  scal: entry<(alpha: number, x: F64Block) => void>({
    source: "kernels/scal",
    args: ["alpha", "x"],
    js: (alpha, x) => scal(alpha, v(x)),
    wasm: ({ core, address }) => (alpha, x) => core.scal(alpha, address(x), x.length),
  }),
  /** sum_i x_i. */
  sum: entry<(x: F64Block) => number>({
    source: "kernels/sums",
    args: ["x"],
    js: (x) => sum(v(x)),
    wasm: ({ core, address }) => (x) => core.sum(address(x), x.length),
  }),
  /** sum_i x_i^2. */
  sumSquares: entry<(x: F64Block) => number>({
    source: "kernels/sums",
    args: ["x"],
    js: (x) => sumSquares(v(x)),
    wasm: ({ core, address }) => (x) => core.sumSquares(address(x), x.length),
  }),
  /** sum_i |x_i|. */
  sumAbs: entry<(x: F64Block) => number>({
    source: "kernels/sums",
    args: ["x"],
    js: (x) => sumAbs(v(x)),
    wasm: ({ core, address }) => (x) => core.sumAbs(address(x), x.length),
  }),
  /** The index of the first NaN or +-Infinity in x, or -1 (the scan of data copied in). */
  firstNonFinite: entry<(x: F64Block) => number>({
    source: "kernels/non-finite",
    args: ["x"],
    js: (x) => firstNonFinite(v(x)),
    wasm: ({ core, address }) => (x) => core.firstNonFinite(address(x), x.length),
  }),
};
