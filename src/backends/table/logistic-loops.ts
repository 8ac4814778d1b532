// The logistic family of the kernel table: FISTA and the seed's gradient descent on the penalized log-loss, and
// its duality gap (assembly/solvers/logistic.ts and its TypeScript twin).

import type { F64Block, LogisticCdParams, LogisticGapResult, LogisticLoopResult, LogisticParams } from "../contract.js";
import { logisticCd } from "../js/solvers/logistic-cd.js";
import * as logistic from "../js/solvers/logistic.js";
import { checkDimension, checkIndices, packedIntegers, type NamedArguments } from "../kernel.js";
import { entry, flag, lengthOrZero, optional, v } from "./common.js";

/** The outcome codes the core writes to out[2]. */
const OUTCOMES: LogisticLoopResult["outcome"][] = ["converged", "maxIter", "diverged"];

/** The core indexes eta by label: every label must be a class index below max(C, 2) (0 or 1 when C = 1). */
function checkLabels(args: NamedArguments, method: string): void {
  const C = checkDimension(args.C, "C");
  if (C < 1) throw new RangeError(`${method}: C must be at least 1 (1 for the binomial model, K for the multinomial), got ${C}.`);
  const labels = (args.labels as F64Block).values;
  const limit = Math.max(C, 2);
  for (let i = 0; i < (args.rows as number); i++) {
    if (!(Number.isInteger(labels[i]) && labels[i] >= 0 && labels[i] < limit)) {
      throw new RangeError(`${method}: labels[${i}] is ${labels[i]}; labels must be class indices 0 to ${limit - 1}.`);
    }
  }
}

const data = (X: F64Block, rows: number, cols: number, C: number, labels: F64Block, s: F64Block): logistic.LogisticData =>
  ({ X: v(X), rows, cols, C, labels: v(labels), s: v(s) });

const LENGTHS = { X: ["rows", "cols"], labels: ["rows"], s: ["rows"], W: ["C", "cols"], b: ["C"] } as const;

export const logisticLoops = {
  /**
   * glmnet's inner loop of a logistic Newton step: coordinate descent epochs over the coordinates in `set` (setSize
   * 32-bit indices packed two per slot) and the intercept, on Xc = X column-major (cols x rows), carrying the weighted
   * residual r and the weights w in place; v (cols) caches (1/n) sum_i h_i x_ij^2, NaN where not yet known.
   */
  logisticCd: entry<
    (Xc: F64Block, rows: number, cols: number, h: F64Block, r: F64Block, w: F64Block, v: F64Block, set: F64Block, setSize: number,
      params: LogisticCdParams, b: number) => { epochs: number; b: number }
  >({
    source: "solvers/logistic-cd",
    args: ["Xc", "rows", "cols", "h", "r", "w", "v", "set", "setSize", "params", "b"],
    lengths: { Xc: ["rows", "cols"], h: ["rows"], r: ["rows"], w: ["cols"], v: ["cols"] },
    check: (args, method) => checkIndices(args.set as F64Block, checkDimension(args.setSize, "setSize"), args.cols as number, "set", method),
    scratch: { out: [2] },
    js: (Xc, rows, _cols, h, r, w, v, set, setSize, params, b) =>
      logisticCd(Xc.values, rows, h.values, r.values, w.values, v.values, packedIntegers(set, setSize), setSize, params, b),
    wasm: ({ core, address, scratch: { out } }) => (Xc, rows, cols, h, r, w, v, set, setSize, params, b) => {
      const { lambda, rho, positive, fitIntercept, maxEpochs, tol } = params;
      core.logisticCd(address(Xc), rows, cols, address(h), address(r), address(w), address(v), address(set), setSize, lambda, rho,
        flag(positive), flag(fitIntercept), b, maxEpochs, tol, address(out));
      const [epochs, intercept] = out.values;
      return { epochs, b: intercept };
    },
  }),
  /**
   * FISTA with restart on the penalized log-loss from (W, b), written in place (W class-major, C x cols); history
   * gets the objective per iteration. L bounds the smooth part's Lipschitz constant.
   */
  logisticFista: entry<
    (X: F64Block, rows: number, cols: number, C: number, labels: F64Block, s: F64Block, params: LogisticParams & { L: number },
      W: F64Block, b: F64Block, history: F64Block | null) => LogisticLoopResult
  >({
    source: "solvers/logistic",
    args: ["X", "rows", "cols", "C", "labels", "s", "params", "W", "b", "history"],
    optional: ["history"],
    lengths: LENGTHS,
    check: checkLabels,
    scratch: {
      Wp: ["C", "cols"], Z: ["C", "cols"], G: ["C", "cols"], E: ["C", "rows"], Ep: ["C", "rows"], Ez: ["C", "rows"], R: ["C", "rows"],
      bp: ["C"], bz: ["C"], shift: (a) => (a.C as number) + 2, Q: ["C", "rows"], V: ["C", "cols"], out: [4],
    },
    js: (X, rows, cols, C, labels, s, params, W, b, history) => logistic.logisticFista(data(X, rows, cols, C, labels, s), params, v(W), v(b), optional(history)),
    wasm: ({ core, address, scratch: t }) => (X, rows, cols, C, labels, s, params, W, b, history) => {
      const { lambda, rho, L, maxIter, tol, positive, fitIntercept } = params;
      core.logisticFista(address(X), rows, cols, C, address(labels), address(s), lambda, rho, L, maxIter, tol, flag(positive), flag(fitIntercept),
        address(W), address(b), address(t.Wp), address(t.Z), address(t.G), address(t.E), address(t.Ep), address(t.Ez), address(t.R),
        address(t.bp), address(t.bz), address(t.shift), address(t.Q), address(t.V), address(history), lengthOrZero(history), address(t.out));
      const [nIter, gap, converged, objective] = t.out.values;
      return { nIter, gap, outcome: converged === 1 ? "converged" : "maxIter", objective };
    },
  }),
  /** The seed's gradient descent on the penalized log-loss from W = 0, b = 0 (written in place); clip rule for the L1 part. */
  logisticGd: entry<
    (X: F64Block, rows: number, cols: number, C: number, labels: F64Block, s: F64Block, params: LogisticParams & { learningRate: number },
      W: F64Block, b: F64Block, history: F64Block | null) => LogisticLoopResult
  >({
    source: "solvers/logistic",
    args: ["X", "rows", "cols", "C", "labels", "s", "params", "W", "b", "history"],
    optional: ["history"],
    lengths: LENGTHS,
    check: checkLabels,
    scratch: { G: ["C", "cols"], E: ["C", "rows"], R: ["C", "rows"], shift: (a) => (a.C as number) + 2, Q: ["C", "rows"], V: ["C", "cols"], out: [4] },
    js: (X, rows, cols, C, labels, s, params, W, b, history) => logistic.logisticGd(data(X, rows, cols, C, labels, s), params, v(W), v(b), optional(history)),
    wasm: ({ core, address, scratch: t }) => (X, rows, cols, C, labels, s, params, W, b, history) => {
      const { lambda, rho, learningRate, maxIter, tol, fitIntercept } = params;
      core.logisticGd(address(X), rows, cols, C, address(labels), address(s), lambda, rho, learningRate, maxIter, tol, flag(fitIntercept),
        address(W), address(b), address(t.G), address(t.E), address(t.R), address(t.shift), address(t.Q), address(t.V),
        address(history), lengthOrZero(history), address(t.out));
      const [nIter, gap, outcome, objective] = t.out.values;
      return { nIter, gap, outcome: OUTCOMES[outcome], objective };
    },
  }),
  /** The duality gap of the penalized log-loss at (W, b), and the objective there (see assembly/solvers/logistic.ts). */
  logisticGap: entry<
    (X: F64Block, rows: number, cols: number, C: number, labels: F64Block, s: F64Block, params: LogisticParams, W: F64Block, b: F64Block) => LogisticGapResult
  >({
    source: "solvers/logistic",
    args: ["X", "rows", "cols", "C", "labels", "s", "params", "W", "b"],
    lengths: LENGTHS,
    check: checkLabels,
    scratch: { eta: ["C", "rows"], Q: ["C", "rows"], V: ["C", "cols"], shift: (a) => (a.C as number) + 2, out: [2] },
    js: (X, rows, cols, C, labels, s, params, W, b) => logistic.logisticGap(data(X, rows, cols, C, labels, s), params, v(W), v(b)),
    wasm: ({ core, address, scratch: t }) => (X, rows, cols, C, labels, s, params, W, b) => {
      const { lambda, rho, positive, fitIntercept } = params;
      core.logisticGap(address(X), rows, cols, C, address(labels), address(s), lambda, rho, flag(positive), flag(fitIntercept),
        address(W), address(b), address(t.eta), address(t.Q), address(t.V), address(t.shift), address(t.out));
      const [gap, objective] = t.out.values;
      return { gap, objective };
    },
  }),
};
