// The kernel table: every numeric entry point of the backends, declared once with its argument names, the
// lengths its blocks need, its WASM scratch and its two implementations. Both backends and their argument
// checks are built from it (backends/build-backend.ts); adding a kernel is its AssemblyScript file, its
// TypeScript twin and one entry in the family it belongs to.

import { logisticLoops } from "./table/logistic-loops.js";
import { matrixKernels } from "./table/matrix-kernels.js";
import { optimizerKernels } from "./table/optimizer-kernels.js";
import { penaltyKernels } from "./table/penalty-kernels.js";
import { solverLoops } from "./table/solver-loops.js";
import { sparseKernels } from "./table/sparse-kernels.js";
import { vectorKernels } from "./table/vector-kernels.js";

export const KERNELS = {
  ...vectorKernels,
  ...matrixKernels,
  ...sparseKernels,
  ...penaltyKernels,
  ...optimizerKernels,
  ...solverLoops,
  ...logisticLoops,
};

export type KernelTable = typeof KERNELS;
