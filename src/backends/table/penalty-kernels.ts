// The elastic-net penalty, its gradient, the soft L1 gradient and the soft-threshold operator, elementwise.

import type { F64Block } from "../contract.js";
import * as js from "../js/kernels/penalties.js";
import { entry, v } from "./common.js";

export const penaltyKernels = {
  /** lambda * (rho ||w||_1 + (1 - rho)/2 ||w||_2^2). */
  elasticNetPenalty: entry<(w: F64Block, lambda: number, rho: number) => number>({
    source: "kernels/penalties",
    args: ["w", "lambda", "rho"],
    js: (w, lambda, rho) => js.elasticNetPenalty(v(w), lambda, rho),
    wasm: ({ core, address }) => (w, lambda, rho) => core.elasticNetPenalty(address(w), w.length, lambda, rho),
  }),
  /** out = lambda * (rho sign(w) + (1 - rho) w), sign(0) = 0; out may be w. */
  elasticNetGradient: entry<(w: F64Block, lambda: number, rho: number, out: F64Block) => void>({
    source: "kernels/penalties",
    args: ["w", "lambda", "rho", "out"],
    lengths: { out: ["w"] },
    js: (w, lambda, rho, out) => js.elasticNetGradient(v(w), lambda, rho, v(out)),
    wasm: ({ core, address }) => (w, lambda, rho, out) => core.elasticNetGradient(address(w), w.length, lambda, rho, address(out)),
  }),
  /** out = lambda w / (|w| + eps); out may be w. */
  softL1Gradient: entry<(w: F64Block, lambda: number, eps: number, out: F64Block) => void>({
    source: "kernels/penalties",
    args: ["w", "lambda", "eps", "out"],
    lengths: { out: ["w"] },
    js: (w, lambda, eps, out) => js.softL1Gradient(v(w), lambda, eps, v(out)),
    wasm: ({ core, address }) => (w, lambda, eps, out) => core.softL1Gradient(address(w), w.length, lambda, eps, address(out)),
  }),
  /** out = sign(x) max(|x| - t, 0); out may be x. */
  softThreshold: entry<(x: F64Block, t: number, out: F64Block) => void>({
    source: "kernels/penalties",
    args: ["x", "t", "out"],
    lengths: { out: ["x"] },
    js: (x, t, out) => js.softThreshold(v(x), t, v(out)),
    wasm: ({ core, address }) => (x, t, out) => core.softThreshold(address(x), x.length, t, address(out)),
  }),
};
