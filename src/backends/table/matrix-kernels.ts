// Kernels over row-major matrices: products, the fused loss gradient, moments, Gram matrices, transposes.

import type { F64Block } from "../contract.js";
import { centerRows } from "../js/kernels/center-rows.js";
import { columnMeans } from "../js/kernels/column-means.js";
import { gemv } from "../js/kernels/gemv.js";
import { gemvT } from "../js/kernels/gemv-t.js";
import * as gram from "../js/kernels/gram.js";
import { largestEigenvalue } from "../js/kernels/largest-eigenvalue.js";
import { squaredLossGradient } from "../js/kernels/squared-loss-gradient.js";
import { transpose } from "../js/kernels/transpose.js";
import { entry, optional, v } from "./common.js";

/**
 * Rows per packed block of centeredGram: a pair of its 4-column panels (2 x 8 KB) stays in L1 while their tile
 * is accumulated, and the whole block of a 100-column X (200 KB) in L2. Measured in bench/kernels.ts.
 */
export const GRAM_BLOCK_ROWS = 256;

/** Rows per stripe of centeredGram at least: fewer rows than two stripes' make one. */
const STRIPE_ROWS = 1024;
/** The most values the stripes' partial G and XtY take together (16 MB). */
const PARTIAL_VALUES = 1 << 21;

/**
 * The stripes of rows centeredGram sums separately (on the core's threads when it has them), at most 8: fixed by
 * the shape alone, so that the result does not depend on how many threads take them.
 */
export function gramStripes(rows: number, cols: number, k: number): number {
  return Math.max(1, Math.min(rowStripeCount(rows), Math.floor(PARTIAL_VALUES / Math.max(1, cols * (cols + k)))));
}

/** Stripes of rows a pass may be cut into: at most 8, of STRIPE_ROWS rows at least. */
export const rowStripeCount = (rows: number): number => Math.max(1, Math.min(8, Math.floor(rows / STRIPE_ROWS)));

/** The first and end rows of `count` stripes of `rows` rows. */
export function stripeBounds(rows: number, count: number): [number, number][] {
  return Array.from({ length: count }, (_, s) => [Math.floor((s * rows) / count), Math.floor(((s + 1) * rows) / count)]);
}

/** Tile rows of G at least for splitting one stripe's tiles among calls (threads): 16 panels, 64 columns. */
const PANEL_SPLIT_PANELS = 16;
/** Calls one stripe's tiles are split among, each summing its tile rows whole (so no bit depends on the split). */
const PANEL_CALLS = 4;

/** Packed blocks centeredGram needs at once: one per stripe, or per panel call when one stripe is split by tile rows. */
function packedSlots(rows: number, cols: number, k: number): number {
  const stripes = gramStripes(rows, cols, k);
  return stripes > 1 ? stripes : Math.ceil(cols / 4) >= PANEL_SPLIT_PANELS ? PANEL_CALLS : 1;
}

/** The tile rows [first, end) of each panel call: as equal in tiles as whole rows allow (row a has panels - a). */
function panelRanges(cols: number): [number, number][] {
  const panels = Math.ceil(cols / 4);
  const total = (panels * (panels + 1)) / 2;
  const ends: number[] = [];
  let [done, a] = [0, 0];
  for (let call = 1; call <= PANEL_CALLS; call++) {
    while (a < panels && done + (panels - a) <= (call * total) / PANEL_CALLS + 1e-9) done += panels - a++;
    ends.push(call === PANEL_CALLS ? panels : a);
  }
  return ends.map((end, i) => [i === 0 ? 0 : ends[i - 1], end]).filter(([first, end]) => end > first) as [number, number][];
}

/** Values of one stripe's packed block and tile (its rows at most ceil(rows / stripes)). */
function stripePacked(rows: number, cols: number, k: number): number {
  const stripeRows = Math.ceil(rows / gramStripes(rows, cols, k));
  return Math.min(GRAM_BLOCK_ROWS, stripeRows) * 4 * (Math.ceil(cols / 4) + Math.ceil(k / 4)) + 16;
}

export const matrixKernels = {
  /** out = X w, X row-major rows x cols. */
  gemv: entry<(X: F64Block, rows: number, cols: number, w: F64Block, out: F64Block) => void>({
    source: "kernels/gemv",
    args: ["X", "rows", "cols", "w", "out"],
    lengths: { X: ["rows", "cols"], w: ["cols"], out: ["rows"] },
    js: (X, rows, cols, w, out) => gemv(v(X), rows, cols, v(w), v(out)),
    // Rows are independent: on the core's threads each takes whole stripes of them (predictions of a large X).
    wasm: ({ address, parallel }) => (X, rows, cols, w, out) =>
      parallel("gemv", stripeBounds(rows, rowStripeCount(rows)).map(([first, end]) => [address(X) + 8 * first * cols, end - first, cols, address(w), address(out) + 8 * first]), rows * cols),
  }),
  /** out = X^T r, X row-major rows x cols. */
  gemvT: entry<(X: F64Block, rows: number, cols: number, r: F64Block, out: F64Block) => void>({
    source: "kernels/gemv-t",
    args: ["X", "rows", "cols", "r", "out"],
    lengths: { X: ["rows", "cols"], r: ["rows"], out: ["cols"] },
    js: (X, rows, cols, r, out) => gemvT(v(X), rows, cols, v(r), v(out)),
    wasm: ({ core, address }) => (X, rows, cols, r, out) => core.gemvT(address(X), rows, cols, address(r), address(out)),
  }),
  /** One pass over the rows of X: r = X w + b - y, grad = X^T r / rows; returns (1/2 rows) ||r||^2. */
  squaredLossGradient: entry<
    (X: F64Block, rows: number, cols: number, w: F64Block, b: number, y: F64Block, r: F64Block, grad: F64Block) => number
  >({
    source: "kernels/squared-loss-gradient",
    args: ["X", "rows", "cols", "w", "b", "y", "r", "grad"],
    lengths: { X: ["rows", "cols"], w: ["cols"], y: ["rows"], r: ["rows"], grad: ["cols"] },
    js: (X, rows, cols, w, b, y, r, grad) => squaredLossGradient(v(X), rows, cols, v(w), b, v(y), v(r), v(grad)),
    wasm: ({ core, address }) => (X, rows, cols, w, b, y, r, grad) =>
      core.squaredLossGradient(address(X), rows, cols, address(w), b, address(y), address(r), address(grad)),
  }),
  /** out = column means of X (rows > 0). */
  columnMeans: entry<(X: F64Block, rows: number, cols: number, out: F64Block) => void>({
    source: "kernels/column-means",
    args: ["X", "rows", "cols", "out"],
    lengths: { X: ["rows", "cols"], out: ["cols"] },
    js: (X, rows, cols, out) => columnMeans(v(X), rows, cols, v(out)),
    wasm: ({ core, address }) => (X, rows, cols, out) => core.columnMeans(address(X), rows, cols, address(out)),
  }),
  /** out = X - 1 mean^T (out may be X). */
  centerRows: entry<(X: F64Block, rows: number, cols: number, mean: F64Block, out: F64Block) => void>({
    source: "kernels/center-rows",
    args: ["X", "rows", "cols", "mean", "out"],
    lengths: { X: ["rows", "cols"], mean: ["cols"], out: ["rows", "cols"] },
    js: (X, rows, cols, mean, out) => centerRows(v(X), rows, cols, v(mean), v(out)),
    wasm: ({ core, address }) => (X, rows, cols, mean, out) => core.centerRows(address(X), rows, cols, address(mean), address(out)),
  }),
  /**
   * G = Xc^T Xc (cols x cols) and XtY = Xc^T Yc (cols x k) for Xc = X - 1 xMean^T, Yc = Y - 1 yMean^T (zero
   * means give the plain products). Y is rows x k.
   */
  centeredGram: entry<
    (X: F64Block, rows: number, cols: number, xMean: F64Block, Y: F64Block, k: number, yMean: F64Block, G: F64Block, XtY: F64Block) => void
  >({
    source: "kernels/gram",
    args: ["X", "rows", "cols", "xMean", "Y", "k", "yMean", "G", "XtY"],
    lengths: { X: ["rows", "cols"], Y: ["rows", "k"], xMean: ["cols"], yMean: ["k"], G: ["cols", "cols"], XtY: ["cols", "k"] },
    // Each stripe's packed block of rows (4-column panels of X and Y) and tile; past one stripe, its partial G and XtY.
    scratch: {
      packed: (a) => packedSlots(a.rows as number, a.cols as number, a.k as number) * stripePacked(a.rows as number, a.cols as number, a.k as number),
      partial: (a) => {
        const stripes = gramStripes(a.rows as number, a.cols as number, a.k as number);
        return stripes > 1 ? stripes * (a.cols as number) * ((a.cols as number) + (a.k as number)) : 0;
      },
    },
    js: (X, rows, cols, xMean, Y, k, yMean, G, XtY) => {
      const stripes = stripeBounds(rows, gramStripes(rows, cols, k));
      if (stripes.length === 1) return gram.centeredGram(v(X), rows, cols, v(xMean), v(Y), k, v(yMean), GRAM_BLOCK_ROWS, v(G), v(XtY));
      const [g, xty] = [v(G), v(XtY)];
      stripes.forEach(([first, end], s) => {
        const [Gs, XtYs] = s === 0 ? [g, xty] : [new Float64Array(cols * cols), new Float64Array(cols * k)];
        gram.centeredGram(v(X).subarray(first * cols, end * cols), end - first, cols, v(xMean), v(Y).subarray(first * k, end * k), k, v(yMean), GRAM_BLOCK_ROWS, Gs, XtYs);
        if (s > 0) {
          for (let i = 0; i < cols * cols; i++) g[i] += Gs[i];
          for (let i = 0; i < cols * k; i++) xty[i] += XtYs[i];
        }
      });
    },
    wasm: ({ core, address, scratch, parallel }) => (X, rows, cols, xMean, Y, k, yMean, G, XtY) => {
      const stripes = stripeBounds(rows, gramStripes(rows, cols, k));
      const [packed, per] = [address(scratch.packed), 8 * stripePacked(rows, cols, k)];
      if (stripes.length === 1 && packedSlots(rows, cols, k) === 1) {
        core.centeredGram(address(X), rows, cols, address(xMean), address(Y), k, address(yMean), GRAM_BLOCK_ROWS, packed, address(G), address(XtY));
        return;
      }
      if (stripes.length === 1) {
        // One stripe of many columns: its tile rows split among calls, each summing whole tiles.
        G.values.fill(0);
        XtY.values.fill(0);
        parallel("centeredGramPanels", panelRanges(cols).map(([first, end], call) => [
          address(X), rows, cols, address(xMean), address(Y), k, address(yMean), GRAM_BLOCK_ROWS, packed + call * per, address(G), address(XtY), first, end,
        ]), (rows * cols * (cols + k)) / 2);
        core.mirrorUpper(address(G), cols);
        return;
      }
      // Stripe s writes its own G_s and XtY_s; then G = G_0 + G_1 + ... in stripe order, whatever thread ran which.
      const [partial, stride] = [address(scratch.partial), 8 * cols * (cols + k)];
      parallel("centeredGram", stripes.map(([first, end], s) => [
        address(X) + 8 * first * cols, end - first, cols, address(xMean), address(Y) + 8 * first * k, k, address(yMean),
        GRAM_BLOCK_ROWS, packed + s * per, partial + s * stride, partial + s * stride + 8 * cols * cols,
      ]), (rows * cols * (cols + k)) / 2);
      const parts = scratch.partial.values;
      G.values.set(parts.subarray(0, cols * cols));
      XtY.values.set(parts.subarray(cols * cols, cols * (cols + k)));
      for (let s = 1; s < stripes.length; s++) {
        core.addStripe(partial + s * stride, address(G), cols * cols);
        core.addStripe(partial + s * stride + 8 * cols * cols, address(XtY), cols * k);
      }
    },
  }),
  /** K = X X^T (rows x rows). */
  rowGram: entry<(X: F64Block, rows: number, cols: number, K: F64Block) => void>({
    source: "kernels/gram",
    args: ["X", "rows", "cols", "K"],
    lengths: { X: ["rows", "cols"], K: ["rows", "rows"] },
    js: (X, rows, cols, K) => gram.rowGram(v(X), rows, cols, v(K)),
    wasm: ({ core, address }) => (X, rows, cols, K) => core.rowGram(address(X), rows, cols, address(K)),
  }),
  /** out (cols x rows) = (X - 1 mean^T)^T: the columns of X centered by mean (cols), or X^T when mean is null. */
  transpose: entry<(X: F64Block, rows: number, cols: number, mean: F64Block | null, out: F64Block) => void>({
    source: "kernels/transpose",
    args: ["X", "rows", "cols", "mean", "out"],
    optional: ["mean"],
    lengths: { X: ["rows", "cols"], mean: ["cols"], out: ["rows", "cols"] },
    js: (X, rows, cols, mean, out) => transpose(v(X), rows, cols, optional(mean), v(out)),
    wasm: ({ core, address }) => (X, rows, cols, mean, out) => core.transpose(address(X), rows, cols, address(mean), address(out)),
  }),
  /** Largest eigenvalue of X^T X / rows by power iteration. */
  largestEigenvalue: entry<(X: F64Block, rows: number, cols: number, maxIter: number) => number>({
    source: "kernels/largest-eigenvalue",
    args: ["X", "rows", "cols", "maxIter"],
    lengths: { X: ["rows", "cols"] },
    scratch: { v: ["cols"], u: ["cols"], t: ["rows"] },
    js: (X, rows, cols, maxIter) => largestEigenvalue(v(X), rows, cols, maxIter),
    wasm: ({ core, address, scratch }) => (X, rows, cols, maxIter) =>
      core.largestEigenvalue(address(X), rows, cols, maxIter, address(scratch.v), address(scratch.u), address(scratch.t)),
  }),
};
