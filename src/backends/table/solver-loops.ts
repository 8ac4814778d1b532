// Whole solver loops, one backend call per fit: LU, the seed's gradient descent, coordinate descent (covariance,
// residual and multi-task), FISTA and one epoch of mini-batch training.

import type {
  CdParams, F64Block, FistaParams, GdOutcome, GdParams, GdResult, GramProblem, IterativeResult, SgdParams,
} from "../contract.js";
import * as cd from "../js/solvers/cd.js";
import * as fista from "../js/solvers/fista.js";
import { gdFit, gdLoop } from "../js/solvers/gd.js";
import { rowStripeCount, stripeBounds } from "./matrix-kernels.js";
import { gdParts, stripedGd } from "./striped-gd.js";
import * as cholesky from "../js/solvers/cholesky.js";
import * as lu from "../js/solvers/lu.js";
import { cdMultiTask } from "../js/solvers/multi-task-cd.js";
import { sgdEpoch } from "../js/solvers/sgd.js";
import { checkDimension, checkIndices, checkLength, type NamedArguments } from "../kernel.js";
import { MAX_CALLS } from "../wasm/core-threads.js";
import { entry, flag, int32, iterativeResult, lengthOrZero, optional, v } from "./common.js";

/** Values of the core's cdGram packed working set: G_WW, q_W, h_W and w_W for a set of min(d / 2, 512). */
function packedValues(d: number): number {
  const m = Math.min(Math.floor(d / 2), 512);
  return m * m + 3 * m;
}

/** Values of the core's cdGramPath scratch: h, ws, values, diag and w (d each), the packed set, gap, out and rng. */
function gramPathScratch(d: number): number {
  return 5 * d + packedValues(d) + 6;
}

/** Every problem of cdGramPaths has its d x d G, q, and outputs for each lambda. */
function checkGramPaths(args: NamedArguments, method: string): void {
  const problems = args.problems as GramProblem[];
  const [W, results] = [args.W as F64Block[], args.results as F64Block[]];
  const d = checkDimension(args.d, "d");
  const count = checkDimension(args.count, "count");
  if (!Array.isArray(problems) || problems.length === 0) throw new RangeError(`${method}: problems must list at least one problem.`);
  if (W.length !== problems.length || results.length !== problems.length) {
    throw new RangeError(`${method}: W and results need one block per problem (${problems.length}), got ${W.length} and ${results.length}.`);
  }
  problems.forEach(({ G, q }, f) => {
    checkLength(G, d * d, `problems[${f}].G`, method);
    checkLength(q, d, `problems[${f}].q`, method);
    checkLength(W[f], count * d, `W[${f}]`, method);
    checkLength(results[f], 3 * count, `results[${f}]`, method);
  });
}

/** Calls a full pass g = X^T r of residual-mode coordinate descent is split among (ranges of columns). */
const CORRELATION_CALLS = 4;

/** Steps per block of the threaded Cholesky (the bits do not depend on it). */
const CHOLESKY_BLOCK = 64;
/** Calls the rows below a Cholesky block are split among. */
const TRAILING_CALLS = 4;

/** Rows [k1, n) in TRAILING_CALLS ranges of about equal work (row i costs n - i), empty ones left out. */
function trailingRanges(n: number, k1: number): [number, number][] {
  const total = ((n - k1) * (n - k1 + 1)) / 2;
  const ranges: [number, number][] = [];
  let [first, done] = [k1, 0];
  for (let call = 1; call <= TRAILING_CALLS && first < n; call++) {
    let end = first;
    while (end < n && (call === TRAILING_CALLS || done + (n - end) <= (call * total) / TRAILING_CALLS)) done += n - end++;
    if (end === first) done += n - end++;
    ranges.push([first, end]);
    first = end;
  }
  return ranges;
}

/** The outcome codes of the core's gdFit. */
const GD_OUTCOMES: GdOutcome[] = ["converged", "maxIter", "diverged"];

/** The optimizer codes of the core's sgdEpoch. */
const OPTIMIZERS: SgdParams["optimizer"][] = ["sgd", "adam", "adamw"];

/** Writes the 32-bit seed where the core's random generator keeps its state. */
function seeded(rng: F64Block, params: CdParams): F64Block {
  new Uint32Array(rng.values.buffer, rng.values.byteOffset, 1)[0] = params.seed >>> 0;
  return rng;
}

/** The row order of an epoch indexes rows of X that exist, in batches of at least one row. */
function checkEpoch(args: NamedArguments, method: string): void {
  const count = checkDimension(args.count, "count");
  const batchSize = args.batchSize as number;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`batchSize must be a positive integer, got ${batchSize}.`);
  const cols = checkDimension(args.cols, "cols");
  const rows = Math.min(Math.floor((args.X as F64Block).length / Math.max(cols, 1)), (args.y as F64Block).length);
  checkIndices(args.order as F64Block, count, rows, "order (row indices)", method);
}

/** The group lasso's group ids name existing groups, each with a weight. */
function checkGroups(args: NamedArguments, method: string): void {
  const groups = (args.params as FistaParams).groups;
  if (!groups) return;
  checkLength(groups.weights, groups.count, "groups.weights", method);
  checkIndices(groups.ids, args.cols as number, groups.count, "groups.ids", method);
}

export const solverLoops = {
  /**
   * In-place LU with partial pivoting of the n x n matrix A; pivots (n) receives the swapped row of each step.
   * Returns -1, or the step whose pivot magnitude is <= threshold (singular).
   */
  luDecompose: entry<(A: F64Block, n: number, pivots: F64Block, threshold: number) => number>({
    source: "solvers/lu",
    args: ["A", "n", "pivots", "threshold"],
    lengths: { A: ["n", "n"], pivots: ["n"] },
    js: (A, n, pivots, threshold) => lu.luDecompose(v(A), n, v(pivots), threshold),
    wasm: ({ core, address }) => (A, n, pivots, threshold) => core.luDecompose(address(A), n, address(pivots), threshold),
  }),
  /**
   * In-place Cholesky A = U^T U of a symmetric positive definite A (n x n), U in its upper triangle. Returns -1,
   * or the step whose pivot is <= threshold (not positive definite).
   */
  choleskyDecompose: entry<(A: F64Block, n: number, threshold: number) => number>({
    source: "solvers/cholesky",
    args: ["A", "n", "threshold"],
    lengths: { A: ["n", "n"] },
    js: (A, n, threshold) => cholesky.choleskyDecompose(v(A), n, threshold),
    // Blocks of steps: each block's own rows on this thread, then the rows below take its updates on the core's
    // threads (each row the same updates in the same order as unblocked: the same bits on any number of threads).
    wasm: ({ core, address, parallel }) => (A, n, threshold) => {
      for (let k0 = 0; k0 < n; k0 += CHOLESKY_BLOCK) {
        const k1 = Math.min(k0 + CHOLESKY_BLOCK, n);
        const failed = core.choleskyBlock(address(A), n, k0, k1, threshold);
        if (failed >= 0) return failed;
        const calls = trailingRanges(n, k1).map(([first, end]) => [address(A), n, k0, k1, first, end]);
        parallel("choleskyTrailing", calls, ((k1 - k0) * (n - k1) ** 2) / 2);
      }
      return -1;
    },
  }),
  /** Solves A X = B in place (B is n x k) from choleskyDecompose's U. */
  choleskySolve: entry<(U: F64Block, n: number, B: F64Block, k: number) => void>({
    source: "solvers/cholesky",
    args: ["U", "n", "B", "k"],
    lengths: { U: ["n", "n"], B: ["n", "k"] },
    js: (U, n, B, k) => cholesky.choleskySolve(v(U), n, v(B), k),
    wasm: ({ core, address }) => (U, n, B, k) => core.choleskySolve(address(U), n, address(B), k),
  }),
  /** Solves A X = B in place (B is n x k) from luDecompose's factors and pivots. */
  luSolve: entry<(LU: F64Block, n: number, pivots: F64Block, B: F64Block, k: number) => void>({
    source: "solvers/lu",
    args: ["LU", "n", "pivots", "B", "k"],
    lengths: { LU: ["n", "n"], pivots: ["n"], B: ["n", "k"] },
    js: (LU, n, pivots, B, k) => lu.luSolve(v(LU), n, v(pivots), v(B), k),
    wasm: ({ core, address }) => (LU, n, pivots, B, k) => core.luSolve(address(LU), n, address(pivots), address(B), k),
  }),
  /**
   * The seed's gradient-descent loop, whole: writes the weights to w (cols) and, when history is given, the
   * objective of the first history.length iterations (the same for the other iterative solvers).
   */
  gdFit: entry<
    (X: F64Block, rows: number, cols: number, y: F64Block, params: GdParams, w: F64Block, history: F64Block | null) => GdResult
  >({
    source: "solvers/gd",
    args: ["X", "rows", "cols", "y", "params", "w", "history"],
    optional: ["history"],
    lengths: { X: ["rows", "cols"], y: ["rows"], w: ["cols"] },
    scratch: { r: ["rows"], grad: ["cols"], out: [4], parts: (a) => gdParts(a.rows as number, a.cols as number) },
    js: (X, rows, cols, y, params, w, history) => gdFit(v(X), rows, cols, v(y), params, v(w), optional(history)),
    // Many rows: the loop over stripes of rows, their passes on the core's threads (see striped-gd.ts). The stripes
    // are fixed by the shape, so the bits do not depend on the number of threads.
    wasm: ({ core, address, parallel, scratch: { r, grad, out, parts } }) => (X, rows, cols, y, params, w, history) => {
      const { lambda, rho, learningRate, maxIter, tol, fitIntercept } = params;
      if (stripedGd(rows, cols)) {
        // gdFit's loop driven from here: each pass as one gdStripe call per stripe, their parts added by gdGather.
        const stripes = stripeBounds(rows, rowStripeCount(rows));
        const partBytes = 8 * (cols + 2);
        w.values.fill(0);
        let b = 0;
        const pass = () => {
          // Work in the Gram's multiply-adds: a pass's element (a dot's and an axpy's, read from memory) takes about 4.
          parallel("gdStripe", stripes.map(([first, end], s) => [
            address(X) + 8 * first * cols, end - first, cols, address(w), b, address(y) + 8 * first, address(r) + 8 * first,
            address(parts) + s * partBytes,
          ]), 4 * rows * cols);
          return core.gdGather(address(parts), stripes.length, rows, cols, address(w), lambda, rho, address(grad), address(out));
        };
        const step = () => {
          core.stepWeights(address(w), address(grad), cols, lambda, rho, learningRate);
          if (fitIntercept) b -= learningRate * out.values[0];
        };
        const run = gdLoop(maxIter, tol, optional(history), pass, step);
        return { intercept: b, ...run };
      }
      core.gdFit(address(X), rows, cols, address(y), lambda, rho, learningRate, maxIter, tol, flag(fitIntercept),
        address(w), address(r), address(grad), address(history), lengthOrZero(history), address(out));
      const [intercept, nIter, outcome, loss] = out.values;
      return { intercept, nIter, outcome: GD_OUTCOMES[outcome], loss };
    },
  }),
  /**
   * Coordinate descent in covariance mode on G = X^T X (d x d), q = X^T y and yy = ||y||^2 of centered data,
   * from the start w (written in place); history gets the objective / n per epoch.
   */
  cdGram: entry<
    (G: F64Block, q: F64Block, yy: number, d: number, n: number, params: CdParams, w: F64Block, history: F64Block | null) => IterativeResult
  >({
    source: "solvers/cd",
    args: ["G", "q", "yy", "d", "n", "params", "w", "history"],
    optional: ["history"],
    lengths: { G: ["d", "d"], q: ["d"], w: ["d"] },
    // h, the working set (ws, values, diag) and its packed problem (G_WW, q_W, h_W, w_W of at most 512 or d / 2).
    scratch: { h: ["d"], ws: ["d"], values: ["d"], diag: ["d"], packed: (a) => packedValues(a.d as number), gap: [2], out: [3], rng: [1] },
    js: (G, q, yy, d, n, params, w, history) => cd.cdGram(v(G), v(q), yy, d, n, params, v(w), optional(history)),
    wasm: ({ core, address, scratch: { h, ws, values, diag, packed, gap, out, rng } }) => (G, q, yy, d, n, params, w, history) => {
      const { lambda, rho, lambdaPrev, maxIter, tol, positive, selection } = params;
      core.cdGram(address(G), address(q), yy, d, n, lambda, rho, lambdaPrev, maxIter, tol, flag(positive), flag(selection === "random"),
        address(seeded(rng, params)), address(w), address(h), address(ws), address(values), address(diag), address(packed),
        address(gap), address(history), lengthOrZero(history), address(out));
      return iterativeResult(out);
    },
  }),
  /**
   * Covariance-mode paths of several problems of d coordinates on one grid (cross-validation's folds): for each,
   * cdGram at every lambda from the previous fit's w (the first from 0, params.lambda and lambdaPrev unused); W[f]
   * (count x d) and results[f] (count x [epochs, gap / n, converged]) receive problem f's fits. On the WASM core the
   * problems run side by side on its threads, each path on one thread (the bits do not depend on the thread count).
   */
  cdGramPaths: entry<
    (problems: GramProblem[], d: number, lambdas: F64Block, count: number, params: CdParams, W: F64Block[], results: F64Block[]) => void
  >({
    source: "solvers/cd",
    args: ["problems", "d", "lambdas", "count", "params", "W", "results"],
    lengths: { lambdas: ["count"] },
    check: checkGramPaths,
    scratch: {
      settings: (a) => 8 * (a.problems as GramProblem[]).length,
      work: (a) => (a.problems as GramProblem[]).length * gramPathScratch(a.d as number),
    },
    js: (problems, d, lambdas, count, params, W, results) => problems.forEach(({ G, q, yy, n }, f) =>
      cd.cdGramPath(v(G), v(q), yy, d, n, v(lambdas).subarray(0, count), params, v(W[f]), v(results[f]))),
    wasm: ({ address, parallel, scratch: { settings, work } }) => (problems, d, lambdas, count, params, W, results) => {
      const { rho, maxIter, tol, positive, selection, seed } = params;
      const each = gramPathScratch(d);
      const calls = problems.map(({ G, q, yy, n }, f) => {
        settings.values.set([yy, n, rho, maxIter, tol, flag(positive), flag(selection === "random"), seed >>> 0], 8 * f);
        return [
          address(G), address(q), d, address(settings) + 64 * f, address(lambdas), count, address(W[f]), address(results[f]),
          address(work) + 8 * each * f,
        ];
      });
      // Work: at least one epoch (d^2 multiply-adds) per lambda and problem; passes of at most MAX_CALLS calls.
      for (let first = 0; first < calls.length; first += MAX_CALLS) {
        const batch = calls.slice(first, first + MAX_CALLS);
        parallel("cdGramPath", batch, batch.length * count * d * d);
      }
    },
  }),
  /**
   * Coordinate descent in residual mode on the columns of X (Xt, d x n), on working sets with an L1 part; writes
   * r = y - X w. norms (d) holds the squared column norms when known & 1, g (d) holds X^T (y - X w) at the start
   * w when known & 2; on return both hold those of the returned w (what the next fit of a path starts from).
   */
  cdResidual: entry<
    (
      Xt: F64Block, n: number, d: number, y: F64Block, params: CdParams, w: F64Block, r: F64Block, norms: F64Block,
      g: F64Block, known: number, history: F64Block | null,
    ) => IterativeResult
  >({
    source: "solvers/cd",
    args: ["Xt", "n", "d", "y", "params", "w", "r", "norms", "g", "known", "history"],
    optional: ["history"],
    lengths: { Xt: ["d", "n"], y: ["n"], w: ["d"], r: ["n"], norms: ["d"], g: ["d"] },
    scratch: { ws: ["d"], values: ["d"], gap: [2], state: [3], out: [3], rng: [1] },
    js: (Xt, n, d, y, params, w, r, norms, g, known, history) =>
      cd.cdResidual(v(Xt), n, d, v(y), params, v(w), v(r), { norms: v(norms), g: v(g), known }, optional(history)),
    // The core's rounds driven from here, each full pass g = X^T r in ranges of columns on the core's threads (each
    // g_j is one column's dot product, whichever thread computes it: the bits do not depend on the thread count).
    wasm: ({ core, address, parallel, scratch: { ws, values, gap, state, out, rng } }) => (Xt, n, d, y, params, w, r, norms, g, known, history) => {
      const { lambda, rho, lambdaPrev, maxIter, tol, positive, selection } = params;
      const ranges = stripeBounds(d, Math.min(CORRELATION_CALLS, d));
      const fullPass = () => parallel("cdCorrelations", ranges.map(([first, end]) => [address(Xt), n, address(r), first, end, address(g)]), n * d);
      core.cdResidualBegin(address(Xt), n, d, address(y), address(w), address(r), address(norms), known, address(state));
      if ((known & 2) === 0) fullPass();
      const generator = address(seeded(rng, params));
      const round = () => core.cdResidualRound(address(Xt), n, d, address(y), lambda, rho, lambdaPrev, maxIter, tol, flag(positive),
        flag(selection === "random"), generator, address(w), address(r), address(norms), address(g), address(ws),
        address(values), address(gap), address(history), lengthOrZero(history), address(state), address(out));
      while (round() !== 0) fullPass();
      return iterativeResult(out);
    },
  }),
  /**
   * Block coordinate descent for the multi-task elastic net on Xt (d x n, the columns of X) and Yt (k x n, the
   * outputs); W (d x k) is the start and the result. params.positive and params.selection do not apply.
   */
  cdMultiTask: entry<
    (Xt: F64Block, n: number, d: number, Yt: F64Block, k: number, params: CdParams, W: F64Block, history: F64Block | null) => IterativeResult
  >({
    source: "solvers/multi-task-cd",
    args: ["Xt", "n", "d", "Yt", "k", "params", "W", "history"],
    optional: ["history"],
    lengths: { Xt: ["d", "n"], Yt: ["k", "n"], W: ["d", "k"] },
    // The residual, the column norms, a row's t, X^T R (d x k), and the working set of rows.
    scratch: { Rt: ["n", "k"], norms: ["d"], t: ["k"], G: ["d", "k"], rowG: ["d"], rowW: ["d"], ws: ["d"], values: ["d"], dual: [1], out: [3] },
    js: (Xt, n, d, Yt, k, params, W, history) => cdMultiTask(v(Xt), n, d, v(Yt), k, params, v(W), optional(history)),
    wasm: ({ core, address, scratch: { Rt, norms, t, G, rowG, rowW, ws, values, dual, out } }) => (Xt, n, d, Yt, k, params, W, history) => {
      const { lambda, rho, maxIter, tol } = params;
      core.cdMultiTask(address(Xt), n, d, address(Yt), k, lambda, rho, maxIter, tol, address(W), address(Rt), address(norms),
        address(t), address(G), address(rowG), address(rowW), address(ws), address(values), address(dual), address(history),
        lengthOrZero(history), address(out));
      return iterativeResult(out);
    },
  }),
  /**
   * One epoch of mini-batch training over the rows listed in order (count packed i32 indices), batches of
   * batchSize; theta = [w (cols), b], m and v (cols + 1) Adam's moments, state = [t]; all updated. Returns half
   * the mean squared residual seen before each step.
   */
  sgdEpoch: entry<
    (X: F64Block, cols: number, y: F64Block, order: F64Block, count: number, batchSize: number, theta: F64Block,
      params: SgdParams, m: F64Block, s: F64Block, state: F64Block) => number
  >({
    source: "solvers/sgd",
    args: ["X", "cols", "y", "order", "count", "batchSize", "theta", "params", "m", "v", "state"],
    lengths: { state: [1] },
    check: (args, method) => {
      checkEpoch(args, method);
      const width = (args.cols as number) + 1;
      for (const name of ["theta", "m", "v"]) checkLength(args[name] as F64Block, width, name, method);
    },
    scratch: { g: (a) => (a.cols as number) + 1, r: (a) => Math.max(1, Math.min(a.batchSize as number, a.count as number)) },
    js: (X, cols, y, order, count, batchSize, theta, params, m, s, state) =>
      sgdEpoch(v(X), cols, v(y), int32(order), count, batchSize, v(theta), params, v(m), v(s), v(state)),
    wasm: ({ core, address, scratch: { g, r } }) => (X, cols, y, order, count, batchSize, theta, params, m, s, state) => {
      const { optimizer, lr, beta1, beta2, eps, lambda, rho, fitIntercept } = params;
      return core.sgdEpoch(address(X), cols, address(y), address(order), count, batchSize, address(theta), OPTIMIZERS.indexOf(optimizer),
        lr, beta1, beta2, eps, lambda, rho, flag(fitIntercept), address(m), address(s), address(g), address(r), address(state));
    },
  }),
  /** FISTA with restart on centered row-major X and y, from the start w (written in place). */
  fista: entry<
    (X: F64Block, rows: number, cols: number, y: F64Block, params: FistaParams, w: F64Block, history: F64Block | null) => IterativeResult
  >({
    source: "solvers/fista",
    args: ["X", "rows", "cols", "y", "params", "w", "history"],
    optional: ["history"],
    lengths: { X: ["rows", "cols"], y: ["rows"], w: ["cols"] },
    check: checkGroups,
    scratch: {
      wPrev: ["cols"], z: ["cols"], gw: ["cols"], gPrev: ["cols"], gz: ["cols"], r: ["rows"], out: [3],
      groupNorms: (a) => Math.max((a.params as FistaParams).groups?.count ?? 0, 1),
    },
    js: (X, rows, cols, y, params, w, history) => {
      const groups = params.groups && { ids: int32(params.groups.ids), count: params.groups.count, weights: v(params.groups.weights) };
      return fista.fista(v(X), rows, cols, v(y), params, v(w), optional(history), groups);
    },
    wasm: ({ core, address, scratch: { wPrev, z, gw, gPrev, gz, r, out, groupNorms } }) => (X, rows, cols, y, params, w, history) => {
      const { lambda, rho, L, maxIter, tol, positive, groups } = params;
      core.fista(address(X), rows, cols, address(y), lambda, rho, L, maxIter, tol, flag(positive), address(w), address(wPrev),
        address(z), address(gw), address(gPrev), address(gz), address(r), groups ? address(groups.ids) : 0, groups ? groups.count : 0,
        groups ? address(groups.weights) : 0, address(groupNorms), address(history), lengthOrZero(history), address(out));
      return iterativeResult(out);
    },
  }),
};
