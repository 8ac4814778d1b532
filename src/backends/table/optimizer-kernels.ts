// One optimizer step in place: SGD with weight decay, and Adam / AdamW.

import type { AdamParams, F64Block } from "../contract.js";
import * as js from "../js/kernels/optimizer-steps.js";
import { entry, v } from "./common.js";

export const optimizerKernels = {
  /** One Adam/AdamW step in place on w, m and v (all w.length long); t is the 1-based step count. */
  adamStep: entry<(w: F64Block, grad: F64Block, m: F64Block, s: F64Block, params: AdamParams, t: number) => void>({
    source: "kernels/optimizer-steps",
    args: ["w", "grad", "m", "v", "params", "t"],
    lengths: { grad: ["w"], m: ["w"], v: ["w"] },
    js: (w, grad, m, s, { lr, beta1, beta2, eps, l2, weightDecay }, t) =>
      js.adamStep(v(w), v(grad), v(m), v(s), lr, beta1, beta2, eps, l2, weightDecay, t),
    wasm: ({ core, address }) => (w, grad, m, s, { lr, beta1, beta2, eps, l2, weightDecay }, t) =>
      core.adamStep(address(w), address(grad), address(m), address(s), w.length, lr, beta1, beta2, eps, l2, weightDecay, t),
  }),
  /** One SGD step in place: w -= lr (grad + weightDecay w). */
  sgdStep: entry<(w: F64Block, grad: F64Block, lr: number, weightDecay: number) => void>({
    source: "kernels/optimizer-steps",
    args: ["w", "grad", "lr", "weightDecay"],
    lengths: { grad: ["w"] },
    js: (w, grad, lr, weightDecay) => js.sgdStep(v(w), v(grad), lr, weightDecay),
    wasm: ({ core, address }) => (w, grad, lr, weightDecay) => core.sgdStep(address(w), address(grad), w.length, lr, weightDecay),
  }),
};
